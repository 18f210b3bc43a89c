import type { Knex } from 'knex';
import type { ProposalImpact, ProposalSubmit } from '../contracts/proposal-contracts.js';
import type { StructureType } from '../contracts/domain-enums.js';
import type { Ratio } from '../contracts/sharing-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { HttpProblem } from '../http/http-problem.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { candidateGains } from '../colocation/candidate-gains.js';
import { findColocationCandidates } from '../colocation/colocation-finder.js';
import { checkRadioOperator } from '../colocation/radio-operator-check.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';
import { sharingRatioFor } from '../sharing/sharing-queries.js';
import { assertInsideProvince } from '../layers/inside-province.js';

/** Where a proposal's BTS would stand, and what stands there now. */
export interface ProposalTarget {
  siteKey: string | null;
  siteId: number | null;
  lon: number;
  lat: number;
  structureType: StructureType | null;
  structureHeightM: number | null;
  /** Whether the structure counts as a site with an active BTS in the planned scenario. */
  activeOperatorsPlanned: string[];
  searchRadiusM: number;
}

const DEFAULT_SEARCH_RADIUS_M = 1000;

/**
 * Refuses a proposal that could not be decided on: an unknown operator or one
 * without radio equipment (a tower company), a band the technology does not
 * use, an unknown structure or one the operator is already on, a second open
 * proposal for the same structure, a new site outside the province.
 */
export async function checkProposalTarget(trx: Knex.Transaction, body: ProposalSubmit, sharing: SharingSettings): Promise<ProposalTarget> {
  const operator = await checkRadioOperator(trx, body.operator, body.radio, 'radio.bandMHz');
  operator.refuse();

  if (body.kind === 'colocation') {
    const site = (
      await trx.raw(
        `SELECT ps.id, ps.site_id, ST_X(ps.geom) AS lon, ST_Y(ps.geom) AS lat, s.structure_type, s.height_m::float8 AS height_m
           FROM physical_sites ps LEFT JOIN sites s ON s.id = ps.site_id
          WHERE ps.site_key = ?`,
        [body.siteKey],
      )
    ).rows[0] as { id: number; site_id: number | null; lon: number; lat: number; structure_type: StructureType | null; height_m: number | null } | undefined;
    if (!site) throw new HttpProblem(422, 'unknown-physical-site', { site: body.siteKey }, 'siteKey');
    const tenants = await tenantsOf(trx, site.id);
    if (tenants.all.includes(body.operator)) {
      throw new HttpProblem(409, 'site-carries-operator', { site: body.siteKey, operator: body.operator }, 'siteKey');
    }
    const open = (
      await trx.raw(`SELECT code FROM proposals WHERE operator_id = ? AND site_key = ? AND status = 'submitted'`, [operator.operatorId, body.siteKey])
    ).rows[0] as { code: string } | undefined;
    if (open) throw new HttpProblem(409, 'proposal-open-exists', { code: open.code, site: body.siteKey }, 'siteKey');
    return {
      siteKey: body.siteKey,
      siteId: site.site_id,
      lon: Number(site.lon),
      lat: Number(site.lat),
      structureType: site.structure_type,
      structureHeightM: site.height_m === null ? null : Number(site.height_m),
      activeOperatorsPlanned: tenants.planned,
      searchRadiusM: DEFAULT_SEARCH_RADIUS_M,
    };
  }

  const searchRadiusM = body.searchRadiusM ?? DEFAULT_SEARCH_RADIUS_M;
  if (searchRadiusM > sharing.colocationMaxRadiusM) {
    throw new HttpProblem(400, 'number-range', { parameter: 'searchRadiusM', min: 0, max: sharing.colocationMaxRadiusM, unit: ' m' }, 'searchRadiusM');
  }
  await assertInsideProvince(trx, body.lon, body.lat, 'lon');
  return {
    siteKey: null,
    siteId: null,
    lon: body.lon,
    lat: body.lat,
    structureType: body.structureType,
    structureHeightM: body.heightM,
    activeOperatorsPlanned: [],
    searchRadiusM,
  };
}

/** Operators with a live, non-decommissioned BTS on the structure, and those of them active in the planned scenario. */
export async function tenantsOf(trx: Knex.Transaction, physicalSiteId: number): Promise<{ all: string[]; planned: string[] }> {
  const rows = (
    await trx.raw(
      `SELECT o.code, bool_or(b.status IN ('on_air', 'approved')) AS active
         FROM bts_physical_sites bp JOIN bts b ON b.id = bp.bts_id JOIN operators o ON o.id = b.operator_id
        WHERE bp.physical_site_id = ? AND b.status <> 'decommissioned'
        GROUP BY o.code ORDER BY o.code`,
      [physicalSiteId],
    )
  ).rows as { code: string; active: boolean }[];
  return { all: rows.map((r) => r.code), planned: rows.filter((r) => r.active).map((r) => r.code) };
}

