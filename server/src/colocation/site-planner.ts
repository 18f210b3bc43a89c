import type { Knex } from 'knex';
import { defaultNewSitePreference, type CandidateWarning, type SitePlannerPick, type SitePlannerRequest, type SitePlannerResponse } from '../contracts/colocation-contracts.js';
import type { StructureType } from '../contracts/domain-enums.js';
import type { Scenario } from '../contracts/sharing-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { candidateGains, type CandidateGain, type GainCandidate } from './candidate-gains.js';
import { assessStructure, hostStructures } from './colocation-structures.js';

/** Default spacing of candidate new-site points inside uncovered areas, m. */
export const defaultPlannerGridM = 1000;
/**
 * Most new-site candidate points considered (round-robin over the uncovered
 * parts, most populated first; see 640-hatang-planner-new-site-points.sql): each
 * costs one footprint and its hamlets per evaluation.
 */
export const plannerNewSitePointCap = 400;
/** Candidates per gain statement. */
const evaluationBatch = 250;

interface PlannerCandidate {
  kind: 'colocation' | 'new_site';
  siteKey: string | null;
  siteCode: string | null;
  owner: string | null;
  structureType: StructureType | null;
  heightM: number | null;
  lon: number;
  lat: number;
  warnings: CandidateWarning[];
  point: GainCandidate;
  standalone: number;
  /** Marginal gain given the picks so far (exact when `fresh`). */
  marginal: number;
  /** Codes of the hamlets it gains people in, alone: the only hamlets a pick can change its marginal gain in. */
  hamletCodes: Set<string>;
  lastGain: CandidateGain | null;
}

/**
 * Whether `a` is a better next pick than `b`: the larger marginal gain, a new
 * site's divided by the co-location preference (co-location first); on a tie
 * co-location, then the larger standalone gain.
 */
export function betterPick(
  a: Pick<PlannerCandidate, 'kind' | 'marginal' | 'standalone'>,
  b: Pick<PlannerCandidate, 'kind' | 'marginal' | 'standalone'>,
  newSitePreference: number,
): boolean {
  const score = (c: Pick<PlannerCandidate, 'kind' | 'marginal'>) => (c.kind === 'new_site' ? c.marginal / newSitePreference : c.marginal);
  const sa = score(a);
  const sb = score(b);
  if (sa !== sb) return sa > sb;
  if (a.kind !== b.kind) return a.kind === 'colocation';
  return a.standalone > b.standalone;
}

export interface PlannerOptions {
  operator: string;
  scenario: Scenario;
  unitId: number | null;
  /** Fixed BTS range (m) for hand-computed fixtures, as the what-if's radiusM. */
  radiusOverrideM?: number;
}

/**
 * Site planner (issue 5): greedy maximum coverage over co-location on existing
 * structures with room that do not carry the operator, then new-site points
 * inside the operator's uncovered areas. Each step takes the candidate with the
 * largest marginal gain — the population newly covered given the picks so far,
 * each hamlet re-assessed with the union of the picked footprints (610 with a
 * base), so people are counted once — co-location first (betterPick: a new
 * site must add more than newSitePreference times as many), a tie going to
 * co-location, then to the larger standalone gain, then to the list order (structures by distance-free
 * site key, points by rank). Stops at K picks or when nothing adds anyone.
 *
 * A pick can only change the marginal gain of candidates that gain people in
 * one of the hamlets it gains people in (elsewhere the footprints add to
 * different hamlets), so only those are re-evaluated after each pick, in one
 * statement; coverage is submodular, so the others' gains stay exact.
 */
