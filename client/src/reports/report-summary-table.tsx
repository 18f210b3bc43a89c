import type { Indicator } from '../domain/contract-types.js';
import { useI18n, type I18n } from '../i18n/i18n-context.js';
import { indicatorFractionText, indicatorGapText, indicatorValueText, statusKind, statusText } from '../indicators/indicator-formats.js';

/** Where the value comes from: the register (computed live) or a reported figure of a period, with its document. */
export function sourceText(i18n: I18n, indicator: Indicator): string {
  const { t } = i18n;
  if (indicator.source === 'computed') return t('report.source.computed');
  const reported = indicator.reported;
  if (!reported) return t('report.source.reported');
  const parts = [t('report.source.reportedPeriod', { period: reported.period })];
  if (reported.derivedFrom) parts.push(t('report.source.derived', { set: reported.derivedFrom }));
  if (reported.document) parts.push(reported.document);
  return parts.join('; ');
}

/** The target with the year it is due: "100% (2025)"; "—" while none is set. */
export function targetText(i18n: I18n, indicator: Indicator): string {
  if (indicator.target === null) return i18n.t('value.none');
  const value = indicatorValueText(i18n, indicator, indicator.target);
  return indicator.targetDetail ? i18n.t('report.targetWithYear', { target: value, year: String(indicator.targetDetail.year) }) : value;
}

/** Section 1: every indicator of the unit with value, numerator/denominator, target and year, gap, status and source. */
export function ReportSummaryTable({ indicators }: { indicators: readonly Indicator[] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  return (
    <table className="report-table report-summary" data-testid="report-summary">
      <thead>
        <tr>
          <th className="report-table__no">{t('report.col.no')}</th>
          <th className="report-summary__name">{t('report.col.indicator')}</th>
          <th className="report-table__num report-summary__value-head">{t('report.col.value')}</th>
          <th className="report-table__num report-summary__fraction">{t('report.col.fraction')}</th>
          <th className="report-table__num">{t('report.col.target')}</th>
          <th className="report-table__num">{t('report.col.gap')}</th>
          <th className="report-summary__status">{t('report.col.status')}</th>
          <th>{t('report.col.source')}</th>
        </tr>
      </thead>
      <tbody>
        {indicators.map((indicator, i) => {
          const kind = statusKind(indicator.status, indicator.target, indicator.value);
          return (
            <tr key={indicator.code} data-testid={`report-summary-${indicator.code}`}>
              <td className="report-table__no">{i + 1}</td>
              <td title={indicator.definition[lang]}>{indicator.name[lang]}</td>
              <td className="report-table__num report-summary__value" data-testid="report-summary-value">
                {indicatorValueText(i18n, indicator, indicator.value)}
              </td>
              <td className="report-table__num report-summary__fraction" data-testid="report-summary-fraction">
                {indicatorFractionText(i18n, indicator.counts, indicator.numerator, indicator.denominator) ?? t('value.none')}
              </td>
              <td className="report-table__num" data-testid="report-summary-target">
                {targetText(i18n, indicator)}
              </td>
              <td className="report-table__num" data-testid="report-summary-gap">
                {indicatorGapText(i18n, indicator, indicator.gap)}
              </td>
              <td className={`report-status report-status--${kind}`} data-testid="report-summary-status" data-status={kind}>
                {statusText(i18n, kind)}
              </td>
              <td className="report-summary__source">{sourceText(i18n, indicator)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
