import { importLimitsFrom } from './imports/import-settings.js';
import { failInterruptedRuns } from './imports/import-runs.js';
import type { AddressInfo } from 'node:net';
import { describeConfig, loadConfig, readDatabaseUrlsOf, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { isRegisterEmpty, seedDemoProvince } from './demo/seed-demo-province.js';
import { coverageParamsFrom, recomputeAllCoverage } from './coverage/coverage-recompute.js';
import { sharingSettingsFrom } from './sharing/sharing-settings.js';
import { indicatorSettingsFrom } from './indicators/indicator-settings.js';
import { demoProposalsMissing, seedDemoProposals } from './demo/demo-proposals.js';
import { inferSites, physicalSitesMissing } from './sharing/site-inference.js';
import { createApp } from './http/create-app.js';
import { builtClientDir } from './http/client-bundle.js';
import { answerUnparsedRequests } from './http/http-problem.js';
import { readRouting } from './http/read-routing.js';
import { authSettingsFrom } from './auth/auth-settings.js';
import { ensureFirstAdmin } from './users/first-admin.js';

export interface RunningHatang {
  url: string;
  port: number;
  database: Database;
  close(): Promise<void>;
}

/**
 * Opens the database, creates or upgrades the schema, loads the demo province
 * into an empty register (unless disabled), and listens. `close` stops the HTTP
 * server and closes the database cleanly (PGlite must be closed to flush).
 */
export async function startHatang(overrides: Partial<Config> = {}, clientDir = builtClientDir): Promise<RunningHatang> {
  const loaded = loadConfig(process.env, overrides);
  const { config } = loaded;
  const log = (line: string) => {
    if (config.logLevel !== 'silent') console.log(`[hatang] ${line}`);
  };
  for (const line of describeConfig(loaded)) log(line);
  const coverage = coverageParamsFrom(config);
  const sharing = sharingSettingsFrom(config);
  const database = await openDatabase({ ...config, replicaUrls: readDatabaseUrlsOf(config), log });
  try {
    await migrate(database.knex);
    const interrupted = await failInterruptedRuns(database.knex);
    if (interrupted) log(`${interrupted} import(s) cut off by the last stop marked failed (nothing of them was written)`);
    let seeded = false;
    if (config.seedDemoWhenEmpty && (await isRegisterEmpty(database.knex))) {
      seeded = true;
      log('empty register: loading the synthetic demo province…');
      const summary = await seedDemoProvince(database.knex, { log, siteInferenceEpsM: config.siteInferenceEpsM, sharingTargetRatio: config.sharingTargetRatio });
      log(`demo province loaded: ${summary.sites} sites, ${summary.bts} BTS, ${summary.hamlets} hamlets`);
    }
    const admin = await ensureFirstAdmin(database.knex, config.adminPassword);
    if (admin?.generatedPassword) {
      // Printed once, whatever the log level: nobody could sign in otherwise.
      console.log(`[hatang] first admin account "${admin.username}" created with the random password: ${admin.generatedPassword}`);
      console.log('[hatang] sign in and change it (or set HATANG_ADMIN_PASSWORD before the first start); it is not shown again.');
    } else if (admin) {
      log(`first admin account "${admin.username}" created with HATANG_ADMIN_PASSWORD`);
    }
    // The embedded PostgreSQL has no autovacuum, so nothing else ever gathers
    // statistics; without them the planner takes the live-row views (deleted_at
    // IS NULL) for 0.5 % of their tables and the BTS layer runs 5× slower. On
    // PostgreSQL a freshly seeded register has none yet either.
    const gatherStatistics = () => database.knex.raw('ANALYZE');
    if (database.kind === 'embedded' || seeded) await gatherStatistics();
    // A register from before site inference, or loaded around it: find its physical sites once.
    if (await physicalSitesMissing(database.knex)) {
      const inferred = await inferSites(database.knex, config.siteInferenceEpsM);
      log(`site inference: ${inferred.physicalSites} physical sites (${inferred.inferredSites} inferred) in ${inferred.ms} ms`);
    }
    if (await coverageIsMissing(database.knex)) {
      const recomputed = await recomputeAllCoverage(database.knex, coverage);
      log(`coverage computed: ${recomputed.footprints} footprints, ${recomputed.gapParts} uncovered parts in ${recomputed.ms.total} ms`);
      await gatherStatistics();
    }
    if (await demoProposalsMissing(database.knex)) {
      const demo = await seedDemoProposals(database.knex, { coverage, sharing });
      log(`demo proposals: ${demo.submitted} submitted, ${demo.approved} approved, ${demo.rejected} rejected`);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const reads = database.reads;
  if (reads) log(`reads (GET/HEAD) on ${reads.replicas.replicas.length} replica(s) when they hold the client's last write and lag ≤ ${reads.maxLagS} s; the rest on the primary`);
  const app = createApp({
    // With replicas, the handlers' queries follow the request: a replica for reads, the primary for the rest.
    knex: reads?.routedKnex ?? database.knex,
    ...(reads ? { readRouting: readRouting(database.knex, reads.replicas, reads.maxLagS) } : {}),
    databaseKind: database.kind,
    maxFeatures: config.maxFeatures,
    maxSearchLength: config.maxSearchLength,
    bodyLimitBytes: config.bodyLimitBytes,
    coverage,
    sharing,
    indicators: indicatorSettingsFrom(config),
    ...authSettingsFrom(config),
    imports: importLimitsFrom(config),
    clientDir,
  });
  const server = await new Promise<import('node:http').Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  answerUnparsedRequests(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`;
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    database,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await database.close();
      })();
      return closing;
    },
  };
}

/** True when there are hamlets but no verdicts yet (first start, or after a seed). */
async function coverageIsMissing(knex: import('knex').Knex): Promise<boolean> {
  const row = (await knex.raw(
    'SELECT EXISTS (SELECT 1 FROM hamlets) AND NOT EXISTS (SELECT 1 FROM hamlet_coverage) AS missing',
  )).rows[0] as { missing: boolean };
  return row.missing;
}
