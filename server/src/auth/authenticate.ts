import type { Request, RequestHandler } from 'express';
import type { Knex } from 'knex';
import { HttpProblem } from '../http/http-problem.js';
import type { Actor } from './actor.js';
import { roleMay, type Permission } from './roles.js';
import { findSessionActor, findTokenActor, type SessionLifetime } from './session-store.js';

export const SESSION_COOKIE = 'hatang_session';

export interface AuthSettings {
  anonymousRead: boolean;
  lifetime: SessionLifetime;
  cookieSecure: 'auto' | 'true' | 'false';
}

/** API paths (under /api) that answer without an account even when the map is not public. */
const alwaysOpen = new Set(['/health', '/auth/login', '/auth/session', '/auth/logout']);
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        // Not percent-decodable: no session of ours, so an unknown cookie (cleared by the caller), not an error.
        return value;
      }
    }
  }
  return undefined;
}

export function clientIp(req: Request): string | null {
  return req.socket.remoteAddress ?? null;
}

export const bearerRealm = { 'WWW-Authenticate': 'Bearer realm="hatang"' };

/**
 * Finds who is asking: an API token (Authorization: Bearer hat_…) or the
 * session cookie. A bad token is refused rather than read as anonymous, so a
 * script learns its token stopped working. Writes made with the cookie must
 * echo the session's CSRF token (X-CSRF-Token) and, when the browser says where
 * the request comes from, come from this origin: SameSite=Strict alone is not a
 * CSRF defence for older browsers or same-site subdomains.
 */
export function authenticate(knex: Knex, settings: AuthSettings): RequestHandler {
  return async (req, res, next) => {
    try {
      const authorization = req.get('authorization');
      let actor: Actor | null = null;
      if (authorization !== undefined) {
        const match = /^Bearer\s+(\S+)$/i.exec(authorization);
        actor = match ? await findTokenActor(knex, match[1]!) : null;
        if (!actor) throw new HttpProblem(401, 'token-invalid').with({}, bearerRealm);
      } else {
        const cookie = readCookie(req, SESSION_COOKIE);
        if (cookie) {
          actor = cookie.length <= 100 ? await findSessionActor(knex, cookie, settings.lifetime) : null;
          if (!actor) res.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
      if (unsafeMethods.has(req.method)) {
        const origin = req.get('origin');
        if (origin !== undefined && origin !== 'null' && !sameOrigin(origin, req)) throw new HttpProblem(403, 'cross-origin');
        if (actor?.via === 'session' && req.get('x-csrf-token') !== actor.csrfToken) throw new HttpProblem(403, 'csrf-token');
      }
      if (actor) req.actor = actor;
      else if (!settings.anonymousRead && !alwaysOpen.has(req.path)) throw new HttpProblem(401, 'sign-in-required').with({}, bearerRealm);
      next();
    } catch (error) {
      next(error);
    }
  };
}

function sameOrigin(origin: string, req: Request): boolean {
  try {
    return new URL(origin).host === req.get('host');
  } catch {
    return false;
  }
}

/** The actor of a request that must be signed in (401 otherwise). */
export function signedIn(req: Request): Actor {
  if (!req.actor) throw new HttpProblem(401, 'sign-in-required').with({}, bearerRealm);
  return req.actor;
}

/** The route needs an account whose role holds `permission`: 401 without one, 403 with another role. */
export function requirePermission(permission: Permission): RequestHandler {
  return (req, _res, next) => {
    const actor = req.actor;
    if (!actor) return next(new HttpProblem(401, 'sign-in-required').with({}, bearerRealm));
    if (!roleMay(actor.role, permission)) return next(new HttpProblem(403, 'role-forbidden', { role: actor.role, permission }));
    next();
  };
}

/**
 * Record-level rule on top of the role: an operator's account changes only
 * records of its own operator (a BTS's or route's operator, a site's owner).
 */
export function assertMayWriteRecord(actor: Actor, recordOperator: string): void {
  if (actor.role === 'operator' && recordOperator !== actor.operatorCode) {
    throw new HttpProblem(403, 'not-your-operator', { operator: recordOperator, own: actor.operatorCode ?? '' });
  }
}
