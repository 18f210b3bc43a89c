import type { Position } from 'geojson';
import type { ColumnMapping } from '../../contracts/import-contracts.js';
import type { MessageKey } from '../../i18n/server-messages.js';
import { parseAngle, parsePlanar } from '../coordinate-parsing.js';
import { crsLabel, isGeographicSrid } from '../crs-option.js';
import type { ImportRow } from '../import-table.js';

export type ReportIssue = (field: string | null, column: string | null, messageKey: MessageKey, value: string, params?: Record<string, string | number>) => void;

/** Vietnam's planar coordinates in TM-3 or UTM: northing (X) and easting (Y) ranges, metres. */
const northingRange = [900_000, 2_700_000] as const;
const eastingRange = [100_000, 900_000] as const;
const isNorthing = (v: number) => v >= northingRange[0] && v <= northingRange[1];
const isEasting = (v: number) => v >= eastingRange[0] && v < eastingRange[1];

/**
 * A lon/lat pair that is obviously swapped for Vietnam: a "latitude" beyond
 * 90°, or a latitude of 100–115° with a longitude of 5–25° (Vietnam spans
 * about 102–110°E and 8–23.5°N). The database pass also checks province
 * containment; this is the value-level check.
 */
export function looksSwapped(lon: number, lat: number): boolean {
  return Math.abs(lat) > 90 || (lat >= 100 && lat <= 115 && lon >= 5 && lon <= 25);
}

export interface ColumnPoint {
  position: Position;
  /** The typed values the row keeps: lon/lat (degrees, after any swap) or x/y (northing/easting). */
  values: { lon?: number; lat?: number; x?: number; y?: number };
}

/**
 * Reads a row's point from its position columns, in the file's SRID:
 * geographic SRIDs take lon/lat (degrees or DMS), else degree-sized x/y;
 * planar SRIDs take x/y. Vietnamese X is the northing and Y the easting; the
 * value in the northing range is taken as the northing, so a row with X and Y
 * swapped is still placed right (silently: both spellings are common). With
 * degree-sized x/y, the value of 100–115 (or beyond 90) is the longitude.
 * Answers null when the row has no position cells, undefined when a problem
 * was reported.
 */
export function columnPointReader(mapping: ColumnMapping, srid: number, report: ReportIssue, warn: ReportIssue) {
  const geographic = isGeographicSrid(srid);
  const lonColumn = mapping.lon ?? null;
  const latColumn = mapping.lat ?? null;
  const xColumn = mapping.x ?? null;
  const yColumn = mapping.y ?? null;
  const crs = crsLabel(srid);

  const cell = (row: ImportRow, column: string | null) => (column === null ? '' : (row.cells[column] ?? '').trim());

  /** Both cells or none; one alone is a missing value. */
  function pair(row: ImportRow, aKey: string, aColumn: string | null, bKey: string, bColumn: string | null): [string, string] | null | undefined {
    const a = cell(row, aColumn);
    const b = cell(row, bColumn);
    if (a === '' && b === '') return null;
    if (a === '' || b === '') {
      const [key, column] = a === '' ? [aKey, aColumn] : [bKey, bColumn];
      report(key, column, 'row-value-required', '');
      return undefined;
    }
    return [a, b];
  }

  function lonLat(row: ImportRow): ColumnPoint | null | undefined {
    const texts = pair(row, 'lon', lonColumn, 'lat', latColumn);
    if (!texts) return texts;
    const lonValue = parseAngle(texts[0], 'lon');
    const latValue = parseAngle(texts[1], 'lat');
    if (typeof lonValue !== 'number') report('lon', lonColumn, lonValue.messageKey, texts[0]);
    if (typeof latValue !== 'number') report('lat', latColumn, latValue.messageKey, texts[1]);
    if (typeof lonValue !== 'number' || typeof latValue !== 'number') return undefined;
    let [lon, lat] = [lonValue, latValue];
    if (looksSwapped(lon, lat)) {
      [lon, lat] = [lat, lon];
      warn('lat', latColumn, 'lat-lon-swapped', texts[1], { lon, lat });
    }
    if (Math.abs(lat) > 90) {
        report('lat', latColumn, 'row-lat-range', texts[1]);
        return undefined;
      }
    return { position: [lon, lat], values: { lon, lat } };
  }

  function xy(row: ImportRow): ColumnPoint | null | undefined {
    const texts = pair(row, 'x', xColumn, 'y', yColumn);
    if (!texts) return texts;
    const x = parsePlanar(texts[0]);
    const y = parsePlanar(texts[1]);
    if (typeof x !== 'number') report('x', xColumn, x.messageKey, texts[0]);
    if (typeof y !== 'number') report('y', yColumn, y.messageKey, texts[1]);
    if (typeof x !== 'number' || typeof y !== 'number') return undefined;
    const degrees = Math.abs(x) <= 180 && Math.abs(y) <= 180;
    if (geographic) {
      if (!degrees) {
        report('x', xColumn, 'row-planar-needs-crs', `${texts[0]}, ${texts[1]}`, { crs });
        return undefined;
      }
      // X is the northing: latitude, unless the magnitudes say the other way round.
      const swapped = Math.abs(x) > 90 || (x >= 100 && x <= 115 && y >= 5 && y <= 25);
      const [lat, lon] = swapped ? [y, x] : [x, y];
      if (Math.abs(lat) > 90) {
        report('x', xColumn, 'row-lat-range', texts[0]);
        return undefined;
      }
      return { position: [lon, lat], values: { lon, lat } };
    }
    const [northing, easting] = isNorthing(x) && isEasting(y) ? [x, y] : isNorthing(y) && isEasting(x) ? [y, x] : [NaN, NaN];
    if (Number.isNaN(northing)) {
        report('x', xColumn, 'row-planar-range', `${texts[0]}, ${texts[1]}`, { x, y });
        return undefined;
      }
    return { position: [easting, northing], values: { x: northing, y: easting } };
  }

  const hasLonLat = lonColumn !== null && latColumn !== null;
  const hasXy = xColumn !== null && yColumn !== null;
  return (row: ImportRow): ColumnPoint | null | undefined => {
    if (geographic) {
      if (hasLonLat) {
        const p = lonLat(row);
        if (p !== null || !hasXy) return p;
      }
      return hasXy ? xy(row) : null;
    }
    // A planar file reads its X/Y; lon/lat columns (degrees) cannot be mixed into it.
    return hasXy ? xy(row) : null;
  };
}
