/** Layout of the horizontal bar chart of the site sharing ratio per unit (plain SVG; numbers in pixels). */
export interface BarChartLayout {
  width: number;
  height: number;
  /** Left edge of the bars (the labels are to its left). */
  plotLeft: number;
  plotWidth: number;
  plotTop: number;
  rowHeight: number;
  barHeight: number;
  /** The largest share on the axis (a round tenth ≥ every value and the target). */
  axisMax: number;
  ticks: number[];
}

export interface BarChartInput {
  values: readonly (number | null)[];
  target: number | null;
  width: number;
  labelWidth: number;
  rowHeight?: number;
  /** Room above the rows for the tick labels and the target's label. */
  top?: number;
  /** Room right of the axis for the value labels. */
  valueWidth?: number;
  /** An axis for values that are not shares (speeds, subscriptions per 100 people): see niceAxis. Default: the share axis of axisMaxFor. */
  axis?: { axisMax: number; ticks: number[] };
}

/**
 * The axis runs from 0 to the smallest tenth (10 %, 20 %, …, 100 %) that holds
 * every value and the target, so bars are comparable and the target line is
 * always on the chart; a share is never more than 1, so the axis never either.
 */
export function axisMaxFor(values: readonly (number | null)[], target: number | null): number {
  const largest = Math.max(0, target ?? 0, ...values.map((v) => (v === null || !Number.isFinite(v) ? 0 : v)));
  const tenths = Math.ceil(Math.round(largest * 1e6) / 1e5);
  return Math.min(1, Math.max(1, tenths) / 10);
}

/** Tick values from 0 to axisMax: every tenth up to 50 %, every fifth beyond (at most 6 labels for a narrow chart). */
export function ticksFor(axisMax: number): number[] {
  const step = axisMax > 0.5 ? 0.2 : 0.1;
  const ticks: number[] = [];
  for (let i = 0; Math.round(i * step * 1000) <= Math.round(axisMax * 1000); i++) ticks.push(Math.round(i * step * 10) / 10);
  return ticks;
}

/**
 * An axis from 0 for values of any size (Mbit/s, subscriptions per 100 people):
 * a step of 1, 2 or 5 × 10ⁿ giving at most 5 steps, ending at the first step
 * that holds every value and the target.
 */
export function niceAxis(values: readonly (number | null)[], target: number | null): { axisMax: number; ticks: number[] } {
  const largest = Math.max(0, target ?? 0, ...values.map((v) => (v === null || !Number.isFinite(v) ? 0 : v)));
  if (largest <= 0) return { axisMax: 1, ticks: [0, 1] };
  const rough = largest / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate >= rough - 1e-12) ?? 10 * magnitude;
  const steps = Math.ceil(Math.round((largest / step) * 1e6) / 1e6);
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
  return { axisMax: ticks[ticks.length - 1] ?? largest, ticks };
}

export function barChartLayout(input: BarChartInput): BarChartLayout {
  const rowHeight = input.rowHeight ?? 22;
  const top = input.top ?? 28;
  const valueWidth = input.valueWidth ?? 64;
  const plotLeft = input.labelWidth;
  const plotWidth = Math.max(40, input.width - plotLeft - valueWidth);
  const axisMax = input.axis?.axisMax ?? axisMaxFor(input.values, input.target);
  return {
    width: input.width,
    height: top + rowHeight * input.values.length + 8,
    plotLeft,
    plotWidth,
    plotTop: top,
    rowHeight,
    barHeight: Math.round(rowHeight * 0.62),
    axisMax,
    ticks: input.axis?.ticks ?? ticksFor(axisMax),
  };
}

/** The x (px) of a value on the chart (a share on the default axis); values beyond the axis are clamped to its ends. */
export function xOf(layout: BarChartLayout, share: number): number {
  const clamped = Math.min(Math.max(share, 0), layout.axisMax);
  return layout.plotLeft + (clamped / layout.axisMax) * layout.plotWidth;
}
