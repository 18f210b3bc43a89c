import type { Knex } from 'knex';
import { BOUNDARY_SET_2023, BOUNDARY_SET_2025, DEMO_SOURCE, DEMO_SOURCE_DATE } from './demo-constants.js';
import { DEFAULT_DEMO_SEED, buildDemoPlan } from './demo-plan.js';
import { writeDemoPlan } from './demo-plan-writer.js';
import { writeDemoPlanIndicators } from './demo-plan-indicators.js';
import { inferSites } from '../sharing/site-inference.js';

export { DEMO_SOURCE, DEMO_SOURCE_DATE, DEFAULT_DEMO_SEED };

export interface SeedDemoOptions {
  /** PRNG seed; the same seed gives the same province. */
  seed?: number;
  /** Delete everything in the register first (same transaction) instead of refusing. */
  reset?: boolean;
  log?: (msg: string) => void;
  /** ε of site inference, metres (HATANG_SITE_EPS_M; default 25). */
  siteInferenceEpsM?: number;
  /** The site sharing ratio's 2025 target, 0–1 (HATANG_SHARING_TARGET; default 0.3). */
  sharingTargetRatio?: number;
}

export interface DemoSummary {
  seed: number;
  provinceAreaKm2: number;
  districts: number;
  communes: number;
  communes2025: number;
  hamlets: number;
  population: number;
  households: number;
  populationClusters: number;
  operators: number;
  sites: number;
  sitesOnAir: number;
  bts: number;
  btsByTechnology: Record<'2G' | '3G' | '4G' | '5G', number>;
  btsByOperator: Record<string, number>;
  /** Sites with on-air BTS of ≥ 2 distinct operators ÷ sites with ≥ 1 on-air BTS (DESIGN §3). */
  sharedSiteRatio: number;
  fiberRoutes: number;
  fiberKm: number;
  /** Underground fibre length ÷ all fibre length. */
  undergroundShare: number;
  durationMs: number;
}

/** Tables of the register, children before parents. */
export const REGISTER_TABLES = [
  'bts_sectors',
  'bts_records',
  'site_records',
  'fiber_route_records',
  'population_clusters',
  'hamlets',
  'admin_units',
  'boundary_sets',
  'operators',
];

/** True when the register holds no operators and no administrative units. */
export async function isRegisterEmpty(knex: Knex): Promise<boolean> {
  const result = await knex.raw(
    `SELECT (SELECT count(*) FROM (SELECT 1 FROM operators LIMIT 1) o) + (SELECT count(*) FROM (SELECT 1 FROM admin_units LIMIT 1) a) AS n`,
  );
  return Number(result.rows[0].n) === 0;
}

/**
 * Loads the synthetic demo province (shaped like Tiền Giang, DESIGN §2) into
 * an empty register, all in one transaction. Refuses when the register holds
 * data, unless `reset` is set, in which case every register table (and what
 * references it) is emptied first, in the same transaction.
 */
