import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/test-accounts.js';

// Signing in and out the way a person does (the header's dialog), and a
// second, API-only session for changing records behind the page's back.

export async function signInThroughUi(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  const opener = page.getByTestId('sign-in-button');
  if (!(await page.getByTestId('sign-in-dialog').isVisible())) await opener.click();
  const dialog = page.getByTestId('sign-in-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('sign-in-username').fill(username);
  await dialog.getByTestId('sign-in-password').fill(password);
  await dialog.getByTestId('sign-in-submit').click();
  await page.getByTestId('account-button').waitFor();
  await dialog.waitFor({ state: 'detached' });
}

export async function signOutThroughUi(page: Page): Promise<void> {
  await page.getByTestId('account-button').click();
  await page.getByTestId('menu-sign-out').click();
  await page.getByTestId('sign-in-button').waitFor();
}

export async function openAccountMenuItem(page: Page, item: 'password' | 'tokens' | 'users' | 'audit'): Promise<void> {
  await page.getByTestId('account-button').click();
  await page.getByTestId(`menu-${item}`).click();
}

export interface ApiSession {
  username: string;
  /** A request with the session cookie, and the CSRF token on writes. */
  request(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

export async function apiSession(baseUrl: string, username: string, password = TEST_PASSWORD): Promise<ApiSession> {
  const login = await fetch(new URL('/api/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    username,
    request: (method, path, options = {}) =>
      fetch(new URL(path, baseUrl), {
        method,
        headers: {
          cookie,
          accept: 'application/json',
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      }),
  };
}
