import type { Knex } from 'knex';
import type { Role } from '../contracts/auth-contracts.js';
import { primaryOf } from '../db/routed-knex.js';
import type { Actor } from './actor.js';
import { randomSecret, sha256 } from './password-hash.js';

export interface SessionLifetime {
  idleMinutes: number;
  maxHours: number;
}

interface ActorRow {
  user_id: number;
  username: string;
  display_name: string;
  role: Role;
  operator_code: string | null;
}

function toActor(row: ActorRow, via: Actor['via'], csrfToken: string | null, sessionHash: string | null, sessionExpiresAt: string | null): Actor {
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    operatorCode: row.operator_code,
    via,
    csrfToken,
    sessionHash,
    sessionExpiresAt,
  };
}

/** Starts a session; returns the cookie value (shown once, stored only as its hash) and the CSRF token. */
export async function createSession(
  knex: Knex | Knex.Transaction,
  userId: number,
  lifetime: SessionLifetime,
  userAgent: string | undefined,
): Promise<{ cookieValue: string; csrfToken: string; expiresAt: string }> {
  const cookieValue = randomSecret(32);
  const csrfToken = randomSecret(24);
  const row = (
    await knex.raw(
      `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, user_agent)
       VALUES (?, ?, ?, now() + make_interval(mins => ?), ?) RETURNING expires_at`,
      [sha256(cookieValue), userId, csrfToken, Math.min(lifetime.idleMinutes, lifetime.maxHours * 60), (userAgent ?? '').slice(0, 300)],
    )
  ).rows[0] as { expires_at: Date | string };
  return { cookieValue, csrfToken, expiresAt: new Date(row.expires_at).toISOString() };
}

/**
 * The actor of a live session, sliding its expiry forward (at most to the
 * absolute limit after sign-in). The expiry is written at most once a minute,
 * so reads do not turn into a write each. On the primary even while serving a
 * read from a replica: the slide is a write, and a session made a moment ago
 * may not have reached a replica yet.
 */
export async function findSessionActor(routed: Knex, cookieValue: string, lifetime: SessionLifetime): Promise<Actor | null> {
  const knex = primaryOf(routed);
  const hash = sha256(cookieValue);
  const row = (
    await knex.raw(
      `SELECT s.token_hash, s.csrf_token, s.expires_at, s.last_seen_at < now() - interval '1 minute' AS stale,
              u.id AS user_id, u.username, u.display_name, u.role, u.operator_code
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ? AND s.expires_at > now() AND u.active`,
      [hash],
    )
  ).rows[0] as (ActorRow & { csrf_token: string; expires_at: Date | string; stale: boolean }) | undefined;
  if (!row) return null;
  let expiresAt = new Date(row.expires_at).toISOString();
  if (row.stale) {
    const updated = (
      await knex.raw(
        `UPDATE sessions SET last_seen_at = now(),
                expires_at = least(now() + make_interval(mins => ?), created_at + make_interval(hours => ?))
          WHERE token_hash = ? RETURNING expires_at`,
        [lifetime.idleMinutes, lifetime.maxHours, hash],
      )
    ).rows[0] as { expires_at: Date | string } | undefined;
    if (updated) expiresAt = new Date(updated.expires_at).toISOString();
  }
  return toActor(row, 'session', row.csrf_token, hash, expiresAt);
}

export async function deleteSession(knex: Knex | Knex.Transaction, sessionHash: string): Promise<void> {
  await knex.raw('DELETE FROM sessions WHERE token_hash = ?', [sessionHash]);
}

/** Ends every session and revokes every token of a user (password reset, deactivation, role change). */
export async function endAllAccess(knex: Knex | Knex.Transaction, userId: number): Promise<void> {
  await knex.raw('DELETE FROM sessions WHERE user_id = ?', [userId]);
  await knex.raw('UPDATE api_tokens SET revoked_at = now() WHERE user_id = ? AND revoked_at IS NULL', [userId]);
}

/** Expired sessions are removed now and then; they are never accepted anyway. */
export async function purgeExpiredSessions(knex: Knex): Promise<void> {
  await knex.raw('DELETE FROM sessions WHERE expires_at < now()');
}

const tokenPattern = /^hat_([A-Za-z0-9_-]{8})_([A-Za-z0-9_-]{43})$/;

/** A new API token "hat_<prefix>_<secret>"; only its hash is stored. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = randomSecret(6).slice(0, 8);
  const token = `hat_${prefix}_${randomSecret(32)}`;
  return { token, prefix, hash: sha256(token) };
}

/** On the primary, like sessions: the last use is a write, and a new token may not have reached a replica yet. */
export async function findTokenActor(routed: Knex, token: string): Promise<Actor | null> {
  const knex = primaryOf(routed);
  if (!tokenPattern.test(token)) return null;
  const hash = sha256(token);
  const row = (
    await knex.raw(
      `SELECT u.id AS user_id, u.username, u.display_name, u.role, u.operator_code,
              t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute' AS stale
         FROM api_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = ? AND u.active AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())`,
      [hash],
    )
  ).rows[0] as (ActorRow & { stale: boolean }) | undefined;
  if (!row) return null;
  // Last use is kept to the minute, so a script's requests do not each write.
  if (row.stale) await knex.raw('UPDATE api_tokens SET last_used_at = now() WHERE token_hash = ?', [hash]);
  return toActor(row, 'token', null, null, null);
}
