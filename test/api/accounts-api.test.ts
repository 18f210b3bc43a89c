import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../server/src/users/first-admin.js';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { createTestAccounts, signIn, TEST_PASSWORD } from '../support/test-accounts.js';

let db: TestDatabase;
let app: InProcessApp;

const auditActions = async (action: string) =>
  (await db.knex.raw('SELECT actor_name, entity_code, summary FROM audit_log WHERE action = ? ORDER BY id', [action])).rows as {
    actor_name: string;
    entity_code: string;
    summary: string | null;
  }[];

beforeAll(async () => {
  db = await openEmbeddedFixture();
  app = await startInProcessApp(db, { env: { HATANG_LOGIN_MAX_FAILURES: '3' } });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('the first admin account', () => {
  it('is created with a random password printed once when none is configured, and never twice', async () => {
    const first = await ensureFirstAdmin(db.knex, '');
    expect(first?.username).toBe('admin');
    expect(first?.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await ensureFirstAdmin(db.knex, '')).toBeNull();
    const r = await app.request('POST', '/api/auth/login', { body: { username: 'admin', password: first!.generatedPassword } });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'admin', role: 'admin' });
    const stored = (await db.knex.raw(`SELECT password_hash FROM users WHERE username = 'admin'`)).rows[0].password_hash as string;
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(stored).not.toContain(first!.generatedPassword);
    await createTestAccounts(db.knex);
  });
});

