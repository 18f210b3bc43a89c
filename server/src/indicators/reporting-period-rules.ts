import type { Bilingual } from '../contracts/indicator-contracts.js';
import { periodCodePattern, type PeriodKind, type ReportingPeriod } from '../contracts/indicator-registry-contracts.js';

const monthNamesEn = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');
/** Days in month `month` (1–12) of `year`, Gregorian. */
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const isoDay = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/**
 * What a period code means: 2025 (the year), 2025-H1 / 2025-H2 (half-years),
 * 2025-Q1…Q4 (quarters), 2025-01…12 (months); its first and last day and its
 * label in both languages. null for a code that is none of these.
 */
export function periodOfCode(code: string): ReportingPeriod | null {
  if (!periodCodePattern.test(code)) return null;
  const year = Number(code.slice(0, 4));
  const rest = code.slice(5);
  let kind: PeriodKind;
  let first: number;
  let last: number;
  let label: Bilingual;
  if (rest === '') {
    kind = 'year';
    [first, last] = [1, 12];
    label = { vi: `Năm ${year}`, en: `Year ${year}` };
  } else if (rest.startsWith('H')) {
    kind = 'half';
    const half = Number(rest.slice(1));
    [first, last] = half === 1 ? [1, 6] : [7, 12];
    label = half === 1 ? { vi: `6 tháng đầu năm ${year}`, en: `First half of ${year}` } : { vi: `6 tháng cuối năm ${year}`, en: `Second half of ${year}` };
  } else if (rest.startsWith('Q')) {
    kind = 'quarter';
    const quarter = Number(rest.slice(1));
    [first, last] = [3 * quarter - 2, 3 * quarter];
    label = { vi: `Quý ${quarter}/${year}`, en: `Q${quarter} ${year}` };
  } else {
    kind = 'month';
    const month = Number(rest);
    [first, last] = [month, month];
    label = { vi: `Tháng ${month}/${year}`, en: `${monthNamesEn[month - 1]} ${year}` };
  }
  return { code, kind, startsOn: isoDay(year, first, 1), endsOn: isoDay(year, last, daysIn(year, last)), label };
}
