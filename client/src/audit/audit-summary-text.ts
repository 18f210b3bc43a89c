import type { AuditEntry } from '../domain/contract-types.js';
import { dayText } from '../domain/calendar-day.js';
import type { I18n } from '../i18n/i18n-context.js';

/**
 * The server writes an entry's summary as a short English note; the ones it is
 * known to write are shown in the reader's language, any other as written.
 */
export function auditSummaryText(i18n: I18n, entry: AuditEntry): string {
  const { t } = i18n;
  const summary = entry.summary?.trim() ?? '';
  if (!summary && entry.entity === 'inspection') return inspectionSummary(i18n, entry);
  if (!summary) return '';
  const measurements = /^(\d+) measurements?$/.exec(summary);
  if (measurements) return t('audit.summary.measurements', { count: Number(measurements[1]) });
  switch (summary) {
    case 'unknown user':
      return t('audit.summary.unknownUser');
    case 'wrong password':
      return t('audit.summary.wrongPassword');
    case 'account inactive':
      return t('audit.summary.inactive');
    case 'first admin account':
      return t('audit.summary.firstAdmin');
    default:
      return summary;
  }
}

/** An inspection's entry carries no summary; its hamlet and day say which one it is ("Ấp 0101-03, ngày 20/11/2026"). */
function inspectionSummary(i18n: I18n, entry: AuditEntry): string {
  const snapshot = entry.after ?? entry.before ?? {};
  const hamlet = typeof snapshot.hamletCode === 'string' ? snapshot.hamletCode : null;
  const day = typeof snapshot.inspectedOn === 'string' ? dayText(snapshot.inspectedOn) : '';
  return hamlet ? i18n.t('audit.summary.inspection', { hamlet, date: day || '—' }) : '';
}
