/**
 * Cells as text, the same whatever the format: trimmed, Unicode NFC (so
 * "Mỹ Tho" typed on macOS, in NFD, matches), numbers in plain decimal with a
 * `.` (never an exponent), dates in ISO 8601.
 */
export function cellText(text: string): string {
  return text.normalize('NFC').trim();
}

/**
 * A number with every digit it has: the shortest text that reads back as the
 * same double, or, with `significantDigits` (Excel keeps 15), rounded to that
 * many first, so a computed 0.1+0.2 shows as Excel shows it, 0.3.
 */
export function numberText(value: number, significantDigits?: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = significantDigits ? Number(value.toPrecision(significantDigits)) : value;
  return plainDecimal(Object.is(rounded, -0) ? '0' : String(rounded));
}

/** "1.5e-7" → "0.00000015", "1e+21" → "1000000000000000000000"; text without an exponent is returned as it is. */
function plainDecimal(text: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponentText] = match;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exponentText);
  const body = point <= 0
    ? `0.${'0'.repeat(-point)}${digits}`
    : point >= digits.length
      ? digits + '0'.repeat(point - digits.length)
      : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + body.replace(/^0+(?=\d)/, '');
}

/** A date-time as ISO 8601 in UTC: the date alone when it has no time of day (`2024-03-15`), else to the second (`2024-03-15T08:30:00Z`). */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // Excel stores times as fractions of a day: round off the float's error to the second.
  const iso = new Date(Math.round(date.getTime() / 1000) * 1000).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19)}Z`;
}

/** A GIS attribute as text: numbers and booleans as written, other non-strings as JSON. */
export function attributeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return cellText(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  return cellText(JSON.stringify(value));
}
