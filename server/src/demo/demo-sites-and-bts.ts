import type { PlannedCommune, PlannedDistrict } from './demo-admin-units.js';
import { PROVINCE_2023 } from './demo-admin-catalogue.js';
import { COVERAGE_GAPS, bearingToShadowingGap, isInGapExclusion } from './demo-coverage-gaps.js';
import type { PlannedHamlet } from './demo-hamlets.js';
import { RADIO_OPERATOR_WEIGHTS, TOWER_COMPANY_CODE, operatorPrefix } from './demo-operators.js';
import { offsetKm, roundLonLat, type LonLat } from './demo-plane-geometry.js';
import { PointBuckets } from './point-buckets.js';
import type { Territory } from './demo-territory.js';
import { formatAddress } from './vietnamese-names.js';
import { apportion, type SeededRandom } from './seeded-random.js';

export type DemoTechnology = '2G' | '3G' | '4G' | '5G';
export type DemoStatus = 'planned' | 'approved' | 'on_air' | 'decommissioned';
export type DemoStructure = 'self_supporting' | 'guyed' | 'monopole' | 'rooftop' | 'camouflaged';

export interface PlannedSector {
  sectorNo: number;
  azimuthDeg: number;
  beamwidthDeg: number;
  tiltDeg: number;
}

export interface PlannedBts {
  code: string;
  operatorCode: string;
  technology: DemoTechnology;
  bandMhz: number;
  antennaHeightM: number;
  eirpDbm: number;
  status: DemoStatus;
  location: LonLat;
  sectors: PlannedSector[];
  /** Reported without its site code: the register gets no site_id, site inference finds its structure. */
  withoutSiteCode: boolean;
}

export interface PlannedSite {
  code: string;
  name: string;
  location: LonLat;
  structureType: DemoStructure;
  /** Above ground; for a rooftop pole, building plus pole, because coverage needs antenna height above ground. */
  heightM: number;
  ownerCode: string;
  address: string;
  status: DemoStatus;
  communeIndex: number;
  hamletIndex: number;
  bts: PlannedBts[];
  /** False for a structure no site record names (its BTS come without a site code; inference finds it). */
  inRegister: boolean;
}

/** Province totals the demo aims at (DESIGN §2: Tiền Giang 2023). */
export const DEMO_SITE_COUNT = 2000;
export const DEMO_SHARED_SITE_SHARE = 0.3;
export const DEMO_BTS_TARGETS = { '2G': 1290, '3G': 1814, '4G': 1873 } as const;

/** How many structures and BTS a province gets: the demo's by default, another density for a scaled register. */
export interface SiteCounts {
  sites: number;
  bts: { '2G': number; '3G': number; '4G': number };
}
export const DEMO_SITE_COUNTS: SiteCounts = { sites: DEMO_SITE_COUNT, bts: DEMO_BTS_TARGETS };
const FIVE_G_COUNT = 14;
const GMOBILE_SITE_COUNT = 6;

type Setting = 'urban' | 'town' | 'rural';
const settingOf = (c: PlannedCommune): Setting => (c.unitType === 'phuong' ? 'urban' : c.unitType === 'thi_tran' ? 'town' : 'rural');

const PLACEMENT: Record<Setting, { nearPeople: number; jitterKm: number; tries: number; spacingKm: number }> = {
  urban: { nearPeople: 0.85, jitterKm: 0.12, tries: 3, spacingKm: 0.2 },
  town: { nearPeople: 0.7, jitterKm: 0.25, tries: 4, spacingKm: 0.35 },
  rural: { nearPeople: 0.45, jitterKm: 0.5, tries: 6, spacingKm: 0.7 },
};

const STRUCTURE_MIX: Record<Setting, [DemoStructure, number][]> = {
  urban: [['rooftop', 0.55], ['monopole', 0.22], ['camouflaged', 0.1], ['self_supporting', 0.13]],
  town: [['rooftop', 0.25], ['monopole', 0.25], ['self_supporting', 0.4], ['guyed', 0.05], ['camouflaged', 0.05]],
  rural: [['self_supporting', 0.6], ['guyed', 0.3], ['monopole', 0.1]],
};

