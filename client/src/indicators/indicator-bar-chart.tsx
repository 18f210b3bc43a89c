import type { IndicatorMeasure } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { barChartLayout, niceAxis, xOf } from '../sharing/sharing-chart-scale.js';
import { indicatorNumberText, indicatorValueText, type IndicatorMeasureOf } from './indicator-formats.js';
import '../styles/indicators.css';

/** One bar: a unit's value of the indicator shown, with what it is made of for the bar's title. */
export interface IndicatorBar {
  code: string;
  name: string;
  value: number | null;
  /** The unit's own target when it has one, else the one for every unit; null: none. */
  target: number | null;
  /** "3/5 ấp", or null (reported values). */
  fraction: string | null;
}

export interface IndicatorBarChartProps {
  /** In the order the table shows them. */
  bars: readonly IndicatorBar[];
  indicator: IndicatorMeasureOf & { measure: IndicatorMeasure };
  /** The target drawn as the dashed line: the one for every unit (units with their own are coloured against theirs). */
  target: number | null;
  width: number;
  selectedCode?: string | null;
  onUnitClick?: (code: string) => void;
  testId?: string;
}

const labelWidth = 150;

/** Longer names are cut with an ellipsis so they never run into the bars; the full name is in the bar's title. */
function shortName(name: string): string {
  return name.length > 22 ? `${name.slice(0, 21)}…` : name;
}

/**
 * One indicator per unit as horizontal bars with the target as a dashed line:
 * bars reaching their target are green, the others amber, grey without a
 * target. Plain SVG on the sharing chart's layout; shares on its 0–100 % axis,
 * other measures on an axis of round steps.
 */
export function IndicatorBarChart({ bars, indicator, target, width, selectedCode = null, onUnitClick, testId = 'indicator-chart' }: IndicatorBarChartProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const values = bars.map((b) => b.value);
  const axis = indicator.measure === 'share' ? undefined : niceAxis([...values, ...bars.map((b) => b.target)], target);
  const layout = barChartLayout({ values, target, width, labelWidth, top: 36, valueWidth: indicator.measure === 'per_100_people' ? 150 : 96, ...(axis ? { axis } : {}) });
  const bottom = layout.height - 8;
  const tickSpacing = layout.ticks.length > 1 ? layout.plotWidth / (layout.ticks.length - 1) : layout.plotWidth;
  const labelEvery = Math.max(1, Math.ceil(40 / Math.max(1, tickSpacing)));
  const tickText = (tick: number) => `${indicatorNumberText(i18n, indicator.measure, tick)}${indicator.measure === 'share' ? '%' : ''}`;
  const targetX = target === null ? null : xOf(layout, target);
  const targetText = target === null ? '' : indicatorValueText(i18n, indicator, target);
  return (
    <svg
      className="indicator-chart"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={target === null ? t('indicators.chart.labelNoTarget') : t('indicators.chart.label', { target: targetText })}
      data-testid={testId}
    >
      {layout.ticks.map((tick, i) => {
        const x = xOf(layout, tick);
        return (
          <g key={tick} className="indicator-chart__tick">
            <line x1={x} x2={x} y1={layout.plotTop - 4} y2={bottom} />
            {i % labelEvery === 0 ? (
              <text x={x} y={layout.plotTop - 8} textAnchor="middle">
                {tickText(tick)}
              </text>
            ) : null}
          </g>
        );
      })}
      {bars.map((bar, i) => {
        const y = layout.plotTop + i * layout.rowHeight;
        const value = bar.value;
        const barWidth = value === null ? 0 : xOf(layout, value) - layout.plotLeft;
        const state = value === null || bar.target === null ? 'none' : value >= bar.target ? 'met' : 'below';
        const selected = bar.code === selectedCode;
        const valueText = indicatorValueText(i18n, indicator, value);
        return (
          <g
            key={bar.code}
            className={selected ? 'indicator-chart__row indicator-chart__row--selected' : 'indicator-chart__row'}
            onClick={onUnitClick ? () => onUnitClick(bar.code) : undefined}
            data-testid={`${testId}-bar-${bar.code}`}
            data-value={value ?? ''}
            data-state={state}
          >
            <title>{`${bar.name}: ${valueText}${bar.fraction ? ` (${bar.fraction})` : ''}${bar.target !== null ? ` · ${t('indicators.chart.barTarget', { target: indicatorValueText(i18n, indicator, bar.target) })}` : ''}`}</title>
            <rect className="indicator-chart__hit" x={0} y={y} width={layout.width} height={layout.rowHeight} />
            <text className="indicator-chart__label" x={layout.plotLeft - 6} y={y + layout.rowHeight / 2} dominantBaseline="central" textAnchor="end">
              {shortName(bar.name)}
            </text>
            {value === null ? null : (
              <rect
                className={`indicator-chart__bar indicator-chart__bar--${state}`}
                x={layout.plotLeft}
                y={y + (layout.rowHeight - layout.barHeight) / 2}
                width={Math.max(barWidth, value > 0 ? 1 : 0)}
                height={layout.barHeight}
                rx={2}
              />
            )}
            <text className="indicator-chart__value" x={layout.plotLeft + layout.plotWidth + 6} y={y + layout.rowHeight / 2} dominantBaseline="central">
              {valueText}
            </text>
          </g>
        );
      })}
      {targetX === null ? null : (
        <>
          <line className="indicator-chart__target" x1={targetX} x2={targetX} y1={layout.plotTop - 2} y2={bottom} data-testid={`${testId}-target`} data-target={target ?? ''} />
          <text className="indicator-chart__target-label" x={Math.min(targetX + 4, layout.width - 4)} y={12} textAnchor={targetX > layout.width - 120 ? 'end' : 'start'}>
            {t('indicators.chart.targetLine', { target: targetText })}
          </text>
        </>
      )}
    </svg>
  );
}
