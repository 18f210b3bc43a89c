import { COMMUNE_TYPE_WORD, DISTRICTS, POPULATION_2023, type DistrictSpec } from './demo-admin-catalogue.js';
import { KM_PER_DEG_LAT, KM_PER_DEG_LON, distanceKm, roundLonLat, type LonLat } from './demo-plane-geometry.js';
import { gridNeighbours, nearestGridIndex, type Territory } from './demo-territory.js';
import { MinHeap } from './min-heap.js';
import { NearestSeedIndex } from './nearest-seed-index.js';
import { apportion, type SeededRandom } from './seeded-random.js';

export type CommuneType = 'phuong' | 'thi_tran' | 'xa';

export interface PlannedDistrict {
  index: number;
  code: string;
  name: string;
  unitType: DistrictSpec['unitType'];
  seat: LonLat;
  spec: DistrictSpec;
  communeIndices: number[];
  population: number;
}

export interface PlannedCommune {
  index: number;
  /** Unique 5-digit code, in the style of the national list (Tiền Giang's run from 28xxx). */
  code: string;
  /** Full name with type: "Phường 1", "Thị trấn Cái Bè", "Xã Mỹ Phước Tây". */
  name: string;
  /** Name without the type word: "1", "Cái Bè", "Mỹ Phước Tây". */
  shortName: string;
  unitType: CommuneType;
  districtIndex: number;
  /** Voronoi generator; always inside the commune. */
  seed: LonLat;
  /** Area estimated on the sample grid, km². */
  areaKm2: number;
  population: number;
}

const FIRST_COMMUNE_CODE = 28249;
const COMMUNE_CODE_STEP = 3;

/** Relative population density by commune type (people per km², before scaling to the district total). */
function densityFactor(type: CommuneType, district: DistrictSpec): number {
  if (type === 'phuong') return district.unitType === 'thanh_pho' ? 14 : 6;
  if (type === 'thi_tran') return 3;
  return 1;
}

/** A district may grow only into points for which it is among this many nearest districts. */
const ELIGIBLE_NEAREST = 3;

/** For every grid point: its distance to each district's centre or seat, scaled by the district's size. */
interface DistrictKeys {
  scaled: Float64Array;
  /** Bit set of the ELIGIBLE_NEAREST districts with the smallest scaled distance. */
  eligible: Int32Array;
}

function districtKeys(territory: Territory): DistrictKeys {
  const points = territory.grid.points;
  const n = DISTRICTS.length;
  const scaled = new Float64Array(points.length * n);
  const eligible = new Int32Array(points.length);
  const scale = DISTRICTS.map((d) => Math.sqrt(d.areaWeight));
  points.forEach((p, i) => {
    DISTRICTS.forEach((d, k) => {
      scaled[i * n + k] = Math.min(distanceKm(p, d.seat), distanceKm(p, d.regionCentre)) / scale[k]!;
    });
    const order = DISTRICTS.map((_, k) => k).sort((a, b) => scaled[i * n + a]! - scaled[i * n + b]! || a - b);
    for (const k of order.slice(0, ELIGIBLE_NEAREST)) eligible[i]! |= 1 << k;
  });
  return { scaled, eligible };
}

/**
 * District territories grown on the sample grid from each district's centre
 * and seat at once (a multi-source flood, nearest first, distances scaled by
 * the district's size), each stopping when it holds its share of the
 * province's area. A district may only take a point for which it is among the
 * three nearest (scaled), so that it cannot snake around a full neighbour into
 * land far from its centre. Regions come out compact and contiguous, and each
 * holds its own seat. Returns the district of every grid point.
 */
