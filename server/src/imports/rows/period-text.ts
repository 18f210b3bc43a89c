import { foldHeader } from '../import-fields.js';

/**
 * Reporting periods as reports write them, to the period codes of
 * reporting_periods (2023, 2025-H1, 2025-Q2, 2025-06):
 *
 * - the code itself, in either case ("2025-q2");
 * - a year: "Năm 2023", "Year 2023";
 * - a quarter: "Quý 2/2025", "Quý II/2025", "Quý 2 năm 2025", "Q2 2025", "Q2/2025", "2025 Q2";
 * - a half-year: "6 tháng đầu năm 2025" (H1), "6 tháng cuối năm 2025" (H2), "6 tháng năm 2025"
 *   (as mid-year reports are titled: the first half), "Nửa đầu năm 2025", "First half of 2025",
 *   "H1 2025", "H1/2025";
 * - a month: "Tháng 6/2025", "Tháng 06 năm 2025", "06/2025", "6/2025", "June 2025"; and the
 *   first day of a month as a date (2025-06-01), which is what Excel makes of "6/2025" or
 *   "2025-06" typed into a cell (a period is never a single day).
 *
 * The text is folded like headers (no diacritics, lower case, `_` between
 * words), so spacing and punctuation do not matter. Null: not a period.
 * Whether the period exists is the database's to say (import staging).
 */
const romanQuarters: Readonly<Record<string, string>> = { i: '1', ii: '2', iii: '3', iv: '4' };
const monthNames = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const year = '((?:19|20)\\d{2})';

const code = /^((?:19|20)\d{2})(?:-(q[1-4]|h[12]|0[1-9]|1[0-2]))?$/;
const yearOnly = new RegExp(`^(?:nam_|year_)?${year}$`);
const quarter = new RegExp(`^(?:quy_?|q)(\\d|i{1,3}|iv)_(?:nam_)?${year}$`);
const quarterAfter = new RegExp(`^${year}_(?:quy_?|q)(\\d|i{1,3}|iv)$`);
const half = new RegExp(`^(?:6_thang_(dau|cuoi)_nam|6_thang_nam|nua_(dau|cuoi)_nam|(first|second)_half_(?:of_)?|h([12])_?)_?${year}$`);
const halfAfter = new RegExp(`^${year}_h([12])$`);
const excelMonth = /^((?:19|20)\d{2})-(0[1-9]|1[0-2])-01$/;
const month = new RegExp(`^(?:thang_)?(\\d{1,2})_(?:nam_)?${year}$`);
const namedMonth = new RegExp(`^([a-z]+)_${year}$`);

export function periodCode(text: string): string | null {
  const plain = code.exec(text.trim().toLowerCase());
  if (plain) return plain[2] ? `${plain[1]}-${plain[2].toUpperCase()}` : plain[1]!;
  const firstOfMonth = excelMonth.exec(text.trim());
  if (firstOfMonth) return `${firstOfMonth[1]}-${firstOfMonth[2]}`;
  const folded = foldHeader(text);
  let m = yearOnly.exec(folded);
  if (m) return m[1]!;
  if ((m = quarter.exec(folded))) return quarterCode(m[2]!, m[1]!);
  if ((m = quarterAfter.exec(folded))) return quarterCode(m[1]!, m[2]!);
  if ((m = half.exec(folded))) {
    const second = m[1] === 'cuoi' || m[2] === 'cuoi' || m[3] === 'second' || m[4] === '2';
    return `${m[5]}-H${second ? 2 : 1}`;
  }
  if ((m = halfAfter.exec(folded))) return `${m[1]}-H${m[2]}`;
  if ((m = month.exec(folded))) return monthCode(m[2]!, Number(m[1]));
  if ((m = namedMonth.exec(folded))) return monthCode(m[2]!, monthNames.indexOf(m[1]!) + 1);
  return null;
}

function quarterCode(y: string, q: string): string | null {
  const n = romanQuarters[q] ?? q;
  return /^[1-4]$/.test(n) ? `${y}-Q${n}` : null;
}

function monthCode(y: string, n: number): string | null {
  return n >= 1 && n <= 12 ? `${y}-${String(n).padStart(2, '0')}` : null;
}
