// The register at growing sizes, on PostgreSQL, for `npm run bench`: for each
// scale (1 = the demo province, 5, 25, 'national'; BENCH_SCALES=1,5 to
// shorten a development run) a fresh database is seeded by the scaled
// generator and ANALYZEd, then the full recompute is timed: coverage
// (footprints, unions, hamlet verdicts, gaps: recomputeAllCoverage), site
// inference (inferSites) and the sharing ratios of every level (GET
// /api/sharing's report for every level of every boundary set, both scenarios),
// together and apart. At the largest scale asked it also times the
// incremental what-if, starts a server on that database for the vector tiles
// (cold: the first request of each tile after the server's start; cached: the
// same tile asked again) and the map in headless Chromium (first idle, pan
// frames). The databases are dropped at the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { recomputeAllCoverage } from '../server/src/coverage/coverage-recompute.js';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { inferSites } from '../server/src/sharing/site-inference.js';
import { benchCoverageParams, timeIncrementalMoves, timeWhatIf } from './bench-coverage.js';
import { benchAdminUrl, benchDatabaseUrl, hidePassword, timedStart } from './bench-server.js';
import { benchSiteInferenceEpsM, timeSharingRatiosAllLevels } from './bench-sharing.js';
import { measureTiles, type TileFigures } from './bench-tiles.js';
import { measureMapAtScale } from './bench-browser-scale.js';
import { seedScaledRegister } from '../server/src/demo/scaled/seed-scaled-register.js';
import type { Scale } from '../server/src/demo/scaled/scaled-density.js';

export type { Scale };

const DATABASE = 'hatang_bench_scale';
const WHAT_IF_RUNS = 7;
/** Incremental updates timed at the largest scale (each a different BTS). */
const INCREMENTAL_RUNS = 3;

export interface ScaleFigures {
  scale: Scale;
  register: { provinces: number; communes: number; hamlets: number; sites: number; bts: number; fiberKm: number };
  seedSeconds: number;
  /** Coverage + site inference + sharing ratios of every level, s. */
  recomputeSeconds: number;
  recomputeSecondsPer1000Bts: number;
  breakdownSeconds: { coverage: number; footprints: number; unions: number; verdicts: number; gaps: number; siteInference: number; sharingRatios: number };
}

export interface LargestScaleFigures {
  scale: Scale;
  /** Median of WHAT_IF_RUNS what-if requests at hamlets spread over the register, after one warm-up, ms. */
  whatIfMs: number;
  /** Median of INCREMENTAL_RUNS incremental updates (a BTS moved 500 m, its coverage recomputed, rolled back), ms. */
  incrementalMs: number;
  tiles: TileFigures | { error: string };
  browser: { firstIdleMs: number; panFrameMsP95: number; frames: number } | { error: string };
}

export interface ScaleRun {
  scales: ScaleFigures[];
  largest: LargestScaleFigures | null;
  /** Why the run stopped early (the figures before it are kept). */
  error?: string;
}

/** The scales to run: BENCH_SCALES (comma-separated, 'national' allowed), else 1, 5, 25, national. */
export function benchScales(env: NodeJS.ProcessEnv = process.env): Scale[] {
  const asked = (env.BENCH_SCALES ?? '1,5,25,national')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return asked.map((s) => {
    if (s === 'national') return 'national';
    const n = Number(s);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`BENCH_SCALES: "${s}" is neither a positive number nor national`);
    return n;
  });
}

