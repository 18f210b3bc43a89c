import type { RegisterEntity } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** "Lịch sử": the change log filtered on this record, for planners and admins. */
export function RecordHistoryButton({ entity, code, onShow }: { entity: RegisterEntity; code: string; onShow: ((entity: RegisterEntity, code: string) => void) | undefined }) {
  const { t } = useI18n();
  if (!onShow) return null;
  return (
    <button type="button" className="button button--small" onClick={() => onShow(entity, code)} title={t('audit.historyHint')} data-testid="record-history">
      {t('audit.history')}
    </button>
  );
}
