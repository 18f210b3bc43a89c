import type { HamletCoverageRow } from '../domain/contract-types.js';
import { anyOperator } from '../domain/enum-values.js';
import { messagesVi } from '../i18n/messages-vi.js';
import type { CoverageChoice } from '../url/view-state.js';

// The export is for reports written in Vietnamese: headers and verdicts are
// Vietnamese whatever the screen language. Numbers are plain (dot decimals, no
// grouping) so a spreadsheet reads them as numbers.

const columns: { header: string; value: (row: HamletCoverageRow) => string | number }[] = [
  { header: 'Mã ấp', value: (r) => r.code },
  { header: 'Tên ấp, khu phố', value: (r) => r.name },
  { header: 'Xã, phường, thị trấn', value: (r) => r.communeName },
  { header: 'Huyện, thị xã, thành phố', value: (r) => r.districtName ?? '' },
  { header: 'Dân số (người)', value: (r) => r.population },
  { header: 'Kết luận', value: (r) => messagesVi[`verdict.${r.verdict}`] },
  { header: 'Điểm tham chiếu có sóng', value: (r) => (r.refCovered ? 'Có' : 'Không') },
  { header: 'Tỷ lệ dân số có sóng (%)', value: (r) => (r.coveredShare * 100).toFixed(1) },
  { header: 'Cơ sở tính tỷ lệ', value: (r) => messagesVi[`shareBasisShort.${r.shareBasis}`] },
  { header: 'Dân số có sóng (người)', value: (r) => r.populationCovered },
  { header: 'Diện tích vùng lõm (m²)', value: (r) => Math.round(r.gapAreaM2) },
];

/**
 * RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes
 * doubled. A text that a spreadsheet would read as a formula (=, +, -, @, tab or
 * carriage return first: a hamlet named "=HYPERLINK(…)") gets a leading
 * apostrophe, so it is shown as text and never run (OWASP CSV injection).
 */
function csvField(value: string | number): string {
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The rows as CSV text, headers first, CRLF line ends, preceded by a UTF-8 byte order mark so Excel reads the diacritics. */
export function hamletCoverageCsv(rows: readonly HamletCoverageRow[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** e.g. phu-song-ap_moi-nha-mang_bang-rong_toan-tinh_2025-07-01.csv */
export function hamletCoverageFileName(choice: CoverageChoice, unit: string | null, date = new Date()): string {
  const operator = choice.operator === anyOperator ? 'moi-nha-mang' : slug(choice.operator);
  const group = choice.group === 'broadband' ? 'bang-rong' : slug(choice.group);
  const day = date.toISOString().slice(0, 10);
  return `phu-song-ap_${operator}_${group}_${unit ? slug(unit) : 'toan-tinh'}_${day}.csv`;
}

/** Starts the browser's download of a text file. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
