import type { ProposalStatus } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** "Đã nộp", "Đã duyệt", "Từ chối", "Đã rút", each in its colour. */
export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useI18n();
  return (
    <span className={`proposal-status proposal-status--${status}`} data-testid="proposal-status" data-status={status}>
      {t(`proposalStatus.${status}`)}
    </span>
  );
}
