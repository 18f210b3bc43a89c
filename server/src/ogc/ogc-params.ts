import type { Request } from 'express';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseBbox, parseEnumList, singleParameter, type Bbox } from '../http/query-params.js';

export type OgcFormat = 'json' | 'html';

/** Items per page: OGC API - Features Part 1 §7.15.3 (limit 1…10 000 here, default 100). */
export const defaultLimit = 100;
export const maxLimit = 10_000;
/** Offsets beyond this are refused rather than sent to PostgreSQL as an out-of-range integer. */
const maxOffset = 2_000_000_000;

/**
 * `f=json|html`, else the Accept header: HTML when the client prefers
 * text/html (a browser), JSON otherwise (GDAL, QGIS, curl's * / *).
 */
export function parseFormat(req: Request): OgcFormat {
  // lang (vi | en) only chooses the language of problems; a value we do not speak is a 400 like any other.
  parseEnumList(singleParameter(req, 'lang'), 'lang', ['vi', 'en'], 1);
  const f = singleParameter(req, 'f');
  if (f !== undefined) {
    if (f !== 'json' && f !== 'html') throw new HttpProblem(400, 'ogc-format', { value: f.slice(0, 20) }, 'f');
    return f;
  }
  return req.accepts(['application/json', 'application/geo+json', 'text/html']) === 'text/html' ? 'html' : 'json';
}

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return defaultLimit;
  if (!/^\s*\d{1,12}\s*$/.test(raw) || Number(raw) < 1) throw new HttpProblem(400, 'ogc-limit', { value: raw.slice(0, 20), max: maxLimit }, 'limit');
  // Requirement 22 C (/req/core/fc-limit-response-1): a limit above the maximum is not an error; the maximum applies.
  return Math.min(Number(raw), maxLimit);
}

export function parseOffset(raw: string | undefined): number {
  if (raw === undefined) return 0;
  if (!/^\s*\d{1,10}\s*$/.test(raw) || Number(raw) > maxOffset) throw new HttpProblem(400, 'ogc-offset', { value: raw.slice(0, 20) }, 'offset');
  return Number(raw);
}

const instant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/i;

function validInstant(text: string): boolean {
  return instant.test(text) && !Number.isNaN(Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text)) && isRealDate(text);
}

/** Date.parse rolls 2026-02-30 over to March: the day must survive the round trip. */
function isRealDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * `datetime` (Requirement 23, /req/core/fc-time-definition): an RFC 3339
 * instant or an interval with `..` for an open end. Checked so a malformed one
 * is a 400; our collections carry no time, so a valid one filters nothing.
 */
export function parseDatetime(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split('/');
  const open = (p: string) => p === '..' || p === '';
  const ok =
    parts.length === 1 ? validInstant(raw)
    : parts.length === 2 ? (open(parts[0]!) || validInstant(parts[0]!)) && (open(parts[1]!) || validInstant(parts[1]!)) && !(open(parts[0]!) && open(parts[1]!))
    : false;
  if (!ok) throw new HttpProblem(400, 'ogc-datetime', { value: raw.slice(0, 60) }, 'datetime');
  return raw;
}

export interface ItemsQuery {
  format: OgcFormat;
  bbox?: Bbox;
  limit: number;
  offset: number;
}

/** The items request's parameters; any other is a 400 (Requirement 7, /req/core/query-param-unknown). */
export function parseItemsQuery(req: Request): ItemsQuery {
  assertOnlyParameters(req, ['f', 'bbox', 'limit', 'offset', 'datetime', 'lang']);
  parseDatetime(singleParameter(req, 'datetime'));
  return {
    format: parseFormat(req),
    bbox: parseBbox(singleParameter(req, 'bbox')),
    limit: parseLimit(singleParameter(req, 'limit')),
    offset: parseOffset(singleParameter(req, 'offset')),
  };
}
