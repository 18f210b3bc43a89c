import type { Meta, UnitLevel } from '../domain/contract-types.js';
import type { I18n } from '../i18n/i18n-context.js';

type BoundarySetMeta = Meta['boundarySets'][number];

function isLevel(level: string): level is UnitLevel {
  return level === 'province' || level === 'district' || level === 'commune';
}

/** "tỉnh – huyện – xã": the set's levels from the top. */
export function levelsText(i18n: I18n, set: BoundarySetMeta): string {
  return set.levels
    .filter(isLevel)
    .map((level) => i18n.t(`report.level.${level}`))
    .join(i18n.t('report.levelSeparator'));
}

/**
 * The boundary set as the report names it: in Vietnamese the set's own name
 * (data, e.g. "Địa giới hành chính từ 01/7/2025 (tỉnh – xã)"), in English its
 * code and levels, since the name is only written in Vietnamese.
 */
export function boundarySetText(i18n: I18n, set: BoundarySetMeta): string {
  if (i18n.lang === 'vi' && set.name.trim()) return set.name;
  return i18n.t('report.boundarySetLevels', { code: set.code, levels: levelsText(i18n, set) });
}

/** "xã, phường, thị trấn" / "huyện, thị xã, thành phố": the units of a level, in a heading. */
export function levelPlural(i18n: I18n, level: UnitLevel): string {
  return i18n.t(`report.levelName.${level}`);
}

/** "Tiền Giang" from "Tỉnh Tiền Giang": the place before the date of a Vietnamese document. */
export function placeName(provinceName: string): string {
  return provinceName.replace(/^(tỉnh|thành phố)\s+/iu, '').trim();
}

/** The date line: "Tiền Giang, ngày 02 tháng 12 năm 2026" (day and month with two digits, as documents write them). */
export function placeDateText(i18n: I18n, provinceName: string, date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return i18n.t('report.placeDate', { place: placeName(provinceName), day: two(date.getDate()), month: two(date.getMonth() + 1), year: String(date.getFullYear()) });
}
