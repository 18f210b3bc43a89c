import type { MessageKey } from '../i18n/server-messages.js';

/**
 * Numbers and angles as agencies and operators write them in spreadsheets.
 *
 * Every parser answers a number, or one of the constant problems below (the
 * caller adds the cell's text and column to the report), so a failed cell
 * allocates nothing and a good one only its number. The regular expressions
 * are compiled once, here.
 */
export interface ValueProblem {
  readonly messageKey: MessageKey;
}

const problem = (messageKey: MessageKey): ValueProblem => Object.freeze({ messageKey });
export const notANumber = problem('row-number-format');
export const notAnInteger = problem('row-integer-format');
export const planarExponent = problem('row-planar-exponent');
export const badAngle = problem('angle-format');
export const minutesTooLarge = problem('angle-minutes');
export const secondsTooLarge = problem('angle-seconds');
export const hemisphereOnWrongAxis = problem('angle-hemisphere-axis');
export const signAndHemisphere = problem('angle-sign-hemisphere');
export const angleTooLarge = problem('angle-range');

export function isValueProblem(value: unknown): value is ValueProblem {
  return typeof value === 'object' && value !== null && 'messageKey' in value;
}

// 12 | -12,5 | +0.25
const plainDecimal = /^[-+]?\d+(?:[.,]\d+)?$/;
// .5 | -,5
const bareFraction = /^[-+]?[.,]\d+$/;
// 1.144.617,53 | 1 144 617.53 | 1,144,617.53 | 1 144 617 (also no-break and thin spaces): groups of three after the first.
const groupedNumber = /^([-+]?\d{1,3})([.,\u00a0\u202f ])\d{3}(?:\2\d{3})*(?:([.,])(\d+))?$/;
// 1.5E+05 | 1,14462E+06 (Excel's scientific display, in either decimal mark)
const exponentNumber = /^[-+]?\d+(?:[.,]\d+)?[eE][-+]?\d{1,3}$/;
const minusSigns = /[\u2212\u2013]/g;

function normaliseMinus(text: string): string {
  return text.indexOf('\u2212') >= 0 || text.indexOf('\u2013') >= 0 ? text.replace(minusSigns, '-') : text;
}

/**
 * A decimal number with `.` or `,` as the decimal mark (Vietnamese writes a
 * comma). A single mark is the decimal mark: "1,144" is 1.144 (see
 * `parseInteger` for whole numbers). Thousands separators are accepted when
 * they group by three and differ from the decimal mark: "1.144.617,53",
 * "1 144 617.53", "1,144,617.53". Exponent notation ("1.5E+05", "1,5E+05")
 * is read: Excel writes large numbers so in CSV and it is unambiguous; only
 * planar coordinates refuse it (`parsePlanar`), because there it means the
 * value was rounded. "1.144,617.5" and other mixtures are refused.
 */
export function parseNumber(text: string): number | ValueProblem {
  const s = normaliseMinus(text.trim());
  if (plainDecimal.test(s) || bareFraction.test(s)) return Number(s.replace(',', '.'));
  const grouped = groupedNumber.exec(s);
  if (grouped) {
    const [, , separator, decimalMark, fraction] = grouped;
    if (decimalMark !== undefined && decimalMark === separator) return notANumber;
    const whole = s.slice(0, decimalMark === undefined ? s.length : s.length - fraction!.length - 1);
    const digits = whole.split(separator!).join('');
    return Number(fraction === undefined ? digits : `${digits}.${fraction}`);
  }
  if (exponentNumber.test(s)) return Number(s.replace(',', '.'));
  return notANumber;
}

/**
 * A whole number. A single `.` or `,` followed by exactly three digits is a
 * thousands separator here ("1.234" people is 1234: a count has no
 * decimals, and that is how Vietnamese writes thousands), otherwise the rules
 * of `parseNumber`; a fractional value is refused.
 */
