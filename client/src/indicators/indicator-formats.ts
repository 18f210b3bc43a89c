import type { IndicatorDefinition, IndicatorMeasure, IndicatorStatus } from '../domain/contract-types.js';
import type { I18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages-vi.js';

// How the plan's indicators read on the dashboard and the report: one place for
// the value, the gap, numerator/denominator and the status, so both pages write
// the same number the same way. Values arrive in the indicator's measure (a
// share is 0–1); people write shares in percent (74,6).

/** The minus sign (U+2212), as printed documents write negative numbers. */
const minus = '\u2212';

/** Fraction digits each measure is written with: shares to a tenth of a percent, subscriptions to hundredths, speeds to a tenth. */
const digits: Record<IndicatorMeasure, number> = { share: 1, ratio: 2, count: 0, mbps: 1, per_100_people: 2 };

/** What an indicator's value reads in: its measure and its unit label (from the registry, in both languages). */
export type IndicatorMeasureOf = Pick<IndicatorDefinition, 'measure' | 'unitLabel'>;

function unitLabelOf(i18n: I18n, indicator: IndicatorMeasureOf): string {
  return indicator.unitLabel[i18n.lang] || indicator.unitLabel.vi;
}

/** The number alone, without unit: "74,6" for a share of 0.746, "76,85", "30". */
export function indicatorNumberText(i18n: I18n, measure: IndicatorMeasure, value: number): string {
  return i18n.formatNumber(measure === 'share' ? value * 100 : value, digits[measure]);
}

/** "74,6%", "76,85 thuê bao/100 dân", "30 Mbit/s", "1,42"; "—" without a value. */
export function indicatorValueText(i18n: I18n, indicator: IndicatorMeasureOf, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return i18n.t('value.none');
  const number = indicatorNumberText(i18n, indicator.measure, value);
  if (indicator.measure === 'share') return `${number}%`;
  if (indicator.measure === 'ratio' || indicator.measure === 'count') return number;
  return `${number} ${unitLabelOf(i18n, indicator)}`;
}

/**
 * value − target as the plan's documents write it: a share's gap in percentage
 * points ("−12,5 điểm %"), the others in their unit ("+4,2 Mbit/s"); "—" when
 * either is missing.
 */
export function indicatorGapText(i18n: I18n, indicator: IndicatorMeasureOf, gap: number | null | undefined): string {
  if (gap === null || gap === undefined || !Number.isFinite(gap)) return i18n.t('value.none');
  const magnitude = indicatorNumberText(i18n, indicator.measure, Math.abs(gap));
  // A gap that rounds to zero is written without a sign.
  const sign = magnitude === indicatorNumberText(i18n, indicator.measure, 0) ? '' : gap < 0 ? minus : '+';
  if (indicator.measure === 'share') return `${sign}${magnitude} ${i18n.t('indicators.unit.points')}`;
  if (indicator.measure === 'ratio' || indicator.measure === 'count') return `${sign}${magnitude}`;
  return `${sign}${magnitude} ${unitLabelOf(i18n, indicator)}`;
}

/** Message keys of what numerators and denominators count (the registry's `counts`). */
const countsKeys: Record<string, MessageKey> = {
  hamlets: 'indicators.counts.hamlets',
  people: 'indicators.counts.people',
  m: 'indicators.counts.m',
  sites: 'indicators.counts.sites',
  subscriptions: 'indicators.counts.subscriptions',
  households: 'indicators.counts.households',
};

/** "ấp", "người", "m": the word after a numerator/denominator; empty for counts the catalogue does not name. */
export function countsLabel(i18n: I18n, counts: string): string {
  const key = countsKeys[counts];
  return key ? i18n.t(key) : '';
}

/** "3/5 ấp", "12.345/20.000 người"; null when the value has no counts behind it (a reported one). */
export function indicatorFractionText(i18n: I18n, counts: string, numerator: number | null, denominator: number | null): string | null {
  if (numerator === null || denominator === null) return null;
  const label = countsLabel(i18n, counts);
  const fraction = `${i18n.formatNumber(numerator)}/${i18n.formatNumber(denominator)}`;
  return label ? `${fraction} ${label}` : fraction;
}

/** Đạt / Chưa đạt / Chưa có chỉ tiêu / Chưa có số liệu: a status of null says which of the two is missing. */
export type IndicatorStatusKind = 'met' | 'below' | 'no-target' | 'no-value';

export function statusKind(status: IndicatorStatus, target: number | null, value: number | null): IndicatorStatusKind {
  if (status === 'met' || status === 'below') return status;
  if (target === null) return 'no-target';
  return value === null ? 'no-value' : 'no-target';
}

export function statusText(i18n: I18n, kind: IndicatorStatusKind): string {
  return i18n.t(`indicators.status.${kind}`);
}

/** The number a planner writes for a stored value (shares in percent: 0.746 → 74.6), and back: the server's own rules. */
export { toWritten as writtenFromStored, fromWritten as storedFromWritten } from '../../../server/src/contracts/indicator-value-rules.js';

/**
 * A number as typed in a Vietnamese or English form: "74,6", "74.6",
 * "1.234,5" and "1,234.5" all read; null for anything else (letters, two
 * numbers, empty).
 */
export function parseWrittenNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s+/g, '').replace(/%$/, '');
  if (!/^[+-]?[\d.,]+$/.test(trimmed)) return null;
  let normalised = trimmed;
  const lastComma = trimmed.lastIndexOf(',');
  const lastDot = trimmed.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal mark, the other groups thousands.
    normalised = lastComma > lastDot ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // Only commas: one is the Vietnamese decimal comma; several group thousands.
    normalised = trimmed.split(',').length === 2 ? trimmed.replace(',', '.') : trimmed.replace(/,/g, '');
  } else if (trimmed.split('.').length > 2) {
    normalised = trimmed.replace(/\./g, '');
  }
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/**
 * The classes of a choropleth: five equal intervals between the smallest and the
 * largest value shown (fewer when the values are too close to tell apart at the
 * precision they are written with). `bounds` has one more entry than classes.
 */
