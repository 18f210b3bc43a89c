// `npm run bench [-- --json]`: measures, on the embedded database with the demo
// province,
//   - time from `npm start` to ready, first (empty data dir: schema + demo) and second (existing data);
//   - response time (median of 5 after one warm-up) and size of every layer for the whole province;
//   - time to the map's first idle in headless Chromium.
//   - coverage: full recompute, what-if latency and incremental update after one BTS
//     edit, on the embedded database and on PostgreSQL (BENCH_DATABASE_URL, else
//     TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres: a database
//     hatang_bench is created there and dropped after), and the same unions and
//     hamlet differences written straightforwardly with @turf/turf.
//   - site inference plus the sharing ratios of every level (scripts/bench-sharing.ts), on both databases.
//   - one co-location query and the site planner with K = 10 (scripts/bench-colocation.ts), on both databases.
//   - data in and out, on both databases: import of a 100,000-row BTS CSV (scripts/bench-imports.ts),
//     whole-province GeoJSON export time to first byte and total (scripts/bench-exports.ts), and vector
//     tile latency p50/p99 warm and cold over a fixed tile set (scripts/bench-tiles.ts).
//   - the plan's indicators: unit cards, every commune's table for both boundary sets, the crosswalk and
//     the XLSX export (scripts/bench-indicators.ts), on both databases.
// A benchmark, not a test: it prints numbers and asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { layerNames } from '../server/src/contracts/layer-contracts.js';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { seedDemoProvince } from '../server/src/demo/seed-demo-province.js';
import { measureCoverage, measureTurf, type CoverageFigures } from './bench-coverage.js';
import { describeSharing, measureSharing, measureSharingOnPostgres, type SharingFigures } from './bench-sharing.js';
import { describeColocation, measureColocation, type ColocationFigures } from './bench-colocation.js';
import { ensureClientBuilt } from '../server/src/http/client-bundle.js';
import { measureFirstIdleMs } from './bench-browser.js';
import { freePort } from './free-port.js';
import { describeImports, measureImports, type ImportFigures } from './bench-imports.js';
import { measureExports } from './bench-exports.js';
import { measureTiles, type TileFigures } from './bench-tiles.js';
import { describeIndicators, measureIndicators, type IndicatorFigures } from './bench-indicators.js';

const asJson = process.argv.includes('--json');
const log = (line: string) => {
  if (!asJson) console.log(line);
};


interface Started {
  readyMs: number;
  url: string;
  stop(): Promise<void>;
}

/** Runs `npm start` as a user would and times it until the server answers /api/health. */
async function timedStart(dataDir: string, databaseUrl = ''): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HATANG_DATA_DIR: dataDir, HATANG_LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error('npm start exited before it was ready');
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = performance.now() - t0;
  return {
    readyMs,
    url,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      });
      // npm exits before the server under it has closed the database: wait for its lock to go.
      const lock = path.join(dataDir, 'hatang.lock');
      for (let i = 0; i < 300 && fs.existsSync(lock); i++) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

