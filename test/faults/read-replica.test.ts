// Reads on a PostgreSQL streaming replica (READ_DATABASE_URLS), writes on the
// primary, read-your-writes, and the fall-back to the primary when the replica
// is gone: a real primary + replica pair on loopback made by
// scripts/pg-replica-pair.sh, the app started as `npm start` starts it.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/free-port.js';
import { parseLsn } from '../../server/src/db/wal-lsn.js';
import { failInterruptedRuns, lockRunForCommit } from '../../server/src/imports/import-runs.js';
import { startHatang, type RunningHatang } from '../../server/src/start-hatang.js';
import { loadRegisterFixture } from '../fixtures/register-fixture.js';
import { readAnswer, type Answer } from '../support/in-process-app.js';
import { createTestAccounts, TEST_PASSWORD } from '../support/test-accounts.js';

const run = promisify(execFile);
const script = path.resolve('scripts/pg-replica-pair.sh');
let dir = '';
let app: RunningHatang | undefined;
let primary: Knex | undefined;
let replica: Knex | undefined;

/** The script, asynchronously: the app in this process keeps serving while a server stops or starts. */
const pair = (...args: string[]) => run(script, args, { env: { ...process.env, PG_PAIR_FSYNC: 'off' }, timeout: 90_000 });

async function get(urlPath: string, cookie = ''): Promise<Answer> {
  return readAnswer(await fetch(new URL(urlPath, app!.url), { headers: cookie ? { cookie } : {} }));
}

const btsCodes = (answer: Answer) => (answer.body.features as { properties: { code: string } }[]).map((f) => f.properties.code).sort();
const servedBy = (answer: Answer) => answer.headers.get('x-hatang-database');

