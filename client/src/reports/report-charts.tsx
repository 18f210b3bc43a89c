import type { IndicatorDefinition, IndicatorUnitsResponse } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { IndicatorBarChart, type IndicatorBar } from '../indicators/indicator-bar-chart.js';
import { indicatorFractionText, indicatorValueText } from '../indicators/indicator-formats.js';
import { chartDrawWidth, commonTarget } from './report-layout.js';

/** The indicators the report charts per unit: mobile broadband in hamlets, fiber reach, site sharing (those the answer has). */
export const reportChartIndicators = ['hamlets-mobile-broadband', 'hamlets-fiber-reach', 'site-sharing-ratio'] as const;

function ReportChart({ units, indicator }: { units: IndicatorUnitsResponse; indicator: IndicatorDefinition }) {
  const i18n = useI18n();
  const { lang } = i18n;
  const bars: IndicatorBar[] = units.units.map((row) => {
    const cell = row.values[indicator.code];
    return {
      code: row.code,
      name: row.name,
      value: cell?.value ?? null,
      target: cell?.target ?? null,
      fraction: cell ? indicatorFractionText(i18n, indicator.counts, cell.numerator, cell.denominator) : null,
    };
  });
  const target = commonTarget(bars.map((bar) => bar.target));
  const width = chartDrawWidth(bars.length);
  return (
    <figure className="report-chart" data-testid={`report-chart-${indicator.code}`}>
      <figcaption className="report-chart__title">
        {indicator.name[lang]}
        <span className="report-chart__target">
          {target === null ? i18n.t('report.chartNoTarget') : i18n.t('report.chartTarget', { target: indicatorValueText(i18n, indicator, target) })}
        </span>
      </figcaption>
      <div className="report-chart__frame">
        <IndicatorBarChart bars={bars} indicator={indicator} target={target} width={width} testId={`report-chart-svg-${indicator.code}`} />
      </div>
    </figure>
  );
}

/** Section 3: a bar chart per unit of each key indicator, with its target as a dashed line. */
export function ReportCharts({ units }: { units: IndicatorUnitsResponse }) {
  const { t } = useI18n();
  const indicators = reportChartIndicators
    .map((code) => units.indicators.find((indicator) => indicator.code === code))
    .filter((indicator): indicator is IndicatorDefinition => indicator !== undefined);
  return (
    <>
      <p className="report-note">{t('report.chartsNote')}</p>
      {indicators.map((indicator) => (
        <ReportChart key={indicator.code} units={units} indicator={indicator} />
      ))}
    </>
  );
}