export function parseInteger(text: string): number | ValueProblem {
  const s = normaliseMinus(text.trim());
  if (s.length >= 5 && plainDecimal.test(s)) {
    // plainDecimal allows one mark at most: at length - 4 it has exactly three digits after it.
    const mark = s.length - 4;
    const c = s.charCodeAt(mark);
    const head = s.slice(s[0] === '-' || s[0] === '+' ? 1 : 0, mark);
    if ((c === 46 || c === 44) && head !== '0') return Number(s.slice(0, mark) + s.slice(mark + 1));
  }
  const value = parseNumber(s);
  if (typeof value !== 'number') return notAnInteger;
  return Number.isInteger(value) ? value : notAnInteger;
}

/**
 * Planar coordinates in metres (VN-2000 TM-3 or UTM X/Y), with the same
 * decimal and thousands marks as `parseNumber`. Exponent notation is refused:
 * Excel shows 1144617.53 as 1,14462E+06, and a CSV saved from that display
 * has lost tens of metres.
 */
export function parsePlanar(text: string): number | ValueProblem {
  const s = text.trim();
  if (exponentNumber.test(s)) return planarExponent;
  return parseNumber(s);
}

type Hemisphere = 'N' | 'S' | 'E' | 'W';
/**
 * Hemisphere letters and words, folded (no diacritics, lower case). `n` is
 * North: operators' lists use English letters, so N is never read as Vietnamese
 * "Nam" (South); the word "Nam" is South. B = Bắc (North), Đ/D = Đông (East),
 * T = Tây (West).
 */
const hemisphereWords: Readonly<Record<string, Hemisphere>> = {
  n: 'N', north: 'N', b: 'N', bac: 'N',
  s: 'S', south: 'S', nam: 'S',
  e: 'E', east: 'E', d: 'E', dong: 'E',
  w: 'W', west: 'W', t: 'W', tay: 'W',
};
const leadingWord = /^([A-Za-z\u00C0-\u1EF9]+)\.?\s*/u;
const trailingWord = /([A-Za-z\u00C0-\u1EF9]+)\.?$/u;
const combiningMarks = /[\u0300-\u036f]/g;
const numberAt = /\d+(?:[.,]\d+)?/y;

