import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { functionsDir } from '../db/migrate.js';

/**
 * Bumped by hand when TypeScript code changes how an answer is written (the
 * tile encoder, the clustering query), as the SQL files' digest covers the rest.
 */
const ANSWER_FORMAT = '1';

/**
 * What the server's answers are made by besides the data: the SQL functions
 * (every process on a database runs the same files) and ANSWER_FORMAT. Part
 * of every data-version ETag, so a deployment that changes how a tile is made
 * does not revalidate a browser's tile of the old code.
 */
const codeDigest: string = (() => {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(functionsDir).filter((f) => f.endsWith('.sql')).sort()) {
    hash.update(file).update(fs.readFileSync(path.join(functionsDir, file)));
  }
  hash.update(ANSWER_FORMAT);
  return hash.digest('base64url');
})();

/**
 * Strong ETag of an answer made from the data at `dataVersion` for the
 * request `parts` (route, layer, address, canonical query): equal requests on
 * the same data have equal tags in every process, without making the answer.
 */
export function versionedEtag(parts: readonly string[], dataVersion: string): string {
  const hash = crypto.createHash('sha256').update(codeDigest);
  for (const part of [...parts, dataVersion]) hash.update('\u0000').update(part);
  return `"${hash.digest('base64url').slice(0, 27)}"`;
}

/** The query string with its parameters sorted: the same request, written in any order, is the same key. */
export function canonicalQuery(query: Record<string, unknown>): string {
  return Object.keys(query)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(query[k]))}`)
    .join('&');
}

/**
 * If-None-Match (RFC 9110 §13.1.2) holds `etag` or is "*": the client's copy is
 * current. Weak comparison, as that section says: W/"a" matches "a".
 */
export function noneMatchHolds(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
