import type { TrendPoint } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { indicatorValueText, type IndicatorMeasureOf } from './indicator-formats.js';

interface IndicatorSparklineProps {
  trend: readonly TrendPoint[];
  indicator: IndicatorMeasureOf;
  width?: number;
  height?: number;
  testId?: string;
}

/**
 * The trend of one indicator: saved snapshots (filled dots) and reported
 * periods (hollow) by date, oldest left; a line joins them when there are two
 * or more, a single point is a dot. Points without a value are left out.
 */
export function IndicatorSparkline({ trend, indicator, width = 132, height = 34, testId }: IndicatorSparklineProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const points = trend.filter((p): p is TrendPoint & { value: number } => p.value !== null && Number.isFinite(p.value));
  if (points.length === 0) {
    return (
      <span className="indicator-sparkline indicator-sparkline--empty" data-testid={testId} data-points={0}>
        {t('indicators.card.trendEmpty')}
      </span>
    );
  }
  const pad = 4;
  const times = points.map((p) => Date.parse(p.date));
  const minT = Math.min(...times);
  const maxT = Math.max(...times);
  const values = points.map((p) => p.value);
  const minV = Math.min(...values);
  const maxV = Math.max(...values);
  // Points on the same day are spread evenly instead of drawn on top of one another.
  const sameTime = maxT === minT;
  const x = (i: number) => (points.length === 1 ? width / 2 : pad + ((sameTime ? i / (points.length - 1) : ((times[i] ?? minT) - minT) / (maxT - minT)) * (width - 2 * pad)));
  const y = (v: number) => (maxV === minV ? height / 2 : height - pad - ((v - minV) / (maxV - minV)) * (height - 2 * pad));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const summary = points.map((p) => `${p.label} (${i18n.formatDate(p.date)}): ${indicatorValueText(i18n, indicator, p.value)}`).join('\n');
  return (
    <svg
      className="indicator-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={t('indicators.card.trendLabel', { count: points.length })}
      data-testid={testId}
      data-points={points.length}
    >
      <title>{summary}</title>
      {points.length > 1 ? <path className="indicator-sparkline__line" d={path} /> : null}
      {points.map((p, i) => (
        <circle key={`${p.kind}-${p.label}-${p.date}`} className={`indicator-sparkline__point indicator-sparkline__point--${p.kind}`} cx={x(i)} cy={y(p.value)} r={points.length === 1 ? 3.5 : 2.5} />
      ))}
    </svg>
  );
}
