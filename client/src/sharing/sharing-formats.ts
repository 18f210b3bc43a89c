import { percent } from '../coverage/coverage-formats.js';
import type { Ratio } from '../domain/contract-types.js';
import type { I18n } from '../i18n/i18n-context.js';

/** A share (site sharing ratio, station share) as a percentage; "—" when there is nothing to divide by. */
export function shareText(i18n: I18n, ratio: Ratio): string {
  return percent(i18n, ratio.value);
}

/** The tenancy ratio is operators per site (≥ 1), not a share: two decimals, e.g. "1,42". */
export function tenancyText(i18n: I18n, ratio: Ratio): string {
  return ratio.value === null ? i18n.t('value.none') : i18n.formatNumber(ratio.value, 2);
}

/** "620 / 1.987": what the ratio is made of. */
export function fractionText(i18n: I18n, ratio: Ratio): string {
  return `${i18n.formatNumber(ratio.numerator)} / ${i18n.formatNumber(ratio.denominator)}`;
}
