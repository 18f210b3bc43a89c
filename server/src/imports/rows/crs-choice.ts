import type { ColumnMapping } from '../../contracts/import-contracts.js';
import type { MessageKey } from '../../i18n/server-messages.js';
import { parsePlanar } from '../coordinate-parsing.js';
import { crsLabel, isGeographicSrid } from '../crs-option.js';
import type { ImportTable } from '../import-table.js';
import type { RowParseResult } from '../parsed-row.js';
import { firstPosition } from './geometry-fit.js';
import { parseWkt } from './wkt-geometry.js';

export interface CrsChoice {
  /** 0 when it cannot be known: the file then has a `problem` and no row is kept. */
  srid: number;
  source: RowParseResult['crsSource'];
  problem?: { messageKey: MessageKey; params: Record<string, string | number> };
}

/** What to offer when planar coordinates come without a coordinate system. */
export const planarCandidates = "VN2000-TM3:105.75 (VN-2000 / TM-3 105°45'), EPSG:5897 (VN-2000 / TM-3 105°), EPSG:3405 (VN-2000 / UTM 48N), EPSG:32648 (WGS 84 / UTM 48N)";

const degreeSized = (x: number, y: number) => Math.abs(x) <= 180 && Math.abs(y) <= 180;

function planarRequired(sample: string): CrsChoice {
  return { srid: 0, source: 'magnitude', problem: { messageKey: 'crs-required', params: { sample, candidates: planarCandidates } } };
}

/**
 * The coordinate system of a file's positions: the user's option first, then
 * what the file declares (.prj, GeoJSON `crs`, KML), then the values:
 * geometries or WKT in degrees are WGS 84 ('default'), lon/lat columns are
 * WGS 84 ('default'), x/y columns with degree-sized values are WGS 84
 * ('magnitude'). Planar values (metres) without an option cannot be placed:
 * TM-3 and UTM zones all have a false easting of 500 km, so the zone cannot be
 * told from the numbers; that is one file-level problem naming the likely
 * systems. A planar option for a file whose only positions are lon/lat
 * columns is a problem too.
 */
export function chooseCrs(table: ImportTable, mapping: ColumnMapping, optionSrid: number | null): CrsChoice {
  const mapped = (key: string) => typeof mapping[key] === 'string';
  const hasLonLat = mapped('lon') && mapped('lat');
  const hasXy = mapped('x') && mapped('y');
  const geometryRow = table.rows.find((r) => r.geometry !== null);
  if (optionSrid !== null) {
    if (!isGeographicSrid(optionSrid) && hasLonLat && !hasXy && !geometryRow && !mapped('wkt')) {
      return { srid: optionSrid, source: 'option', problem: { messageKey: 'crs-degrees-columns', params: { crs: crsLabel(optionSrid) } } };
    }
    return { srid: optionSrid, source: 'option' };
  }
  if (table.declaredSrid !== null) return { srid: table.declaredSrid, source: 'file' };
  if (geometryRow) {
    const p = firstPosition(geometryRow.geometry!);
    return p && !degreeSized(p[0]!, p[1]!) ? planarRequired(`${p[0]}, ${p[1]}`) : { srid: 4326, source: 'default' };
  }
  if (hasLonLat) return { srid: 4326, source: 'default' };
  if (hasXy) {
    for (const row of table.rows) {
      const x = parsePlanar(row.cells[mapping.x!] ?? '');
      const y = parsePlanar(row.cells[mapping.y!] ?? '');
      if (typeof x !== 'number' || typeof y !== 'number') continue;
      return degreeSized(x, y) ? { srid: 4326, source: 'magnitude' } : planarRequired(`${x}, ${y}`);
    }
  }
  if (mapped('wkt')) {
    for (const row of table.rows) {
      const text = row.cells[mapping.wkt!]?.trim();
      const geometry = text ? parseWkt(text) : null;
      const p = geometry && firstPosition(geometry);
      if (p) return degreeSized(p[0]!, p[1]!) ? { srid: 4326, source: 'default' } : planarRequired(`${p[0]}, ${p[1]}`);
    }
  }
  return { srid: 4326, source: 'default' };
}
