import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../server/src/db/database.js';
import { migrate } from '../../server/src/db/migrate.js';
import { loadRegisterFixture } from '../fixtures/register-fixture.js';
import { inferSites } from '../../server/src/sharing/site-inference.js';

/** A private copy of a prepared embedded data directory; removed again by `cleanup`. */
function copyTemplate(template: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-test-db-'));
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

export function preparedDemoDataDir(): string {
  return copyTemplate(inject('embeddedDemoTemplate'));
}

export function removeDataDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export interface TestDatabase extends Database {
  label: 'embedded' | 'postgres';
}

/** The embedded database with the hand-computed fixture loaded. */
export async function openEmbeddedFixture(): Promise<TestDatabase> {
  const dir = copyTemplate(inject('embeddedFixtureTemplate'));
  const db = await openDatabase({ databaseUrl: '', dataDir: dir, statementTimeoutMs: 0 });
  return {
    ...db,
    label: 'embedded',
    async close() {
      await db.close();
      removeDataDir(dir);
    },
  };
}

/**
 * A fresh PostgreSQL database (created through TEST_DATABASE_URL's server) with
 * PostGIS, the schema and the fixture; dropped again by `close`.
 */
export async function openPostgresFixture(adminUrl: string): Promise<TestDatabase> {
  const name = `hatang_t_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin: Knex = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  await admin.raw(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', statementTimeoutMs: 60_000 });
  await migrate(db.knex);
  await loadRegisterFixture(db.knex);
  // As the embedded fixture template: every prepared database has its physical sites.
  await inferSites(db.knex, 25);
  return {
    ...db,
    label: 'postgres',
    async close() {
      await db.close();
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/**
 * The databases every database test runs on: always the embedded one, and
 * PostgreSQL when TEST_DATABASE_URL is set. In CI a missing TEST_DATABASE_URL
 * is an error, not a skip.
 */
export function databaseTargets(): { label: 'embedded' | 'postgres'; open: () => Promise<TestDatabase> }[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI: database tests run on PostgreSQL too');
  const targets: { label: 'embedded' | 'postgres'; open: () => Promise<TestDatabase> }[] = [
    { label: 'embedded', open: openEmbeddedFixture },
  ];
  if (url) targets.push({ label: 'postgres', open: () => openPostgresFixture(url) });
  return targets;
}
