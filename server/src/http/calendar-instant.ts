const shape = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * A date (2026-11-30) or ISO 8601 instant that exists on the calendar and that
 * PostgreSQL can store: Date.parse alone rolls 2026-02-30 over into March and
 * accepts year 0 (PostgreSQL has no year 0, so the cast fails) or instants past
 * 9999 in UTC (which toISOString writes as +010000-…).
 */
export function isCalendarInstant(text: string): boolean {
  const m = shape.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as number[];
  if (year! < 1 || month! < 1 || month! > 12 || day! < 1 || day! > daysIn(year!, month!)) return false;
  if (hour! > 23 || minute! > 59 || second! > 59 || offsetHours! > 14 || offsetMinutes! > 59) return false;
  const ms = Date.parse(text.replace(' ', 'T'));
  if (Number.isNaN(ms)) return false;
  const utcYear = new Date(ms).getUTCFullYear();
  return utcYear >= 1 && utcYear <= 9999;
}
