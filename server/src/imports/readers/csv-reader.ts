import { CsvError, parse } from 'csv-parse/sync';
import { HttpProblem } from '../../http/http-problem.js';
import type { ImportTable } from '../import-table.js';
import type { ReaderInput } from './reader-input.js';
import { applyHeader, type RawRecord } from './header-table.js';
import { decodeText, sniffTextEncoding } from './text-encoding.js';

/**
 * CSV as Excel and agencies write it: comma, semicolon (Excel on a Windows
 * set to Vietnamese, whose decimal separator is the comma) or tab (Excel's
 * "Unicode Text"), optionally announced by Excel's `sep=;` first line.
 */
export function readCsv(input: ReaderInput): ImportTable {
  const encoding = sniffTextEncoding(input.bytes);
  let text = decodeText(input.bytes, encoding).replace(/\u001a$/, '');
  let delimiter: string | null = null;
  const announced = /^sep=(.)\r?\n/.exec(text);
  if (announced) {
    delimiter = announced[1]!;
    text = text.slice(announced[0].length);
  }
  delimiter ??= sniffDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      throw new HttpProblem(400, 'import-csv-unreadable', { line, reason: error.message.slice(0, 200) });
    }
    throw error;
  }
  // Each record is one spreadsheet row, blank ones included, so its number is its index + 1.
  const numbered: RawRecord[] = records.map((cells, i) => ({ rowNo: i + 1, cells }));
  const headerAt = numbered.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt < 0) throw new HttpProblem(400, 'import-no-rows', { file: input.fileName });
  const header = numbered[headerAt]!.cells;
  const data = numbered.slice(headerAt + 1);
  for (const record of data) {
    if (record.cells.length > header.length && record.cells.slice(header.length).some((c) => c.trim() !== '')) {
      throw new HttpProblem(400, 'import-csv-extra-cells', { row: record.rowNo, count: record.cells.length, columns: header.length });
    }
  }
  const { columns, rows } = applyHeader(header, data, (i) => String(i + 1), input.limits);
  return { format: 'csv', columns, rows, sheets: null, sheet: null, encoding, declaredSrid: null, declaredCrsText: null };
}

const candidates = [',', ';', '\t'] as const;

/** The candidate seen most often outside quotes on the first non-blank line (the header); a comma when none is. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(candidates.map((c) => [c, 0]));
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (started) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    if (ch.trim() !== '') started = true;
  }
  let best: string = ',';
  for (const c of candidates) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}
