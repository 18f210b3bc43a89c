import type { Indicator } from '../../server/src/contracts/indicator-contracts.js';

/** A number the Vietnamese way (1.790.700; 74,6), independently of the client's formats. */
export const vi = (value: number, digits: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits }).format(value);

/**
 * An indicator's value as the Vietnamese dashboard and report must write it,
 * computed from the API's number independently of the client's code: a share
 * in percent to a tenth ("74,6%"), subscriptions per 100 people to hundredths
 * and speeds to a tenth with their unit label ("76,85 thuê bao/100 dân",
 * "30 Mbit/s"), "—" without a value.
 */
export function expectedValueText(indicator: Pick<Indicator, 'measure' | 'unitLabel'>, value: number | null): string {
  if (value === null) return '—';
  switch (indicator.measure) {
    case 'share':
      return `${vi(value * 100, 1)}%`;
    case 'per_100_people':
      return `${vi(value, 2)} ${indicator.unitLabel.vi}`;
    case 'mbps':
      return `${vi(value, 1)} ${indicator.unitLabel.vi}`;
    case 'ratio':
      return vi(value, 2);
    case 'count':
      return vi(value, 0);
  }
}