ensureClientBuilt(log);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-bench-'));
try {
  log('starting on an empty data directory (schema + demo province)…');
  const first = await timedStart(dataDir);
  await first.stop();
  log('starting again on the existing data…');
  const second = await timedStart(dataDir);
  const layers: { layer: string; medianMs: number; bytes: number; features: number }[] = [];
  try {
    for (const layer of layerNames) {
      const times: number[] = [];
      let bytes = 0;
      let features = 0;
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        const r = await fetch(`${second.url}/api/layers/${layer}`);
        const text = await r.text();
        if (i > 0) times.push(performance.now() - t0);
        bytes = Buffer.byteLength(text);
        features = (JSON.parse(text) as { features: unknown[] }).features.length;
      }
      layers.push({ layer, medianMs: Math.round(median(times) * 10) / 10, bytes, features });
    }
    const firstIdleMs = await measureFirstIdleMs(`${second.url}/`);
    log('exports and vector tiles on the embedded database…');
    const embeddedExports = await measureExports(second.url);
    const embeddedTiles = await measureTiles(second.url);
    const embeddedIndicators = await measureIndicators(second.url).catch((e: Error) => ({ error: e.message }));
    await second.stop();
    log('coverage on the embedded database…');
    const embedded = await openDatabase({ databaseUrl: '', dataDir, statementTimeoutMs: 0 });
    let embeddedCoverage: CoverageFigures;
    let turfFigures: Awaited<ReturnType<typeof measureTurf>>;
    let embeddedSharing: SharingFigures;
    let embeddedColocation: ColocationFigures;
    let embeddedImports: ImportFigures | { error: string };
    try {
      embeddedCoverage = await measureCoverage(embedded.knex);
      turfFigures = await measureTurf(embedded.knex);
      embeddedSharing = await measureSharing(embedded.knex);
      embeddedColocation = await measureColocation(embedded.knex);
      log('import of a 100,000-row BTS list on the embedded database…');
      embeddedImports = await measureImports(embedded.knex).catch((e: Error) => ({ error: e.message }));
    } finally {
      await embedded.close();
    }
    log('coverage on PostgreSQL…');
    const postgresMeasured = await measurePostgres();
    const postgresCoverage = 'error' in postgresMeasured ? postgresMeasured : postgresMeasured.coverage;
    const postgresColocation = 'error' in postgresMeasured ? postgresMeasured : postgresMeasured.colocation;
    const postgresServed = 'error' in postgresMeasured ? postgresMeasured : postgresMeasured.served;
    const postgresImports = 'error' in postgresMeasured ? postgresMeasured : postgresMeasured.imports;
    log('site inference and sharing on PostgreSQL…');
    const postgresSharing = await measureSharingOnPostgres();
    const result = {
      firstStartReadyMs: Math.round(first.readyMs),
      secondStartReadyMs: Math.round(second.readyMs),
      layers,
      browserFirstIdleMs: Math.round(firstIdleMs),
      coverage: {
        embedded: embeddedCoverage,
        postgres: postgresCoverage,
        turf: turfFigures,
        turfRatio: Math.round((turfFigures.extrapolatedMs / embeddedCoverage.sqlOverlayMs) * 10) / 10,
      },
      sharing: { embedded: embeddedSharing, postgres: postgresSharing },
      colocation: { embedded: embeddedColocation, postgres: postgresColocation },
      imports: { embedded: embeddedImports, postgres: postgresImports },
      exports: { embedded: embeddedExports, postgres: 'error' in postgresServed ? postgresServed : postgresServed.exports },
      tiles: { embedded: embeddedTiles, postgres: 'error' in postgresServed ? postgresServed : postgresServed.tiles },
      indicators: { embedded: embeddedIndicators, postgres: 'error' in postgresServed ? postgresServed : postgresServed.indicators },
      machine: { cpus: os.cpus().length, node: process.version },
    };
    if (asJson) {
      console.log(JSON.stringify(result));
    } else {
      console.log(`\nnpm start → ready, empty data dir (schema + demo): ${(result.firstStartReadyMs / 1000).toFixed(1)} s`);
      console.log(`npm start → ready, existing data:                  ${(result.secondStartReadyMs / 1000).toFixed(1)} s\n`);
      console.log('layer (whole province)   features   size (kB)   median ms');
      for (const l of layers) {
        console.log(`${l.layer.padEnd(24)} ${String(l.features).padStart(8)} ${(l.bytes / 1024).toFixed(0).padStart(11)} ${l.medianMs.toFixed(1).padStart(11)}`);
      }
      console.log(`\nheadless Chromium, navigation → map's first idle with data: ${result.browserFirstIdleMs} ms`);
      const row = (name: string, c: CoverageFigures | { error: string }) =>
        'error' in c
          ? console.log(`${name.padEnd(10)} ${c.error}`)
          : console.log(
              `${name.padEnd(10)} full recompute ${c.recomputeSeconds.toFixed(2)} s (footprints ${c.recomputeBreakdownMs.footprints}, unions ${c.recomputeBreakdownMs.unions}, verdicts ${c.recomputeBreakdownMs.verdicts}, gaps ${c.recomputeBreakdownMs.gaps} ms); what-if ${c.whatIfMsMedian} ms; incremental after one BTS edit ${c.incrementalMsMedian} ms`,
            );
      console.log('\ncoverage of the demo province (medians):');
      row('embedded', result.coverage.embedded);
      row('postgres', result.coverage.postgres);
      const t = result.coverage.turf;
      console.log(
        `@turf/turf: broadband union of ${t.windowFootprints} footprints + difference with ${t.windowHamlets} hamlets: ${t.windowMs} ms; ` +
          `× ${t.totalFootprints}/${t.windowFootprints} footprints ≥ ${t.extrapolatedMs} ms for the province;\n` +
          `ours (embedded, unions + verdicts + gaps of every operator and technology group): ${result.coverage.embedded.sqlOverlayMs} ms; ` +
          `ratio ≥ ${result.coverage.turfRatio}`,
      );
      console.log('\nsite inference and sharing ratios of the demo province:');
      console.log(describeSharing('embedded', result.sharing.embedded));
      console.log(describeSharing('postgres', result.sharing.postgres));
      console.log('\nco-location query (a town, 2 km, 4G 1800 MHz, 30 m; median) and site planner (K = 10, whole province), Vietnamobile:');
      console.log(describeColocation('embedded', result.colocation.embedded));
      console.log(describeColocation('postgres', result.colocation.postgres));
      console.log('\nimport of a 100,000-row operator BTS list (CSV, Vietnamese headers, planned BTS; scripts/bench-imports.ts):');
      console.log(describeImports('embedded', result.imports.embedded));
      console.log(describeImports('postgres', result.imports.postgres));
      console.log('\nwhole-province GeoJSON export (time to first byte / total):');
      const exportRow = (name: string, e: Awaited<ReturnType<typeof measureExports>> | { error: string }) =>
        console.log('error' in e ? `${name.padEnd(10)} ${e.error}` : `${name.padEnd(10)} BTS ${e.features} features, ${(e.bytes / 1e6).toFixed(1)} MB: ` +
          `${e.geojsonTtfbMs.toFixed(0)} / ${e.geojsonTotalMs.toFixed(0)} ms; hamlets ${e.byLayer.hamlets.geojsonTtfbMs.toFixed(0)} / ${e.byLayer.hamlets.geojsonTotalMs.toFixed(0)} ms`);
      exportRow('embedded', result.exports.embedded);
      exportRow('postgres', result.exports.postgres);
      console.log('\nvector tiles (every layer, z 8–14 over the province; warm pass, and the first pass cold):');
      const tileRow = (name: string, t: TileFigures | { error: string }) =>
        console.log('error' in t ? `${name.padEnd(10)} ${t.error}` : `${name.padEnd(10)} ${t.tiles} requests (${t.empty} empty): p50 ${t.p50Ms.toFixed(1)} ms, p99 ${t.p99Ms.toFixed(1)} ms; cold p50 ${t.cold.p50Ms.toFixed(1)} ms, p99 ${t.cold.p99Ms.toFixed(1)} ms`);
      tileRow('embedded', result.tiles.embedded);
      tileRow('postgres', result.tiles.postgres);
      console.log('\nplan indicators (median of 5 after a warm-up):');
      console.log(describeIndicators('embedded', result.indicators.embedded));
      console.log(describeIndicators('postgres', result.indicators.postgres));
    }
  } finally {
    await second.stop();
  }
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/** Seeds the demo into a fresh database on PostgreSQL and measures coverage and co-location there. */
interface ServedFigures {
  exports: Awaited<ReturnType<typeof measureExports>>;
  tiles: TileFigures;
  indicators: IndicatorFigures;
}

