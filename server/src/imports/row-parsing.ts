import type { Geometry, Position } from 'geojson';
import type { ColumnMapping, ImportLayer } from '../contracts/import-contracts.js';
import type { MessageKey } from '../i18n/server-messages.js';
import { missingRequiredFields } from './column-mapping.js';
import { isGeographicSrid } from './crs-option.js';
import { importFields, importGeometryKinds, importKeys } from './import-fields.js';
import type { ImportRow, ImportTable } from './import-table.js';
import type { ParsedRow, RowIssue, RowParseResult } from './parsed-row.js';
import { CellFailure, cellReader, writtenInPercent, type CellReader, type ReaderContext } from './rows/cell-values.js';
import { columnPointReader, looksSwapped } from './rows/column-position.js';
import { chooseCrs } from './rows/crs-choice.js';
import { defaultBeamwidthDeg } from './rows/field-limits.js';
import { everyPosition, fitGeometry } from './rows/geometry-fit.js';
import { storedFigure } from './rows/indicator-figure.js';
import { parseWkt } from './rows/wkt-geometry.js';

export interface RowParseContext extends ReaderContext {
  /** The user's `crs` option (parseCrsOption), or null. */
  srid: number | null;
}

/**
 * The row number of file-level problems (a missing column, an unknown
 * coordinate system): 1, the header, for CSV and XLSX; 0 for GIS formats,
 * whose features count from 1. A problem with `row < firstRecordRow` is about
 * the whole file.
 */
export function fileLevelRow(table: Pick<ImportTable, 'format'>): number {
  return table.format === 'csv' || table.format === 'xlsx' ? 1 : 0;
}

