import { foldHeader } from '../import-fields.js';
import { tm3MeridiansDeg, tm3Srid } from '../vn2000-zones.js';
import { child, descendant, parseWktCrs, type WktNode } from './wkt-crs-tree.js';

/**
 * The SRID a shapefile's .prj describes, for the coordinate systems Vietnamese
 * data comes in; null when it is none of them (the import then asks for one).
 *
 * An EPSG authority on the root wins. Otherwise the WKT is recognised by what
 * it says, since ESRI's .prj (ArcGIS, and GDAL's Shapefile driver) carries no
 * authority: the datum (WGS 84, or VN-2000, named so or given by its TOWGS84
 * shift of −191.904 m, −39.303 m, −111.450 m, QĐ 05/2007/QĐ-BTNMT), and for
 * Transverse Mercator the central meridian and scale: UTM (k 0.9996) zones
 * 48N/49N, VN-2000 TM-3 (k 0.9999, false easting 500 km) zones of EPSG and
 * our provincial ones (`tm3Srid`).
 */
export function sridFromPrj(wkt: string): number | null {
  const root = parseWktCrs(wkt.replace(/^\ufeff/, '').trim());
  if (!root) return null;
  const authority = epsgAuthority(root);
  if (authority !== null) return authority;
  const datum = datumOf(root);
  if (datum === null) return null;
  if (['GEOGCS', 'GEOGCRS', 'GEODCRS'].includes(root.keyword)) return datum === 'wgs84' ? 4326 : 4756;
  if (root.keyword !== 'PROJCS' && root.keyword !== 'PROJCRS') return null;
  return projectedSrid(root, datum);
}

function epsgAuthority(root: WktNode): number | null {
  const id = child(root, 'AUTHORITY', 'ID');
  if (!id || String(id.values[0]).toUpperCase() !== 'EPSG') return null;
  const code = Number(id.values[1]);
  return Number.isInteger(code) && code > 0 ? code : null;
}

// VN-2000 → WGS 84 translation, metres (EPSG:4756's TOWGS84); the rotations' signs differ between conventions, so only these are compared.
const vn2000Shift = [-191.90441429, -39.30318279, -111.45032835];

function datumOf(root: WktNode): 'wgs84' | 'vn2000' | null {
  const datum = descendant(root, 'DATUM', 'GEODETICDATUM', 'TRF');
  if (!datum) return null;
  const ellipsoid = child(datum, 'SPHEROID', 'ELLIPSOID');
  // Both datums sit on the WGS 84 ellipsoid: a = 6378137 m, 1/f = 298.257223563.
  if (!ellipsoid || Math.abs(Number(ellipsoid.values[1]) - 6378137) > 1e-3 || Math.abs(Number(ellipsoid.values[2]) - 298.257223563) > 1e-6) return null;
  const name = foldHeader(String(datum.values[0] ?? ''));
  const shift = child(datum, 'TOWGS84')?.values.map(Number) ?? shiftInGdalDatumName(name);
  if (/(^|_)(vietnam_2000|vn_2000|vn2000)($|_)/.test(name) || (shift && isVn2000Shift(shift))) return 'vn2000';
  const noShift = !shift || shift.every((v) => v === 0);
  if (noShift && ['wgs_1984', 'd_wgs_1984', 'wgs84', 'wgs_84', 'world_geodetic_system_1984'].includes(name)) return 'wgs84';
  return null;
}

/** GDAL names a PROJ datum it cannot identify by its shift: D_Unknown_based_on_WGS84_ellipsoid_using_towgs84_-191_90441429_-39_30318279_… */
function shiftInGdalDatumName(folded: string): number[] | null {
  // Folded, "-191_90441429" became "191_90441429": the signs are lost, so only magnitudes are compared.
  const match = /towgs84_([0-9_]+)$/.exec(folded);
  if (!match) return null;
  const parts = match[1]!.split('_');
  const values: number[] = [];
  for (let k = 0; k + 1 < parts.length; k += 2) values.push(Number(`${parts[k]}.${parts[k + 1]}`));
  return values;
}

function isVn2000Shift(shift: readonly number[]): boolean {
  return vn2000Shift.every((v, k) => Math.abs(Math.abs(shift[k] ?? NaN) - Math.abs(v)) < 0.01);
}

function parameters(root: WktNode): Map<string, number> {
  const holder = child(root, 'CONVERSION') ?? root;
  const out = new Map<string, number>();
  for (const p of holder.children.filter((c) => c.keyword === 'PARAMETER')) {
    out.set(foldHeader(String(p.values[0] ?? '')), Number(p.values[1]));
  }
  return out;
}

function projectionName(root: WktNode): string {
  const node = child(root, 'PROJECTION') ?? (child(root, 'CONVERSION') && child(child(root, 'CONVERSION')!, 'METHOD', 'PROJECTION'));
  return foldHeader(String(node?.values[0] ?? ''));
}

const near = (a: number | undefined, b: number, tolerance = 1e-9) => a !== undefined && Math.abs(a - b) <= tolerance;

function projectedSrid(root: WktNode, datum: 'wgs84' | 'vn2000'): number | null {
  if (!['transverse_mercator', 'gauss_kruger'].includes(projectionName(root))) return null;
  const unit = child(root, 'UNIT', 'LENGTHUNIT');
  if (unit && !near(Number(unit.values[1]), 1)) return null;
  const p = parameters(root);
  const value = (...names: string[]) => names.map((n) => p.get(n)).find((v) => v !== undefined);
  const centralMeridian = value('central_meridian', 'longitude_of_natural_origin', 'longitude_of_origin');
  const scale = value('scale_factor', 'scale_factor_at_natural_origin');
  const falseEasting = value('false_easting');
  const falseNorthing = value('false_northing') ?? 0;
  const latitudeOfOrigin = value('latitude_of_origin', 'latitude_of_natural_origin') ?? 0;
  if (centralMeridian === undefined || !near(falseEasting, 500000, 1e-6) || !near(falseNorthing, 0, 1e-6) || !near(latitudeOfOrigin, 0)) return null;
  if (near(scale, 0.9996)) {
    const zone = near(centralMeridian, 105) ? 48 : near(centralMeridian, 111) ? 49 : null;
    if (zone === null) return null;
    return datum === 'wgs84' ? 32600 + zone : zone === 48 ? 3405 : 3406;
  }
  if (near(scale, 0.9999) && datum === 'vn2000') {
    const epsgZone: Record<string, number> = { '102': 5896, '105': 5897, '107.75': 5899, '108': 5898 };
    const meridian = tm3MeridiansDeg.find((m) => near(centralMeridian, m));
    if (meridian === undefined) return null;
    return epsgZone[String(meridian)] ?? tm3Srid(meridian);
  }
  return null;
}