function structureHeight(rnd: SeededRandom, type: DemoStructure): number {
  switch (type) {
    case 'self_supporting':
      return rnd.pick([30, 36, 40, 42, 45, 48, 50, 54, 60]);
    case 'guyed':
      return rnd.pick([30, 36, 40, 42, 45, 48, 54]);
    case 'monopole':
      return rnd.pick([18, 20, 21, 24, 25, 27, 30]);
    case 'camouflaged':
      return rnd.int(12, 25);
    case 'rooftop':
      // Building of 3–8 storeys plus a 6–15 m pole.
      return rnd.int(9, 24) + rnd.int(6, 15);
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const roundHalf = (x: number) => Math.round(x * 2) / 2;

interface Tenancy {
  site: number;
  operatorCode: string;
  rank: number;
  technologies: Set<DemoTechnology>;
  weight4G: number;
}

export function planSitesAndBts(
  random: SeededRandom,
  territory: Territory,
  districts: readonly PlannedDistrict[],
  communes: readonly PlannedCommune[],
  hamlets: readonly PlannedHamlet[],
  counts: SiteCounts = DEMO_SITE_COUNTS,
): PlannedSite[] {
  const placements = placeSites(random.fork('site-locations'), territory, communes, hamlets, counts.sites);
  const rnd = random.fork('site-attributes');

  // Structure, height, owner-to-be, status.
  const settings = placements.map((p) => settingOf(communes[p.communeIndex]!));
  const structures = settings.map((s) => rnd.weighted(STRUCTURE_MIX[s]));
  const heights = structures.map((t) => structureHeight(rnd, t));
  const statuses: DemoStatus[] = placements.map(() => 'on_air');
  const order = rnd.shuffled(placements.map((_, i) => i));
  const nPlanned = Math.round(placements.length * 0.02);
  const nApproved = Math.round(placements.length * 0.015);
  const nDecommissioned = Math.round(placements.length * 0.015);
  order.forEach((site, k) => {
    if (k < nPlanned) statuses[site] = 'planned';
    else if (k < nPlanned + nApproved) statuses[site] = 'approved';
    else if (k < nPlanned + nApproved + nDecommissioned) statuses[site] = 'decommissioned';
  });

  // Which operators are on each site: exactly 30% of the on-air sites are shared.
  const onAir = placements.map((_, i) => i).filter((i) => statuses[i] === 'on_air');
  const shared = new Set(rnd.shuffled(onAir).slice(0, Math.round(onAir.length * DEMO_SHARED_SITE_SHARE)));
  const tenancies: Tenancy[] = [];
  const owners: string[] = [];
  placements.forEach((_, site) => {
    const primary = rnd.weighted(RADIO_OPERATOR_WEIGHTS);
    const operators = [primary];
    if (shared.has(site)) {
      const extra = rnd.weighted([[1, 0.72], [2, 0.22], [3, 0.06]] as const);
      const cotenantWeights = new Map<string, number>([['viettel', 0.34], ['vnpt', 0.3], ['mobifone', 0.28], ['vietnamobile', 0.08]]);
      for (let k = 0; k < extra; k++) {
        const choices = [...cotenantWeights].filter(([code]) => !operators.includes(code));
        operators.push(rnd.weighted(choices));
      }
    }
    const towerco = shared.has(site) ? rnd.chance(0.45) : rnd.chance(0.04);
    owners.push(towerco ? TOWER_COMPANY_CODE : primary);
    operators.forEach((operatorCode, rank) =>
      tenancies.push({
        site,
        operatorCode,
        rank,
        technologies: new Set(),
        weight4G: settings[site] === 'urban' ? 1.6 : settings[site] === 'town' ? 1.3 : 1,
      }),
    );
  });
  // Gmobile keeps a handful of 2G BTS on shared town sites.
  const gmobileSites = rnd
    .shuffled([...shared].filter((s) => settings[s] === 'urban'))
    .slice(0, GMOBILE_SITE_COUNT)
    .sort((a, b) => a - b);
  const radioTenancies = tenancies.slice();
  for (const site of gmobileSites) {
    const rank = tenancies.filter((t) => t.site === site).length;
    tenancies.push({ site, operatorCode: 'gmobile', rank, technologies: new Set(['2G']), weight4G: 0 });
  }
  allocateTechnologies(rnd, radioTenancies, counts.bts, counts.bts['2G'] - gmobileSites.length);
  tenancies.sort((a, b) => a.site - b.site || a.rank - b.rank);

  // A few 5G cells in central Mỹ Tho, some still planned.
  const myTho = districts.find((d) => d.code === '815')!;
  const fiveG = rnd
    .shuffled(
      tenancies.filter(
        (t) =>
          statuses[t.site] === 'on_air' &&
          communes[placements[t.site]!.communeIndex]!.districtIndex === myTho.index &&
          settings[t.site] === 'urban' &&
          ['viettel', 'vnpt', 'mobifone'].includes(t.operatorCode) &&
          t.technologies.has('4G'),
      ),
    )
    .slice(0, FIVE_G_COUNT);
  const plannedFiveG = new Set(fiveG.slice(Math.round(FIVE_G_COUNT * 0.65)));
  for (const t of fiveG) t.technologies.add('5G');

  // Names and addresses.
  const perHamlet = new Map<number, number>();
  const sites: PlannedSite[] = placements.map((p, i) => {
    const commune = communes[p.communeIndex]!;
    const district = districts[commune.districtIndex]!;
    const hamlet = hamlets[p.hamletIndex]!;
    const n = (perHamlet.get(p.hamletIndex) ?? 0) + 1;
    perHamlet.set(p.hamletIndex, n);
    return {
      code: `TGG${String(i + 1).padStart(4, '0')}`,
      name: `${hamlet.name}${n > 1 ? ` (${n})` : ''}, ${commune.name}`,
      location: p.location,
      structureType: structures[i]!,
      heightM: heights[i]!,
      ownerCode: owners[i]!,
      address: formatAddress([hamlet.name, commune.name, district.name, PROVINCE_2023.name]),
      status: statuses[i]!,
      communeIndex: p.communeIndex,
      hamletIndex: p.hamletIndex,
      bts: [],
      inRegister: true,
    };
  });

  for (const t of tenancies) {
    const site = sites[t.site]!;
    const setting = settings[t.site]!;
    const isTower = site.structureType === 'self_supporting' || site.structureType === 'guyed';
    const top = site.heightM - rnd.float(0.5, 2);
    const mountHeight = Math.max(site.heightM * 0.55, top - t.rank * (isTower ? rnd.float(3, 6) : rnd.float(1, 2.5)));
    const gapBearing = bearingToShadowingGap(site.location);
    const omni =
      gapBearing === null && (site.structureType === 'camouflaged' ? rnd.chance(0.4) : rnd.chance(0.01));
    // In a gap's shadow, the gap centre lies midway between two sectors.
    const base = gapBearing !== null ? gapBearing + 60 + rnd.float(-3, 3) : rnd.float(0, 120);
    const jitter = gapBearing !== null ? 2 : 8;
    const azimuths = [0, 1, 2].map((j) => (((Math.round(base + 120 * j + rnd.float(-jitter, jitter)) % 360) + 360) % 360));
    const tilt = setting === 'urban' ? rnd.float(4, 6) : setting === 'town' ? rnd.float(3, 5) : rnd.float(2, 4);
    const location =
      rnd.chance(0.01) ? roundLonLat(offsetKm(site.location, rnd.float(0, 360), rnd.float(0.005, 0.015))) : site.location;
    const technologies = (['2G', '3G', '4G', '5G'] as const).filter((tech) => t.technologies.has(tech));
    technologies.forEach((technology, k) => {
      const status: DemoStatus =
        site.status !== 'on_air' ? site.status : technology === '5G' && plannedFiveG.has(t) ? 'planned' : 'on_air';
      const sectorTilt = Math.max(2, roundHalf(tilt + (technology === '2G' ? -0.5 : 0)));
      site.bts.push({
        code: `${operatorPrefix(t.operatorCode)}-${site.code}-${technology}`,
        operatorCode: t.operatorCode,
        technology,
        bandMhz: band(rnd, technology, t.operatorCode, setting),
        antennaHeightM: Math.min(site.heightM, roundHalf(mountHeight - k * 0.5)),
        eirpDbm: round1(eirp(rnd, technology)),
        status,
        location,
        sectors: omni
          ? [{ sectorNo: 1, azimuthDeg: 0, beamwidthDeg: 360, tiltDeg: 0 }]
          : azimuths.map((azimuthDeg, j) => ({ sectorNo: j + 1, azimuthDeg, beamwidthDeg: 65, tiltDeg: sectorTilt })),
        withoutSiteCode: false,
      });
    });
  }
  return sites;
}

function band(rnd: SeededRandom, technology: DemoTechnology, operator: string, setting: Setting): number {
  switch (technology) {
    case '2G':
      return rnd.chance(setting === 'urban' ? 0.35 : 0.12) ? 1800 : 900;
    case '3G':
      return setting === 'rural' && (operator === 'viettel' || operator === 'vnpt') && rnd.chance(0.12) ? 900 : 2100;
    case '4G':
      return rnd.chance(setting === 'urban' ? 0.45 : setting === 'town' ? 0.25 : 0.08) ? 2600 : 1800;
    case '5G':
      return operator === 'viettel' ? 2600 : 3500;
  }
}

function eirp(rnd: SeededRandom, technology: DemoTechnology): number {
  switch (technology) {
    case '2G':
      return rnd.float(55, 58);
    case '3G':
      return rnd.float(57, 60);
    case '4G':
      return rnd.float(58, 62);
    case '5G':
      return rnd.float(60, 66);
  }
}

/**
 * Gives every tenancy at least one technology and hits the province totals
 * exactly: 4G on the tenancies drawn first (towns favoured), 3G on every
 * tenancy without 4G and then on random others, 2G on whatever still has none
 * and then on random others.
 */
function allocateTechnologies(rnd: SeededRandom, tenancies: Tenancy[], targets: SiteCounts['bts'], target2G: number): void {
  const byKey = (weight: (t: Tenancy) => number) =>
    tenancies
      .map((t) => ({ t, key: Math.log(1 - rnd.next()) / Math.max(weight(t), 1e-9) }))
      .sort((a, b) => b.key - a.key)
      .map((e) => e.t);
  const take = (list: Tenancy[], tech: DemoTechnology, count: number) => {
    let left = count;
    for (const t of list) {
      if (left <= 0) break;
      if (t.technologies.has(tech)) continue;
      t.technologies.add(tech);
      left -= 1;
    }
  };
  take(byKey((t) => t.weight4G), '4G', targets['4G']);
  const without4G = tenancies.filter((t) => !t.technologies.has('4G'));
  take(without4G, '3G', targets['3G']);
  take(byKey(() => 1), '3G', targets['3G'] - tenancies.filter((t) => t.technologies.has('3G')).length);
  const bare = tenancies.filter((t) => t.technologies.size === 0);
  take(bare, '2G', target2G);
  take(byKey((t) => (t.technologies.has('3G') ? 1.5 : 1)), '2G', target2G - tenancies.filter((t) => t.technologies.has('2G')).length);
  if (tenancies.some((t) => t.technologies.size === 0)) throw new Error('too many tenancies for the BTS totals');
}

interface Placement {
  location: LonLat;
  communeIndex: number;
  hamletIndex: number;
}

/**
 * Site locations: as many per commune as its mix of people and area asks,
 * near population clusters (towns) or spread over the land (countryside),
 * never inside a coverage gap.
 */
function placeSites(
  rnd: SeededRandom,
  territory: Territory,
  communes: readonly PlannedCommune[],
  hamlets: readonly PlannedHamlet[],
  siteCount: number,
): Placement[] {
  const usableGrid = communes.map((c) =>
    territory.gridOfCommune[c.index]!.filter((i) => !isInGapExclusion(territory.grid.points[i]!, COVERAGE_GAPS)),
  );
  const totalPop = communes.reduce((s, c) => s + c.population, 0);
  const totalCells = usableGrid.reduce((s, g) => s + g.length, 0);
  const weights = communes.map((c) => {
    const all = territory.gridOfCommune[c.index]!.length;
    const usable = usableGrid[c.index]!.length;
    if (usable === 0) return 0;
    const popShare = (c.population * (usable / all)) / totalPop;
    return (0.55 * popShare + (0.45 * usable) / totalCells) * (c.unitType === 'phuong' ? 1.2 : 1);
  });
  const perCommune = apportion(siteCount, weights);

  const placed: Placement[] = [];
  const buckets = new PointBuckets(1);
  for (const commune of communes) {
    const setting = settingOf(commune);
    const rules = PLACEMENT[setting];
    const clusters = territory.hamletsOfCommune[commune.index]!.flatMap((h) =>
      hamlets[h]!.clusters.map((cl) => ({ centre: cl.point ?? centroid(cl.ring!), population: cl.population })),
    );
    const cells = usableGrid[commune.index]!;
    const draw = (): LonLat | null => {
      let p: LonLat;
      if (clusters.length > 0 && rnd.chance(rules.nearPeople)) {
        const cl = clusters[rnd.weightedIndex(clusters.map((c) => c.population + 1))]!;
        p = offsetKm(cl.centre, rnd.float(0, 360), Math.abs(rnd.normal()) * rules.jitterKm);
      } else {
        const g = territory.grid.points[rnd.pick(cells)]!;
        const step = territory.grid.stepDeg;
        p = [g[0] + rnd.float(-0.5, 0.5) * step, g[1] + rnd.float(-0.5, 0.5) * step];
      }
      p = roundLonLat(p);
      if (territory.communeMarginKm(p, commune.index) < 0.005 || isInGapExclusion(p)) return null;
      return p;
    };
    for (let k = 0; k < perCommune[commune.index]!; k++) {
      let best: LonLat | null = null;
      let bestD = -1;
      for (let round = 0; round < 8 && bestD < rules.spacingKm; round++) {
        for (let t = 0; t < rules.tries; t++) {
          const p = draw();
          if (!p) continue;
          const d = buckets.nearestDistanceKm(p, 5);
          if (d > bestD) {
            bestD = d;
            best = p;
          }
        }
      }
      if (!best) continue;
      buckets.add(best);
      placed.push({ location: best, communeIndex: commune.index, hamletIndex: territory.locateHamlet(best) });
    }
  }
  return placed;
}

function centroid(ring: readonly LonLat[]): LonLat {
  const n = ring.length;
  return [ring.reduce((s, p) => s + p[0], 0) / n, ring.reduce((s, p) => s + p[1], 0) / n];
}
