/**
 * VN-2000 coordinate systems a file may be in, as PostGIS SRIDs.
 *
 * EPSG has VN-2000 geographic (4756), UTM 48N/49N (3405/3406) and the TM-3
 * zones of 102°, 105°, 107°45' and 108° (5896–5899). Provinces survey in TM-3
 * with their own central meridian (Thông tư 973/2001/TT-TCĐC; Tiền Giang
 * 105°45'): migration 008 adds those as SRIDs 910200–910900, every quarter
 * degree from 102° to 109°.
 */
export const tm3MeridiansDeg: readonly number[] = Array.from({ length: 29 }, (_, i) => 102 + i * 0.25);

/** 900000 + degrees·100 + minutes: 105°45' → 910545. */
export function tm3Srid(centralMeridianDeg: number): number {
  const degrees = Math.floor(centralMeridianDeg);
  return 900000 + degrees * 100 + Math.round((centralMeridianDeg - degrees) * 60);
}

export function isTm3Srid(srid: number): boolean {
  return tm3MeridiansDeg.some((m) => tm3Srid(m) === srid);
}

/** The central meridian of one of our TM-3 SRIDs, in degrees. */
export function tm3MeridianOf(srid: number): number | undefined {
  return tm3MeridiansDeg.find((m) => tm3Srid(m) === srid);
}
