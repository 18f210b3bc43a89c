import type { SharingUnit } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { percent } from '../coverage/coverage-formats.js';
import { barChartLayout, xOf } from './sharing-chart-scale.js';

interface SharingBarChartProps {
  /** In the order the table shows them. */
  units: readonly SharingUnit[];
  /** The plan's target for the site sharing ratio (0–1). */
  target: number;
  width: number;
  selectedCode?: string | null;
  onUnitClick?: (code: string) => void;
}

const labelWidth = 132;

/** Longer names are cut with an ellipsis so they never run into the bars; the full name is in the bar's title. */
function shortName(name: string): string {
  return name.length > 20 ? `${name.slice(0, 19)}…` : name;
}

/**
 * The site sharing ratio of each unit as a horizontal bar, with the plan's
 * target as a dashed line: bars reaching it are green, the others amber.
 * Plain SVG: no chart library for a dozen rectangles.
 */
export function SharingBarChart({ units, target, width, selectedCode = null, onUnitClick }: SharingBarChartProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const layout = barChartLayout({ values: units.map((u) => u.siteRatio.value), target, width, labelWidth, top: 36 });
  const targetX = xOf(layout, target);
  const bottom = layout.height - 8;
  // Tick labels need about 34 px each: on a narrow chart only every second (or third) one is written.
  const tickSpacing = layout.ticks.length > 1 ? layout.plotWidth / (layout.ticks.length - 1) : layout.plotWidth;
  const labelEvery = Math.max(1, Math.ceil(34 / Math.max(1, tickSpacing)));
  return (
    <svg
      className="sharing-chart"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={t('sharing.chartLabel', { target: percent(i18n, target, 0) })}
      data-testid="sharing-chart"
    >
      {layout.ticks.map((tick, i) => {
        const x = xOf(layout, tick);
        return (
          <g key={tick} className="sharing-chart__tick">
            <line x1={x} x2={x} y1={layout.plotTop - 4} y2={bottom} />
            {i % labelEvery === 0 ? (
              <text x={x} y={layout.plotTop - 8} textAnchor="middle">
                {percent(i18n, tick, 0)}
              </text>
            ) : null}
          </g>
        );
      })}
      {units.map((unit, i) => {
        const y = layout.plotTop + i * layout.rowHeight;
        const value = unit.siteRatio.value;
        const barWidth = value === null ? 0 : xOf(layout, value) - layout.plotLeft;
        const reaches = value !== null && value >= target;
        const selected = unit.code === selectedCode;
        return (
          <g
            key={unit.code}
            className={selected ? 'sharing-chart__row sharing-chart__row--selected' : 'sharing-chart__row'}
            onClick={onUnitClick ? () => onUnitClick(unit.code) : undefined}
            data-testid={`sharing-bar-${unit.code}`}
            data-value={value ?? ''}
          >
            <title>
              {`${unit.name}: ${percent(i18n, value)} (${t('sharing.fractionSites', { shared: unit.siteRatio.numerator, sites: unit.siteRatio.denominator })})`}
            </title>
            <rect className="sharing-chart__hit" x={0} y={y} width={layout.width} height={layout.rowHeight} />
            <text className="sharing-chart__label" x={layout.plotLeft - 6} y={y + layout.rowHeight / 2} dominantBaseline="central" textAnchor="end">
              {shortName(unit.name)}
            </text>
            {value === null ? null : (
              <rect
                className={reaches ? 'sharing-chart__bar sharing-chart__bar--reached' : 'sharing-chart__bar'}
                x={layout.plotLeft}
                y={y + (layout.rowHeight - layout.barHeight) / 2}
                width={Math.max(barWidth, value > 0 ? 1 : 0)}
                height={layout.barHeight}
                rx={2}
              />
            )}
            <text className="sharing-chart__value" x={layout.plotLeft + layout.plotWidth + 6} y={y + layout.rowHeight / 2} dominantBaseline="central">
              {value === null ? t('value.none') : percent(i18n, value)}
            </text>
          </g>
        );
      })}
      <line className="sharing-chart__target" x1={targetX} x2={targetX} y1={layout.plotTop - 2} y2={bottom} data-testid="sharing-chart-target" data-target={target} />
      <text className="sharing-chart__target-label" x={Math.min(targetX + 4, layout.width - 4)} y={12} textAnchor={targetX > layout.width - 90 ? 'end' : 'start'}>
        {t('sharing.targetLine', { target: percent(i18n, target, 0) })}
      </text>
    </svg>
  );
}
