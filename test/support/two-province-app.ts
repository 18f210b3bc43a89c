import { afterAll, beforeAll } from 'vitest';
import { loadSecondProvinceFixture } from '../fixtures/second-province-fixture.js';
import { startInProcessApp, type InProcessApp } from './in-process-app.js';
import type { TestDatabase } from './prepared-databases.js';

export interface TwoProvinceApp {
  db: TestDatabase;
  app: InProcessApp;
}

/**
 * For a describe block: a database with the fixture province and the second
 * hand-made one (test/fixtures/second-province-fixture.ts), and the app on it,
 * opened before the block's tests and closed after them. Read `db` and `app`
 * inside the tests (they are set once the block starts).
 */
export function twoProvinceApp(open: () => Promise<TestDatabase>): TwoProvinceApp {
  const context = {} as TwoProvinceApp;
  beforeAll(async () => {
    context.db = await open();
    await loadSecondProvinceFixture(context.db.knex);
    context.app = await startInProcessApp(context.db);
  }, 120_000);
  afterAll(async () => {
    await context.app?.close();
    await context.db?.close();
  });
  return context;
}
