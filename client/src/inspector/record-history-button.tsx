import type { RegisterEntity } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The records that open the change log on themselves: the register's, and field inspections (code = the inspection's number). */
export type HistoryEntity = RegisterEntity | 'inspection';

/** "Lịch sử": the change log filtered on this record, for planners and admins. */
export function RecordHistoryButton<E extends HistoryEntity>({ entity, code, onShow }: { entity: E; code: string; onShow: ((entity: E, code: string) => void) | undefined }) {
  const { t } = useI18n();
  if (!onShow) return null;
  return (
    <button type="button" className="button button--small" onClick={() => onShow(entity, code)} title={t('audit.historyHint')} data-testid="record-history">
      {t('audit.history')}
    </button>
  );
}