async function measurePostgres(): Promise<
  { coverage: CoverageFigures; colocation: ColocationFigures; served: ServedFigures | { error: string }; imports: ImportFigures | { error: string } } | { error: string }
> {
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw('DROP DATABASE IF EXISTS hatang_bench WITH (FORCE)');
    await admin.raw('CREATE DATABASE hatang_bench');
  } catch (error) {
    await admin.destroy();
    return { error: `PostgreSQL not reachable at ${adminUrl.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}` };
  }
  const url = new URL(adminUrl);
  url.pathname = '/hatang_bench';
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: '', statementTimeoutMs: 0 });
  try {
    await migrate(db.knex);
    await seedDemoProvince(db.knex);
    const coverage = await measureCoverage(db.knex);
    const colocation = await measureColocation(db.knex);
    // A deployment's statistics are current; a database seeded a moment ago has none yet.
    await db.knex.raw('ANALYZE');
    log('exports and vector tiles on PostgreSQL…');
    let served: ServedFigures | { error: string };
    const server = await timedStart(fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-bench-pg-')), url.toString());
    try {
      served = { exports: await measureExports(server.url), tiles: await measureTiles(server.url), indicators: await measureIndicators(server.url) };
    } catch (error) {
      served = { error: (error as Error).message };
    } finally {
      await server.stop();
    }
    log('import of a 100,000-row BTS list on PostgreSQL…');
    const imports = await measureImports(db.knex).catch((e: Error) => ({ error: e.message }));
    return { coverage, colocation, served, imports };
  } finally {
    await db.close();
    await admin.raw('DROP DATABASE IF EXISTS hatang_bench WITH (FORCE)');
    await admin.destroy();
  }
}
