import { parse } from 'csv-parse/sync';
import { foldHeader } from '../imports/import-fields.js';
import { technologies, type Technology } from '../contracts/domain-enums.js';
import { isCalendarInstant } from '../http/calendar-instant.js';
import type { FieldError } from '../http/http-problem.js';

export interface MeasurementRow {
  lon: number;
  lat: number;
  operatorCode: string;
  technology: Technology;
  signalDbm: number;
  downloadMbps: number | null;
  measuredAt: string;
}

type Column = 'lon' | 'lat' | 'operator' | 'technology' | 'signal_dbm' | 'download_mbps' | 'time';

/** Header names agencies and tools use, folded (no diacritics, lower case, _ for spaces). */
const synonyms: Record<string, Column> = {
  lon: 'lon', lng: 'lon', longitude: 'lon', kinh_do: 'lon',
  lat: 'lat', latitude: 'lat', vi_do: 'lat',
  operator: 'operator', nha_mang: 'operator', mang: 'operator', doanh_nghiep: 'operator',
  technology: 'technology', tech: 'technology', cong_nghe: 'technology',
  signal_dbm: 'signal_dbm', signal: 'signal_dbm', rsrp: 'signal_dbm', rscp: 'signal_dbm', rxlev: 'signal_dbm',
  muc_tin_hieu: 'signal_dbm', muc_tin_hieu_dbm: 'signal_dbm', cuong_do_tin_hieu: 'signal_dbm',
  download_mbps: 'download_mbps', download: 'download_mbps', toc_do_tai_xuong: 'download_mbps', toc_do_tai_xuong_mbps: 'download_mbps',
  time: 'time', timestamp: 'time', thoi_gian: 'time', measured_at: 'time',
};
const required: Column[] = ['lon', 'lat', 'operator', 'technology', 'signal_dbm', 'time'];

// Headers fold as the import catalogue folds them: one rule for every header we read.
export { foldHeader };

const decimal = /^-?(\d+(\.\d*)?|\.\d+)$/;
const operatorNameCharacters = /^[\p{L}\p{M}\p{N}\p{Zs}\p{Pd}\p{Pc}.,&()'/]+$/u;

/**
 * Reads a measurement CSV (UTF-8, with or without BOM). Every problem is
 * reported with its row number (the header is row 1); the caller stores the
 * rows only when there is none.
 */
export function readMeasurementCsv(text: string, operatorByName: (name: string) => string | undefined): { rows: MeasurementRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false }) as string[][];
  } catch (error) {
    return { rows: [], errors: [{ parameter: 'csv', messageKey: 'csv-unreadable', params: { reason: (error as Error).message.slice(0, 200) } }] };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ parameter: 'csv', messageKey: 'csv-empty' }] };
  const index = new Map<Column, number>();
  header.forEach((name, i) => {
    const column = synonyms[foldHeader(name)];
    if (column && !index.has(column)) index.set(column, i);
  });
  for (const column of required) {
    if (!index.has(column)) errors.push({ parameter: column, messageKey: 'csv-missing-column', params: { column } });
  }
  if (errors.length) return { rows: [], errors };
  if (data.length === 0) return { rows: [], errors: [{ parameter: 'csv', messageKey: 'csv-empty' }] };
  const rows: MeasurementRow[] = [];
  data.forEach((record, i) => {
    const rowNo = i + 2;
    const cell = (c: Column) => (index.has(c) ? (record[index.get(c)!] ?? '').trim() : '');
    const fail = (column: Column, key: FieldError['messageKey'], params: Record<string, string | number> = {}) =>
      errors.push({ parameter: `row ${rowNo} ${column}`, messageKey: key, params: { value: cell(column).slice(0, 40), ...params } });
    const number = (column: Column, min: number, max: number): number | null => {
      const raw = cell(column).replace(',', '.');
      if (!decimal.test(raw)) return (fail(column, 'csv-not-number'), null);
      const value = Number(raw);
      if (value < min || value > max) return (fail(column, 'csv-out-of-range', { min, max }), null);
      return value;
    };
    const lon = number('lon', -180, 180);
    const lat = number('lat', -90, 90);
    // Names match ignoring case, diacritics and punctuation; a character no name
    // has (a control or format character, a symbol such as an emoji) is corruption, not a spelling.
    const operatorCode = operatorNameCharacters.test(cell('operator')) ? operatorByName(cell('operator')) : undefined;
    if (!operatorCode) fail('operator', 'csv-unknown-operator');
    const technology = cell('technology').toUpperCase();
    if (!(technologies as readonly string[]).includes(technology)) fail('technology', 'csv-unknown-technology', { allowed: technologies.join(', ') });
    const signalDbm = number('signal_dbm', -160, -10);
    const downloadMbps = cell('download_mbps') === '' ? null : number('download_mbps', 0, 10000);
    const time = cell('time');
    const measuredAt = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(time) && isCalendarInstant(time)
      ? new Date(time.replace(' ', 'T')).toISOString()
      : (fail('time', 'csv-bad-time'), null);
    if (lon !== null && lat !== null && operatorCode && signalDbm !== null && measuredAt && (technologies as readonly string[]).includes(technology)) {
      rows.push({ lon, lat, operatorCode, technology: technology as Technology, signalDbm, downloadMbps, measuredAt });
    }
  });
  return { rows, errors };
}
