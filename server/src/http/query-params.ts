import type { Request } from 'express';
import { HttpProblem } from './http-problem.js';

export type Bbox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Refuses any query parameter not in `allowed`, and any sent twice. */
export function assertOnlyParameters(req: Request, allowed: readonly string[]): void {
  for (const [name, value] of Object.entries(req.query)) {
    if (!allowed.includes(name)) {
      throw new HttpProblem(400, 'unknown-parameter', { parameter: name.slice(0, 50), allowed: allowed.join(', ') }, name.slice(0, 50));
    }
    if (typeof value !== 'string') throw new HttpProblem(400, 'repeated-parameter', { parameter: name }, name);
  }
}

export function singleParameter(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new HttpProblem(400, 'repeated-parameter', { parameter: name }, name);
  return value;
}

const decimal = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/** bbox=minLon,minLat,maxLon,maxLat in WGS 84 degrees (OGC API / RFC 7946 order). */
export function parseBbox(raw: string | undefined): Bbox | undefined {
  if (raw === undefined) return undefined;
  const parts = raw.split(',');
  if (parts.length !== 4 || !parts.every((p) => decimal.test(p))) throw new HttpProblem(400, 'bbox-format', {}, 'bbox');
  const [minLon, minLat, maxLon, maxLat] = parts.map(Number) as Bbox;
  const lonOk = (v: number) => v >= -180 && v <= 180;
  const latOk = (v: number) => v >= -90 && v <= 90;
  if (!lonOk(minLon) || !lonOk(maxLon) || !latOk(minLat) || !latOk(maxLat)) throw new HttpProblem(400, 'bbox-range', {}, 'bbox');
  if (minLon >= maxLon || minLat >= maxLat) throw new HttpProblem(400, 'bbox-order', {}, 'bbox');
  return [minLon, minLat, maxLon, maxLat];
}

/** A comma-separated list whose every value must be one of `allowed`. */
export function parseEnumList<T extends string>(
  raw: string | undefined,
  parameter: string,
  allowed: readonly T[],
  maxValues = 20,
): T[] | undefined {
  if (raw === undefined) return undefined;
  const values = raw.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
  if (values.length > maxValues) throw new HttpProblem(400, 'too-many-values', { parameter, max: maxValues }, parameter);
  for (const value of values) {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new HttpProblem(400, 'unknown-value', { parameter, value: value.slice(0, 50), allowed: allowed.join(', ') }, parameter);
    }
  }
  if (values.length === 0) {
    throw new HttpProblem(400, 'unknown-value', { parameter, value: raw.slice(0, 50), allowed: allowed.join(', ') }, parameter);
  }
  return [...new Set(values)] as T[];
}

const codePattern = /^[\p{L}\p{N}_.-]{1,64}$/u;

/** Record codes (site, unit, hamlet) in a path or query: no spaces, markup or quotes. */
export function parseCode(raw: string | undefined, parameter: string): string | undefined {
  if (raw === undefined) return undefined;
  if (!codePattern.test(raw)) throw new HttpProblem(400, 'code-format', { code: raw.slice(0, 64) }, parameter);
  return raw;
}

/** A decimal number within [min, max]; `integer` also refuses fractions. */
export function parseNumber(
  raw: string | undefined,
  parameter: string,
  limits: { min: number; max: number; integer?: boolean; unit?: string; required?: boolean },
): number | undefined {
  if (raw === undefined) {
    if (limits.required) throw new HttpProblem(400, 'required-parameter', { parameter }, parameter);
    return undefined;
  }
  const ok = limits.integer ? /^\s*-?\d{1,9}\s*$/.test(raw) : decimal.test(raw);
  if (!ok) {
    throw new HttpProblem(400, limits.integer ? 'integer-format' : 'number-format', { parameter, value: raw.slice(0, 40) }, parameter);
  }
  const value = Number(raw);
  if (value < limits.min || value > limits.max) {
    throw new HttpProblem(400, 'number-range', { parameter, min: limits.min, max: limits.max, unit: limits.unit ? ` ${limits.unit}` : '' }, parameter);
  }
  return value;
}
