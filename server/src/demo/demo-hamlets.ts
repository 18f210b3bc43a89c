import type { PlannedCommune } from './demo-admin-units.js';
import { COVERAGE_GAPS } from './demo-coverage-gaps.js';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, distanceKm, offsetKm, roundLonLat, type LonLat } from './demo-plane-geometry.js';
import type { Territory } from './demo-territory.js';
import { hamletNames } from './vietnamese-names.js';
import { apportion, type SeededRandom } from './seeded-random.js';

export interface PlannedCluster {
  population: number;
  /** A point cluster (a few houses around a crossing)… */
  point?: LonLat;
  /** …or a small polygon (a row of houses along a canal), ring without the closing point. */
  ring?: LonLat[];
}

export interface PlannedHamlet {
  index: number;
  /** Commune code + two digits: unique across the province. */
  code: string;
  name: string;
  kind: 'ap' | 'khu_pho';
  communeIndex: number;
  /** Voronoi generator of the hamlet inside its commune. */
  seed: LonLat;
  /** The cultural house (nhà văn hoá ấp), at least 30 m inside the hamlet. */
  refPoint: LonLat;
  population: number;
  households: number;
  clusters: PlannedCluster[];
  areaKm2: number;
}

export const TARGET_HAMLET_COUNT = 1000;
/** How far inside its hamlet a reference point or cluster must stay, km. */
const REF_MARGIN_KM = 0.03;
const CLUSTER_MARGIN_KM = 0.02;

function hamletCounts(communes: readonly PlannedCommune[], total: number): number[] {
  const raw = communes.map((c) => (c.unitType === 'phuong' ? 3 + c.areaKm2 * 0.8 : 3 + c.areaKm2 / 4));
  return apportion(total, raw, 3);
}

/** `total`: the province's hamlet count (the demo's 1,000 unless a scaled register asks for another density). */
export function planHamlets(
  random: SeededRandom,
  territory: Territory,
  communes: readonly PlannedCommune[],
  total: number = TARGET_HAMLET_COUNT,
): PlannedHamlet[] {
  const counts = hamletCounts(communes, total);
  const step = territory.grid.stepDeg;
  const seeds: LonLat[] = [];
  const communeOfHamlet: number[] = [];

  for (const commune of communes) {
    const rnd = random.fork(`hamlet-seeds-${commune.code}`);
    const cells = territory.gridOfCommune[commune.index]!;
    // A hamlet is centred on each coverage gap in this commune, so that its
    // cultural house stands where no sector reaches (a trắng sóng hamlet).
    const mine: LonLat[] = COVERAGE_GAPS.map((g) => g.centre).filter(
      (centre) => territory.communeMarginKm(centre, commune.index) >= 0.08,
    );
    for (let k = mine.length; k < counts[commune.index]!; k++) {
      let best: LonLat | null = null;
      let bestD = -1;
      for (let t = 0; t < 40 || !best; t++) {
        if (t > 400) throw new Error(`no room for hamlet ${k + 1} in ${commune.name}`);
        const g = cells.length > 0 ? territory.grid.points[rnd.pick(cells)]! : commune.seed;
        const spread = cells.length > 0 ? step : 0.004;
        const p: LonLat = [g[0] + rnd.float(-0.5, 0.5) * spread, g[1] + rnd.float(-0.5, 0.5) * spread];
        if (territory.communeMarginKm(p, commune.index) < 0.08) continue;
        const d = mine.reduce((m, q) => Math.min(m, distanceKm(p, q)), Infinity);
        if (d > bestD) {
          bestD = d;
          best = p;
        }
      }
      mine.push(roundLonLat(best));
    }
    for (const s of mine) {
      seeds.push(s);
      communeOfHamlet.push(commune.index);
    }
  }
  territory.setHamletSeeds(seeds, communeOfHamlet);

  const hamlets: PlannedHamlet[] = [];
  for (const commune of communes) {
    const rnd = random.fork(`hamlets-${commune.code}`);
    const members = territory.hamletsOfCommune[commune.index]!;
    const isWard = commune.unitType === 'phuong';
    const names = hamletNames(rnd, commune.shortName, isWard, members.length);
    const areas = members.map((h) => Math.max(territory.gridOfHamlet[h]!.length, 0.5) * territory.grid.cellAreaKm2);
    const meanArea = areas.reduce((a, b) => a + b, 0) / areas.length;
    const populations = apportion(
      commune.population,
      areas.map((a) => (0.35 + (0.65 * a) / meanArea) * rnd.logNormal(0.3)),
    );
    members.forEach((h, k) => {
      const seed = territory.hamletSeeds[h]!;
      const population = populations[k]!;
      const refPoint = placeRefPoint(rnd, territory, h, seed);
      const clusters = placeClusters(rnd, territory, h, refPoint, population, isWard);
      hamlets.push({
        index: h,
        code: `${commune.code}${String(k + 1).padStart(2, '0')}`,
        name: names[k]!,
        kind: isWard ? 'khu_pho' : 'ap',
        communeIndex: commune.index,
        seed,
        refPoint,
        population,
        households: Math.min(population, Math.round(population / rnd.float(3.6, 4.0))),
        clusters,
        areaKm2: areas[k]!,
      });
    });
  }
  return hamlets.sort((a, b) => a.index - b.index);
}

