// Calendar days as people type them (dd/mm/yyyy, as dates are written in
// Vietnamese documents, and en-GB) and as the API carries them (YYYY-MM-DD).
// A day is a day, not an instant: never through Date in the reader's time zone,
// which would move it by one west of Greenwich.

/** dd/mm/yyyy to YYYY-MM-DD; '' for blank, null when it is no date. */
export function isoDay(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [, d, m, y] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** YYYY-MM-DD to dd/mm/yyyy; '' when it is not one. */
export function dayText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** Today in Việt Nam (UTC+7, no daylight saving), as YYYY-MM-DD: the day an inspection in the province took place on. */
export function vietnamToday(now: number = Date.now()): string {
  return new Date(now + 7 * 3600_000).toISOString().slice(0, 10);
}
