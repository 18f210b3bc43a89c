import { HttpProblem } from '../http/http-problem.js';
import { tm3MeridianOf, tm3MeridiansDeg, tm3Srid } from './vn2000-zones.js';

/**
 * The coordinate systems an import's `crs` option may name, as PostGIS SRIDs:
 * WGS 84 (4326) and its UTM 48N/49N (32648/32649), VN-2000 geographic (4756),
 * VN-2000 UTM 48N/49N (3405/3406), EPSG's VN-2000 TM-3 zones (5896 102°,
 * 5897 105°, 5898 108°, 5899 107°45') and our provincial TM-3 zones
 * 910200–910900 (migration 008, e.g. Tiền Giang 105°45' = 910545).
 */
export const acceptedCrsSrids: readonly number[] = [
  4326, 4756, 3405, 3406, 32648, 32649, 5896, 5897, 5898, 5899, ...tm3MeridiansDeg.map(tm3Srid),
];

/** EPSG's own TM-3 zones, preferred over our SRID of the same central meridian. */
const epsgTm3ByMeridian: ReadonlyMap<number, number> = new Map([[102, 5896], [105, 5897], [108, 5898], [107.75, 5899]]);
const epsgTm3Meridian: ReadonlyMap<number, number> = new Map([...epsgTm3ByMeridian].map(([m, srid]) => [srid, m]));

/** Geographic (degrees) rather than planar (metres). */
export function isGeographicSrid(srid: number): boolean {
  return srid === 4326 || srid === 4756;
}

/** The forms the problem lists; the message adds the VN2000-TM3:<meridian> form. */
export const acceptedCrsForms = 'EPSG:4326, EPSG:4756, EPSG:3405, EPSG:3406, EPSG:32648, EPSG:32649, EPSG:5896, EPSG:5897, EPSG:5898, EPSG:5899';

const epsgForm = /^(?:epsg\s*[:_-]?\s*)?(\d{4,6})$/i;
// VN2000-TM3:105.75 | VN2000-TM3:105d45 | vn2000-tm3-105-45 | VN2000:105.75 | VN-2000 / TM-3 105°45'
const tm3Form = /^vn[-_ ]?2000(?:\s*[-_/: ]\s*tm[-_ ]?3)?\s*[-_/: ]\s*(\d{3})(?:[.,](\d{1,4})|\s*(?:d|°|º|[-_ :])\s*(\d{1,2})\s*['′’m]?)?$/i;
// VN2000-UTM48 | VN-2000 / UTM 48N | WGS84-UTM-49N | WGS 84 / UTM zone 48N
const utmForm = /^(vn[-_ ]?2000|wgs[-_ ]?84)\s*[-_/: ]\s*utm\s*[-_ ]?(?:zone\s*)?(48|49)\s*n?$/i;
const geographicForm = /^(vn[-_ ]?2000|wgs[-_ ]?84)$/i;

/**
 * The SRID of a `crs` option (case and spacing free). Anything else is a 400
 * `crs-unknown` naming the accepted forms.
 */
export function parseCrsOption(text: string): number {
  const s = text.trim();
  const epsg = epsgForm.exec(s);
  if (epsg && acceptedCrsSrids.includes(Number(epsg[1]))) return Number(epsg[1]);
  const tm3 = tm3Form.exec(s);
  if (tm3) {
    const degrees = Number(tm3[1]);
    const meridian = tm3[2] !== undefined ? degrees + Number(`0.${tm3[2]}`) : degrees + Number(tm3[3] ?? 0) / 60;
    if (tm3[3] === undefined || Number(tm3[3]) < 60) {
      const epsgSrid = epsgTm3ByMeridian.get(meridian);
      if (epsgSrid) return epsgSrid;
      if (tm3MeridiansDeg.includes(meridian)) return tm3Srid(meridian);
    }
  }
  const utm = utmForm.exec(s);
  if (utm) {
    const wgs = utm[1]!.toLowerCase().startsWith('wgs');
    return utm[2] === '48' ? (wgs ? 32648 : 3405) : wgs ? 32649 : 3406;
  }
  const geographic = geographicForm.exec(s);
  if (geographic) return geographic[1]!.toLowerCase().startsWith('wgs') ? 4326 : 4756;
  throw new HttpProblem(400, 'crs-unknown', { value: s.slice(0, 40), accepted: acceptedCrsForms }, 'crs');
}

function meridianText(meridian: number): string {
  const degrees = Math.floor(meridian);
  const minutes = Math.round((meridian - degrees) * 60);
  return minutes === 0 ? `${degrees}°` : `${degrees}°${String(minutes).padStart(2, '0')}'`;
}

/** A name people recognise: "VN-2000 / TM-3 105°45'", "VN-2000 / UTM 48N", "WGS 84". */
export function crsLabel(srid: number): string {
  switch (srid) {
    case 4326: return 'WGS 84';
    case 4756: return 'VN-2000';
    case 3405: return 'VN-2000 / UTM 48N';
    case 3406: return 'VN-2000 / UTM 49N';
    case 32648: return 'WGS 84 / UTM 48N';
    case 32649: return 'WGS 84 / UTM 49N';
  }
  const meridian = epsgTm3Meridian.get(srid) ?? tm3MeridianOf(srid);
  return meridian === undefined ? `EPSG:${srid}` : `VN-2000 / TM-3 ${meridianText(meridian)}`;
}