function placeRefPoint(rnd: SeededRandom, territory: Territory, h: number, seed: LonLat): LonLat {
  for (let t = 0; t < 30; t++) {
    const p = roundLonLat(offsetKm(seed, rnd.float(0, 360), rnd.float(0, 0.15)));
    if (territory.hamletMarginKm(p, h) >= REF_MARGIN_KM) return p;
  }
  if (territory.hamletMarginKm(seed, h) < REF_MARGIN_KM) throw new Error(`hamlet seed ${seed.join(',')} too close to its edge`);
  return seed;
}

function clusterRing(rnd: SeededRandom, centre: LonLat, radiusKm: number): LonLat[] {
  const n = rnd.int(7, 10);
  const start = rnd.float(0, 2 * Math.PI);
  return Array.from({ length: n }, (_, i) => {
    const a = start + (2 * Math.PI * i) / n + rnd.float(-0.2, 0.2);
    const r = radiusKm * rnd.float(0.7, 1.0);
    return roundLonLat([centre[0] + (r * Math.sin(a)) / KM_PER_DEG_LON, centre[1] + (r * Math.cos(a)) / KM_PER_DEG_LAT]);
  });
}

function placeClusters(
  rnd: SeededRandom,
  territory: Territory,
  h: number,
  refPoint: LonLat,
  population: number,
  urban: boolean,
): PlannedCluster[] {
  const cells = territory.gridOfHamlet[h]!;
  const areaKm2 = Math.max(cells.length, 0.5) * territory.grid.cellAreaKm2;
  const wanted = Math.min(rnd.weighted([[1, 0.2], [2, 0.35], [3, 0.3], [4, 0.15]] as const), areaKm2 < 0.3 ? 2 : 4);
  const shapes: { centre: LonLat; radiusKm: number; ring?: LonLat[] }[] = [];
  for (let k = 0; k < wanted; k++) {
    const polygon = rnd.chance(urban ? 0.6 : 0.4);
    let radiusKm = polygon ? (urban ? rnd.float(0.05, 0.12) : rnd.float(0.08, 0.2)) : 0;
    let placed = false;
    for (let t = 0; t < 40 && !placed; t++) {
      if (t === 20) radiusKm /= 2;
      let centre: LonLat;
      if (k === 0) centre = offsetKm(refPoint, rnd.float(0, 360), rnd.float(0, 0.12));
      else if (cells.length > 0) {
        const g = territory.grid.points[rnd.pick(cells)]!;
        const step = territory.grid.stepDeg;
        centre = [g[0] + rnd.float(-0.5, 0.5) * step, g[1] + rnd.float(-0.5, 0.5) * step];
      } else centre = offsetKm(refPoint, rnd.float(0, 360), rnd.float(0.05, 0.3));
      centre = roundLonLat(centre);
      // 8% slack covers the polygon's chords and the jitter of its vertices.
      if (territory.hamletMarginKm(centre, h) < radiusKm * 1.08 + CLUSTER_MARGIN_KM) continue;
      if (shapes.some((s) => distanceKm(s.centre, centre) < s.radiusKm + radiusKm + 0.05)) continue;
      shapes.push({ centre, radiusKm, ring: polygon ? clusterRing(rnd, centre, radiusKm) : undefined });
      placed = true;
    }
    if (!placed && k === 0) shapes.push({ centre: refPoint, radiusKm: 0 });
  }
  const weights = shapes.map((_, k) => (k === 0 ? 1.5 : 0.4 + 0.6 * rnd.next()));
  const pops = apportion(population, weights);
  return shapes.map((s, k) => (s.ring ? { population: pops[k]!, ring: s.ring } : { population: pops[k]!, point: s.centre }));
}
