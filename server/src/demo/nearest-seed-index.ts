import { degreeDistance2, type LonLat } from './demo-plane-geometry.js';

/**
 * Nearest seed in lon/lat degree space (the metric of ST_VoronoiPolygons on
 * SRID 4326) through a uniform bucket grid: the same answer as a scan over
 * every seed, ties to the lower index, without visiting them all.
 */
export class NearestSeedIndex {
  private readonly buckets = new Map<number, number[]>();
  private readonly minLon: number;
  private readonly minLat: number;
  private readonly cols: number;
  private readonly rows: number;

  constructor(
    private readonly seeds: readonly LonLat[],
    private readonly cellDeg: number,
  ) {
    this.minLon = Math.min(...seeds.map((s) => s[0]));
    this.minLat = Math.min(...seeds.map((s) => s[1]));
    this.cols = Math.floor((Math.max(...seeds.map((s) => s[0])) - this.minLon) / cellDeg) + 1;
    this.rows = Math.floor((Math.max(...seeds.map((s) => s[1])) - this.minLat) / cellDeg) + 1;
    seeds.forEach((s, i) => {
      const key = this.cellOf(s)[1] * this.cols + this.cellOf(s)[0];
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(i);
      else this.buckets.set(key, [i]);
    });
  }

  private cellOf(p: LonLat): [number, number] {
    return [Math.floor((p[0] - this.minLon) / this.cellDeg), Math.floor((p[1] - this.minLat) / this.cellDeg)];
  }

  nearest(p: LonLat): number {
    const [cx, cy] = this.cellOf(p);
    let best = -1;
    let bestD = Infinity;
    const maxRing = Math.max(this.cols, this.rows) + Math.abs(cx) + Math.abs(cy) + 1;
    for (let r = 0; r <= maxRing; r++) {
      for (let y = cy - r; y <= cy + r; y++) {
        if (y < 0 || y >= this.rows) continue;
        const onEdgeRow = y === cy - r || y === cy + r;
        for (let x = cx - r; x <= cx + r; x += onEdgeRow ? 1 : 2 * r) {
          if (x >= 0 && x < this.cols) {
            const bucket = this.buckets.get(y * this.cols + x);
            if (bucket) {
              for (const i of bucket) {
                const d = degreeDistance2(p, this.seeds[i]!);
                if (d < bestD || (d === bestD && i < best)) {
                  bestD = d;
                  best = i;
                }
              }
            }
          }
          if (r === 0) break;
        }
      }
      // Every seed outside rings 0..r is at least r cells away from p.
      if (best >= 0 && Math.sqrt(bestD) <= r * this.cellDeg) break;
    }
    return best;
  }
}