/** Offending values are quoted in reports up to 40 characters. */
export function truncateValue(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * Reads an import table into the layer's typed rows.
 *
 * - Missing required columns (see `missingRequiredFields`) are reported once
 *   each at the file-level row and no row is read.
 * - The SRID comes from `chooseCrs`; a file-level problem there (planar values
 *   without a coordinate system) is reported and rows are still checked, but
 *   `rows` is empty: nothing of such a file can be written, even "valid rows only".
 * - Each row's cells are typed by the catalogue (cell-values.ts), its position
 *   read from the file's geometry, a WKT cell or the position columns, its
 *   natural key built; `rows` holds only rows without errors, and a row whose
 *   key an earlier row already had is an error naming that row.
 * - Geometry: points stay points; lines become MultiLineString and polygons
 *   MultiPolygon here (the columns' types). Hamlets keep their polygon in
 *   `geometry` and their reference point (cultural house or centre) in
 *   `values.refX`/`values.refY`, in the same SRID (x = easting or longitude);
 *   without one the writer takes a point on the polygon's surface.
 * - BTS: `azimuthsDeg`, `beamwidthsDeg` and `tiltsDeg` are arrays of equal
 *   length, one entry per sector (no azimuths: one omnidirectional sector,
 *   azimuth 0, beamwidth 360); a BTS without a position needs a site code and
 *   stands at its site.
 * - Reported indicator values: the figure is read as written and stored in
 *   the indicator's measure (a share in percent becomes 0–1, see
 *   indicator-figure.ts); the layer has no position.
 */
export function parseImportRows(layer: ImportLayer, table: ImportTable, mapping: ColumnMapping, ctx: RowParseContext): RowParseResult {
  const fields = importFields[layer];
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const fileRow = fileLevelRow(table);
  const hasFileGeometry = table.rows.some((r) => r.geometry !== null);
  const crs = chooseCrs(table, mapping, ctx.srid);

  const missing = missingRequiredFields(layer, mapping, hasFileGeometry);
  if (missing.length > 0) {
    for (const key of missing) {
      const field = fields.find((f) => f.key === key);
      if (field) {
        errors.push({ row: fileRow, field: key, column: null, messageKey: 'column-missing', params: { header: field.vi, headerEn: field.en } });
      } else {
        const pointLayer = importGeometryKinds[layer].includes('Point');
        errors.push({ row: fileRow, field: null, column: null, messageKey: pointLayer ? 'column-position-missing' : 'column-geometry-missing', params: {} });
      }
    }
    return { srid: crs.srid, crsSource: crs.source, rows: [], errors, warnings };
  }
  if (crs.problem) errors.push({ row: fileRow, field: null, column: null, messageKey: crs.problem.messageKey, params: crs.problem.params });

  let rowNo = 0;
  let rowFailed = false;
  const report = (field: string | null, column: string | null, messageKey: MessageKey, value: string, params: Record<string, string | number> = {}) => {
    rowFailed = true;
    errors.push({ row: rowNo, field, column, messageKey, params: { column: column ?? '', value: truncateValue(value), ...params } });
  };
  const warn = (field: string | null, column: string | null, messageKey: MessageKey, value: string, params: Record<string, string | number> = {}) => {
    warnings.push({ row: rowNo, field, column, messageKey, params: { column: column ?? '', value: truncateValue(value), ...params } });
  };

  // Readers of the typed fields, compiled once for the file.
  const readers: { key: string; column: string | null; required: boolean; read: CellReader }[] = [];
  for (const field of fields) {
    const read = cellReader(layer, field, ctx);
    if (read) readers.push({ key: field.key, column: mapping[field.key] ?? null, required: field.required === true, read });
  }
  const columnPoint = crs.problem ? null : columnPointReader(mapping, crs.srid, report, warn);
  const geographic = isGeographicSrid(crs.srid);
  const kinds = importGeometryKinds[layer];
  const wktColumn = fields.some((f) => f.key === 'wkt') ? (mapping.wkt ?? null) : null;
  const keyFields = importKeys[layer];
  const firstRowOfKey = new Map<string, number>();
  const rows: ParsedRow[] = [];

  // Every row's values start from one shape (all of the layer's keys, null), which keeps them fast objects.
  const blank: ParsedRow['values'] = Object.fromEntries(fields.map((f) => [f.key, null]));
  if (layer === 'hamlets') Object.assign(blank, { refX: null, refY: null });

  for (const row of table.rows) {
    rowNo = row.rowNo;
    rowFailed = false;
    const values: ParsedRow['values'] = { ...blank };
    for (const r of readers) {
      const text = r.column === null ? '' : (row.cells[r.column] ?? '').trim();
      if (text === '') {
        if (r.required) report(r.key, r.column, 'row-value-required', '');
        continue;
      }
      const value = r.read(text);
      if (value instanceof CellFailure) {
        report(r.key, r.column, value.messageKey, text, value.params);
      } else {
        values[r.key] = value;
      }
    }

    const geometry = columnPoint && kinds.length > 0 ? readPosition(row, values) : null;
    if (layer === 'bts') sectorsOf(values);
    if (layer === 'hamlets') checkHouseholds(values);
    if (layer === 'indicator-values') figureOf(row, values);

    const key = naturalKey(values, geometry);
    if (key !== null) {
      const first = firstRowOfKey.get(key);
      if (first === undefined) firstRowOfKey.set(key, rowNo);
      else report(keyFields[0] ?? null, mapping[keyFields[0] ?? ''] ?? null, 'duplicate-key', key, { key: truncateValue(key), firstRow: first });
    }
    if (!rowFailed) rows.push({ row: rowNo, key: key ?? '', values, geometry });
  }

  return { srid: crs.srid, crsSource: crs.source, rows: crs.problem ? [] : rows, errors, warnings };

  /** The row's geometry (and, for hamlets, its reference point in values.refX/refY); undefined after a problem. */
  function readPosition(row: ImportRow, values: ParsedRow['values']): Geometry | null {
    let shape: Geometry | null = null;
    let shapeColumn: string | null = null;
    if (row.geometry) {
      shape = row.geometry;
    } else if (wktColumn !== null) {
      const text = (row.cells[wktColumn] ?? '').trim();
      if (text !== '') {
        shape = parseWkt(text);
        shapeColumn = wktColumn;
        if (!shape) {
          report('wkt', wktColumn, 'row-wkt-format', text);
          return null;
        }
      }
    }
    let fitted: ReturnType<typeof fitGeometry> | null = null;
    if (shape) {
      fitted = fitGeometry(shape, kinds);
      if ('wrongKind' in fitted) {
        report('wkt', shapeColumn, 'row-geometry-kind', fitted.wrongKind, { kind: fitted.wrongKind, allowed: kinds.join(', ') });
        return null;
      }
      if (geographic && !everyPosition(fitted.geometry, inDegrees)) {
        report('wkt', shapeColumn, 'row-geometry-range', '');
        return null;
      }
      if (geographic && fitted.geometry.type === 'Point') {
        const [lon, lat] = fitted.geometry.coordinates as [number, number];
        if (looksSwapped(lon, lat)) {
          fitted.geometry = { type: 'Point', coordinates: [lat, lon] };
          warn('lat', shapeColumn, 'lat-lon-swapped', `${lon}, ${lat}`, { lon: lat, lat: lon });
        }
      }
    }
    const failedBefore = rowFailed;
    const point = columnPoint!(row);
    if (point === undefined || rowFailed !== failedBefore) return null;
    if (point) Object.assign(values, point.values);

    if (layer === 'hamlets') {
      // Polygon → geometry; the reference point from the columns, else a file point.
      const polygon = fitted && !('wrongKind' in fitted) && fitted.kind === 'Polygon' ? fitted.geometry : null;
      const filePoint = fitted && !('wrongKind' in fitted) && fitted.geometry.type === 'Point' ? fitted.geometry.coordinates : null;
      const ref: Position | null = point?.position ?? filePoint;
      values.refX = ref ? ref[0]! : null;
      values.refY = ref ? ref[1]! : null;
      if (!polygon && !ref) report(null, null, 'row-position-missing', '');
      return polygon;
    }
    if (fitted && !('wrongKind' in fitted)) return fitted.geometry;
    if (point) return { type: 'Point', coordinates: point.position };
    if (layer === 'bts' && values.siteCode !== null && values.siteCode !== undefined) return null;
    report(null, null, kinds.includes('Point') ? 'row-position-missing' : 'row-geometry-missing', '');
    return null;
  }

  /** One entry per sector in azimuthsDeg, beamwidthsDeg and tiltsDeg. */
  function sectorsOf(values: ParsedRow['values']): void {
    const azimuths = values.azimuthsDeg as number[] | null;
    const count = azimuths?.length ?? 1;
    const spread = (key: 'beamwidthsDeg' | 'tiltsDeg', fallback: number): number[] | null => {
      const given = values[key] as number[] | null;
      if (!given) return new Array<number>(count).fill(fallback);
      if (given.length === count) return given;
      if (given.length === 1) return new Array<number>(count).fill(given[0]!);
      report(key, mapping[key] ?? null, 'row-sector-count', given.join('/'), { count: given.length, sectors: count });
      return null;
    };
    const beamwidths = spread('beamwidthsDeg', azimuths ? defaultBeamwidthDeg : 360);
    const tilts = spread('tiltsDeg', 0);
    values.azimuthsDeg = azimuths ?? [0];
    // No azimuth given (an empty cell, or the column absent): the sectors are unknown, so an update keeps
    // the stored ones and only a new BTS takes this one omnidirectional sector.
    if (!azimuths) values.$sectorsUnknown = 1;
    values.beamwidthsDeg = beamwidths;
    values.tiltsDeg = tilts;
  }

  /** The figure in the indicator's measure (values.value), or a problem on the value's cell. */
  function figureOf(row: ImportRow, values: ParsedRow['values']): void {
    const { indicator, value } = values;
    if (typeof indicator !== 'string' || typeof value !== 'number') return;
    const column = mapping.value ?? null;
    const text = column === null ? '' : (row.cells[column] ?? '').trim();
    const figure = storedFigure(indicator, value, writtenInPercent(text));
    if (figure === null) return;
    if ('value' in figure) values.value = figure.value;
    else report('value', column, figure.messageKey, text, figure.params);
  }

  function checkHouseholds(values: ParsedRow['values']): void {
    const { households, population } = values;
    if (typeof households === 'number' && typeof population === 'number' && households > population) {
      report('households', mapping.households ?? null, 'row-households-exceed', String(households), { households, population });
    }
  }

  /** The natural key's values joined with `|`; lon/lat parts are the point's coordinates. Null when a part is missing. */
  function naturalKey(values: ParsedRow['values'], geometry: Geometry | null): string | null {
    const parts: string[] = [];
    for (const k of keyFields) {
      let v = values[k];
      if ((k === 'lon' || k === 'lat') && geometry?.type === 'Point') v = geometry.coordinates[k === 'lon' ? 0 : 1]!;
      if (v === null || v === undefined || Array.isArray(v)) return null;
      parts.push(String(v));
    }
    return parts.join('|');
  }
}

const inDegrees = (p: Position) => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90;