function foldWord(word: string): string {
  return word.normalize('NFD').replace(combiningMarks, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Unit of the marker at `i`: 0 degrees, 1 minutes, 2 seconds, -1 a neutral separator, -2 not a separator; and its length. */
function markerAt(s: string, i: number): [unit: number, length: number] {
  const c = s[i]!;
  const next = s[i + 1];
  switch (c) {
    case '°': case 'º': case '˚': case 'd': case 'D':
      return [0, 1];
    case "'": case '′': case '’': case '‘': case '´': case '`':
      // Two primes (typed as '' or ′′ or ’’) are seconds.
      return next === c || (c === '’' && next === '’') ? [2, 2] : [1, 1];
    case 'm': case 'M':
      return [1, 1];
    case '"': case '″': case '”': case '“': case 's':
      return [2, 1];
    case ':':
      return [-1, 1];
    default:
      return c === ' ' || c === '\t' || c === '\u00a0' || c === '\u202f' ? [-1, 1] : [-2, 0];
  }
}

/**
 * An angle in degrees: decimal degrees with `.` or `,` ("10.358472",
 * "106,35", "-8.5") or degrees-minutes-seconds as agencies write them:
 * `10°21'30.5"N`, `10° 21' 30,5" B`, `10 21 30.5`, `10:21:30.5`, `10°21.5'`,
 * `106d21m30s`, `N 10°21'30.5"`, with typographic primes (′ ″ ’ ”) or doubled
 * apostrophes for seconds, and a hemisphere letter or word before or after
 * (N/B/Bắc, S/Nam, E/Đ/D/Đông, W/T/Tây; `N` is North, see `hemisphereWords`).
 * S and W make the value negative. Only the last part may have decimals;
 * minutes and seconds must be below 60; a hemisphere of the other axis, or a
 * sign together with a hemisphere, is a problem. The value is at most 180° in
 * size on either axis: whether a "latitude" of 106° is a swapped pair is the
 * row's decision, not the cell's.
 */
export function parseAngle(text: string, axis: 'lat' | 'lon'): number | ValueProblem {
  let s = normaliseMinus(text.trim());
  if (plainDecimal.test(s)) {
    const value = Number(s.replace(',', '.'));
    return Math.abs(value) > 180 ? angleTooLarge : value;
  }
  let hemisphere: Hemisphere | undefined;
  const lead = leadingWord.exec(s);
  if (lead) {
    const h = hemisphereWords[foldWord(lead[1]!)];
    if (!h) return badAngle;
    hemisphere = h;
    s = s.slice(lead[0].length);
  }
  const trail = trailingWord.exec(s);
  if (trail) {
    const word = trail[1]!;
    const before = s.charCodeAt(trail.index - 1);
    const afterDigit = before >= 48 && before <= 57;
    // "30s", "21m", "10d" directly after a digit are unit markers, not hemispheres.
    if (!(afterDigit && (word === 's' || word === 'm' || word === 'd'))) {
      const h = hemisphereWords[foldWord(word)];
      if (!h || hemisphere) return badAngle;
      hemisphere = h;
      s = s.slice(0, trail.index).trimEnd();
    }
  }
  let sign = 1;
  let i = 0;
  while (s[i] === ' ') i += 1;
  if (s[i] === '-' || s[i] === '+') {
    if (hemisphere) return signAndHemisphere;
    sign = s[i] === '-' ? -1 : 1;
    i += 1;
  }
  const parts = [0, 0, 0];
  let nextUnit = 0;
  let count = 0;
  let lastUnit = -1;
  let fractionalBeforeLast = false;
  let lastFractional = false;
  while (i < s.length) {
    const [unit, length] = markerAt(s, i);
    if (unit === -1) {
      i += length;
      continue;
    }
    numberAt.lastIndex = i;
    const m = numberAt.exec(s);
    if (!m) return badAngle;
    const digits = m[0];
    i += digits.length;
    // The marker right after the number names its unit; otherwise it is the next one.
    while (s[i] === ' ') i += 1;
    let assigned = nextUnit;
    const c = s.charCodeAt(i);
    if (i < s.length && !(c >= 48 && c <= 57)) {
      const [marked, markerLength] = markerAt(s, i);
      if (marked === -2) return badAngle;
      if (marked >= 0) {
        assigned = marked;
        i += markerLength;
      }
    }
    if (assigned < nextUnit || assigned > 2 || (count === 0 && assigned !== 0)) return badAngle;
    if (lastFractional) fractionalBeforeLast = true;
    const fractional = digits.indexOf('.') >= 0 || digits.indexOf(',') >= 0;
    parts[assigned] = fractional ? Number(digits.replace(',', '.')) : Number(digits);
    lastFractional = fractional;
    nextUnit = assigned + 1;
    lastUnit = assigned;
    count += 1;
  }
  if (count === 0 || fractionalBeforeLast || lastUnit < 0) return badAngle;
  const [degrees, minutes, seconds] = parts as [number, number, number];
  if (minutes >= 60) return minutesTooLarge;
  if (seconds >= 60) return secondsTooLarge;
  if (hemisphere) {
    const hemisphereAxis = hemisphere === 'N' || hemisphere === 'S' ? 'lat' : 'lon';
    if (hemisphereAxis !== axis) return hemisphereOnWrongAxis;
    if (hemisphere === 'S' || hemisphere === 'W') sign = -1;
  }
  const value = degrees + minutes / 60 + seconds / 3600;
  if (value > 180) return angleTooLarge;
  return sign * value;
}