export async function seedDemoProvince(knex: Knex, options: SeedDemoOptions = {}): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const log = options.log ?? (() => {});
  const started = Date.now();
  const plan = buildDemoPlan(seed);
  log(`demo province planned from seed ${seed} (${Date.now() - started} ms)`);

  const summary = await knex.transaction(async (trx) => {
    if (!(await isRegisterEmpty(trx))) {
      if (!options.reset) {
        throw new Error(
          'The register already holds data (operators or administrative units): refusing to load the demo province. ' +
            'Use reset: true (npm run seed -- --demo --reset) to replace everything with the demo.',
        );
      }
      // RESTART IDENTITY makes ids reproducible too; CASCADE also empties
      // tables that reference the register (proposals and the like).
      await trx.raw(`TRUNCATE ${REGISTER_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
      log('register emptied (reset)');
    }
    await writeDemoPlan(trx, plan, log);
    const registry = await writeDemoPlanIndicators(trx, { seed, sharingTargetRatio: options.sharingTargetRatio ?? 0.3 });
    log(`plan registry: ${registry.targets} targets for 2025, ${registry.reportedValues} reported values`);
    // Physical sites are part of a loaded register (the sharing ratios, the shared-sites layer); the demo has no measurements to wait for.
    const inferred = await inferSites(trx, options.siteInferenceEpsM ?? 25);
    log(`site inference: ${inferred.physicalSites} physical sites (${inferred.inferredSites} inferred), ${inferred.conflicts} conflicts in ${inferred.ms} ms`);
    return summarize(trx, seed);
  });
  summary.durationMs = Date.now() - started;
  log(`demo province loaded in ${summary.durationMs} ms`);
  return summary;
}

async function one<T = Record<string, unknown>>(trx: Knex.Transaction, sql: string, bindings: Knex.RawBinding[] = []): Promise<T> {
  const result = await trx.raw(sql, bindings);
  return result.rows[0] as T;
}

async function summarize(trx: Knex.Transaction, seed: number): Promise<DemoSummary> {
  const units = await one<Record<string, number>>(
    trx,
    `SELECT
       (SELECT ST_Area(geom::geography) / 1e6 FROM admin_units WHERE boundary_set = ? AND level = 'province') AS area,
       (SELECT count(*) FROM admin_units WHERE boundary_set = ? AND level = 'district') AS districts,
       (SELECT count(*) FROM admin_units WHERE boundary_set = ? AND level = 'commune') AS communes,
       (SELECT count(*) FROM admin_units WHERE boundary_set = ? AND level = 'commune') AS communes2025,
       (SELECT count(*) FROM hamlets) AS hamlets,
       (SELECT coalesce(sum(population), 0) FROM hamlets) AS population,
       (SELECT coalesce(sum(households), 0) FROM hamlets) AS households,
       (SELECT count(*) FROM population_clusters) AS clusters,
       (SELECT count(*) FROM operators) AS operators,
       (SELECT count(*) FROM sites) AS sites,
       (SELECT count(*) FROM sites WHERE status = 'on_air') AS sites_on_air,
       (SELECT count(*) FROM bts) AS bts,
       (SELECT count(*) FROM fiber_routes) AS fiber_routes,
       (SELECT coalesce(sum(ST_Length(geom::geography)), 0) / 1000 FROM fiber_routes) AS fiber_km,
       (SELECT coalesce(sum(ST_Length(geom::geography)), 0) / 1000 FROM fiber_routes WHERE laying = 'underground') AS underground_km`,
    [BOUNDARY_SET_2023, BOUNDARY_SET_2023, BOUNDARY_SET_2023, BOUNDARY_SET_2025],
  );
  const sharing = await one<{ shared: number; active: number }>(
    trx,
    // Over physical sites (site inference has run): structures nobody registered count, BTS without a site code too.
    `SELECT count(*) FILTER (WHERE operators >= 2) AS shared, count(*) AS active
     FROM (SELECT a.physical_site_id, count(DISTINCT b.operator_id) AS operators
             FROM bts_physical_sites a JOIN bts b ON b.id = a.bts_id
            WHERE b.status = 'on_air' GROUP BY a.physical_site_id) s`,
  );
  const byTech = await trx.raw(`SELECT technology, count(*) AS n FROM bts GROUP BY technology ORDER BY technology`);
  const byOperator = await trx.raw(
    `SELECT o.code, count(*) AS n FROM bts b JOIN operators o ON o.id = b.operator_id GROUP BY o.code ORDER BY o.code`,
  );
  const btsByTechnology = { '2G': 0, '3G': 0, '4G': 0, '5G': 0 };
  for (const r of byTech.rows as { technology: keyof typeof btsByTechnology; n: number }[]) btsByTechnology[r.technology] = Number(r.n);
  const fiberKm = Number(units.fiber_km);
  return {
    seed,
    provinceAreaKm2: round(Number(units.area), 1),
    districts: Number(units.districts),
    communes: Number(units.communes),
    communes2025: Number(units.communes2025),
    hamlets: Number(units.hamlets),
    population: Number(units.population),
    households: Number(units.households),
    populationClusters: Number(units.clusters),
    operators: Number(units.operators),
    sites: Number(units.sites),
    sitesOnAir: Number(units.sites_on_air),
    bts: Number(units.bts),
    btsByTechnology,
    btsByOperator: Object.fromEntries((byOperator.rows as { code: string; n: number }[]).map((r) => [r.code, Number(r.n)])),
    sharedSiteRatio: Number(sharing.active) > 0 ? round(Number(sharing.shared) / Number(sharing.active), 4) : 0,
    fiberRoutes: Number(units.fiber_routes),
    fiberKm: round(fiberKm, 1),
    undergroundShare: fiberKm > 0 ? round(Number(units.underground_km) / fiberKm, 4) : 0,
    durationMs: 0,
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
