// What every API call shares about the signed-in session: the CSRF token to
// echo on writes (kept in memory only, never in storage a script could read
// later), who to tell when an answer says the session is gone, and how to get
// a fresh token when the server refuses a stale one.

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<(path: string) => void>();
let tokenRefresher: (() => Promise<string | null>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** Called with the request path whenever an answer is 401 (the session expired or was ended elsewhere). */
export function onUnauthorized(listener: (path: string) => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function notifyUnauthorized(path: string): void {
  for (const listener of unauthorizedListeners) listener(path);
}

/** Reloads the session (GET /api/auth/session) and answers its CSRF token; set by the session hook. */
export function setCsrfTokenRefresher(refresher: (() => Promise<string | null>) | null): void {
  tokenRefresher = refresher;
}

export function refreshCsrfToken(): Promise<string | null> {
  return tokenRefresher ? tokenRefresher() : Promise.resolve(null);
}
