import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

interface WorkspacePageProps {
  title: string;
  intro?: string;
  onClose: () => void;
  /** Buttons at the end of the title bar. */
  actions?: ReactNode;
  children: ReactNode;
  testId: string;
}

/** A page over the map (accounts, change log) under the header; the map stays loaded beneath it. */
export function WorkspacePage({ title, intro, onClose, actions, children, testId }: WorkspacePageProps) {
  const { t } = useI18n();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // Esc goes back to the map unless a dialog (which handles Esc itself) is open.
      if (event.key === 'Escape' && !document.querySelector('dialog[open]')) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section className="workspace" aria-labelledby={titleId} data-testid={testId}>
      <header className="workspace__header">
        <button type="button" className="button button--small" onClick={onClose} data-testid="workspace-close">
          {t('workspace.backToMap')}
        </button>
        <div className="workspace__titles">
          <h2 className="workspace__title" id={titleId} ref={heading} tabIndex={-1}>
            {title}
          </h2>
          {intro ? <p className="workspace__intro">{intro}</p> : null}
        </div>
        <div className="workspace__actions">{actions}</div>
      </header>
      <div className="workspace__body">{children}</div>
    </section>
  );
}
