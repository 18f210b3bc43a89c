import type { PlannedCommune, PlannedDistrict } from './demo-admin-units.js';
import { distanceKm } from './demo-plane-geometry.js';
import type { Territory } from './demo-territory.js';
import { communeStem } from './vietnamese-names.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * The 2025 reform in the demo: from 1 July 2025 districts are gone and
 * communes are merged, here by groups of 2–4 adjacent 2023 communes of the
 * same district, each group named like the real new unit (Phường Mỹ Tho,
 * Xã Cái Bè, …). The group holding the old seat takes the list's first name;
 * a name that was already a 2023 commune's name is given to the group that
 * holds that commune.
 */
export interface PlannedCommune2025 {
  code: string;
  name: string;
  unitType: 'phuong' | 'xa';
  memberIndices: number[];
}

const FIRST_CODE_2025 = 28801;
const CODE_STEP_2025 = 3;

/** Pairs of communes whose cells touch, read off the sample grid. */
export function communeAdjacency(territory: Territory): Set<number>[] {
  const grid = territory.grid;
  const adjacency = territory.communeSeeds.map(() => new Set<number>());
  for (let row = 0; row < grid.rows; row++) {
    for (let col = 0; col < grid.cols; col++) {
      const i = grid.indexAt[row * grid.cols + col]!;
      if (i < 0) continue;
      const a = territory.communeOfGrid[i]!;
      for (const [c, r] of [[col + 1, row], [col, row + 1]] as const) {
        if (c >= grid.cols || r >= grid.rows) continue;
        const j = grid.indexAt[r * grid.cols + c]!;
        if (j < 0) continue;
        const b = territory.communeOfGrid[j]!;
        if (a !== b) {
          adjacency[a]!.add(b);
          adjacency[b]!.add(a);
        }
      }
    }
  }
  return adjacency;
}

/**
 * Agglomerates `members` into `k` connected groups of 2–4: starting from one
 * group per commune, repeatedly merges the adjacent pair that stays within 4
 * and is smallest and closest (with a little noise); null when it gets stuck
 * or leaves a commune alone.
 */
function mergeGroups(
  rnd: SeededRandom,
  members: readonly number[],
  k: number,
  adjacency: readonly Set<number>[],
  communes: readonly PlannedCommune[],
): number[][] | null {
  let groups = members.map((c) => [c]);
  const centre = (g: number[]): [number, number] => [
    g.reduce((s, c) => s + communes[c]!.seed[0], 0) / g.length,
    g.reduce((s, c) => s + communes[c]!.seed[1], 0) / g.length,
  ];
  const touches = (a: number[], b: number[]) => a.some((x) => b.some((y) => adjacency[x]!.has(y)));
  while (groups.length > k) {
    let best: { i: number; j: number; score: number } | null = null;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const size = groups[i]!.length + groups[j]!.length;
        if (size > 4 || !touches(groups[i]!, groups[j]!)) continue;
        const singles = (groups[i]!.length === 1 ? 1 : 0) + (groups[j]!.length === 1 ? 1 : 0);
        const score = size * 10 - singles * 15 + distanceKm(centre(groups[i]!), centre(groups[j]!)) + rnd.next() * 4;
        if (!best || score < best.score) best = { i, j, score };
      }
    }
    if (!best) return null;
    const merged = [...groups[best.i]!, ...groups[best.j]!];
    groups = groups.filter((_, x) => x !== best!.i && x !== best!.j);
    groups.push(merged);
  }
  if (groups.some((g) => g.length < 2)) return null;
  return groups.sort((a, b) => Math.min(...a) - Math.min(...b));
}

export function planCommunes2025(
  random: SeededRandom,
  territory: Territory,
  districts: readonly PlannedDistrict[],
  communes: readonly PlannedCommune[],
): PlannedCommune2025[] {
  const adjacency = communeAdjacency(territory);
  const result: PlannedCommune2025[] = [];
  for (const district of districts) {
    const rnd = random.fork(`merge-2025-${district.code}`);
    const names = district.spec.merged2025;
    const members = district.communeIndices;
    const seatCommune = members.reduce((best, c) =>
      distanceKm(communes[c]!.seed, district.seat) < distanceKm(communes[best]!.seed, district.seat) ? c : best,
    );
    const namesake = names.map((n, k) => {
      if (k === 0) return seatCommune;
      const stem = n.name;
      return members.find((c) => c !== seatCommune && (communes[c]!.shortName === stem || communeStem(communes[c]!.shortName) === stem));
    });
    let groups: number[][] | null = null;
    for (let attempt = 0; attempt < 200 && !groups; attempt++) groups = mergeGroups(rnd, members, names.length, adjacency, communes);
    if (!groups) throw new Error(`could not merge the communes of ${district.name} into ${names.length} groups`);
    // Names: the seat's group first, then each name to the group holding its
    // namesake 2023 commune, the rest in list order.
    const nameOfGroup = new Array<number>(groups.length).fill(-1);
    const seatGroup = groups.findIndex((g) => g.includes(seatCommune));
    nameOfGroup[seatGroup] = 0;
    names.forEach((_, k) => {
      if (k === 0 || namesake[k] === undefined) return;
      const g = groups.findIndex((group) => group.includes(namesake[k]!));
      if (nameOfGroup[g] === -1) nameOfGroup[g] = k;
    });
    const unused = names.map((_, k) => k).filter((k) => !nameOfGroup.includes(k));
    nameOfGroup.forEach((n, g) => {
      if (n === -1) nameOfGroup[g] = unused.shift()!;
    });
    const ordered = groups.map((group, g) => ({ group, k: nameOfGroup[g]! })).sort((a, b) => a.k - b.k);
    for (const { group, k } of ordered) {
      result.push({
        code: String(FIRST_CODE_2025 + CODE_STEP_2025 * result.length),
        name: `${names[k]!.unitType === 'phuong' ? 'Phường' : 'Xã'} ${names[k]!.name}`,
        unitType: names[k]!.unitType,
        memberIndices: group.slice().sort((a, b) => a - b),
      });
    }
  }
  return result;
}
