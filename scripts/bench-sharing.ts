// Site inference and sharing ratios on the demo province, for `npm run bench`:
// full inference, the sharing ratios of every level of every boundary set in
// both scenarios, consolidation groups, and inference after one BTS move.
import knexFactory, { type Knex } from 'knex';
import type { UnitLevel } from '../server/src/contracts/domain-enums.js';
import { scenarios } from '../server/src/contracts/sharing-contracts.js';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { seedDemoProvince } from '../server/src/demo/seed-demo-province.js';
import { consolidationGroups, sharingReport } from '../server/src/sharing/sharing-queries.js';
import { inferSites } from '../server/src/sharing/site-inference.js';
import { sharingSettingsFrom } from '../server/src/sharing/sharing-settings.js';
import { loadConfig } from '../server/src/config.js';

const settings = sharingSettingsFrom(loadConfig().config);

export interface SharingFigures {
  physicalSites: number;
  inferredSites: number;
  /** Full site inference, median of 3, ms. */
  inferenceMs: number;
  /** GET /api/sharing's report for every level of every boundary set, both scenarios (one pass), ms. */
  ratiosAllLevelsMs: number;
  reports: number;
  /** Full inference + all those ratios, ms. */
  inferencePlusRatiosMs: number;
  consolidationMs: number;
  consolidationGroups: number;
  /** Inference after one BTS without a site code moved 30 m (and back), median of 5, ms. */
  incrementalMs: number;
}

/** GET /api/sharing's report for every level of every boundary set, both scenarios, one after another. */
export async function timeSharingRatiosAllLevels(knex: Knex): Promise<{ ms: number; reports: number; sets: { code: string; levels: UnitLevel[] }[] }> {
  const sets = (await knex.raw('SELECT code, levels FROM boundary_sets ORDER BY code')).rows as { code: string; levels: UnitLevel[] }[];
  const t0 = performance.now();
  let reports = 0;
  for (const set of sets) {
    for (const level of set.levels) {
      for (const scenario of scenarios) {
        await sharingReport(knex, settings, { boundarySet: set.code, level, scenario });
        reports += 1;
      }
    }
  }
  return { ms: performance.now() - t0, reports, sets };
}

/** The site-inference distance of the configuration, as the server uses it. */
export const benchSiteInferenceEpsM = settings.siteInferenceEpsM;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function measureSharing(knex: Knex): Promise<SharingFigures> {
  const runs: number[] = [];
  let summary = await inferSites(knex, settings.siteInferenceEpsM);
  for (let i = 0; i < 3; i++) {
    summary = await inferSites(knex, settings.siteInferenceEpsM);
    runs.push(summary.ms);
  }
  const { ms: ratiosAllLevelsMs, reports, sets } = await timeSharingRatiosAllLevels(knex);
  const t1 = performance.now();
  const groups = await consolidationGroups(knex, { distanceM: settings.consolidationDistanceM, scenario: 'current', boundarySet: sets[0]!.code });
  const consolidationMs = performance.now() - t1;
  const moved = (await knex.raw(`SELECT id FROM bts WHERE site_id IS NULL AND status = 'on_air' ORDER BY code LIMIT 1`)).rows[0] as { id: number };
  const incremental: number[] = [];
  for (let i = 0; i < 5; i++) {
    // Rolled back: the demo stays as it was.
    const trx = await knex.transaction();
    try {
      await trx.raw('UPDATE bts_records SET geom = ST_Translate(geom, 0, 0.00027) WHERE id = ?', [moved.id]);
      incremental.push((await inferSites(trx, settings.siteInferenceEpsM, { btsIds: [moved.id] })).ms);
    } finally {
      await trx.rollback();
    }
  }
  const inferenceMs = median(runs);
  return {
    physicalSites: summary.physicalSites,
    inferredSites: summary.inferredSites,
    inferenceMs,
    ratiosAllLevelsMs: Math.round(ratiosAllLevelsMs),
    reports,
    inferencePlusRatiosMs: Math.round(inferenceMs + ratiosAllLevelsMs),
    consolidationMs: Math.round(consolidationMs),
    consolidationGroups: groups.length,
    incrementalMs: median(incremental),
  };
}

/** The same on PostgreSQL, in a database of its own (seeded with the demo, dropped after). */
export async function measureSharingOnPostgres(): Promise<SharingFigures | { error: string }> {
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw('DROP DATABASE IF EXISTS hatang_bench_sharing WITH (FORCE)');
    await admin.raw('CREATE DATABASE hatang_bench_sharing');
  } catch (error) {
    await admin.destroy();
    return { error: `PostgreSQL not reachable at ${adminUrl.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}` };
  }
  const url = new URL(adminUrl);
  url.pathname = '/hatang_bench_sharing';
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', statementTimeoutMs: 0 });
  try {
    await migrate(db.knex);
    await seedDemoProvince(db.knex);
    await db.knex.raw('ANALYZE');
    return await measureSharing(db.knex);
  } finally {
    await db.close();
    await admin.raw('DROP DATABASE IF EXISTS hatang_bench_sharing WITH (FORCE)');
    await admin.destroy();
  }
}

export function describeSharing(name: string, f: SharingFigures | { error: string }): string {
  if ('error' in f) return `${name.padEnd(10)} ${f.error}`;
  return (
    `${name.padEnd(10)} site inference ${f.inferenceMs} ms (${f.physicalSites} physical sites, ${f.inferredSites} inferred) + ` +
    `sharing ratios of every level, both scenarios (${f.reports} reports) ${f.ratiosAllLevelsMs} ms = ${f.inferencePlusRatiosMs} ms; ` +
    `consolidation ${f.consolidationMs} ms (${f.consolidationGroups} groups); incremental after one BTS move ${f.incrementalMs} ms`
  );
}
