import type { SitePlannerPick } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { cumulativeChart } from './cumulative-chart-geometry.js';

const width = 380;
const height = 120;

/** Bars: each pick's marginal gain on top of what the picks before it add; line: the cumulative gain. */
export function CumulativeGainChart({ picks }: { picks: readonly SitePlannerPick[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const chart = cumulativeChart(picks, width, height);
  const bottom = chart.plot.top + chart.plot.height;
  return (
    <figure className="gain-chart" data-testid="planner-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('planner.chartLabel', { total: i18n.formatNumber(chart.maxGain) })}>
        <line x1={chart.plot.left} x2={chart.plot.left + chart.plot.width} y1={bottom} y2={bottom} className="gain-chart__axis" />
        {chart.bars.map((bar) => (
          <g key={bar.order}>
            <rect x={bar.x} width={bar.width} y={bar.baseY} height={bottom - bar.baseY} className="gain-chart__base" />
            <rect x={bar.x} width={bar.width} y={bar.topY} height={Math.max(0, bar.baseY - bar.topY)} className="gain-chart__gain" data-testid="planner-chart-bar">
              <title>{t('planner.barTitle', { order: bar.order })}</title>
            </rect>
            <text x={bar.x + bar.width / 2} y={height - 3} textAnchor="middle" className="gain-chart__label">
              {bar.order}
            </text>
          </g>
        ))}
        <polyline points={chart.line} className="gain-chart__line" />
      </svg>
      <figcaption className="legend__note">
        <span className="gain-chart__key gain-chart__key--gain" /> {t('planner.legendMarginal')} <span className="gain-chart__key gain-chart__key--base" /> {t('planner.legendBefore')}{' '}
        <span className="gain-chart__key gain-chart__key--line" /> {t('planner.legendCumulative')}
      </figcaption>
    </figure>
  );
}
