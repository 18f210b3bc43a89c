import { Router, type Request, type Response } from 'express';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/audit-log.js';
import {
  apiTokenCreateRequestSchema,
  loginRequestSchema,
  passwordChangeRequestSchema,
  type ApiToken,
  type ApiTokenCreated,
  type SessionInfo,
} from '../contracts/auth-contracts.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters } from '../http/query-params.js';
import { findUserRowByName, toUser, type UserRow } from '../users/user-queries.js';
import { clientIp, SESSION_COOKIE, signedIn, type AuthSettings } from './authenticate.js';
import { loginRetryAfterSeconds, type ThrottleSettings } from './login-throttle.js';
import { hashPassword, unusableHashPromise, verifyPassword } from './password-hash.js';
import { grants } from './roles.js';
import { createSession, deleteSession, newApiToken, purgeExpiredSessions } from './session-store.js';

function setSessionCookie(req: Request, res: Response, settings: AuthSettings, value: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.cookieSecure === 'true' || (settings.cookieSecure === 'auto' && req.secure),
    path: '/',
    maxAge: maxAgeMs,
  });
}

interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: iso(r.created_at)!,
  expiresAt: iso(r.expires_at),
  lastUsedAt: iso(r.last_used_at),
  revokedAt: iso(r.revoked_at),
});

/** Sign-in, sign-out, the current session, one's own password, and one's own API tokens. */
export function authRoutes(knex: Knex, settings: AuthSettings, throttle: ThrottleSettings): Router {
  const router = Router();

  router.get('/auth/session', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    res.set('Cache-Control', 'no-store');
    const actor = req.actor;
    const user = actor ? await findUserRowByName(knex, actor.username) : undefined;
    const body: SessionInfo = {
      user: user ? toUser(user) : null,
      csrfToken: actor?.csrfToken ?? null,
      permissions: actor ? [...grants[actor.role]] : [],
      anonymousRead: settings.anonymousRead,
      expiresAt: actor?.sessionExpiresAt ?? null,
    };
    res.json(body);
  });

  router.post('/auth/login', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const { username, password } = parseBody(loginRequestSchema, req.body);
    const name = username.trim().toLowerCase();
    const ip = clientIp(req);
    const wait = await loginRetryAfterSeconds(knex, name, ip, throttle);
    if (wait > 0) throw new HttpProblem(429, 'login-throttled', { minutes: Math.ceil(wait / 60) }).with({}, { 'Retry-After': String(wait) });
    const user: UserRow | undefined = await findUserRowByName(knex, name);
    // Hash even for an unknown name, so the answer's timing does not reveal which names exist.
    const ok = await verifyPassword(password, user?.password_hash ?? (await unusableHashPromise));
    if (!user || !ok || !user.active) {
      await writeAudit(knex, { actor: null, actorName: name, clientIp: ip }, {
        action: 'login_failed',
        entity: 'session',
        code: name,
        summary: !user ? 'unknown user' : !ok ? 'wrong password' : 'account inactive',
      });
      throw new HttpProblem(401, 'login-failed');
    }
    const session = await knex.transaction(async (trx) => {
      const created = await createSession(trx, user.id, settings.lifetime, req.get('user-agent'));
      await writeAudit(trx, { actor: { userId: user.id, username: user.username, role: user.role }, clientIp: ip }, {
        action: 'login',
        entity: 'session',
        code: user.username,
      });
      return created;
    });
    void purgeExpiredSessions(knex).catch(() => undefined);
    setSessionCookie(req, res, settings, session.cookieValue, settings.lifetime.maxHours * 3600_000);
    res.set('Cache-Control', 'no-store');
    const body: SessionInfo = {
      user: toUser(user),
      csrfToken: session.csrfToken,
      permissions: [...grants[user.role]],
      anonymousRead: settings.anonymousRead,
      expiresAt: session.expiresAt,
    };
    res.json(body);
  });

  router.post('/auth/logout', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const actor = req.actor;
    if (actor?.sessionHash) {
      await knex.transaction(async (trx) => {
        await deleteSession(trx, actor.sessionHash!);
        await writeAudit(trx, { actor, clientIp: clientIp(req) }, { action: 'logout', entity: 'session', code: actor.username });
      });
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.status(204).end();
  });

  router.post('/auth/password', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const actor = signedIn(req);
    const { currentPassword, newPassword } = parseBody(passwordChangeRequestSchema, req.body);
    const user = (await findUserRowByName(knex, actor.username))!;
    if (!(await verifyPassword(currentPassword, user.password_hash))) {
      throw new HttpProblem(403, 'password-wrong', {}, 'currentPassword');
    }
    const hash = await hashPassword(newPassword);
    await knex.transaction(async (trx) => {
      await trx.raw('UPDATE users SET password_hash = ?, version = version + 1, updated_at = now() WHERE id = ?', [hash, user.id]);
      // Other sessions and tokens end; this session stays.
      await trx.raw('DELETE FROM sessions WHERE user_id = ? AND token_hash IS DISTINCT FROM ?', [user.id, actor.sessionHash]);
      await trx.raw('UPDATE api_tokens SET revoked_at = now() WHERE user_id = ? AND revoked_at IS NULL', [user.id]);
      await writeAudit(trx, { actor, clientIp: clientIp(req) }, { action: 'password_change', entity: 'user', code: user.username });
    });
    res.status(204).end();
  });

  router.get('/auth/tokens', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const actor = signedIn(req);
    const rows = (await knex.raw('SELECT * FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC, id DESC', [actor.userId])).rows as TokenRow[];
    res.json({ tokens: rows.map(toToken) });
  });

  router.post('/auth/tokens', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const actor = signedIn(req);
    const request = parseBody(apiTokenCreateRequestSchema, req.body);
    const { token, prefix, hash } = newApiToken();
    const row = await knex.transaction(async (trx) => {
      const inserted = (
        await trx.raw(
          `INSERT INTO api_tokens (user_id, name, prefix, token_hash, expires_at)
           VALUES (?, ?, ?, ?, CASE WHEN ?::int IS NULL THEN NULL ELSE now() + make_interval(days => ?::int) END) RETURNING *`,
          [actor.userId, request.name, prefix, hash, request.expiresInDays ?? null, request.expiresInDays ?? null],
        )
      ).rows[0] as TokenRow;
      await writeAudit(trx, { actor, clientIp: clientIp(req) }, {
        action: 'token_create',
        entity: 'api_token',
        code: prefix,
        after: { name: request.name, prefix, expiresAt: iso(inserted.expires_at) },
      });
      return inserted;
    });
    const body: ApiTokenCreated = { ...toToken(row), token };
    res.status(201).set('Cache-Control', 'no-store').json(body);
  });

  router.delete('/auth/tokens/:id', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const actor = signedIn(req);
    const id = /^\d{1,9}$/.test(String(req.params.id)) ? Number(req.params.id) : NaN;
    if (!Number.isFinite(id)) throw new HttpProblem(400, 'code-format', { code: String(req.params.id).slice(0, 64) }, 'id');
    await knex.transaction(async (trx) => {
      const row = (
        await trx.raw('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = ? AND user_id = ? RETURNING prefix, name', [id, actor.userId])
      ).rows[0] as { prefix: string; name: string } | undefined;
      if (!row) throw new HttpProblem(404, 'unknown-token', { id });
      await writeAudit(trx, { actor, clientIp: clientIp(req) }, { action: 'token_revoke', entity: 'api_token', code: row.prefix, before: { name: row.name } });
    });
    res.status(204).end();
  });

  return router;
}
