import type { User, UserCreateRequest, UserUpdateRequest } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import { apiFetch, getJson, postJson, readJson } from './api-client.js';

// Accounts, for admins (server: user-routes.ts).

export async function fetchUsers(lang: Lang, signal?: AbortSignal): Promise<User[]> {
  return (await getJson<{ users: User[] }>('/api/users', lang, signal)).users;
}

/** 409 when the user name is taken. */
export function postUser(request: UserCreateRequest, lang: Lang): Promise<User> {
  return postJson<User>('/api/users', request, lang);
}

/** Based on `version` (If-Match): 412 with `current` when someone changed the account meanwhile; 409 for the last admin or oneself. */
export async function patchUser(username: string, changes: Omit<UserUpdateRequest, 'version'>, version: number, lang: Lang): Promise<User> {
  const response = await apiFetch(`/api/users/${encodeURIComponent(username)}`, {
    method: 'PATCH',
    lang,
    body: changes,
    headers: { 'If-Match': `"${version}"` },
  });
  return readJson<User>(response);
}
