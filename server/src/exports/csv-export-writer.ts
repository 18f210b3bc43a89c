import type { CellValue } from './export-columns.js';

/** UTF-8 byte order mark: Excel then opens Vietnamese text as UTF-8, not the ANSI code page. */
export const csvBom = '\uFEFF';
export const csvLineEnd = '\r\n';

const numberText = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
// A cell that starts like a formula runs as one when a spreadsheet opens the
// file (CSV injection, OWASP): =, +, - and @, and tab / carriage return, which
// some spreadsheets strip before looking. Numbers such as -12.5 are left alone.
const formulaStart = /^[=+\-@\t\r]/;

/** One RFC 4180 field: quoted when it holds a comma, quote or line break; formula-like text gets a leading apostrophe. */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text) && !numberText.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CellValue[]): string {
  return values.map(csvField).join(',') + csvLineEnd;
}
