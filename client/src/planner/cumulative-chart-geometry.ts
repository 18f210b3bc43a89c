// Geometry of the site planner's cumulative-gain chart: one bar per pick (its
// marginal gain, stacked on what the picks before it add) and the cumulative
// line through the bar tops. Pure, in SVG user units, so it is unit-tested.

export interface ChartPick {
  order: number;
  marginalGain: number;
  cumulativeGain: number;
}

export interface ChartBar {
  order: number;
  x: number;
  width: number;
  /** Top of the part added by the picks before (the base) and of the pick's own gain. */
  baseY: number;
  topY: number;
}

export interface CumulativeChart {
  bars: ChartBar[];
  /** "x,y x,y …" for <polyline>, starting at (left, bottom): nothing picked, nothing gained. */
  line: string;
  /** The largest cumulative gain (the top of the axis). */
  maxGain: number;
  plot: { left: number; top: number; width: number; height: number };
}

export function cumulativeChart(picks: readonly ChartPick[], width: number, height: number, padding = { left: 4, right: 4, top: 8, bottom: 16 }): CumulativeChart {
  const plot = { left: padding.left, top: padding.top, width: Math.max(1, width - padding.left - padding.right), height: Math.max(1, height - padding.top - padding.bottom) };
  const bottom = plot.top + plot.height;
  const maxGain = picks.reduce((max, p) => Math.max(max, p.cumulativeGain), 0);
  // All zero: a flat chart on the axis rather than a division by zero.
  const y = (gain: number) => (maxGain > 0 ? bottom - (gain / maxGain) * plot.height : bottom);
  const slot = picks.length > 0 ? plot.width / picks.length : plot.width;
  const barWidth = slot * 0.6;
  const bars = picks.map((p, i) => ({
    order: p.order,
    x: plot.left + i * slot + (slot - barWidth) / 2,
    width: barWidth,
    baseY: y(p.cumulativeGain - p.marginalGain),
    topY: y(p.cumulativeGain),
  }));
  const round = (n: number) => Math.round(n * 100) / 100;
  const points = [`${round(plot.left)},${round(bottom)}`, ...picks.map((p, i) => `${round(plot.left + (i + 1) * slot)},${round(y(p.cumulativeGain))}`)];
  return { bars, line: points.join(' '), maxGain, plot };
}