/**
 * The predicted impact, stored with the proposal at submission: the population
 * and hamlets the operator's coverage of the proposed technology would gain
 * (the coverage what-if against the planned network, so approved but unbuilt
 * BTS are not counted twice), the province's site sharing ratio (planned
 * scenario) before and after, the nearest other existing structure, and —
 * for a new site — the co-location candidates with room in the search radius.
 */
export async function predictImpact(
  trx: Knex.Transaction,
  body: ProposalSubmit,
  target: ProposalTarget,
  coverage: CoverageParams,
  sharing: SharingSettings,
): Promise<ProposalImpact> {
  const radio = body.radio;
  // On an existing structure the antennas cannot stand higher than it.
  const antennaHeightM = target.structureHeightM === null ? radio.antennaHeightM : Math.min(radio.antennaHeightM, target.structureHeightM);
  const gain = await plannedGain(trx, body, target, antennaHeightM, coverage);

  const boundarySet = await resolveBoundarySet(trx, undefined);
  const before = (await sharingRatioFor(trx, { boundarySet, unitCode: null, scenario: 'planned' })).siteRatio;
  // A structure already active with one other operator becomes shared; a new
  // site, or a structure with no active BTS yet, adds one unshared site.
  const after: Ratio = { ...before };
  if (target.activeOperatorsPlanned.length === 0) after.denominator += 1;
  else if (target.activeOperatorsPlanned.length === 1) after.numerator += 1;
  after.value = after.denominator === 0 ? null : after.numerator / after.denominator;

  const nearest = (
    await trx.raw(
      `SELECT ps.site_key, s.code AS site_code, o.code AS owner,
              ST_Distance(ps.geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography) AS distance_m
         FROM physical_sites ps LEFT JOIN sites s ON s.id = ps.site_id LEFT JOIN operators o ON o.id = s.owner_id
        WHERE ps.site_key IS DISTINCT FROM ?
        ORDER BY ps.geom <-> ST_SetSRID(ST_MakePoint(?, ?), 4326) LIMIT 1`,
      [target.lon, target.lat, target.siteKey, target.lon, target.lat],
    )
  ).rows[0] as { site_key: string; site_code: string | null; owner: string | null; distance_m: number } | undefined;

  const candidatesInRadius = body.kind === 'new_site' ? await candidatesWithRoom(trx, body, target, coverage, sharing) : [];
  return {
    populationNewlyCovered: gain.populationNewlyCovered,
    hamletsNewlyCovered: gain.hamlets,
    sharingBefore: before,
    sharingAfter: after,
    nearestStructure: nearest
      ? { siteKey: nearest.site_key, siteCode: nearest.site_code, owner: nearest.owner, distanceM: Math.round(Number(nearest.distance_m) * 10) / 10 }
      : null,
    candidatesInRadius,
    computedAt: new Date().toISOString(),
  };
}

/** The gain of the proposal's BTS for its operator and technology, against the planned network. */
async function plannedGain(
  trx: Knex.Transaction,
  body: ProposalSubmit,
  target: ProposalTarget,
  antennaHeightM: number,
  coverage: CoverageParams,
): Promise<{ populationNewlyCovered: number; hamlets: ProposalImpact['hamletsNewlyCovered'] }> {
  const [gain] = await candidateGains(trx, {
    operator: body.operator,
    radio: body.radio,
    candidates: [{ lon: target.lon, lat: target.lat, antennaHeightM }],
    scenario: 'planned',
    params: coverage,
  });
  return {
    populationNewlyCovered: gain?.populationGain ?? 0,
    hamlets: (gain?.hamlets ?? [])
      .map((h) => ({
        code: h.code, name: h.name, populationGain: h.populationCoveredAfter - h.populationCoveredBefore,
        verdictBefore: h.verdictBefore, verdictAfter: h.verdictAfter,
      }))
      .filter((h) => h.populationGain > 0)
      .sort((a, b) => b.populationGain - a.populationGain || (a.code < b.code ? -1 : 1)),
  };
}

/** Co-location candidates with room in the planned network around a proposed new site: why it should not be built. */
async function candidatesWithRoom(
  trx: Knex.Transaction,
  body: Extract<ProposalSubmit, { kind: 'new_site' }>,
  target: ProposalTarget,
  coverage: CoverageParams,
  sharing: SharingSettings,
): Promise<ProposalImpact['candidatesInRadius']> {
  const found = await findColocationCandidates(trx, coverage, sharing, {
    ...body.radio, lon: target.lon, lat: target.lat, operator: body.operator, radiusM: target.searchRadiusM, scenario: 'planned',
  });
  return found.candidates
    .filter((c) => !c.warnings.includes('no_room'))
    .map((c) => ({ siteKey: c.siteKey, distanceM: c.distanceM, populationNewlyCovered: c.populationNewlyCovered }));
}
