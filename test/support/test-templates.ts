// Vitest global setup: builds each prepared database once per content hash of
// the schema, SQL functions, fixture and demo generator, so test files copy a
// ready directory (~3 s to open) instead of creating PGlite + PostGIS (~15 s).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/src/db/database.js';
import { migrate } from '../../server/src/db/migrate.js';
import { seedDemoProposals } from '../../server/src/demo/demo-proposals.js';
import { sharingSettingsFrom } from '../../server/src/sharing/sharing-settings.js';
import { seedDemoProvince } from '../../server/src/demo/seed-demo-province.js';
import { ensureClientBuilt } from '../../server/src/http/client-bundle.js';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom, recomputeAllCoverage } from '../../server/src/coverage/coverage-recompute.js';
import { loadRegisterFixture } from '../fixtures/register-fixture.js';
import { inferSites } from '../../server/src/sharing/site-inference.js';

function hashTree(hash: crypto.Hash, target: string): void {
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(target).sort()) hashTree(hash, path.join(target, name));
  } else {
    hash.update(target).update(fs.readFileSync(target));
  }
}

async function buildEmbedded(dir: string, load: (knex: import('knex').Knex) => Promise<unknown>): Promise<void> {
  const tmp = `${dir}.building-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const db = await openDatabase({ databaseUrl: '', dataDir: tmp, statementTimeoutMs: 0 });
  try {
    await migrate(db.knex);
    await load(db.knex);
    // As startHatang does: the embedded database has no autovacuum to gather statistics.
    await db.knex.raw('ANALYZE');
  } finally {
    await db.close();
  }
  try {
    fs.renameSync(tmp, dir);
  } catch (error) {
    // Another test run built the same template meanwhile: keep theirs.
    if (!fs.existsSync(dir)) throw error;
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Templates of other content hashes, left by earlier runs, are removed after a day. */
function removeStaleTemplates(parent: string, keep: string): void {
  for (const name of fs.readdirSync(parent)) {
    const full = path.join(parent, name);
    if (full !== keep && Date.now() - fs.statSync(full).mtimeMs > 24 * 3600_000) fs.rmSync(full, { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // The browser tests load the built client from dist/client.
  ensureClientBuilt();
  const hash = crypto.createHash('sha256');
  for (const p of ['server/db', 'server/src/db', 'server/src/demo', 'server/src/coverage', 'server/src/sharing', 'server/src/colocation', 'server/src/proposals', 'test/fixtures']) hashTree(hash, path.resolve(p));
  const root = path.join(os.tmpdir(), 'hatang-test-templates', hash.digest('hex').slice(0, 16));
  fs.mkdirSync(root, { recursive: true });
  removeStaleTemplates(path.dirname(root), root);
  const fixtureDir = path.join(root, 'fixture');
  const demoDir = path.join(root, 'demo');
  if (!fs.existsSync(fixtureDir)) {
    await buildEmbedded(fixtureDir, async (knex) => {
      await loadRegisterFixture(knex);
      await inferSites(knex, 25);
    });
  }
  if (!fs.existsSync(demoDir)) {
    await buildEmbedded(demoDir, async (knex) => {
      await seedDemoProvince(knex);
      const { config } = loadConfig({});
      const coverage = coverageParamsFrom(config);
      await recomputeAllCoverage(knex, coverage);
      // As the server does at its first start: the demo's sample proposals (some approved: the planned scenario).
      await seedDemoProposals(knex, { coverage, sharing: sharingSettingsFrom(config) });
    });
  }
  project.provide('embeddedFixtureTemplate', fixtureDir);
  project.provide('embeddedDemoTemplate', demoDir);
}

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedFixtureTemplate: string;
    embeddedDemoTemplate: string;
  }
}
