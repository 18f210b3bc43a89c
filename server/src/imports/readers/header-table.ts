import { HttpProblem } from '../../http/http-problem.js';
import type { ImportLimits, ImportRow } from '../import-table.js';
import { cellText } from './cell-text.js';

/** A record of a spreadsheet-like file (CSV, XLSX) before its header is applied: its row number and cells as text. */
export interface RawRecord {
  rowNo: number;
  cells: string[];
}

/**
 * Turns a header and records into named columns and rows. A column with no
 * name is dropped when it is empty all the way down (Excel leaves such columns
 * behind after a deletion) and refused otherwise; two columns of one name are
 * refused, both naming them by `columnLabel` (CSV: 1, 2, …; XLSX: A, B, …).
 * Rows with no text in any named column are blank lines: skipped, the other
 * rows keep their own numbers.
 */
export function applyHeader(
  header: readonly string[],
  records: readonly RawRecord[],
  columnLabel: (index: number) => string,
  limits: ImportLimits,
): { columns: string[]; rows: ImportRow[] } {
  const names = header.map(cellText);
  const width = records.reduce((w, r) => Math.max(w, r.cells.length), names.length);
  const kept: number[] = [];
  const unnamed: string[] = [];
  for (let i = 0; i < width; i++) {
    if (names[i]) kept.push(i);
    else if (records.some((r) => cellText(r.cells[i] ?? '') !== '')) unnamed.push(columnLabel(i));
  }
  if (unnamed.length) throw new HttpProblem(400, 'import-header-empty', { columns: unnamed.join(', ') });
  const byName = new Map<string, number[]>();
  for (const i of kept) byName.set(names[i]!, [...(byName.get(names[i]!) ?? []), i]);
  const duplicates = [...byName].filter(([, at]) => at.length > 1);
  if (duplicates.length) {
    throw new HttpProblem(400, 'import-header-duplicate', {
      names: duplicates.map(([name, at]) => `"${name}" (${at.map(columnLabel).join(', ')})`).join('; '),
    });
  }
  const columns = kept.map((i) => names[i]!);
  const rows: ImportRow[] = [];
  for (const record of records) {
    const values = kept.map((i) => cellText(record.cells[i] ?? ''));
    if (values.every((v) => v === '')) continue;
    if (rows.length === limits.maxRows) throw new HttpProblem(413, 'import-too-many-rows', { max: limits.maxRows });
    rows.push({ rowNo: record.rowNo, cells: Object.fromEntries(columns.map((c, k) => [c, values[k]!])), geometry: null });
  }
  return { columns, rows };
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