const seconds = (ms: number) => Math.round(ms / 10) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Recreates the scale database and returns its URL. */
async function freshDatabase(admin: Knex): Promise<string> {
  await admin.raw(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.raw(`CREATE DATABASE ${DATABASE}`);
  return benchDatabaseUrl(DATABASE);
}

async function timeFullRecompute(knex: Knex): Promise<Pick<ScaleFigures, 'recomputeSeconds' | 'breakdownSeconds'>> {
  const coverage = await recomputeAllCoverage(knex, benchCoverageParams);
  const inference = await inferSites(knex, benchSiteInferenceEpsM);
  const ratios = await timeSharingRatiosAllLevels(knex);
  const totalMs = coverage.ms.total + inference.ms + ratios.ms;
  return {
    recomputeSeconds: seconds(totalMs),
    breakdownSeconds: {
      coverage: seconds(coverage.ms.total),
      footprints: seconds(coverage.ms.footprints),
      unions: seconds(coverage.ms.unions),
      verdicts: seconds(coverage.ms.verdicts),
      gaps: seconds(coverage.ms.gaps),
      siteInference: seconds(inference.ms),
      sharingRatios: seconds(ratios.ms),
    },
  };
}

/** What-if at hamlets spread over the whole register (each inside its province): one warm-up, then the median of the rest. */
async function timeWhatIfAtScale(knex: Knex): Promise<number> {
  const places = (await knex.raw(`SELECT ST_X(ref_point) AS lon, ST_Y(ref_point) AS lat FROM hamlets ORDER BY md5(code) LIMIT ?`, [WHAT_IF_RUNS + 1]))
    .rows as { lon: number; lat: number }[];
  if (places.length < 2) throw new Error('the register has fewer than two hamlets for the what-if');
  await timeWhatIf(knex, places[0]!);
  const runs: number[] = [];
  for (const p of places.slice(1)) runs.push(await timeWhatIf(knex, p));
  return Math.round(median(runs));
}

/** The server on the largest scale's database: tiles, then the map in headless Chromium. */
async function measureServed(databaseUrl: string, log: (line: string) => void): Promise<Pick<LargestScaleFigures, 'tiles' | 'browser'>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-bench-scale-'));
  const server = await timedStart(dataDir, databaseUrl, { noClientBuild: true });
  try {
    log('  vector tiles (cold after the start, then cached)…');
    const tiles = await measureTiles(server.url).catch((e: Error) => ({ error: e.message }));
    log('  the map in headless Chromium (first idle, pan frames)…');
    const browser = await measureMapAtScale({ baseUrl: `${server.url}/`, chromiumPath: process.env.CHROMIUM_PATH || undefined }).catch(
      (e: Error) => ({ error: e.message }),
    );
    return { tiles, browser };
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs every scale in order; the last one also gets the what-if, tiles and browser figures. */
export async function measureScales(scales: Scale[], log: (line: string) => void): Promise<ScaleRun> {
  const admin = knexFactory({ client: 'pg', connection: benchAdminUrl(), pool: { min: 0, max: 1 } });
  try {
    await admin.raw('SELECT 1');
  } catch (error) {
    await admin.destroy();
    return { scales: [], largest: null, error: `PostgreSQL not reachable at ${hidePassword(benchAdminUrl())}: ${(error as Error).message}` };
  }
  const run: ScaleRun = { scales: [], largest: null };
  try {
    for (const [i, scale] of scales.entries()) {
      const last = i === scales.length - 1;
      log(`scale ${scale}: seeding a fresh PostgreSQL database…`);
      const url = await freshDatabase(admin);
      const db = await openDatabase({ databaseUrl: url, dataDir: '', statementTimeoutMs: 0 });
      let open = true;
      const close = async () => {
        if (open) await db.close();
        open = false;
      };
      try {
        await migrate(db.knex);
        const t0 = performance.now();
        const summary = await seedScaledRegister(db.knex, {
          scale,
          log: (line) => log(`  ${line}`),
          siteInferenceEpsM: benchSiteInferenceEpsM,
        });
        const seedMs = performance.now() - t0;
        await db.knex.raw('ANALYZE');
        log(`  ${summary.bts} BTS, ${summary.hamlets} hamlets seeded in ${seconds(seedMs)} s; full recompute…`);
        const recompute = await timeFullRecompute(db.knex);
        const figures: ScaleFigures = {
          scale,
          register: {
            provinces: summary.provinces,
            communes: summary.communes,
            hamlets: summary.hamlets,
            sites: summary.sites,
            bts: summary.bts,
            fiberKm: Math.round(summary.fiberKm),
          },
          seedSeconds: seconds(seedMs),
          ...recompute,
          recomputeSecondsPer1000Bts: Math.round((recompute.recomputeSeconds / Math.max(1, summary.bts)) * 1000 * 1000) / 1000,
        };
        run.scales.push(figures);
        log(`  full recompute ${figures.recomputeSeconds} s (${figures.recomputeSecondsPer1000Bts} s per 1,000 BTS)`);
        if (last) {
          // Statistics of the recomputed tables, as a deployment would have them.
          await db.knex.raw('ANALYZE');
          log('  what-if…');
          const whatIfMs = await timeWhatIfAtScale(db.knex);
          log('  incremental update of one BTS…');
          const incrementalMs = Math.round(median(await timeIncrementalMoves(db.knex, INCREMENTAL_RUNS)));
          // The server gets the database to itself.
          await close();
          run.largest = { scale, whatIfMs, incrementalMs, ...(await measureServed(url, log)) };
        }
      } finally {
        await close();
      }
    }
    return run;
  } catch (error) {
    return { ...run, error: (error as Error).message };
  } finally {
    await admin.raw(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`).catch(() => undefined);
    await admin.destroy();
  }
}

/** The scale figures as lines of a table. */
export function describeScales(run: ScaleRun): string {
  const lines = ['scale       BTS   hamlets   seed s   recompute s   s/1,000 BTS   (coverage / inference / ratios s)'];
  for (const s of run.scales) {
    const b = s.breakdownSeconds;
    lines.push(
      `${String(s.scale).padEnd(8)} ${String(s.register.bts).padStart(6)} ${String(s.register.hamlets).padStart(9)} ${s.seedSeconds.toFixed(1).padStart(8)} ` +
        `${s.recomputeSeconds.toFixed(2).padStart(13)} ${s.recomputeSecondsPer1000Bts.toFixed(3).padStart(13)}   (${b.coverage} / ${b.siteInference} / ${b.sharingRatios})`,
    );
  }
  const l = run.largest;
  if (l) {
    lines.push(`at scale ${l.scale}: what-if ${l.whatIfMs} ms (median of ${WHAT_IF_RUNS} after a warm-up)`);
    lines.push(`at scale ${l.scale}: incremental update of one BTS moved 500 m ${l.incrementalMs} ms (median of ${INCREMENTAL_RUNS})`);
    const t = l.tiles;
    lines.push(
      'error' in t
        ? `  tiles: ${t.error}`
        : `  tiles: ${t.tiles} requests (${t.empty} empty): cold p50 ${t.cold.p50Ms} ms, p99 ${t.cold.p99Ms} ms; cached p50 ${t.p50Ms} ms, p99 ${t.p99Ms} ms`,
    );
    const b = l.browser;
    lines.push('error' in b ? `  map in Chromium: ${b.error}` : `  map in Chromium: first idle ${Math.round(b.firstIdleMs)} ms, pan frame p95 ${b.panFrameMsP95} ms over ${b.frames} frames`);
  }
  if (run.error) lines.push(`stopped: ${run.error}`);
  return lines.join('\n');
}