export async function planSites(
  knex: Knex | Knex.Transaction,
  coverage: CoverageParams,
  sharing: SharingSettings,
  request: SitePlannerRequest,
  options: PlannerOptions,
): Promise<SitePlannerResponse> {
  const t0 = performance.now();
  const fixed = options.radiusOverrideM === undefined ? {} : { radiusM: options.radiusOverrideM };
  const structures = (
    await hostStructures(knex, { operator: options.operator, scenario: options.scenario, unitId: options.unitId }, sharing.tenantLimits)
  )
    .map((s) => ({ s, ...assessStructure(s, request.antennaHeightM) }))
    .filter((a) => !a.warnings.includes('no_room'))
    .sort((a, b) => (a.s.siteKey < b.s.siteKey ? -1 : a.s.siteKey > b.s.siteKey ? 1 : 0));
  const points = (
    await knex.raw(
      `SELECT lon, lat, total_points FROM hatang_planner_new_site_points(?, ?, ?::float8, ?::float8, (SELECT u.geom FROM admin_units u WHERE u.id = ?::integer), ?::integer, ?)`,
      [options.operator, request.technology, request.gridM ?? defaultPlannerGridM, coverage.minGapAreaM2, options.unitId, plannerNewSitePointCap, options.scenario],
    )
  ).rows as { lon: number; lat: number; total_points: number }[];

  const pool: PlannerCandidate[] = [
    ...structures.map(({ s, warnings, effectiveAntennaHeightM }) => ({
      kind: 'colocation' as const,
      siteKey: s.siteKey,
      siteCode: s.siteCode,
      owner: s.owner,
      structureType: s.structureType,
      heightM: s.heightM,
      lon: s.lon,
      lat: s.lat,
      warnings,
      point: { lon: s.lon, lat: s.lat, antennaHeightM: effectiveAntennaHeightM, ...fixed },
      standalone: 0,
      marginal: 0,
      hamletCodes: new Set<string>(),
      lastGain: null,
    })),
    ...points.map((p) => ({
      kind: 'new_site' as const,
      siteKey: null,
      siteCode: null,
      owner: null,
      structureType: null,
      heightM: null,
      lon: Number(p.lon),
      lat: Number(p.lat),
      warnings: [] as CandidateWarning[],
      point: { lon: Number(p.lon), lat: Number(p.lat), antennaHeightM: request.antennaHeightM, ...fixed },
      standalone: 0,
      marginal: 0,
      hamletCodes: new Set<string>(),
      lastGain: null,
    })),
  ];

  // In statements of at most evaluationBatch candidates: the first evaluation of a whole province would
  // otherwise be one statement of many seconds (on the embedded database, close to the statement timeout).
  const evaluate = async (subset: PlannerCandidate[], base: string[]) => {
    for (let from = 0; from < subset.length; from += evaluationBatch) {
      const batch = subset.slice(from, from + evaluationBatch);
      const gains = await candidateGains(knex, {
        operator: options.operator,
        radio: request,
        candidates: batch.map((c) => c.point),
        scenario: options.scenario,
        params: coverage,
        base,
      });
      for (const g of gains) {
        const c = batch[g.index]!;
        c.marginal = g.populationGain;
        c.lastGain = g;
      }
    }
  };

  await evaluate(pool, []);
  for (const c of pool) {
    c.standalone = c.marginal;
    c.hamletCodes = new Set(c.lastGain?.hamlets.filter((h) => h.populationCoveredAfter > h.populationCoveredBefore).map((h) => h.code));
  }

  const preference = request.newSitePreference ?? defaultNewSitePreference;
  const better = (a: PlannerCandidate, b: PlannerCandidate) => betterPick(a, b, preference);

  const picks: SitePlannerPick[] = [];
  const base: string[] = [];
  let remaining = pool.filter((c) => c.standalone > 0);
  let cumulative = 0;
  while (picks.length < request.k && remaining.length > 0) {
    let best = remaining[0]!;
    for (const c of remaining) if (better(c, best)) best = c;
    if (best.marginal <= 0) break;
    cumulative += best.marginal;
    picks.push({
      order: picks.length + 1,
      kind: best.kind,
      siteKey: best.siteKey,
      siteCode: best.siteCode,
      owner: best.owner,
      structureType: best.structureType,
      heightM: best.heightM,
      lon: best.lon,
      lat: best.lat,
      marginalGain: best.marginal,
      standaloneGain: best.standalone,
      cumulativeGain: cumulative,
      hamlets: (best.lastGain?.hamlets ?? []).filter((h) => h.populationCoveredAfter > h.populationCoveredBefore).map((h) => h.code),
      warnings: best.warnings,
    });
    base.push(best.lastGain!.footprintEwkb);
    const touched = best.hamletCodes;
    remaining = remaining.filter((c) => c !== best);
    if (picks.length >= request.k) break;
    const affected = remaining.filter((c) => [...c.hamletCodes].some((code) => touched.has(code)));
    if (affected.length) await evaluate(affected, base);
    remaining = remaining.filter((c) => c.marginal > 0);
  }

  return {
    operator: options.operator,
    technology: request.technology,
    k: request.k,
    scenario: options.scenario,
    newSitePreference: preference,
    candidatesConsidered: {
      colocation: structures.length,
      newSite: points.length,
      newSiteFound: points.length ? Number(points[0]!.total_points) : 0,
      newSiteCap: plannerNewSitePointCap,
    },
    picks,
    totalGain: cumulative,
    ms: Math.round(performance.now() - t0),
  };
}
