// The server keeps running while PostgreSQL restarts: 503 problem answers with
// Retry-After while it is down, 200 again once it is back, no app restart.
// On a private cluster (see private-postgres-cluster.ts): the shared server on
// 5432 serves the other test files meanwhile.
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/src/db/database.js';
import { isDatabaseUnavailable } from '../../server/src/db/database-unavailable.js';
import { migrate } from '../../server/src/db/migrate.js';
import { loadRegisterFixture } from '../fixtures/register-fixture.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { createPrivateCluster, type PrivateCluster } from './private-postgres-cluster.js';

let cluster: PrivateCluster | undefined;
let db: Database | undefined;
let app: InProcessApp | undefined;
// Vitest would also fail the run on an error nobody handled; this names it in the test that caused it.
const uncaught: unknown[] = [];
const recordUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  process.on('uncaughtException', recordUncaught);
  process.on('unhandledRejection', recordUncaught);
  cluster = await createPrivateCluster();
  const admin = await openDatabase({ databaseUrl: cluster.adminUrl, dataDir: '', statementTimeoutMs: 60_000 });
  try {
    await admin.knex.raw('CREATE DATABASE hatang_restart');
  } finally {
    await admin.close();
  }
  const url = new URL(cluster.adminUrl);
  url.pathname = '/hatang_restart';
  db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', statementTimeoutMs: 60_000 });
  await migrate(db.knex);
  await loadRegisterFixture(db.knex);
  app = await startInProcessApp(db);
});

afterAll(async () => {
  process.off('uncaughtException', recordUncaught);
  process.off('unhandledRejection', recordUncaught);
  try {
    await app?.close();
    await db?.close();
  } finally {
    cluster?.remove();
  }
});

const sites = () => app!.get('/api/layers/sites', { 'accept-language': 'en' });

/** GETs until the answer is 200 (the pool may hand out a connection the restart killed first). */
async function untilOk(): Promise<{ attempts: number; status: number }> {
  let status = 0;
  for (let attempt = 1; attempt <= 10; attempt++) {
    status = (await sites()).status;
    if (status === 200) return { attempts: attempt, status };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { attempts: 10, status };
}

describe('PostgreSQL restarting under a running server (private cluster)', () => {
  // A failed case must not leave the next one without a server.
  beforeEach(async () => {
    if (!cluster!.running) await cluster!.start();
  });

  it('serves the fixture before any fault', async () => {
    const r = await sites();
    expect(r.status).toBe(200);
    expect(r.body.features).toHaveLength(4);
  });

  it.each(['fast', 'immediate'] as const)('answers 503 problem+json with Retry-After within seconds while the server is stopped (-m %s), then 200 once it is started again', async (mode) => {
    // Fill the pool with idle connections, so that the stop ends sessions knex holds.
    await Promise.all([sites(), sites(), sites()]);
    // A statement in flight when the server goes away fails as "unavailable", not as a bug.
    const inFlight = db!.knex.raw('SELECT pg_sleep(30)').then(() => undefined, (error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cluster!.stop(mode);
    const inFlightError = await inFlight;
    expect(inFlightError).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(inFlightError), String(inFlightError)).toBe(true);

    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const r = await sites();
      const ms = performance.now() - started;
      expect(r.status, r.text).toBe(503);
      expect(r.type).toContain('application/problem+json');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(r.body).toMatchObject({ status: 503, type: 'urn:hatang:problem:service-unavailable', title: 'The database is temporarily unavailable' });
      expect(ms).toBeLessThan(5_000);
    }
    const health = await app!.get('/api/health');
    expect(health.status).toBe(503);

    await cluster!.start();
    const back = await untilOk();
    expect(back.status).toBe(200);
    expect(back.attempts).toBeLessThanOrEqual(3);
    expect((await sites()).body.features).toHaveLength(4);
    expect(uncaught).toEqual([]);
  });

  it('answers 503 within the connect timeout, not a minute, when the server accepts TCP but never answers', async () => {
    await cluster!.stop('immediate');
    // In the server's place: a listener that accepts connections and says nothing.
    const held: net.Socket[] = [];
    const blackHole = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(cluster!.port, '127.0.0.1', resolve));
    try {
      const started = performance.now();
      const r = await sites();
      const ms = performance.now() - started;
      expect(r.status, r.text).toBe(503);
      expect(r.type).toContain('application/problem+json');
      // database.ts: 5 s to connect.
      expect(ms).toBeGreaterThan(4_000);
      expect(ms).toBeLessThan(9_000);
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => blackHole.close(() => resolve()));
    }
    await cluster!.start();
    expect((await untilOk()).status).toBe(200);
    expect(uncaught).toEqual([]);
  });
});
