// Co-location figures for `npm run bench`, on one database with the demo
// province: one co-location query (a point in a town — the first thị trấn of the
// default boundary set, at its point on surface —, radius 2 km, 4G 1800 MHz,
// antenna 30 m, default EIRP and sectors; median of 7 after one warm-up) and the
// site planner with K = 10 over the whole province. The operator is
// Vietnamobile: a smaller network, so structures without it and gaps in its 4G
// coverage are many (the heavier case for both).
import type { Knex } from 'knex';
import { loadConfig } from '../server/src/config.js';
import { findColocationCandidates } from '../server/src/colocation/colocation-finder.js';
import { planSites } from '../server/src/colocation/site-planner.js';
import { inferSites, physicalSitesMissing } from '../server/src/sharing/site-inference.js';
import { sharingSettingsFrom } from '../server/src/sharing/sharing-settings.js';
import { benchCoverageParams } from './bench-coverage.js';

const sharing = sharingSettingsFrom(loadConfig().config);
const operator = 'vietnamobile';

export interface ColocationFigures {
  colocationMsMedian: number;
  colocationCandidates: number;
  /** Population the best candidate adds, as a sanity check of the query. */
  colocationBestGain: number;
  sitePlannerK10Ms: number;
  sitePlannerPicks: number;
  sitePlannerTotalGain: number;
  sitePlannerCandidates: { colocation: number; newSite: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function measureColocation(knex: Knex): Promise<ColocationFigures> {
  // The structures come from site inference, which a bare seed has not run.
  if (await physicalSitesMissing(knex)) await inferSites(knex, sharing.siteInferenceEpsM);
  const town = (
    await knex.raw(`SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (
                      SELECT ST_PointOnSurface(u.geom) AS p FROM admin_units u JOIN boundary_sets b ON b.code = u.boundary_set AND b.is_default
                       WHERE u.level = 'commune' AND u.unit_type = 'thi_tran' ORDER BY u.code LIMIT 1) x`)
  ).rows[0] as { lon: number; lat: number };
  const request = { lon: Number(town.lon), lat: Number(town.lat), operator, radiusM: 2000, technology: '4G' as const, bandMHz: 1800, antennaHeightM: 30 };
  const times: number[] = [];
  let last = await findColocationCandidates(knex, benchCoverageParams, sharing, request);
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    last = await findColocationCandidates(knex, benchCoverageParams, sharing, request);
    times.push(performance.now() - t0);
  }
  const plan = await planSites(knex, benchCoverageParams, sharing, { operator, k: 10, technology: '4G', bandMHz: 1800, antennaHeightM: 30 }, {
    operator,
    scenario: 'current',
    unitId: null,
  });
  return {
    colocationMsMedian: Math.round(median(times)),
    colocationCandidates: last.candidates.length,
    colocationBestGain: last.candidates[0]?.populationNewlyCovered ?? 0,
    sitePlannerK10Ms: plan.ms,
    sitePlannerPicks: plan.picks.length,
    sitePlannerTotalGain: plan.totalGain,
    sitePlannerCandidates: plan.candidatesConsidered,
  };
}

export function describeColocation(name: string, f: ColocationFigures | { error: string }): string {
  if ('error' in f) return `${name.padEnd(10)} ${f.error}`;
  return (
    `${name.padEnd(10)} co-location ${f.colocationMsMedian} ms (${f.colocationCandidates} candidates, best adds ${f.colocationBestGain} people); ` +
    `site planner K = 10: ${(f.sitePlannerK10Ms / 1000).toFixed(1)} s over ${f.sitePlannerCandidates.colocation} structures + ` +
    `${f.sitePlannerCandidates.newSite} new-site points, ${f.sitePlannerPicks} picks adding ${f.sitePlannerTotalGain} people`
  );
}
