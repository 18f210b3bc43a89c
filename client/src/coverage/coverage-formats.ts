import type { I18n } from '../i18n/i18n-context.js';

/** A share in [0, 1] as a percentage, e.g. "72,1%" (one decimal; whole numbers without). */
export function percent(i18n: I18n, share: number | null | undefined, fractionDigits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return i18n.t('value.none');
  return `${i18n.formatNumber(share * 100, fractionDigits)}%`;
}

/** An area in m² with hectares beside it from 1,000 m² on, e.g. "41.623 m² (4,16 ha)". */
export function areaM2(i18n: I18n, m2: number | null | undefined): string {
  if (m2 === null || m2 === undefined || !Number.isFinite(m2)) return i18n.t('value.none');
  const metres = `${i18n.formatNumber(m2)} ${i18n.t('unit.m2')}`;
  return m2 >= 1000 ? `${metres} (${i18n.formatNumber(m2 / 10_000, 2)} ${i18n.t('unit.ha')})` : metres;
}

/** Hectares only, for compact places (tables, badges). */
export function hectares(i18n: I18n, m2: number): string {
  return `${i18n.formatNumber(m2 / 10_000, m2 < 100_000 ? 2 : 1)} ${i18n.t('unit.ha')}`;
}
