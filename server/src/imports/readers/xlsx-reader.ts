import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { HttpProblem } from '../../http/http-problem.js';
import type { ImportTable } from '../import-table.js';
import { dateText, numberText } from './cell-text.js';
import { applyHeader, columnLetters, type RawRecord } from './header-table.js';
import type { ReaderInput } from './reader-input.js';
import { looksLikeTcvn3Text } from './text-encoding.js';
import { checkDeclaredSizes, listZipEntries, readZipEntry, type InflateBudget } from './zip-archive.js';

/** Excel keeps 15 significant digits; more would show a double's rounding error (0.30000000000000004). */
const excelDigits = 15;

/**
 * An Excel workbook: the named sheet or the first, its first non-empty row as
 * the header, every cell as the text Excel shows for its value (numbers with a
 * `.`, percentages with their `%`, dates in ISO 8601, formulas by their cached result).
 */
export async function readXlsx(input: ReaderInput): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(checkedArchive(input) as unknown as ExcelJS.Buffer);
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw new HttpProblem(400, 'import-xlsx-unreadable', { file: input.fileName, reason: String((error as Error).message ?? error).slice(0, 160) });
  }
  const sheets = workbook.worksheets.map((ws) => ws.name);
  const worksheet = input.sheet === null ? workbook.worksheets[0] : workbook.worksheets.find((ws) => ws.name === input.sheet);
  if (!worksheet) {
    if (input.sheet === null) throw new HttpProblem(400, 'import-no-rows', { file: input.fileName });
    throw new HttpProblem(400, 'import-sheet-unknown', { sheet: input.sheet, sheets: sheets.map((s) => `"${s}"`).join(', ') });
  }
  const records: RawRecord[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      cells[colNumber - 1] = valueText(cell.value, percentFormat(cell.numFmt));
    });
    records.push({ rowNo: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  const headerAt = records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerAt < 0) throw new HttpProblem(400, 'import-no-rows', { file: input.fileName });
  if (looksLikeTcvn3Text(records.slice(headerAt, headerAt + 200).flatMap((r) => r.cells).join(' '))) {
    throw new HttpProblem(400, 'import-encoding-tcvn3');
  }
  const { columns, rows } = applyHeader(records[headerAt]!.cells, records.slice(headerAt + 1), columnLetters, input.limits);
  return { format: 'xlsx', columns, rows, sheets, sheet: worksheet.name, encoding: null, declaredSrid: null, declaredCrsText: null };
}

/**
 * The workbook's parts inflated under the size limit and stored again
 * uncompressed: exceljs then reads exactly the bytes that were measured, never
 * inflating a part that lies about its size.
 */
function checkedArchive(input: ReaderInput): Buffer {
  const entries = listZipEntries(input.bytes, input.fileName);
  const budget: InflateBudget = { fileName: input.fileName, maxExpandedBytes: input.limits.maxExpandedBytes, used: 0 };
  checkDeclaredSizes(entries, budget);
  const parts: Record<string, Uint8Array> = {};
  for (const entry of entries) parts[entry.name] = readZipEntry(input.bytes, entry, budget);
  return Buffer.from(zipSync(parts, { level: 0 }));
}

/**
 * A cell formatted as a percentage shows 74.6% for the stored 0.746: its text is what it shows
 * ("74.6%"), so a share typed into such a cell reads as the percent it was typed as.
 */
function percentFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && numFmt.replace(/"[^"]*"|\\./g, '').includes('%');
}

function valueText(value: ExcelJS.CellValue, percent = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return percent ? `${numberText(value * 100, excelDigits)}%` : numberText(value, excelDigits);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : valueText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result ?? null, percent);
  if ('error' in value) return value.error;
  return '';
}
