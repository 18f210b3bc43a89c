import type { Knex } from 'knex';
import { BOUNDARY_SET_2023, BOUNDARY_SET_2025 } from '../demo-constants.js';
import { DEFAULT_DEMO_SEED } from '../demo-plan.js';
import { DEMO_OPERATORS } from '../demo-operators.js';
import { writeOperatorsAndBoundarySets, writeProvincePlan } from '../demo-plan-writer.js';
import { writeDemoPlanIndicators } from '../demo-plan-indicators.js';
import { REGISTER_TABLES, isRegisterEmpty } from '../seed-demo-province.js';
import { inferSites } from '../../sharing/site-inference.js';
import { ProvincePlanner } from './plan-in-worker.js';
import { provinceSlots } from './province-slots.js';
import { provinceCount, type Scale } from './scaled-density.js';

export interface SeedScaledOptions {
  /** N (1..63) demo-like provinces, province 1 being the demo itself; or 'national' (63 provinces tuned to issue 8's totals). */
  scale: Scale;
  /** PRNG seed (default the demo's); province 1 uses it as is, the others derive theirs from it. */
  seed?: number;
  /** Empty the register first (same transaction) instead of refusing. */
  reset?: boolean;
  log?: (msg: string) => void;
  /** ε of site inference, metres (HATANG_SITE_EPS_M; default 25). */
  siteInferenceEpsM?: number;
  /** The site sharing ratio's 2025 target, 0–1 (HATANG_SHARING_TARGET; default 0.3). */
  sharingTargetRatio?: number;
  /** Plan the next province in a worker thread while this one is written (default: from 3 provinces on). */
  planInWorker?: boolean;
}

export interface ScaledSummary {
  scale: Scale;
  seed: number;
  provinces: number;
  districts: number;
  communes: number;
  communes2025: number;
  hamlets: number;
  population: number;
  populationClusters: number;
  sites: number;
  bts: number;
  btsByTechnology: Record<'2G' | '3G' | '4G' | '5G', number>;
  physicalSites: number;
  fiberRoutes: number;
  fiberKm: number;
  /** The seed each province was planned from, in order. */
  provinceSeeds: number[];
  /** Time spent planning (TypeScript), writing (SQL), inferring sites and analysing, ms. */
  planMs: number;
  writeMs: number;
  inferenceMs: number;
  analyzeMs: number;
  durationMs: number;
}

/** Rejects what is not a scale: an integer 1..63 or 'national'. */
export function parseScale(value: string): Scale {
  if (value === 'national') return 'national';
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 63) return Number(value);
  throw new Error(`--scale takes national or an integer 1..63 (provinces), got ${value === '' ? 'nothing' : value}`);
}

/** The embedded database (PGlite) has a knex client class, PostgreSQL the 'pg' name. */
function isEmbedded(knex: Knex): boolean {
  return typeof (knex.client as { config?: { client?: unknown } }).config?.client !== 'string';
}

/**
 * Loads a register of several demo-like provinces (issue 8): `scale` N gives
 * N provinces, the first being exactly the demo province of the same seed
 * (so `--scale 1` is `--demo`), the others planned from derived seeds,
 * translated to their own cell over Vietnam and recoded (province-slots.ts,
 * relocate-plan.ts); 'national' gives 63 provinces whose totals are the
 * issue's (scaled-density.ts). One transaction; each province is planned in
 * memory, written and dropped before the next, so memory stays one province's.
 * Operators are one national set; both boundary sets hold every province
 * (each has its 2025 merged communes). The plan registry is the demo's: the
 * plan's 2023 figures belong to Tiền Giang (province 1) only, 2024 figures to
 * every commune. Site inference runs once at the end, then ANALYZE.
 */
