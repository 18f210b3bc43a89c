import type { I18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages-vi.js';

/** A number with its unit, e.g. "45 m", "1.800 MHz", "12,5 km²"; a dash when absent. */
export function withUnit(i18n: I18n, value: number | null | undefined, unit: MessageKey, fractionDigits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return i18n.t('value.none');
  return `${i18n.formatNumber(value, fractionDigits)} ${i18n.t(unit)}`;
}

export function textOrDash(i18n: I18n, value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? i18n.t('value.none') : value;
}

/** Coordinates as "10,35210° B; 106,36420° Đ" with 5 decimals (about 1 m). */
export function lonLat(i18n: I18n, lon: number, lat: number): string {
  const latitude = i18n.t('value.latitude', { value: i18n.formatNumber(lat, 5) });
  const longitude = i18n.t('value.longitude', { value: i18n.formatNumber(lon, 5) });
  return `${latitude}; ${longitude}`;
}

/** Length in metres shown in km above one kilometre. */
export function length(i18n: I18n, metres: number): string {
  return metres >= 1000 ? withUnit(i18n, metres / 1000, 'unit.km', 2) : withUnit(i18n, metres, 'unit.m');
}