export interface ChoroplethClasses {
  bounds: number[];
}

/** Sequential palette (ColorBrewer YlGnBu, 5 classes): light = low, dark = high. */
export const choroplethPalette = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Units without a value. */
export const choroplethNoDataColour = '#d4d4d8';

export function choroplethClasses(values: readonly (number | null)[], measure: IndicatorMeasure): ChoroplethClasses {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return { bounds: [] };
  const min = Math.min(...present);
  const max = Math.max(...present);
  // The smallest difference the legend can write (0,1 % for a share, 0,01 for subscriptions).
  const resolution = (measure === 'share' ? 0.01 : 1) * 10 ** -digits[measure];
  const count = Math.max(1, Math.min(choroplethPalette.length, Math.floor((max - min) / resolution)));
  if (max - min < resolution) return { bounds: [min, max] };
  const bounds = Array.from({ length: count + 1 }, (_, i) => (i === count ? max : min + ((max - min) * i) / count));
  return { bounds };
}

/** The class (0-based) of a value; null without a value. The last class holds its upper bound. */
export function choroplethClassOf(classes: ChoroplethClasses, value: number | null): number | null {
  if (value === null || !Number.isFinite(value) || classes.bounds.length < 2) return null;
  const last = classes.bounds.length - 2;
  for (let i = 0; i < last; i++) {
    if (value < (classes.bounds[i + 1] ?? Infinity)) return i;
  }
  return last;
}

/** Colours of the classes actually used: spread over the palette so two classes are light and dark, not two light ones. */
export function choroplethColours(classes: ChoroplethClasses): string[] {
  const count = Math.max(0, classes.bounds.length - 1);
  if (count === 0) return [];
  if (count === 1) return [choroplethPalette[2]];
  return Array.from({ length: count }, (_, i) => choroplethPalette[Math.round((i * (choroplethPalette.length - 1)) / (count - 1))] ?? choroplethPalette[0]);
}

export function choroplethColourOf(classes: ChoroplethClasses, value: number | null): string {
  const index = choroplethClassOf(classes, value);
  return index === null ? choroplethNoDataColour : (choroplethColours(classes)[index] ?? choroplethNoDataColour);
}
