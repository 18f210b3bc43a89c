import type { IndicatorDefinition, IndicatorUnitsResponse } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { IndicatorBarChart, type IndicatorBar } from '../indicators/indicator-bar-chart.js';
import { indicatorFractionText, indicatorValueText } from '../indicators/indicator-formats.js';

/** The indicators the report charts per unit: mobile broadband in hamlets, fiber reach, site sharing (those the answer has). */
export const reportChartIndicators = ['hamlets-mobile-broadband', 'hamlets-fiber-reach', 'site-sharing-ratio'] as const;

/** Width of the printed chart in CSS pixels: A4's 210 mm less 2 × 15 mm margins at 96 px per inch. */
const pageWidthPx = Math.round((180 / 25.4) * 96);
/** Height a chart may take on a page beside its heading (A4's 267 mm of content, less room for the heading). */
const maxChartHeightPx = 880;

/**
 * The target of the dashed line: the one most units share (the province's
 * target for every unit, unless units have their own); null without any.
 */
export function commonTarget(targets: readonly (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const target of targets) if (target !== null) counts.set(target, (counts.get(target) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [target, count] of counts) {
    if (count > bestCount) {
      best = target;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The width the chart is drawn at so that, scaled to the page's width, it fits
 * one page: a chart of many units (the 2025 communes) is drawn wider and prints
 * smaller, instead of being cut between two pages.
 */
export function chartDrawWidth(rows: number): number {
  // The bar chart's layout: 36 px above the rows, 22 px a row, 8 px below.
  const height = 36 + 22 * rows + 8;
  return Math.max(pageWidthPx, Math.ceil((height * pageWidthPx) / maxChartHeightPx));
}

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
