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
//   - HTTP overhead of the read API: the endpoints against the same SQL sent directly (scripts/bench-http-overhead.ts).
//   - the register at scales 1, 5, 25 and national on PostgreSQL (scripts/bench-scale.ts; BENCH_SCALES=1,5 shortens
//     it): full recompute per scale, and at the largest the what-if, vector tiles and the map in headless Chromium.
// The headline figures come first, as one flat object (scripts/bench-keys.ts: `--json` prints
// { httpOverheadRatio, turfRatio, embeddedRatio, tileP50Ms, tileP99Ms, recomputeSeconds, whatIfMs,
// browserFirstIdleMs, panFrameMsP95, details }), everything else under `details`.
// A benchmark, not a test: it prints numbers and asserts nothing.
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
import { benchAdminUrl, benchDatabaseUrl, hidePassword, timedStart } from './bench-server.js';
import { describeHttpOverhead, measureHttpOverhead, type HttpOverheadFigures } from './bench-http-overhead.js';
import { benchScales, describeScales, measureScales } from './bench-scale.js';
import { benchKeys, describeBenchKeys } from './bench-keys.js';
import { describeImports, measureImports, type ImportFigures } from './bench-imports.js';
import { measureExports } from './bench-exports.js';
import { measureTiles, type TileFigures } from './bench-tiles.js';
import { describeIndicators, measureIndicators, type IndicatorFigures } from './bench-indicators.js';

