import type { IndicatorMeasure } from './indicator-contracts.js';

/**
 * The largest value each measure admits. A share is 0–1 (100 %); subscriptions
 * per 100 people exceed 100 where people hold several SIMs, but not 1,000; a
 * speed above 100 Gbit/s is a typing error.
 */
export const measureMaximum: Record<IndicatorMeasure, number> = {
  share: 1,
  ratio: 1000,
  count: 1e9,
  per_100_people: 1000,
  mbps: 100_000,
};

export type ValueProblem = { key: 'indicator-value-share-over-100'; params: { value: number } } | { key: 'indicator-value-too-large'; params: { value: number; max: number } } | { key: 'indicator-value-negative'; params: { value: number } };

/** Why `value` (in the measure's own scale: a share in 0–1) cannot be stored, or null. */
export function valueProblem(measure: IndicatorMeasure, value: number): ValueProblem | null {
  if (value < 0) return { key: 'indicator-value-negative', params: { value } };
  const max = measureMaximum[measure];
  if (value <= max) return null;
  if (measure === 'share') return { key: 'indicator-value-share-over-100', params: { value: Math.round(value * 10000) / 100 } };
  return { key: 'indicator-value-too-large', params: { value, max } };
}

/**
 * From the number people write (forms, Excel columns) to the stored one:
 * shares are written in percent (74,6 → 0.746); the others as they are.
 */
export function fromWritten(measure: IndicatorMeasure, written: number): number {
  // 12 significant digits: 75,1 % is stored as 0.751, not 0.7509999999999999 (binary division).
  return measure === 'share' ? Number((written / 100).toPrecision(12)) : written;
}

export function toWritten(measure: IndicatorMeasure, stored: number): number {
  return measure === 'share' ? Math.round(stored * 1e8) / 1e6 : stored;
}
