import type { I18n, Translate } from '../i18n/i18n-context.js';
import { meridianText, type CrsChoice } from './crs-options.js';

/** 2 345 678 bytes → "2,2 MB"; under a kilobyte in bytes. */
export function fileSizeText(i18n: Pick<I18n, 'formatNumber'>, bytes: number): string {
  if (bytes < 1024) return `${i18n.formatNumber(bytes)} B`;
  if (bytes < 1024 * 1024) return `${i18n.formatNumber(bytes / 1024, 1)} kB`;
  return `${i18n.formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

export function crsChoiceLabel(t: Translate, choice: CrsChoice): string {
  switch (choice.kind) {
    case 'auto':
      return t('import.crs.auto');
    case 'wgs84':
      return t('import.crs.wgs84');
    case 'tm3-province':
      return t('import.crs.tm3-province', { meridian: meridianText(choice.meridianDeg ?? 0) });
    case 'tm3-other':
      return t('import.crs.tm3-other', { meridian: meridianText(choice.meridianDeg ?? 0) });
    case 'utm':
      return t('import.crs.utm', { zone: String(choice.utmZone ?? '') });
  }
}

export function crsChoiceHint(t: Translate, choice: CrsChoice): string {
  return t(`import.crsHint.${choice.kind}`);
}
