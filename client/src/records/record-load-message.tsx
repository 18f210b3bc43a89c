import type { DetailLoad } from '../api/use-detail-by-code.js';
import { useI18n } from '../i18n/i18n-context.js';

/** While an edit form loads its record, or when it could not. */
export function RecordLoadMessage({ load, onCancel }: { load: DetailLoad<unknown>; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="record-form">
      <p className={load.status === 'error' ? 'inspector__message inspector__message--error' : 'inspector__message'} role={load.status === 'error' ? 'alert' : 'status'}>
        {load.status === 'error' ? t('edit.loadFailed', { detail: load.error }) : t('edit.loading')}
      </p>
      {load.status === 'error' ? (
        <div className="record-form__actions">
          <span className="record-form__spacer" />
          <button type="button" className="button" onClick={onCancel}>
            {t('edit.cancel')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
