import crypto from 'node:crypto';

/** Strong ETag of a tile: a hash of its bytes, so equal bytes have equal tags whichever server or database made them. */
export function tileEtag(bytes: Uint8Array): string {
  return `"${crypto.createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
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
