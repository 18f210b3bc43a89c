import { KM_PER_DEG_LAT, KM_PER_DEG_LON, distanceKm, type LonLat } from './demo-plane-geometry.js';

/**
 * Points in square buckets of about `cellKm`, answering "how far is the
 * nearest point, up to `capKm`" without scanning every point. Used to keep
 * new seeds and sites apart.
 */
export class PointBuckets {
  private readonly buckets = new Map<string, LonLat[]>();
  private readonly cellLon: number;
  private readonly cellLat: number;

  constructor(readonly cellKm: number) {
    this.cellLon = cellKm / KM_PER_DEG_LON;
    this.cellLat = cellKm / KM_PER_DEG_LAT;
  }

  private key(x: number, y: number): string {
    return `${x}:${y}`;
  }

  add(p: LonLat): void {
    const k = this.key(Math.floor(p[0] / this.cellLon), Math.floor(p[1] / this.cellLat));
    const bucket = this.buckets.get(k);
    if (bucket) bucket.push(p);
    else this.buckets.set(k, [p]);
  }

  /** Distance in km to the nearest point, or `capKm` when none is closer than that. */
  nearestDistanceKm(p: LonLat, capKm: number): number {
    const cx = Math.floor(p[0] / this.cellLon);
    const cy = Math.floor(p[1] / this.cellLat);
    const reach = Math.ceil(capKm / this.cellKm);
    let best = capKm;
    for (let y = cy - reach; y <= cy + reach; y++) {
      for (let x = cx - reach; x <= cx + reach; x++) {
        const bucket = this.buckets.get(this.key(x, y));
        if (!bucket) continue;
        for (const q of bucket) best = Math.min(best, distanceKm(p, q));
      }
    }
    return best;
  }
}