describe('sign-in and sessions', () => {
  it('answers the session of an anonymous visitor: nobody, no permissions, the public map readable', async () => {
    const r = await app.get('/api/auth/session');
    expect(r.body).toEqual({ user: null, csrfToken: null, permissions: [], anonymousRead: true, expiresAt: null });
  });

  it('signs in with an httpOnly SameSite=Strict cookie, stores only its hash, and audits the sign-in', async () => {
    const r = await app.request('POST', '/api/auth/login', { body: { username: 'quyhoach', password: TEST_PASSWORD } });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^hatang_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(r.body.permissions).toEqual(['infrastructure.write', 'measurements.import', 'proposals.decide', 'sites.plan', 'targets.edit', 'audit.read']);
    const value = cookie.split(';')[0]!.split('=')[1]!;
    const stored = (await db.knex.raw('SELECT token_hash FROM sessions')).rows.map((row: { token_hash: string }) => row.token_hash);
    expect(stored).not.toContain(value);
    expect((await auditActions('login')).map((e) => e.actor_name)).toContain('quyhoach');
  });

  it('refuses a wrong password with 401, without saying whether the user exists, and audits the failure', async () => {
    const wrong = await app.request('POST', '/api/auth/login', { body: { username: 'kiemtra', password: 'sai-mat-khau-1' } });
    const unknown = await app.request('POST', '/api/auth/login', { body: { username: 'khongco', password: 'sai-mat-khau-1' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(unknown.body.detail).toBe(wrong.body.detail);
    expect((await auditActions('login_failed')).map((e) => [e.entity_code, e.summary])).toEqual([
      ['kiemtra', 'wrong password'],
      ['khongco', 'unknown user'],
    ]);
  });

  it('throttles a user name after the configured number of failures with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 2; i++) await app.request('POST', '/api/auth/login', { body: { username: 'kiemtra', password: 'sai-mat-khau-1' } });
    const r = await app.request('POST', '/api/auth/login', { body: { username: 'kiemtra', password: TEST_PASSWORD } });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(r.body.detail).toContain('Đăng nhập sai quá nhiều lần');
    // Another account is not locked out by someone guessing this one.
    expect((await app.request('POST', '/api/auth/login', { body: { username: 'vnpt.kt', password: TEST_PASSWORD } })).status).toBe(200);
    await db.knex.raw(`DELETE FROM audit_log WHERE action = 'login_failed'`);
  });

  it('needs the CSRF token for a write made with the cookie, and refuses a write from another origin', async () => {
    const planner = await signIn(app, 'quyhoach');
    const body = { name: 'Tên mới', version: 1 };
    const noToken = await app.request('PATCH', '/api/sites/S2', { body, headers: { cookie: planner.cookie } });
    expect(noToken.status).toBe(403);
    expect(noToken.body.detail).toContain('X-CSRF-Token');
    const foreign = await planner.request('PATCH', '/api/sites/S2', { body, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.detail).toContain('trang web khác');
    expect((await app.get('/api/sites/S2')).body.site).toMatchObject({ name: null, version: 1 });
    const ok = await planner.request('PATCH', '/api/sites/S2', { body, headers: { origin: app.base } });
    expect(ok.status).toBe(200);
  });

  it('ends the session at sign-out: the cookie no longer works', async () => {
    const inspector = await signIn(app, 'kiemtra');
    expect((await inspector.request('GET', '/api/auth/session')).body.user.username).toBe('kiemtra');
    expect((await inspector.request('POST', '/api/auth/logout')).status).toBe(204);
    const after = await inspector.request('GET', '/api/auth/session');
    expect(after.body.user).toBeNull();
    expect(after.headers.get('set-cookie')).toMatch(/hatang_session=;/);
    expect((await auditActions('logout')).map((e) => e.actor_name)).toContain('kiemtra');
  });

  it('does not accept an expired session', async () => {
    const inspector = await signIn(app, 'kiemtra');
    await db.knex.raw(`UPDATE sessions SET expires_at = now() - interval '1 second'`);
    expect((await inspector.request('GET', '/api/auth/session')).body.user).toBeNull();
    expect((await inspector.request('POST', '/api/measurements', { body: 'x', headers: { 'content-type': 'text/csv' } })).status).toBe(401);
  });

  it('slides an idle session\'s expiry forward but never past the absolute limit after sign-in', async () => {
    const inspector = await signIn(app, 'kiemtra');
    await db.knex.raw(`UPDATE sessions SET last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '1 minute',
                              created_at = now() - interval '167 hours 30 minutes'`);
    await inspector.request('GET', '/api/auth/session');
    const row = (await db.knex.raw(`SELECT extract(epoch FROM expires_at - now())::int AS left_s FROM sessions`)).rows[0] as { left_s: number };
    // Idle limit 480 min, but the session is 167.5 h old and may live 168 h: 30 minutes left.
    expect(row.left_s).toBeGreaterThan(29 * 60);
    expect(row.left_s).toBeLessThanOrEqual(30 * 60);
  });

  it('changes one\'s own password: the old one stops working, other sessions end', async () => {
    const a = await signIn(app, 'vnpt.kt');
    const b = await signIn(app, 'vnpt.kt');
    const wrong = await a.request('POST', '/api/auth/password', { body: { currentPassword: 'khong-dung-1', newPassword: 'mat-khau-moi-456' } });
    expect(wrong.status).toBe(403);
    const short = await a.request('POST', '/api/auth/password', { body: { currentPassword: TEST_PASSWORD, newPassword: 'ngan' } });
    expect(short.status).toBe(400);
    expect((await a.request('POST', '/api/auth/password', { body: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-456' } })).status).toBe(204);
    expect((await a.request('GET', '/api/auth/session')).body.user.username).toBe('vnpt.kt');
    expect((await b.request('GET', '/api/auth/session')).body.user).toBeNull();
    expect((await app.request('POST', '/api/auth/login', { body: { username: 'vnpt.kt', password: TEST_PASSWORD } })).status).toBe(401);
    await signIn(app, 'vnpt.kt', 'mat-khau-moi-456');
  });
});

describe('API tokens', () => {
  it('authenticates a script with a token shown once, stored as a hash, without CSRF, until revoked', async () => {
    const viettel = await signIn(app, 'viettel.kt');
    const created = await viettel.request('POST', '/api/auth/tokens', { body: { name: 'Script đồng bộ OSS', expiresInDays: 30 } });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^hat_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.body.prefix).toBe(token.slice(4, 12));
    const stored = (await db.knex.raw('SELECT token_hash FROM api_tokens')).rows.map((r: { token_hash: string }) => r.token_hash);
    expect(stored).not.toContain(token);
    const auth = { authorization: `Bearer ${token}` };
    const session = await app.get('/api/auth/session', auth);
    expect(session.body.user.username).toBe('viettel.kt');
    const edit = await app.request('PATCH', '/api/bts/VT-S2-4G', { body: { eirpDbm: 57, version: 1 }, headers: auth });
    expect(edit.status, edit.text).toBe(200);
    const list = await viettel.request('GET', '/api/auth/tokens');
    expect(list.body.tokens).toHaveLength(1);
    expect(list.body.tokens[0]).not.toHaveProperty('token');
    expect((await viettel.request('DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    const revoked = await app.get('/api/layers/sites', auth);
    expect(revoked.status).toBe(401);
    expect(revoked.headers.get('www-authenticate')).toBe('Bearer realm="hatang"');
    expect(revoked.body.detail).toContain('thu hồi');
  });

  it('refuses a malformed or unknown bearer token instead of treating it as anonymous', async () => {
    expect((await app.get('/api/layers/sites', { authorization: 'Bearer nonsense' })).status).toBe(401);
    expect((await app.get('/api/layers/sites', { authorization: `Bearer hat_AAAAAAAA_${'B'.repeat(43)}` })).status).toBe(401);
    expect((await app.get('/api/layers/sites', { authorization: 'Basic dXNlcjpwYXNz' })).status).toBe(401);
  });
});

describe('account management', () => {
  it('lets an admin create an operator account bound to a known operator, never answering the hash', async () => {
    const admin = await signIn(app, 'quantri');
    const r = await admin.request('POST', '/api/users', {
      body: { username: 'mobifone.kt', displayName: 'Kỹ sư MobiFone', role: 'operator', operator: 'mobifone', password: 'mat-khau-mobi-1' },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ username: 'mobifone.kt', role: 'operator', operator: 'mobifone', active: true, version: 1 });
    expect(JSON.stringify(r.body)).not.toContain('scrypt');
    const list = await admin.request('GET', '/api/users');
    expect(list.body.users.map((u: { username: string }) => u.username)).toContain('mobifone.kt');
    expect(JSON.stringify(list.body)).not.toContain('scrypt');
  });

  it('refuses an operator account without an operator, an unknown operator, and a taken user name', async () => {
    const admin = await signIn(app, 'quantri');
    const base = { displayName: 'X', password: 'mat-khau-dai-1' };
    expect((await admin.request('POST', '/api/users', { body: { ...base, username: 'abc', role: 'operator' } })).body.detail).toContain('phải gắn với một nhà mạng');
    expect((await admin.request('POST', '/api/users', { body: { ...base, username: 'abc', role: 'operator', operator: 'orange' } })).status).toBe(400);
    const taken = await admin.request('POST', '/api/users', { body: { ...base, username: 'quyhoach', role: 'planner' } });
    expect(taken.status).toBe(409);
    expect((await admin.request('POST', '/api/users', { body: { ...base, username: 'A B', role: 'planner' } })).status).toBe(400);
  });

  it('deactivating an account ends its sessions and tokens at once', async () => {
    const admin = await signIn(app, 'quantri');
    const mobi = await signIn(app, 'mobifone.kt', 'mat-khau-mobi-1');
    const token = (await mobi.request('POST', '/api/auth/tokens', { body: { name: 't' } })).body.token as string;
    const r = await admin.request('PATCH', '/api/users/mobifone.kt', { body: { active: false, version: 1 } });
    expect(r.status).toBe(200);
    expect((await mobi.request('GET', '/api/auth/session')).body.user).toBeNull();
    expect((await app.get('/api/meta', { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await app.request('POST', '/api/auth/login', { body: { username: 'mobifone.kt', password: 'mat-khau-mobi-1' } })).status).toBe(401);
  });

  it('keeps at least one active admin and refuses a stale account edit', async () => {
    const admin = await signIn(app, 'quantri');
    const self = await admin.request('PATCH', '/api/users/quantri', { body: { role: 'planner', version: 1 } });
    expect(self.status).toBe(409);
    const other = await admin.request('PATCH', '/api/users/admin', { body: { active: false, version: 1 } });
    expect(other.status).toBe(200);
    const last = await admin.request('PATCH', '/api/users/quantri', { body: { active: false, version: 1 } });
    expect(last.status).toBe(409);
    const stale = await admin.request('PATCH', '/api/users/admin', { body: { displayName: 'Y', version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ username: 'admin', active: false, version: 2 });
  });

  it('lets planners and admins read the audit log filtered by record and action, and nobody else', async () => {
    const planner = await signIn(app, 'quyhoach');
    const r = await planner.request('GET', '/api/audit?entity=user&action=create,update');
    expect(r.status).toBe(200);
    expect(r.body.entries.map((e: { code: string; action: string }) => `${e.action} ${e.code}`)).toEqual([
      'update admin',
      'update mobifone.kt',
      'create mobifone.kt',
      'create admin',
    ]);
    expect(r.body.total).toBe(4);
    const deactivation = r.body.entries[1];
    expect(deactivation).toMatchObject({ actor: 'quantri', actorRole: 'admin', before: { active: true }, after: { active: false } });
    const page = await planner.request('GET', '/api/audit?limit=1&offset=1&entity=user');
    // The user entries also hold vnpt.kt's own password change.
    expect(page.body).toMatchObject({ limit: 1, offset: 1, total: 5 });
    expect(page.body.entries).toHaveLength(1);
    const inspector = await signIn(app, 'kiemtra');
    expect((await inspector.request('GET', '/api/audit')).status).toBe(403);
    expect((await app.get('/api/audit')).status).toBe(401);
    expect((await planner.request('GET', '/api/audit?from=yesterday')).status).toBe(400);
  });
});

describe('a closed map (HATANG_ANONYMOUS_READ=false)', () => {
  it('answers 401 to anonymous reads but still serves health and sign-in', async () => {
    const closed = await startInProcessApp(db, { env: { HATANG_ANONYMOUS_READ: 'false' } });
    try {
      for (const path of ['/api/meta', '/api/layers/sites', '/api/search?q=ap', '/api/hamlets/coverage']) {
        const r = await closed.get(path);
        expect(r.status, path).toBe(401);
        expect(r.type).toContain('application/problem+json');
      }
      expect((await closed.get('/api/health')).status).toBe(200);
      expect((await closed.get('/api/auth/session')).body).toMatchObject({ user: null, anonymousRead: false });
      const inspector = await signIn(closed, 'kiemtra');
      expect((await inspector.request('GET', '/api/layers/sites')).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});
