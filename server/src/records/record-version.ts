import type { Request } from 'express';
import { versionOnlySchema } from '../contracts/record-contracts.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';

/**
 * Optimistic locking: every editable record carries `version`, bumped by each
 * write. A write names the version it was based on, in If-Match (the record's
 * ETag) or in the body's `version`; a stale one is refused with the record as
 * it is now, so nobody silently overwrites a colleague's change.
 */
export interface ExpectedVersion {
  version: number;
  via: 'if-match' | 'body';
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function expectedVersion(req: Request, bodyVersion: number | undefined): ExpectedVersion {
  const ifMatch = req.get('if-match');
  if (ifMatch !== undefined) {
    const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(ifMatch);
    if (!match) throw new HttpProblem(400, 'if-match-format', { value: ifMatch.slice(0, 40) }, 'If-Match');
    const version = Number(match[1]);
    if (bodyVersion !== undefined && bodyVersion !== version) throw new HttpProblem(400, 'version-mismatch', {}, 'version');
    return { version, via: 'if-match' };
  }
  if (bodyVersion !== undefined) return { version: bodyVersion, via: 'body' };
  throw new HttpProblem(428, 'version-required');
}

/** 412 for a failed If-Match (RFC 9110), 409 for a stale body version; both carry `current`. */
export function assertVersion(expected: ExpectedVersion, actual: number, current: unknown): void {
  if (expected.version === actual) return;
  throw new HttpProblem(expected.via === 'if-match' ? 412 : 409, 'version-conflict', { expected: expected.version, actual }).with(
    { current, currentVersion: actual },
    { ETag: etagOf(actual) },
  );
}

/** The version of a DELETE or restore: in If-Match, or in an optional body `{version}`. */
export function expectedVersionOfBodyless(req: Request): ExpectedVersion {
  const empty = req.body === undefined || (typeof req.body === 'object' && req.body !== null && Object.keys(req.body as object).length === 0);
  const body = empty ? {} : parseBody(versionOnlySchema, req.body);
  return expectedVersion(req, body.version);
}
