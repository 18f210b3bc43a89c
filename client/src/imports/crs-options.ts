import { tm3MeridiansDeg } from '../../../server/src/imports/vn2000-zones.js';

// The coordinate systems the import offers, as the values of the `crs` option
// (crsOptionSchema in import-contracts.ts). Empty: the server decides from the
// file (.prj, GeoJSON crs) or the values' magnitude.

/** Tiền Giang's provincial TM-3 zone: central meridian 105°45' (Thông tư 973/2001/TT-TCĐC). */
export const tienGiangMeridianDeg = 105.75;

export type CrsChoiceKind = 'auto' | 'wgs84' | 'tm3-province' | 'tm3-other' | 'utm';

export interface CrsChoice {
  /** The `crs` option sent; '' sends none. */
  value: string;
  kind: CrsChoiceKind;
  /** Central meridian of a TM-3 zone, degrees; UTM zone number; else null. */
  meridianDeg: number | null;
  utmZone: 48 | 49 | null;
}

/** 105.75 → 105°45' (a quarter degree is 15 minutes). */
export function meridianText(degrees: number): string {
  const whole = Math.floor(degrees);
  const minutes = Math.round((degrees - whole) * 60);
  return minutes === 0 ? `${whole}°` : `${whole}°${String(minutes).padStart(2, '0')}'`;
}

/** The `crs` value of a provincial TM-3 zone: VN2000-TM3:105.75. */
export function tm3CrsValue(meridianDeg: number): string {
  return `VN2000-TM3:${meridianDeg}`;
}

/** Detection first, then decimal degrees, Tiền Giang's zone, UTM, and the other provinces' TM-3 meridians. */
export const crsChoices: readonly CrsChoice[] = [
  { value: '', kind: 'auto', meridianDeg: null, utmZone: null },
  { value: 'EPSG:4326', kind: 'wgs84', meridianDeg: null, utmZone: null },
  { value: tm3CrsValue(tienGiangMeridianDeg), kind: 'tm3-province', meridianDeg: tienGiangMeridianDeg, utmZone: null },
  { value: 'EPSG:3405', kind: 'utm', meridianDeg: null, utmZone: 48 },
  { value: 'EPSG:3406', kind: 'utm', meridianDeg: null, utmZone: 49 },
  ...tm3MeridiansDeg
    .filter((m) => m !== tienGiangMeridianDeg)
    .map((m): CrsChoice => ({ value: tm3CrsValue(m), kind: 'tm3-other', meridianDeg: m, utmZone: null })),
];

export function crsChoiceOf(value: string | null | undefined): CrsChoice {
  return crsChoices.find((c) => c.value === (value ?? '')) ?? crsChoices[0]!;
}
