import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/**
 * scrypt (RFC 7914) from Node's own crypto: no native add-on to build. The
 * parameters are stored in the hash, so raising them later keeps old hashes
 * verifiable. N = 2^15, r = 8, p = 1 costs ~32 MiB and ~60 ms per hash here,
 * which is what makes a stolen hash expensive to guess and a login cheap.
 */
const N = 2 ** 15;
const r = 8;
const p = 1;
const keyLength = 32;
const maxmem = 128 * N * r * 2;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Constant-time comparison; a malformed stored hash never verifies. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, rr, pp] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64url');
  const expected = Buffer.from(parts[5]!, 'base64url');
  if (!Number.isInteger(n) || !Number.isInteger(rr) || !Number.isInteger(pp) || expected.length === 0) return false;
  const key = await scrypt(password.normalize('NFC'), salt, expected.length, { N: n, r: rr, p: pp, maxmem: 128 * n * rr * 2 });
  return crypto.timingSafeEqual(key, expected);
}

/** A hash no password matches, compared against when the user name is unknown so timing does not tell. */
export const unusableHashPromise: Promise<string> = hashPassword(crypto.randomBytes(24).toString('base64url'));

/** Random, URL-safe secret of `bytes` bytes. */
export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}
