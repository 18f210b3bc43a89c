import type { ApiToken, ApiTokenCreated, SessionInfo } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import { apiFetch, getJson, postJson, readEmpty } from './api-client.js';

// Sign-in, the session, one's own password and API tokens (server: auth-routes.ts).

export function fetchSession(lang: Lang, signal?: AbortSignal): Promise<SessionInfo> {
  return getJson<SessionInfo>('/api/auth/session', lang, signal);
}

/** 401 for wrong credentials; 429 (with Retry-After) after too many failures. */
export function postLogin(username: string, password: string, lang: Lang): Promise<SessionInfo> {
  return postJson<SessionInfo>('/api/auth/login', { username, password }, lang);
}

export async function postLogout(lang: Lang): Promise<void> {
  return readEmpty(await apiFetch('/api/auth/logout', { method: 'POST', lang }));
}

/** 403 when the current password is wrong; the new one needs at least 10 characters. */
export async function postPasswordChange(currentPassword: string, newPassword: string, lang: Lang): Promise<void> {
  return readEmpty(await apiFetch('/api/auth/password', { method: 'POST', lang, body: { currentPassword, newPassword } }));
}

export async function fetchApiTokens(lang: Lang, signal?: AbortSignal): Promise<ApiToken[]> {
  return (await getJson<{ tokens: ApiToken[] }>('/api/auth/tokens', lang, signal)).tokens;
}

/** The answer carries the secret: the only time it is ever sent. */
export function postApiToken(name: string, expiresInDays: number | null, lang: Lang): Promise<ApiTokenCreated> {
  return postJson<ApiTokenCreated>('/api/auth/tokens', expiresInDays === null ? { name } : { name, expiresInDays }, lang);
}

export async function revokeApiToken(id: number, lang: Lang): Promise<void> {
  return readEmpty(await apiFetch(`/api/auth/tokens/${id}`, { method: 'DELETE', lang }));
}
