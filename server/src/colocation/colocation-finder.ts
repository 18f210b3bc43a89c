import type { Knex } from 'knex';
import type { ColocationCandidate, ColocationRequest, ColocationResponse } from '../contracts/colocation-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { candidateGains, type GainCandidate } from './candidate-gains.js';
import { assessStructure, hostStructures } from './colocation-structures.js';

/**
 * Co-location candidates (DESIGN §3) for a checked request: the active
 * structures within the radius that do not carry the operator, each with the
 * population the operator's coverage of the technology would gain from its BTS
 * there, ranked by that gain, then by distance (then site key, so the order is
 * total); and what a new site at the point itself would add. All gains in one
 * statement (the point first, then the structures).
 */
export async function findColocationCandidates(
  knex: Knex | Knex.Transaction,
  coverage: CoverageParams,
  sharing: SharingSettings,
  request: ColocationRequest,
  radiusOverrideM?: number,
): Promise<ColocationResponse> {
  const scenario = request.scenario ?? 'current';
  const structures = await hostStructures(
    knex,
    { operator: request.operator, scenario, around: { lon: request.lon, lat: request.lat, radiusM: request.radiusM } },
    sharing.tenantLimits,
  );
  const assessed = structures.map((s) => ({ s, ...assessStructure(s, request.antennaHeightM) }));
  const fixed = radiusOverrideM === undefined ? {} : { radiusM: radiusOverrideM };
  const points: GainCandidate[] = [
    { lon: request.lon, lat: request.lat, antennaHeightM: request.antennaHeightM, ...fixed },
    ...assessed.map((a) => ({ lon: a.s.lon, lat: a.s.lat, antennaHeightM: a.effectiveAntennaHeightM, ...fixed })),
  ];
  const gains = await candidateGains(knex, {
    operator: request.operator,
    radio: request,
    candidates: points,
    scenario,
    params: coverage,
    withGeoJson: true,
  });
  const byIndex = new Map(gains.map((g) => [g.index, g]));
  const atPoint = byIndex.get(0);
  const candidates: ColocationCandidate[] = assessed
    .map(({ s, warnings, effectiveAntennaHeightM }, i): ColocationCandidate => {
      const g = byIndex.get(i + 1);
      return {
        rank: 0,
        siteKey: s.siteKey,
        siteCode: s.siteCode,
        inferred: s.inferred,
        owner: s.owner,
        ownerName: s.ownerName,
        structureType: s.structureType,
        heightM: s.heightM,
        tenants: s.tenants,
        tenantLimit: s.tenantLimit,
        distanceM: Math.round(s.distanceM * 10) / 10,
        lon: s.lon,
        lat: s.lat,
        effectiveAntennaHeightM,
        populationNewlyCovered: g?.populationGain ?? 0,
        newlyCoveredHamlets: g?.hamlets ?? [],
        hamletsNewlyCovered: g?.hamletsNewlyCovered ?? 0,
        warnings,
        footprint: g?.footprint ?? null,
      };
    })
    .sort(
      (a, b) =>
        b.populationNewlyCovered - a.populationNewlyCovered || a.distanceM - b.distanceM || (a.siteKey < b.siteKey ? -1 : a.siteKey > b.siteKey ? 1 : 0),
    )
    .map((c, i) => ({ ...c, rank: i + 1 }));
  return {
    operator: request.operator,
    technology: request.technology,
    radiusM: request.radiusM,
    scenario,
    candidates,
    atPoint: { populationNewlyCovered: atPoint?.populationGain ?? 0, hamletsNewlyCovered: atPoint?.hamletsNewlyCovered ?? 0 },
  };
}
