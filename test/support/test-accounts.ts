import type { Knex } from 'knex';
import { hashPassword } from '../../server/src/auth/password-hash.js';
import type { Role } from '../../server/src/contracts/auth-contracts.js';
import type { Answer, InProcessApp, RequestOptions } from './in-process-app.js';

export const TEST_PASSWORD = 'mat-khau-thu-123';

/** One account per role (two operators, to test that one cannot touch the other's records). */
export const testAccounts: { username: string; role: Role; operator: string | null }[] = [
  { username: 'quantri', role: 'admin', operator: null },
  { username: 'quyhoach', role: 'planner', operator: null },
  { username: 'viettel.kt', role: 'operator', operator: 'viettel' },
  { username: 'vnpt.kt', role: 'operator', operator: 'vnpt' },
  { username: 'kiemtra', role: 'inspector', operator: null },
];

export async function createTestAccounts(knex: Knex): Promise<void> {
  const hash = await hashPassword(TEST_PASSWORD);
  for (const a of testAccounts) {
    await knex.raw(
      `INSERT INTO users (username, display_name, role, operator_code, password_hash) VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
      [a.username, `Tài khoản ${a.username}`, a.role, a.operator, hash],
    );
  }
}

/** A browser-like client: the session cookie and the CSRF token of one signed-in account. */
export interface SignedInClient {
  username: string;
  cookie: string;
  csrfToken: string;
  request(method: string, path: string, options?: RequestOptions): Promise<Answer>;
}

export async function signIn(app: InProcessApp, username: string, password = TEST_PASSWORD): Promise<SignedInClient> {
  const r = await app.request('POST', '/api/auth/login', { body: { username, password } });
  if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status} ${r.text}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const csrfToken = r.body.csrfToken as string;
  return {
    username,
    cookie,
    csrfToken,
    request: (method, path, options = {}) =>
      app.request(method, path, { ...options, headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) } }),
  };
}
