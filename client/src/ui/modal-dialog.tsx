import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Wider body for tables (the conflict comparison, the token list). */
  size?: 'narrow' | 'normal' | 'wide';
  testId?: string;
  /** Set while a request runs: Esc and the close button then do nothing. */
  busy?: boolean;
}

/**
 * A modal dialog on the native <dialog> element: it sits in the top layer over
 * the map, traps focus and closes with Esc, without a library.
 */
export function ModalDialog({ title, onClose, children, size = 'normal', testId, busy = false }: ModalDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs before the dialog opens; the first field marked data-autofocus gets the focus instead of the close button.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal modal--${size}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        // Esc: React decides whether the dialog goes, so the state and the element never disagree.
        event.preventDefault();
        if (!busy) closeRef.current();
      }}
    >
      <header className="modal__header">
        <h2 className="modal__title" id={titleId}>
          {title}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} disabled={busy} aria-label={t('dialog.close')} title={t('dialog.close')}>
          ×
        </button>
      </header>
      <div className="modal__body">{children}</div>
    </dialog>
  );
}