function growDistricts(territory: Territory, keys: DistrictKeys, capacityFactors: readonly number[]): Int32Array {
  const grid = territory.grid;
  const n = DISTRICTS.length;
  const owner = new Int32Array(grid.points.length).fill(-1);
  const totalWeight = DISTRICTS.reduce((s, d) => s + d.areaWeight, 0);
  const capacity = DISTRICTS.map((d, k) => Math.round((d.areaWeight / totalWeight) * capacityFactors[k]! * grid.points.length));
  const counts = DISTRICTS.map(() => 0);
  const heap = new MinHeap<number>();
  DISTRICTS.forEach((d, k) => {
    for (const source of [d.seat, d.regionCentre]) {
      const i = nearestGridIndex(grid, source);
      if (i < 0) throw new Error(`${d.name}: ${source.join(', ')} is outside the province`);
      heap.push(0, i * n + k);
    }
  });
  let capped = true;
  for (;;) {
    const item = heap.pop();
    if (item === undefined) {
      // Some points were only reachable through full districts: let every
      // district grow freely into what is left.
      if (!capped) break;
      capped = false;
      grid.points.forEach((_, i) => {
        const k = owner[i]!;
        if (k >= 0) for (const j of gridNeighbours(grid, i)) if (owner[j]! < 0) heap.push(keys.scaled[j * n + k]!, j * n + k);
      });
      continue;
    }
    const i = Math.floor(item / n);
    const k = item % n;
    if (owner[i]! >= 0) continue;
    if (capped && (counts[k]! >= capacity[k]! || !(keys.eligible[i]! & (1 << k)))) continue;
    owner[i] = k;
    counts[k]! += 1;
    for (const j of gridNeighbours(grid, i)) if (owner[j]! < 0) heap.push(keys.scaled[j * n + k]!, j * n + k);
  }
  return owner;
}

/**
 * Mitchell's best-candidate sampling: of `tries` random candidates, keep the
 * one farthest from every seed placed so far. Gives evenly spread seeds.
 */
