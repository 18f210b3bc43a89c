import { bearingToShadowingGap, isInGapExclusion } from './demo-coverage-gaps.js';
import { TOWER_COMPANY_CODE } from './demo-operators.js';
import { distanceKm, offsetKm, roundLonLat, type LonLat } from './demo-plane-geometry.js';
import type { PlannedSite } from './demo-sites-and-bts.js';
import type { Territory } from './demo-territory.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * What operators' BTS lists look like to site inference (DESIGN §3), on top of
 * the planned structures: the plan keeps the truth (every structure and which
 * BTS stand on it); the register gets what operators report.
 *
 *   - inferred only: shared structures absent from the register, their two
 *     operators' BTS reported without a site code, 5–15 m apart;
 *   - codes on one spot: one structure registered twice, by two operators
 *     under two codes, 4–12 m apart (codes_colocated);
 *   - consolidation: two operators' own towers 40–90 m apart;
 *   - misplaced: a coded BTS whose coordinates are 200–500 m off its site (code_spread);
 *   - without a code: about 15 % of the BTS (some operators more than others),
 *     with the GPS offset of a handheld reading, 2–15 m from the structure.
 * The structures moved for the pairs keep their tenants, so the share of
 * shared on-air structures (30 %) is what inference finds again.
 */
export const DEMO_INFERENCE_CASES = { inferredOnly: 12, colocatedPairs: 2, consolidationPairs: 5, misplacedBts: 3 } as const;

/** Chance that an operator's BTS on a structure come without its site code. */
const UNCODED_CHANCE: Record<string, number> = { viettel: 0.06, vnpt: 0.12, mobifone: 0.2, vietnamobile: 0.4, gmobile: 0.5 };

const operatorsOf = (s: PlannedSite) => [...new Set(s.bts.map((b) => b.operatorCode))];
const allOnAir = (s: PlannedSite) => s.status === 'on_air' && s.bts.every((b) => b.status === 'on_air');

export function addSiteInferenceCases(rnd: SeededRandom, territory: Territory, sites: PlannedSite[]): void {
  const used = new Set<PlannedSite>();
  const nearestOtherKm = (p: LonLat, except: readonly PlannedSite[]) => {
    let best = Infinity;
    for (const s of sites) if (!except.includes(s)) best = Math.min(best, distanceKm(p, s.location));
    return best;
  };
  const clearOfGaps = (p: LonLat) => !isInGapExclusion(p) && bearingToShadowingGap(p) === null;
  const moveSite = (site: PlannedSite, to: LonLat, host: PlannedSite) => {
    const [dLon, dLat] = [to[0] - site.location[0], to[1] - site.location[1]];
    site.location = to;
    for (const b of site.bts) b.location = roundLonLat([b.location[0] + dLon, b.location[1] + dLat]);
    // The same spot: the same commune, hamlet and address as the structure it stands by.
    site.communeIndex = host.communeIndex;
    site.hamletIndex = host.hamletIndex;
    site.name = host.name;
    site.address = host.address;
  };

  // Own towers of a single operator, on air, not a tower company's.
  const ownTower = (s: PlannedSite) =>
    !used.has(s) && allOnAir(s) && operatorsOf(s).length === 1 && s.ownerCode === s.bts[0]?.operatorCode && s.ownerCode !== TOWER_COMPANY_CODE &&
    s.ownerCode !== 'gmobile' && clearOfGaps(s.location);

  const pairUp = (count: number, minKm: number, maxKm: number) => {
    let made = 0;
    for (const host of rnd.shuffled(sites)) {
      if (made >= count) break;
      if (!ownTower(host)) continue;
      const partner = sites
        .filter((s) => s !== host && ownTower(s) && s.ownerCode !== host.ownerCode && distanceKm(s.location, host.location) < 2)
        .sort((a, b) => distanceKm(a.location, host.location) - distanceKm(b.location, host.location))[0];
      if (!partner) continue;
      const to = roundLonLat(offsetKm(host.location, rnd.float(0, 360), rnd.float(minKm, maxKm)));
      if (!clearOfGaps(to) || territory.communeMarginKm(to, host.communeIndex) < 0.005) continue;
      // Alone with its host: no third structure within 150 m of either.
      if (nearestOtherKm(to, [host, partner]) < 0.15 || nearestOtherKm(host.location, [host, partner]) < 0.15) continue;
      moveSite(partner, to, host);
      used.add(host).add(partner);
      made += 1;
    }
  };
  pairUp(DEMO_INFERENCE_CASES.colocatedPairs, 0.004, 0.012);
  pairUp(DEMO_INFERENCE_CASES.consolidationPairs, 0.04, 0.09);

  // Shared structures nobody registered: two operators' BTS without a code, 5–15 m apart.
  let inferred = 0;
  for (const site of rnd.shuffled(sites)) {
    if (inferred >= DEMO_INFERENCE_CASES.inferredOnly) break;
    const operators = operatorsOf(site);
    if (used.has(site) || !allOnAir(site) || operators.length !== 2 || nearestOtherKm(site.location, [site]) < 0.1) continue;
    const bearing = rnd.float(0, 360);
    const at = [offsetKm(site.location, bearing, rnd.float(0.0025, 0.0075)), offsetKm(site.location, bearing + 180, rnd.float(0.0025, 0.0075))];
    for (const b of site.bts) {
      b.location = roundLonLat(at[operators.indexOf(b.operatorCode)]!);
      b.withoutSiteCode = true;
    }
    site.inRegister = false;
    used.add(site);
    inferred += 1;
  }

  // A coded BTS whose coordinates are a few hundred metres off its site.
  let misplaced = 0;
  for (const site of rnd.shuffled(sites)) {
    if (misplaced >= DEMO_INFERENCE_CASES.misplacedBts) break;
    if (used.has(site) || !allOnAir(site)) continue;
    const operator = rnd.pick(operatorsOf(site));
    const to = roundLonLat(offsetKm(site.location, rnd.float(0, 360), rnd.float(0.2, 0.5)));
    if (!clearOfGaps(to) || nearestOtherKm(to, []) < 0.1 || territory.locateCommune(to) < 0) continue;
    for (const b of site.bts) if (b.operatorCode === operator) b.location = to;
    used.add(site);
    misplaced += 1;
  }

  // Operators' lists without site codes: the tenancy's BTS at one GPS reading near the structure.
  for (const site of sites) {
    if (used.has(site) || nearestOtherKm(site.location, [site]) < 0.06) continue;
    for (const operator of operatorsOf(site)) {
      if (!rnd.chance(UNCODED_CHANCE[operator] ?? 0.1)) continue;
      const at = roundLonLat(offsetKm(site.location, rnd.float(0, 360), rnd.float(0.002, 0.015)));
      for (const b of site.bts) {
        if (b.operatorCode !== operator) continue;
        b.location = at;
        b.withoutSiteCode = true;
      }
    }
  }
}
