import type { Response } from 'express';
import ExcelJS from 'exceljs';
import type { Bilingual } from '../contracts/indicator-contracts.js';
import type { Language } from '../i18n/server-messages.js';
import { csvBom, csvLine } from './csv-export-writer.js';
import type { CellValue } from './export-columns.js';
import { exportContentDisposition } from './export-file-name.js';
import { writeOut } from './export-stream.js';

export const tableExportFormats = ['csv', 'xlsx'] as const;
export type TableExportFormat = (typeof tableExportFormats)[number];

/**
 * How a number reads. The XLSX cell holds the number itself under a number
 * format; the CSV writes it as that format shows it (a CSV has no formats),
 * with a dot decimal and no grouping so a spreadsheet reads a number:
 *   percent: a share in 0–1: XLSX 0.6667 as 0.00% (66.67 %), CSV 66.67 (the
 *            header says "(%)", or the row's unit column says "%");
 *   decimal: XLSX 0.00, CSV at two decimals;
 *   integer: XLSX 0, CSV rounded to a whole number;
 *   exact:   XLSX General, CSV every digit (figures a planner edits and imports again).
 */
export type NumberFormat = 'percent' | 'decimal' | 'integer' | 'exact';

export interface TableColumn<R> {
  header: Bilingual;
  value(row: R): CellValue;
  /** For number cells; a function when rows of one column differ (a long table's value column). */
  format?: NumberFormat | ((row: R) => NumberFormat);
  /** XLSX column width in characters (default from the header). */
  width?: number;
}

export interface TableSheet<R> {
  /** The XLSX sheet's name (≤ 31 characters, none of : \ / ? * [ ]). */
  name: Bilingual;
  columns: readonly TableColumn<R>[];
  rows: readonly R[];
}

export interface TableExport {
  /** ASCII file name without date and extension, e.g. chi-tieu-2025-xa. */
  fileName: string;
  /** The same for people (Content-Disposition filename*), e.g. Chỉ tiêu 2025 cấp xã. */
  title: string;
  /** The first sheet is the table (the CSV); further sheets (XLSX only) explain it. */
  sheets: [TableSheet<any>, ...TableSheet<any>[]];
}

const xlsxFormats: Record<NumberFormat, string | null> = { percent: '0.00%', decimal: '0.00', integer: '0', exact: null };
const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function formatOf<R>(column: TableColumn<R>, row: R): NumberFormat | undefined {
  return typeof column.format === 'function' ? column.format(row) : column.format;
}

/** A percent in CSV: the share × 100 at two decimals (the precision the 0.00% XLSX cell shows). */
export function percentText(share: number): number {
  return Math.round(share * 10_000) / 100;
}

function csvCell<R>(column: TableColumn<R>, row: R): CellValue {
  const value = column.value(row);
  if (typeof value !== 'number') return value;
  switch (formatOf(column, row)) {
    case 'percent':
      return percentText(value);
    case 'decimal':
      return Math.round(value * 100) / 100;
    case 'integer':
      return Math.round(value);
    default:
      return value;
  }
}

async function writeCsv(res: Response, sheet: TableSheet<unknown>, lang: Language): Promise<void> {
  await writeOut(res, csvBom + csvLine(sheet.columns.map((c) => c.header[lang])));
  // Pages of 500 lines: one write per page, and the socket's back-pressure is honoured between them.
  for (let i = 0; i < sheet.rows.length; i += 500) {
    await writeOut(res, sheet.rows.slice(i, i + 500).map((r) => csvLine(sheet.columns.map((c) => csvCell(c, r)))).join(''));
  }
  res.end();
}

async function writeXlsx(res: Response, sheets: readonly TableSheet<unknown>[], lang: Language): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name[lang], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, i) => ({ key: String(i), width: c.width ?? Math.min(40, Math.max(10, c.header[lang].length + 2)) }));
    const header = ws.addRow(sheet.columns.map((c) => c.header[lang]));
    header.font = { bold: true };
    header.commit();
    for (const r of sheet.rows) {
      const row = ws.addRow(sheet.columns.map((c) => c.value(r)));
      sheet.columns.forEach((c, i) => {
        const format = formatOf(c, r);
        const numFmt = format ? xlsxFormats[format] : null;
        const cell = row.getCell(i + 1);
        if (numFmt && typeof cell.value === 'number') cell.numFmt = numFmt;
      });
      row.commit();
    }
    ws.commit();
  }
  await workbook.commit();
}

/**
 * Sends a table export: CSV (UTF-8 with BOM, CRLF, the first sheet only) or
 * XLSX (every sheet, bold frozen header, numbers as numeric cells), headers in
 * `lang`. The rows are built before anything is sent, so a bad request is
 * still a problem answer.
 */
export async function sendTableExport(res: Response, format: TableExportFormat, lang: Language, table: TableExport): Promise<void> {
  res.status(200);
  res.type(format === 'csv' ? 'text/csv; charset=utf-8' : xlsxContentType);
  res.set('Content-Disposition', exportContentDisposition(table.fileName, table.title, format));
  res.set('Cache-Control', 'no-store');
  if (format === 'csv') await writeCsv(res, table.sheets[0], lang);
  else await writeXlsx(res, table.sheets, lang);
}

/** An ASCII file-name part: no diacritics (đ → d), lower case, runs of anything else as one hyphen. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A term of a table and what it means: the XLSX's definitions sheet (every number has its definition). */
export interface TableDefinition {
  term: Bilingual;
  meaning: Bilingual;
}

export function definitionSheet(lang: Language, rows: readonly TableDefinition[]): TableSheet<TableDefinition> {
  return {
    name: { vi: 'Định nghĩa', en: 'Definitions' },
    columns: [
      { header: { vi: 'Thuật ngữ', en: 'Term' }, value: (d) => d.term[lang], width: 32 },
      { header: { vi: 'Định nghĩa', en: 'Definition' }, value: (d) => d.meaning[lang], width: 110 },
    ],
    rows,
  };
}