const asJson = process.argv.includes('--json');
// With --json stdout is the JSON object alone; the progress lines go to stderr.
const log = (line: string) => (asJson ? console.error(line) : console.log(line));


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
    const scales = benchScales();
    log(`the register at scales ${scales.join(', ')} on PostgreSQL…`);
    const scaleRun = await measureScales(scales, log);
    const httpOverhead: HttpOverheadFigures | { error: string } = 'error' in postgresServed ? postgresServed : postgresServed.httpOverhead;
    const fullRecompute = (c: CoverageFigures | { error: string }, sh: SharingFigures | { error: string }) =>
      'error' in c || 'error' in sh ? null : { coverageSeconds: c.recomputeSeconds, inferencePlusRatiosMs: sh.inferencePlusRatiosMs };
    const { keys, sources } = benchKeys({
      httpOverheadRatio: 'error' in httpOverhead ? null : httpOverhead.ratio,
      turf: { extrapolatedMs: turfFigures.extrapolatedMs, oursMs: embeddedCoverage.sqlOverlayMs },
      demoRecompute: { embedded: fullRecompute(embeddedCoverage, embeddedSharing), postgres: fullRecompute(postgresCoverage, postgresSharing) },
      scales: scaleRun,
      demoTiles: 'error' in postgresServed ? null : postgresServed.tiles,
    });
    const details = {
      keySources: sources,
      firstStartReadyMs: Math.round(first.readyMs),
      secondStartReadyMs: Math.round(second.readyMs),
      layers,
      demoBrowserFirstIdleMs: Math.round(firstIdleMs),
      httpOverhead,
      scales: scaleRun,
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
    const result = { ...keys, details };
    if (asJson) {
      console.log(JSON.stringify(result));
    } else {
      console.log(`\n${describeBenchKeys(keys, sources)}\n\nDetails:`);
      console.log(`\nnpm start → ready, empty data dir (schema + demo): ${(details.firstStartReadyMs / 1000).toFixed(1)} s`);
      console.log(`npm start → ready, existing data:                  ${(details.secondStartReadyMs / 1000).toFixed(1)} s\n`);
      console.log('layer (whole province)   features   size (kB)   median ms');
      for (const l of layers) {
        console.log(`${l.layer.padEnd(24)} ${String(l.features).padStart(8)} ${(l.bytes / 1024).toFixed(0).padStart(11)} ${l.medianMs.toFixed(1).padStart(11)}`);
      }
      console.log(`\nheadless Chromium, navigation → map's first idle with data (embedded, demo province): ${details.demoBrowserFirstIdleMs} ms`);
      const row = (name: string, c: CoverageFigures | { error: string }) =>
        'error' in c
          ? console.log(`${name.padEnd(10)} ${c.error}`)
          : console.log(
              `${name.padEnd(10)} full recompute ${c.recomputeSeconds.toFixed(2)} s (footprints ${c.recomputeBreakdownMs.footprints}, unions ${c.recomputeBreakdownMs.unions}, verdicts ${c.recomputeBreakdownMs.verdicts}, gaps ${c.recomputeBreakdownMs.gaps} ms); what-if ${c.whatIfMsMedian} ms; incremental after one BTS edit ${c.incrementalMsMedian} ms`,
            );
      console.log('\ncoverage of the demo province (medians):');
      row('embedded', details.coverage.embedded);
      row('postgres', details.coverage.postgres);
      const t = details.coverage.turf;
      console.log(
        `@turf/turf: broadband union of ${t.windowFootprints} footprints + difference with ${t.windowHamlets} hamlets: ${t.windowMs} ms; ` +
          `× ${t.totalFootprints}/${t.windowFootprints} footprints ≥ ${t.extrapolatedMs} ms for the province;\n` +
          `ours (embedded, unions + verdicts + gaps of every operator and technology group): ${details.coverage.embedded.sqlOverlayMs} ms; ` +
          `ratio ≥ ${details.coverage.turfRatio}`,
      );
      console.log('\nsite inference and sharing ratios of the demo province:');
      console.log(describeSharing('embedded', details.sharing.embedded));
      console.log(describeSharing('postgres', details.sharing.postgres));
      console.log('\nco-location query (a town, 2 km, 4G 1800 MHz, 30 m; median) and site planner (K = 10, whole province), Vietnamobile:');
      console.log(describeColocation('embedded', details.colocation.embedded));
      console.log(describeColocation('postgres', details.colocation.postgres));
      console.log('\nimport of a 100,000-row operator BTS list (CSV, Vietnamese headers, planned BTS; scripts/bench-imports.ts):');
      console.log(describeImports('embedded', details.imports.embedded));
      console.log(describeImports('postgres', details.imports.postgres));
      console.log('\nwhole-province GeoJSON export (time to first byte / total):');
      const exportRow = (name: string, e: Awaited<ReturnType<typeof measureExports>> | { error: string }) =>
        console.log('error' in e ? `${name.padEnd(10)} ${e.error}` : `${name.padEnd(10)} BTS ${e.features} features, ${(e.bytes / 1e6).toFixed(1)} MB: ` +
          `${e.geojsonTtfbMs.toFixed(0)} / ${e.geojsonTotalMs.toFixed(0)} ms; hamlets ${e.byLayer.hamlets.geojsonTtfbMs.toFixed(0)} / ${e.byLayer.hamlets.geojsonTotalMs.toFixed(0)} ms`);
      exportRow('embedded', details.exports.embedded);
      exportRow('postgres', details.exports.postgres);
      console.log('\nvector tiles (every layer, z 8–14 over the province; warm pass, and the first pass cold):');
      const tileRow = (name: string, t: TileFigures | { error: string }) =>
        console.log('error' in t ? `${name.padEnd(10)} ${t.error}` : `${name.padEnd(10)} ${t.tiles} requests (${t.empty} empty): p50 ${t.p50Ms.toFixed(1)} ms, p99 ${t.p99Ms.toFixed(1)} ms; cold p50 ${t.cold.p50Ms.toFixed(1)} ms, p99 ${t.cold.p99Ms.toFixed(1)} ms`);
      tileRow('embedded', details.tiles.embedded);
      tileRow('postgres', details.tiles.postgres);
      console.log('\nplan indicators (median of 5 after a warm-up):');
      console.log(describeIndicators('embedded', details.indicators.embedded));
      console.log(describeIndicators('postgres', details.indicators.postgres));
      console.log('\nHTTP overhead of the read API (demo province, PostgreSQL):');
      console.log(describeHttpOverhead('postgres', httpOverhead));
      console.log('\nthe register at scale (PostgreSQL):');
      console.log(describeScales(scaleRun));
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
  httpOverhead: HttpOverheadFigures | { error: string };
}

async function measurePostgres(): Promise<
  { coverage: CoverageFigures; colocation: ColocationFigures; served: ServedFigures | { error: string }; imports: ImportFigures | { error: string } } | { error: string }
> {
  const adminUrl = benchAdminUrl();
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  try {
    await admin.raw('DROP DATABASE IF EXISTS hatang_bench WITH (FORCE)');
    await admin.raw('CREATE DATABASE hatang_bench');
  } catch (error) {
    await admin.destroy();
    return { error: `PostgreSQL not reachable at ${hidePassword(adminUrl)}: ${(error as Error).message}` };
  }
  const url = new URL(benchDatabaseUrl('hatang_bench'));
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
    const serverDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-bench-pg-'));
    const server = await timedStart(serverDir, url.toString());
    try {
      served = {
        exports: await measureExports(server.url),
        tiles: await measureTiles(server.url),
        indicators: await measureIndicators(server.url),
        httpOverhead: await measureHttpOverhead(url.toString(), server.url).catch((e: Error) => ({ error: e.message })),
      };
    } catch (error) {
      served = { error: (error as Error).message };
    } finally {
      await server.stop();
      fs.rmSync(serverDir, { recursive: true, force: true });
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
