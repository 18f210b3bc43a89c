import {
  KM_PER_DEG_LAT,
  KM_PER_DEG_LON,
  degreeDistance2,
  distanceToRingKm,
  pointInRing,
  type LonLat,
} from './demo-plane-geometry.js';
import { NearestSeedIndex } from './nearest-seed-index.js';

/**
 * Which commune and hamlet a point falls in, answered in TypeScript exactly as
 * PostGIS will draw them: communes are the Voronoi cells (in lon/lat degrees)
 * of the commune seeds clipped to the province ring, hamlets the Voronoi cells
 * of their commune's hamlet seeds clipped to the commune. A regular sample grid
 * over the province gives areas and lets the planner draw random points inside
 * a given commune or hamlet.
 */
export interface SampleGrid {
  points: LonLat[];
  stepDeg: number;
  /** Area one grid point stands for, in km². */
  cellAreaKm2: number;
  /** Lon/lat of column 0, row 0 (a cell centre). */
  origin: LonLat;
  cols: number;
  rows: number;
  /** Point index at (row * cols + col), -1 outside the province. */
  indexAt: Int32Array;
}

/** Smallest km per degree in either direction: turns degree distances into a safe km margin. */
const KM_PER_DEG_MIN = Math.min(KM_PER_DEG_LON, KM_PER_DEG_LAT);

export function buildSampleGrid(ring: readonly LonLat[], stepDeg: number): SampleGrid {
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const cols = Math.ceil((maxLon - minLon) / stepDeg);
  const rows = Math.ceil((maxLat - minLat) / stepDeg);
  const origin: LonLat = [minLon + stepDeg / 2, minLat + stepDeg / 2];
  const indexAt = new Int32Array(cols * rows).fill(-1);
  const points: LonLat[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      const p: LonLat = [origin[0] + col * stepDeg, origin[1] + row * stepDeg];
      if (!pointInRing(p, ring)) continue;
      indexAt[row * cols + col] = points.length;
      points.push(p);
    }
  }
  const midLatRad = (((minLat + maxLat) / 2) * Math.PI) / 180;
  const cellAreaKm2 = stepDeg * KM_PER_DEG_LAT * Math.cos(midLatRad) * stepDeg * KM_PER_DEG_LAT;
  return { points, stepDeg, cellAreaKm2, origin, cols, rows, indexAt };
}

/** Index of the grid point nearest to p, or -1 when that cell is outside the province. */
export function nearestGridIndex(grid: SampleGrid, p: LonLat): number {
  const col = Math.round((p[0] - grid.origin[0]) / grid.stepDeg);
  const row = Math.round((p[1] - grid.origin[1]) / grid.stepDeg);
  if (col < 0 || row < 0 || col >= grid.cols || row >= grid.rows) return -1;
  return grid.indexAt[row * grid.cols + col]!;
}

/** The 4-connected neighbours of grid point i that are inside the province. */
export function gridNeighbours(grid: SampleGrid, i: number): number[] {
  const p = grid.points[i]!;
  const col = Math.round((p[0] - grid.origin[0]) / grid.stepDeg);
  const row = Math.round((p[1] - grid.origin[1]) / grid.stepDeg);
  const out: number[] = [];
  for (const [dc, dr] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
    const c = col + dc;
    const r = row + dr;
    if (c < 0 || r < 0 || c >= grid.cols || r >= grid.rows) continue;
    const j = grid.indexAt[r * grid.cols + c]!;
    if (j >= 0) out.push(j);
  }
  return out;
}

export class Territory {
  readonly communeSeeds: LonLat[] = [];
  private communeIndex: NearestSeedIndex | null = null;
  /** Commune index of every grid point. */
  communeOfGrid: Int32Array = new Int32Array(0);
  /** Grid point indices of every commune. */
  gridOfCommune: number[][] = [];

  readonly hamletSeeds: LonLat[] = [];
  readonly hamletCommune: number[] = [];
  hamletsOfCommune: number[][] = [];
  hamletOfGrid: Int32Array = new Int32Array(0);
  gridOfHamlet: number[][] = [];

  /** Distance in km from each grid point to the province outline. */
  private readonly gridRingDistanceKm: Float64Array;
  /** Half the diagonal of a grid cell, km: how far a point can be from its nearest grid point. */
  private readonly halfDiagonalKm: number;

  constructor(
    readonly ring: LonLat[],
    readonly grid: SampleGrid,
  ) {
    this.gridRingDistanceKm = Float64Array.from(grid.points, (p) => distanceToRingKm(p, ring));
    this.halfDiagonalKm = (Math.hypot(KM_PER_DEG_LON, KM_PER_DEG_LAT) * grid.stepDeg) / 2;
  }

  /**
   * Distance in km from p to the province outline: exact up to 1 km, a lower
   * bound beyond (read off the nearest grid point, which is cheap); callers
   * only compare it with margins well under 1 km.
   */
  private ringDistanceKm(p: LonLat): number {
    const i = nearestGridIndex(this.grid, p);
    if (i >= 0) {
      const far = this.gridRingDistanceKm[i]! - this.halfDiagonalKm;
      if (far > 1) return far;
    }
    return distanceToRingKm(p, this.ring);
  }