function bestCandidate(
  placed: readonly LonLat[],
  tries: number,
  draw: () => LonLat | null,
): LonLat | null {
  let best: LonLat | null = null;
  let bestD = -1;
  for (let k = 0; k < tries; k++) {
    const c = draw();
    if (!c) continue;
    let d = Infinity;
    for (const p of placed) d = Math.min(d, distanceKm(c, p));
    if (d > bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

interface PendingCommune {
  district: number;
  type: CommuneType;
  shortName: string;
  seed: LonLat;
}

/** Commune seeds for district territories grown with the given capacity factors. */
function placeCommuneSeeds(
  random: SeededRandom,
  territory: Territory,
  keys: DistrictKeys,
  capacityFactors: readonly number[],
): PendingCommune[] {
  const districtOfGrid = growDistricts(territory, keys, capacityFactors);
  const districtOf = (p: LonLat) => {
    const i = nearestGridIndex(territory.grid, p);
    return i < 0 ? -1 : districtOfGrid[i]!;
  };
  const gridByDistrict: number[][] = DISTRICTS.map(() => []);
  districtOfGrid.forEach((d, i) => gridByDistrict[d]!.push(i));
  const step = territory.grid.stepDeg;

  const pending: PendingCommune[] = [];
  const placed: LonLat[] = [];
  const townSeeds: LonLat[] = [];
  const insideDistrict = (p: LonLat, d: number) => territory.isInProvince(p) && districtOf(p) === d;
  const isRuralSpot = (p: LonLat, d: number) => {
    const spec = DISTRICTS[d]!;
    if (!insideDistrict(p, d)) return false;
    if (spec.urbanRadiusKm > 0 && distanceKm(p, spec.seat) < spec.urbanRadiusKm + 0.8) return false;
    return !townSeeds.some((t) => distanceKm(p, t) < 1.6);
  };

  // Towns first: phường packed in a disc around the seat, thị trấn at their seats.
  DISTRICTS.forEach((spec, d) => {
    const rnd = random.fork(`urban-${spec.code}`);
    spec.wards.forEach((name, k) => {
      const seed =
        k === 0
          ? spec.seat
          : bestCandidate(placed, 25, () => {
              const r = spec.urbanRadiusKm * Math.sqrt(rnd.next());
              const a = rnd.float(0, 2 * Math.PI);
              const p: LonLat = [spec.seat[0] + (r * Math.sin(a)) / KM_PER_DEG_LON, spec.seat[1] + (r * Math.cos(a)) / KM_PER_DEG_LAT];
              return insideDistrict(p, d) ? p : null;
            });
      if (!seed) throw new Error(`no room for Phường ${name} in ${spec.name}`);
      placed.push(seed);
      pending.push({ district: d, type: 'phuong', shortName: name, seed });
    });
    spec.towns.forEach((name, k) => {
      const seed = k === 0 ? spec.seat : spec.secondTownSeat;
      if (!seed) throw new Error(`thị trấn ${name} of ${spec.name} has no seat`);
      placed.push(seed);
      townSeeds.push(seed);
      pending.push({ district: d, type: 'thi_tran', shortName: name, seed });
    });
  });

  // Then the xã, evenly spread over the rest of each district; districts take
  // turns so that no district's seeds crowd a border its neighbour has not
  // filled yet.
  const rural = DISTRICTS.map((spec) => random.fork(`rural-${spec.code}`));
  const longest = Math.max(...DISTRICTS.map((d) => d.communes.length));
  for (let k = 0; k < longest; k++) {
    DISTRICTS.forEach((spec, d) => {
      const name = spec.communes[k];
      if (name === undefined) return;
      const rnd = rural[d]!;
      const cells = gridByDistrict[d]!;
      const seed = bestCandidate(placed, 30, () => {
        const g = territory.grid.points[rnd.pick(cells)]!;
        const p: LonLat = [g[0] + rnd.float(-0.5, 0.5) * step, g[1] + rnd.float(-0.5, 0.5) * step];
        return isRuralSpot(p, d) ? p : null;
      });
      if (!seed) throw new Error(`no room for Xã ${name} in ${spec.name}`);
      placed.push(seed);
      pending.push({ district: d, type: 'xa', shortName: name, seed });
    });
  }

  // Three rounds of Lloyd relaxation of the xã seeds inside their own district
  // make the commune cells follow the district territories.
  for (let round = 0; round < 3; round++) {
    const sums = pending.map(() => [0, 0, 0]);
    const index = new NearestSeedIndex(pending.map((p) => p.seed), 0.03);
    territory.grid.points.forEach((g, i) => {
      const c = index.nearest(g);
      if (pending[c]!.district !== districtOfGrid[i]) return;
      const s = sums[c]!;
      s[0]! += g[0];
      s[1]! += g[1];
      s[2]! += 1;
    });
    pending.forEach((p, c) => {
      const [x, y, n] = sums[c]!;
      if (p.type !== 'xa' || !n) return;
      const moved: LonLat = [x! / n, y! / n];
      if (isRuralSpot(moved, p.district)) p.seed = moved;
    });
  }

  // A xã whose cell ended up cut off from the rest of its district (an enclave
  // in a neighbour) is moved into its district's main part; a few rounds settle it.
  const rnd = random.fork('reconnect');
  for (let round = 0; round < 12; round++) {
    const stray = strayCommunes(territory, pending);
    if (stray.size === 0) break;
    for (const [c, mainCells] of stray) {
      const p = pending[c]!;
      if (p.type !== 'xa' || mainCells.length === 0) continue;
      const others = pending.filter((_, k) => k !== c).map((q) => q.seed);
      const seed = bestCandidate(others, 30, () => {
        const g = territory.grid.points[rnd.pick(mainCells)]!;
        const q: LonLat = [g[0] + rnd.float(-0.5, 0.5) * step, g[1] + rnd.float(-0.5, 0.5) * step];
        return isRuralSpot(q, p.district) ? q : null;
      });
      if (seed) p.seed = seed;
    }
  }
  return pending;
}

/**
 * Communes cut off from the main part of their district (the part holding
 * its seat), each with the grid points of that main part. Read off the sample
 * grid with the communes as Voronoi cells of `pending`.
 */
function strayCommunes(territory: Territory, pending: readonly PendingCommune[]): Map<number, number[]> {
  const grid = territory.grid;
  const index = new NearestSeedIndex(pending.map((p) => p.seed), 0.03);
  const communeOf = Int32Array.from(grid.points, (g) => index.nearest(g));
  const districtOf = (i: number) => pending[communeOf[i]!]!.district;
  const stray = new Map<number, number[]>();
  DISTRICTS.forEach((spec, d) => {
    const start = nearestGridIndex(grid, spec.seat);
    if (start < 0 || districtOf(start) !== d) return;
    const main = new Set<number>([start]);
    const stack = [start];
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (const j of gridNeighbours(grid, i)) {
        if (!main.has(j) && districtOf(j) === d) {
          main.add(j);
          stack.push(j);
        }
      }
    }
    const mainCells = [...main].sort((a, b) => a - b);
    const cut = new Set<number>();
    grid.points.forEach((_, i) => {
      if (districtOf(i) === d && !main.has(i)) cut.add(communeOf[i]!);
    });
    for (const c of [...cut].sort((a, b) => a - b)) stray.set(c, mainCells);
  });
  return stray;
}

/** Share of the province's grid points in each district when communes are the Voronoi cells of `pending`. */
function districtAreaShares(territory: Territory, pending: readonly PendingCommune[]): number[] {
  const index = new NearestSeedIndex(pending.map((p) => p.seed), 0.03);
  const counts = DISTRICTS.map(() => 0);
  for (const g of territory.grid.points) counts[pending[index.nearest(g)]!.district]! += 1;
  return counts.map((c) => c / territory.grid.points.length);
}

/** `population`: the province's people, shared out over districts by their real weights (Tiền Giang's 2023 figure unless a scaled register asks for another). */
export function planAdminUnits(
  random: SeededRandom,
  territory: Territory,
  population: number = POPULATION_2023,
): { districts: PlannedDistrict[]; communes: PlannedCommune[] } {
  // Voronoi cells of unevenly dense seeds shift area towards the denser side,
  // so the district territories are regrown a few times with capacities
  // corrected by how far the resulting districts missed their real share.
  const totalWeight = DISTRICTS.reduce((s, d) => s + d.areaWeight, 0);
  const targets = DISTRICTS.map((d) => d.areaWeight / totalWeight);
  let factors = DISTRICTS.map(() => 1);
  let best: { pending: PendingCommune[]; error: number } | null = null;
  const keys = districtKeys(territory);
  for (let pass = 0; pass < 4; pass++) {
    const pending = placeCommuneSeeds(random, territory, keys, factors);
    const shares = districtAreaShares(territory, pending);
    const error = Math.max(...shares.map((s, d) => Math.abs(s / targets[d]! - 1)));
    if (!best || error < best.error) best = { pending, error };
    factors = factors.map((f, d) => Math.min(1.6, Math.max(0.6, f * (targets[d]! / Math.max(shares[d]!, 1e-6)) ** 0.9)));
  }
  const pending = best!.pending;

  // Codes follow the national order: district by district, phường, thị trấn, xã.
  const ordered = DISTRICTS.flatMap((_, d) => pending.filter((p) => p.district === d));
  territory.setCommuneSeeds(ordered.map((p) => roundLonLat(p.seed)));

  const communes: PlannedCommune[] = ordered.map((p, index) => ({
    index,
    code: String(FIRST_COMMUNE_CODE + COMMUNE_CODE_STEP * index),
    name: `${COMMUNE_TYPE_WORD[p.type]} ${p.shortName}`,
    shortName: p.shortName,
    unitType: p.type,
    districtIndex: p.district,
    seed: territory.communeSeeds[index]!,
    areaKm2: territory.gridOfCommune[index]!.length * territory.grid.cellAreaKm2,
    population: 0,
  }));

  const districtPopulation = apportion(population, DISTRICTS.map((d) => d.populationWeight));
  const districts: PlannedDistrict[] = DISTRICTS.map((spec, d) => ({
    index: d,
    code: spec.code,
    name: spec.name,
    unitType: spec.unitType,
    seat: spec.seat,
    spec,
    communeIndices: communes.filter((c) => c.districtIndex === d).map((c) => c.index),
    population: districtPopulation[d]!,
  }));

  const popRandom = random.fork('commune-population');
  for (const district of districts) {
    const members = district.communeIndices.map((i) => communes[i]!);
    const weights = members.map(
      (c) => Math.max(c.areaKm2, 0.3) * densityFactor(c.unitType, district.spec) * popRandom.logNormal(0.25),
    );
    apportion(district.population, weights).forEach((pop, k) => {
      members[k]!.population = pop;
    });
  }
  return { districts, communes };
}
