import type { Role } from './roles.js';

/** Who is making a request: a signed-in user (cookie session or API token), or nobody. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  /** The operator an `operator` account is bound to; null for other roles. */
  operatorCode: string | null;
  via: 'session' | 'token';
  /** Session only: the token the client must echo in X-CSRF-Token on writes. */
  csrfToken: string | null;
  /** Session only: SHA-256 of the session cookie, to end it at sign-out. */
  sessionHash: string | null;
  /** Session only: when it ends unless used again (ISO 8601). */
  sessionExpiresAt: string | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by the authentication middleware; undefined for anonymous requests. */
    actor?: Actor;
  }
}