  setCommuneSeeds(seeds: LonLat[]): void {
    this.communeSeeds.splice(0, this.communeSeeds.length, ...seeds);
    this.communeIndex = new NearestSeedIndex(this.communeSeeds, 0.03);
    this.communeOfGrid = new Int32Array(this.grid.points.length);
    this.gridOfCommune = seeds.map(() => []);
    this.grid.points.forEach((p, i) => {
      const c = this.nearestCommuneSeed(p);
      this.communeOfGrid[i] = c;
      this.gridOfCommune[c]!.push(i);
    });
    this.hamletsOfCommune = seeds.map(() => []);
  }

  setHamletSeeds(seeds: LonLat[], communeOfHamlet: number[]): void {
    this.hamletSeeds.splice(0, this.hamletSeeds.length, ...seeds);
    this.hamletCommune.splice(0, this.hamletCommune.length, ...communeOfHamlet);
    this.hamletsOfCommune = this.communeSeeds.map(() => []);
    communeOfHamlet.forEach((c, h) => this.hamletsOfCommune[c]!.push(h));
    this.hamletOfGrid = new Int32Array(this.grid.points.length);
    this.gridOfHamlet = seeds.map(() => []);
    this.grid.points.forEach((p, i) => {
      const c = this.communeOfGrid[i]!;
      const h = nearest(p, this.hamletSeeds, this.hamletsOfCommune[c]!);
      this.hamletOfGrid[i] = h;
      if (h >= 0) this.gridOfHamlet[h]!.push(i);
    });
  }

  private nearestCommuneSeed(p: LonLat): number {
    return this.communeIndex ? this.communeIndex.nearest(p) : -1;
  }

  isInProvince(p: LonLat): boolean {
    const i = nearestGridIndex(this.grid, p);
    // A grid point well inside vouches for everything within half a cell of it.
    if (i >= 0 && this.gridRingDistanceKm[i]! > this.halfDiagonalKm * 1.5) return true;
    return pointInRing(p, this.ring);
  }

  /** Commune index, or -1 outside the province. */
  locateCommune(p: LonLat): number {
    if (!this.isInProvince(p)) return -1;
    return this.nearestCommuneSeed(p);
  }

  /** Hamlet index, or -1 outside the province or where no hamlet seeds exist yet. */
  locateHamlet(p: LonLat): number {
    const c = this.locateCommune(p);
    if (c < 0) return -1;
    return nearest(p, this.hamletSeeds, this.hamletsOfCommune[c]!);
  }

  /**
   * Distance in km from a point to the edge of commune `c` (the Voronoi edges
   * from the bisector formula in degree space, the outline exactly up to 1 km),
   * or -1 when the point is not in that commune.
   */
  communeMarginKm(p: LonLat, c: number): number {
    if (!this.isInProvince(p)) return -1;
    const own = this.nearestCommuneSeed(p);
    if (own !== c) return -1;
    return Math.min(this.ringDistanceKm(p), bisectorMarginKm(p, this.communeSeeds, c, null));
  }

  /** Distance in km from a point to the edge of hamlet `h`, or -1 when it is not in it. */
  hamletMarginKm(p: LonLat, h: number): number {
    const c = this.hamletCommune[h]!;
    const communeMargin = this.communeMarginKm(p, c);
    if (communeMargin < 0) return -1;
    const siblings = this.hamletsOfCommune[c]!;
    if (nearest(p, this.hamletSeeds, siblings) !== h) return -1;
    return Math.min(communeMargin, bisectorMarginKm(p, this.hamletSeeds, h, siblings));
  }
}

function nearest(p: LonLat, seeds: readonly LonLat[], indices: readonly number[] | null): number {
  let best = -1;
  let bestD = Infinity;
  if (indices) {
    for (const i of indices) {
      const d = degreeDistance2(p, seeds[i]!);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
  } else {
    for (let i = 0; i < seeds.length; i++) {
      const d = degreeDistance2(p, seeds[i]!);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
  }
  return best;
}

/** Distance (km, conservative) from p to the nearest bisector between seed `own` and another seed. */
function bisectorMarginKm(p: LonLat, seeds: readonly LonLat[], own: number, indices: readonly number[] | null): number {
  const s = seeds[own]!;
  const dOwn = degreeDistance2(p, s);
  let best = Infinity;
  const list = indices ?? seeds.map((_, i) => i);
  for (const t of list) {
    if (t === own) continue;
    const other = seeds[t]!;
    const sep = Math.sqrt(degreeDistance2(s, other));
    if (sep === 0) continue;
    const d = (degreeDistance2(p, other) - dOwn) / (2 * sep);
    if (d < best) best = d;
  }
  return best * KM_PER_DEG_MIN;
}