/** hatang's connections on a server whose last statement drew the BTS layer. */
async function layerQueriesOn(knex: Knex): Promise<number> {
  const row = (await knex.raw(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'hatang' AND query LIKE '%hatang_layer_bts(%'`,
  )).rows[0] as { n: number };
  return row.n;
}

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-replica-pair-'));
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const { stdout } = await pair('create', dir, String(primaryPort), String(replicaPort));
  const urls = Object.fromEntries(stdout.trim().split('\n').map((line) => line.split(/=(.*)/s).slice(0, 2)));
  app = await startHatang({
    databaseUrl: urls.DATABASE_URL, readDatabaseUrls: urls.READ_DATABASE_URLS,
    host: '127.0.0.1', port: 0, logLevel: 'silent', seedDemoWhenEmpty: false, adminPassword: 'quan-tri-thu-123',
  });
  primary = knexFactory({ client: 'pg', connection: urls.DATABASE_URL, pool: { min: 0, max: 2 } });
  replica = knexFactory({ client: 'pg', connection: urls.READ_DATABASE_URLS, pool: { min: 0, max: 2 } });
  await loadRegisterFixture(primary);
  await createTestAccounts(primary);
  await until(() => replica!.raw(`SELECT count(*)::int AS n FROM users WHERE username = 'viettel.kt'`), (r) => r.rows[0].n === 1);
});

afterAll(async () => {
  try {
    await app?.close();
    await primary?.destroy();
    await replica?.destroy();
  } finally {
    if (dir) await pair('destroy', dir);
  }
});

describe('reads on a streaming replica, writes on the primary (scripts/pg-replica-pair.sh)', () => {
  it('serves an anonymous layer read from the replica: the header says so and the replica ran the layer query', async () => {
    const r = await get('/api/layers/bts');
    expect(r.status, r.text).toBe(200);
    expect(servedBy(r)).toBe('replica-1');
    // The fixture's seven BTS (register-fixture.ts), decommissioned and planned ones included.
    expect(btsCodes(r)).toEqual(['MB-S3-2G', 'MB-S4-4G', 'VN-S1-3G', 'VN-S2-4G', 'VT-S1-2G', 'VT-S1-4G', 'VT-S2-4G']);
    expect(await layerQueriesOn(replica!)).toBeGreaterThan(0);
    expect(await layerQueriesOn(primary!)).toBe(0);
  });

  it('writes on the primary; the writer reads its write at once (the primary while the replica lags), others once it has replicated', async () => {
    const login = await readAnswer(await fetch(new URL('/api/auth/login', app!.url), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'viettel.kt', password: TEST_PASSWORD }),
    }));
    expect(login.status, login.text).toBe(200);
    const session = login.headers.getSetCookie().find((c) => c.startsWith('hatang_session='))!.split(';')[0]!;
    // The replica stops replaying WAL: it is behind every write from now on, and stays a usable (slightly lagging) replica.
    await replica!.raw('SELECT pg_wal_replay_pause()');
    try {
      const write = await readAnswer(await fetch(new URL('/api/bts', app!.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session, 'x-csrf-token': login.body.csrfToken as string },
        body: JSON.stringify({ code: 'VT-S4-3G', siteCode: 'S4', operator: 'viettel', technology: '3G', bandMHz: 2100, antennaHeightM: 28, eirpDbm: 58, status: 'on_air' }),
      }));
      expect(write.status, write.text).toBe(201);
      expect(servedBy(write)).toBe('primary');
      const lsnCookie = write.headers.getSetCookie().find((c) => c.startsWith('hatang_wal_lsn='))!;
      const lsn = parseLsn(decodeURIComponent(lsnCookie.split(';')[0]!.split('=')[1]!));
      expect(write.headers.get('x-hatang-wal-lsn')).toBe(decodeURIComponent(lsnCookie.split(';')[0]!.split('=')[1]!));
      const replayed = parseLsn(((await replica!.raw('SELECT pg_last_wal_replay_lsn()::text AS l')).rows[0] as { l: string }).l);
      expect(lsn! > replayed!).toBe(true);
      const writerCookie = `${session}; ${lsnCookie.split(';')[0]}`;

      const own = await get('/api/layers/bts', writerCookie);
      expect(servedBy(own)).toBe('primary');
      expect(btsCodes(own)).toContain('VT-S4-3G');
      const anonymous = await get('/api/layers/bts');
      expect(servedBy(anonymous)).toBe('replica-1');
      expect(btsCodes(anonymous)).not.toContain('VT-S4-3G');

      await replica!.raw('SELECT pg_wal_replay_resume()');
      const replicated = await until(() => replica!.raw(`SELECT count(*)::int AS n FROM bts WHERE code = 'VT-S4-3G'`), (r) => r.rows[0].n === 1);
      expect(replicated.rows[0].n).toBe(1);
      await sleep(150); // the replica's replay position is cached for 100 ms
      const ownAgain = await get('/api/layers/bts', writerCookie);
      expect(servedBy(ownAgain)).toBe('replica-1');
      expect(btsCodes(ownAgain)).toContain('VT-S4-3G');
      const anonymousAgain = await get('/api/layers/bts');
      expect(servedBy(anonymousAgain)).toBe('replica-1');
      expect(btsCodes(anonymousAgain)).toContain('VT-S4-3G');
    } finally {
      await replica!.raw('SELECT pg_wal_replay_resume()').catch(() => undefined);
    }
  });

  it('reads on the primary while the replica is stopped, and on the replica again once it is back', async () => {
    await replica!.destroy();
    await pair('stop', dir, 'replica');
    await sleep(150);
    const r = await get('/api/layers/bts');
    expect(r.status, r.text).toBe(200);
    expect(servedBy(r)).toBe('primary');
    expect(btsCodes(r)).toContain('VT-S4-3G');
    await pair('start', dir, 'replica');
    // A replica found down is asked again after a second.
    const back = await until(() => get('/api/layers/bts'), (a) => servedBy(a) === 'replica-1', 5_000);
    expect(back.status).toBe(200);
    expect(servedBy(back)).toBe('replica-1');
  });
});

describe('several server processes on one database', () => {
  it('a process starting up fails only the import runs no live commit holds, not one another process is committing', async () => {
    const insertRun = async () => ((await primary!.raw(
      `INSERT INTO import_runs (layer, file_name, file_size, file_sha256, format, status, actor_name)
       VALUES ('bts', 'tram.csv', 0, repeat('0', 64), 'csv', 'running', 'test') RETURNING id`,
    )).rows[0] as { id: number }).id;
    const [live, cutOff] = [await insertRun(), await insertRun()];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // The other process's commit: its transaction holds the run's lock until it ends.
    const commit = primary!.transaction(async (trx) => {
      await lockRunForCommit(trx, live);
      locked();
      await held;
    });
    await lockTaken;
    expect(await failInterruptedRuns(primary!)).toBe(1);
    const status = async (id: number) => ((await primary!.raw('SELECT status FROM import_runs WHERE id = ?', [id])).rows[0] as { status: string }).status;
    expect([await status(live), await status(cutOff)]).toEqual(['running', 'failed']);
    release();
    await commit;
    // Its process gone (the transaction over, the run left running): now it was cut off.
    expect(await failInterruptedRuns(primary!)).toBe(1);
    expect(await status(live)).toBe('failed');
  });
});
