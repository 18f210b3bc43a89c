import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context.js';

interface InspectorHeaderProps {
  kind: string;
  title: string;
  subtitle?: string | undefined;
  onClose: () => void;
  onZoomTo?: (() => void) | undefined;
  /** Buttons under the title (e.g. "Sửa" for an account allowed to change the record, "Lịch sử"). */
  actions?: ReactNode;
}

export function InspectorHeader({ kind, title, subtitle, onClose, onZoomTo, actions }: InspectorHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="inspector__header">
      <div className="inspector__titles">
        <span className="inspector__kind">{kind}</span>
        <h2 className="inspector__title">{title}</h2>
        {subtitle ? <span className="inspector__subtitle">{subtitle}</span> : null}
        {actions ? <div className="inspector__record-actions">{actions}</div> : null}
      </div>
      <div className="inspector__actions">
        {onZoomTo ? (
          <button type="button" className="button button--small" onClick={onZoomTo}>
            {t('inspector.zoomTo')}
          </button>
        ) : null}
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('inspector.close')} title={t('inspector.close')}>
          ×
        </button>
      </div>
    </header>
  );
}