export async function seedScaledRegister(knex: Knex, options: SeedScaledOptions): Promise<ScaledSummary> {
  const scale = options.scale;
  if (scale !== 'national' && !(Number.isInteger(scale) && scale >= 1 && scale <= 63)) throw new Error(`scale must be 'national' or an integer 1..63, got ${String(scale)}`);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be an integer in 0..4294967295, got ${seed}`);
  const log = options.log ?? (() => {});
  const started = Date.now();
  const slots = provinceSlots(provinceCount(scale));
  if (isEmbedded(knex) && slots.length > 5) {
    log(`warning: ${slots.length} provinces into the embedded database (PGlite) is slow and memory-hungry; use PostgreSQL (DATABASE_URL) for large scales`);
  }
  let planMs = 0;
  let writeMs = 0;
  let inferenceMs = 0;
  const provinceSeeds: number[] = [];

  const planner = new ProvincePlanner(scale, seed, slots, options.planInWorker ?? slots.length >= 3);
  const summary = await knex.transaction(async (trx) => {
    // A bulk load: site inference over a national register takes longer than a request's statement timeout.
    if (!isEmbedded(knex)) await trx.raw('SET LOCAL statement_timeout = 0');
    if (!(await isRegisterEmpty(trx))) {
      if (!options.reset) {
        throw new Error(
          'The register already holds data (operators or administrative units): refusing to load a scaled register. ' +
            'Use reset: true (npm run seed -- --scale … --reset) to replace everything.',
        );
      }
      await trx.raw(`TRUNCATE ${REGISTER_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
      log('register emptied (reset)');
    }
    const operatorId = await writeOperatorsAndBoundarySets(trx, DEMO_OPERATORS);
    for (const [index, slot] of slots.entries()) {
      const planned = await planner.next(index);
      planMs += planned.ms;
      provinceSeeds.push(planned.seed);
      const writeStarted = Date.now();
      await writeProvincePlan(trx, planned.plan, operatorId, slot.units, () => {});
      const ms = Date.now() - writeStarted;
      writeMs += ms;
      log(
        `province ${slot.ordinal}/${slots.length} ${slot.units.unit2023.code} ${slot.units.unit2023.name} (seed ${planned.seed}): ` +
          `${planned.plan.sites.length} structures, ${planned.plan.hamlets.length} hamlets; planned in ${planned.ms} ms, written in ${ms} ms`,
      );
    }
    const registry = await writeDemoPlanIndicators(trx, { seed, sharingTargetRatio: options.sharingTargetRatio ?? 0.3 });
    log(`plan registry: ${registry.targets} targets for 2025, ${registry.reportedValues} reported values`);
    const inferred = await inferSites(trx, options.siteInferenceEpsM ?? 25);
    inferenceMs = inferred.ms;
    log(`site inference: ${inferred.physicalSites} physical sites (${inferred.inferredSites} inferred), ${inferred.conflicts} conflicts in ${inferred.ms} ms`);
    return summarize(trx, scale, seed, inferred.physicalSites);
  }).finally(() => planner.close());
  // Statistics for the planner: PostgreSQL's autovacuum has not run yet, the embedded database has none.
  const analyzeStarted = Date.now();
  await knex.transaction(async (trx) => {
    if (!isEmbedded(knex)) await trx.raw('SET LOCAL statement_timeout = 0');
    await trx.raw('ANALYZE');
  });
  summary.analyzeMs = Date.now() - analyzeStarted;
  summary.provinceSeeds = provinceSeeds;
  summary.planMs = planMs;
  summary.writeMs = writeMs;
  summary.inferenceMs = inferenceMs;
  summary.durationMs = Date.now() - started;
  log(`${slots.length} province(s) loaded in ${summary.durationMs} ms`);
  return summary;
}

async function summarize(trx: Knex.Transaction, scale: Scale, seed: number, physicalSites: number): Promise<ScaledSummary> {
  const row = (
    await trx.raw(
      `SELECT
         (SELECT count(*) FROM admin_units WHERE boundary_set = ? AND level = 'province') AS provinces,
         (SELECT count(*) FROM admin_units WHERE boundary_set = ? AND level = 'district') AS districts,
         (SELECT count(*) FROM admin_units WHERE boundary_set = ? AND level = 'commune') AS communes,
         (SELECT count(*) FROM admin_units WHERE boundary_set = ? AND level = 'commune') AS communes2025,
         (SELECT count(*) FROM hamlets) AS hamlets,
         (SELECT coalesce(sum(population), 0) FROM hamlets) AS population,
         (SELECT count(*) FROM population_clusters) AS clusters,
         (SELECT count(*) FROM sites) AS sites,
         (SELECT count(*) FROM bts) AS bts,
         (SELECT count(*) FROM bts WHERE technology = '2G') AS bts2g,
         (SELECT count(*) FROM bts WHERE technology = '3G') AS bts3g,
         (SELECT count(*) FROM bts WHERE technology = '4G') AS bts4g,
         (SELECT count(*) FROM bts WHERE technology = '5G') AS bts5g,
         (SELECT count(*) FROM fiber_routes) AS fiber_routes,
         (SELECT coalesce(sum(ST_Length(geom::geography)), 0) / 1000 FROM fiber_routes) AS fiber_km`,
      [BOUNDARY_SET_2023, BOUNDARY_SET_2023, BOUNDARY_SET_2023, BOUNDARY_SET_2025],
    )
  ).rows[0] as Record<string, string>;
  const n = (k: string) => Number(row[k]);
  return {
    scale,
    seed,
    provinces: n('provinces'),
    districts: n('districts'),
    communes: n('communes'),
    communes2025: n('communes2025'),
    hamlets: n('hamlets'),
    population: n('population'),
    populationClusters: n('clusters'),
    sites: n('sites'),
    bts: n('bts'),
    btsByTechnology: { '2G': n('bts2g'), '3G': n('bts3g'), '4G': n('bts4g'), '5G': n('bts5g') },
    physicalSites,
    fiberRoutes: n('fiber_routes'),
    fiberKm: Math.round(n('fiber_km') * 10) / 10,
    provinceSeeds: [],
    planMs: 0,
    writeMs: 0,
    inferenceMs: 0,
    analyzeMs: 0,
    durationMs: 0,
  };
}
