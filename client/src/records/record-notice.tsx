import { useState } from 'react';
import { describeError } from '../api/api-client.js';
import { restoreRecord } from '../api/record-api.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import type { RegisterChange } from './register-change.js';

function kindLabel(i18n: I18n, change: RegisterChange): string {
  if (change.entity === 'bts') return 'BTS';
  return i18n.t(change.entity === 'site' ? 'inspector.kind.sites' : 'inspector.kind.fiber').toLowerCase();
}

/** The line at the foot of the map after a write: what happened, and for a deletion the way back. */
export function RecordNotice({ change, onDismiss, onChanged }: { change: RegisterChange; onDismiss: () => void; onChanged: (change: RegisterChange) => void }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = kindLabel(i18n, change);
  const text = (() => {
    switch (change.action) {
      case 'delete':
        return t('delete.done', { kind, code: change.code });
      case 'restore':
        return t('delete.restored', { kind, code: change.code });
      case 'update':
        return change.entity === 'bts' ? t('edit.savedBts', { code: change.code }) : t('edit.saved', { code: change.code });
      case 'reload':
        return null;
    }
  })();
  if (!text) return null;

  const restore = () => {
    setRestoring(true);
    setError(null);
    restoreRecord(change.entity, change.code, change.version, lang)
      .then((record) => onChanged({ entity: change.entity, code: change.code, action: 'restore', version: record.version }))
      .catch((e: unknown) => {
        setRestoring(false);
        setError(t('delete.restoreFailed', { kind, code: change.code, detail: describeError(e) }));
      });
  };

  return (
    <div className={error ? 'record-notice record-notice--error' : 'record-notice'} role="status" data-testid="record-notice">
      <span>{error ?? text}</span>
      {change.action === 'delete' && !error ? (
        <button type="button" className="button button--small" onClick={restore} disabled={restoring} data-testid="record-restore">
          {restoring ? t('delete.restoring') : t('delete.undo')}
        </button>
      ) : null}
      <button type="button" className="icon-button icon-button--small" onClick={onDismiss} aria-label={t('notice.dismiss')} title={t('notice.dismiss')}>
        ×
      </button>
    </div>
  );
}

