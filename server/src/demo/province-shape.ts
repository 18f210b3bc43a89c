import { KM_PER_DEG_LAT, KM_PER_DEG_LON, ringAreaKm2, roundLonLat, type LonLat } from './demo-plane-geometry.js';
import type { SeededRandom } from './seeded-random.js';

/**
 * A synthetic outline shaped like Tiền Giang: a strip along the north bank of
 * the Tiền river, about 105.82–106.80 E and 10.20–10.58 N, widest in the west
 * (Cái Bè, Cai Lậy, Tân Phước on the Đồng Tháp Mười edge), narrow around
 * Mỹ Tho and Chợ Gạo, widening again towards the Gò Công coast. It is NOT the
 * real boundary: it is drawn from the key points below, smoothed, given a
 * gentle seeded wobble, and stretched north-south until its area is the
 * province's 2,556 km².
 */
export const TARGET_PROVINCE_AREA_KM2 = 2556;

// Counter-clockwise would also do; PostGIS does not care. West tip first, then
// the north edge eastwards, the sea coast, and the river bank westwards.
const KEY_POINTS: LonLat[] = [
  [105.82, 10.45],
  [105.85, 10.51],
  [105.93, 10.55],
  [106.03, 10.565],
  [106.14, 10.58],
  [106.25, 10.575],
  [106.32, 10.555],
  [106.38, 10.515],
  [106.45, 10.485],
  [106.52, 10.462],
  [106.6, 10.447],
  [106.68, 10.435],
  [106.745, 10.4],
  [106.79, 10.36],
  [106.8, 10.315],
  [106.78, 10.265],
  [106.73, 10.225],
  [106.67, 10.2],
  [106.6, 10.2],
  [106.53, 10.235],
  [106.47, 10.295],
  [106.41, 10.335],
  [106.35, 10.345],
  [106.28, 10.33],
  [106.2, 10.295],
  [106.12, 10.28],
  [106.04, 10.29],
  [105.97, 10.33],
  [105.9, 10.37],
  [105.85, 10.41],
];

/** Chaikin corner cutting on a closed ring: smooth, and stays within the hull. */
function chaikin(ring: LonLat[], iterations: number): LonLat[] {
  let current = ring;
  for (let k = 0; k < iterations; k++) {
    const next: LonLat[] = [];
    for (let i = 0; i < current.length; i++) {
      const a = current[i]!;
      const b = current[(i + 1) % current.length]!;
      next.push([0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]]);
      next.push([0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]]);
    }
    current = next;
  }
  return current;
}

export interface ProvinceShape {
  /** Closed ring without the repeated first point, lon/lat degrees. */
  ring: LonLat[];
  areaKm2: number;
}

export function buildProvinceShape(random: SeededRandom): ProvinceShape {
  const smooth = chaikin(KEY_POINTS, 3);
  // A wobble that crosses its own outline would make an invalid polygon:
  // draw again (deterministically) until the ring is simple.
  for (let attempt = 0; attempt < 20; attempt++) {
    const ring = wobbleAndFit(smooth, random);
    if (isSimpleRing(ring)) return { ring, areaKm2: ringAreaKm2(ring) };
  }
  throw new Error('could not draw a simple province outline');
}

/**
 * Moves each vertex along the outline's normal by a few low-frequency waves
 * (amplitudes a few hundred metres) so the outline looks surveyed, not drawn
 * with a ruler, then stretches it north-south about its middle latitude until
 * its area is the target.
 */
function wobbleAndFit(smooth: readonly LonLat[], random: SeededRandom): LonLat[] {
  const waves = Array.from({ length: 4 }, (_, i) => ({
    amplitudeKm: random.float(0.4, 1.0) / (i + 1),
    frequency: Math.round(random.float(5, 11) * (i + 1)),
    phase: random.float(0, 2 * Math.PI),
  }));
  const n = smooth.length;
  let ring: LonLat[] = smooth.map(([lon, lat], i) => {
    const prev = smooth[(i - 1 + n) % n]!;
    const next = smooth[(i + 1) % n]!;
    const tx = (next[0] - prev[0]) * KM_PER_DEG_LON;
    const ty = (next[1] - prev[1]) * KM_PER_DEG_LAT;
    const len = Math.hypot(tx, ty) || 1;
    const t = i / n;
    const shift = waves.reduce((sum, w) => sum + w.amplitudeKm * Math.sin(2 * Math.PI * w.frequency * t + w.phase), 0);
    return [lon + ((ty / len) * shift) / KM_PER_DEG_LON, lat - ((tx / len) * shift) / KM_PER_DEG_LAT];
  });
  const midLat = (Math.min(...ring.map((p) => p[1])) + Math.max(...ring.map((p) => p[1]))) / 2;
  for (let k = 0; k < 3; k++) {
    const factor = TARGET_PROVINCE_AREA_KM2 / ringAreaKm2(ring);
    ring = ring.map(([lon, lat]) => [lon, midLat + (lat - midLat) * factor]);
  }
  return ring.map(roundLonLat);
}

function segmentsCross(a: LonLat, b: LonLat, c: LonLat, d: LonLat): boolean {
  const orient = (p: LonLat, q: LonLat, r: LonLat) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
}

/** True when no two non-adjacent edges of the closed ring cross. */
export function isSimpleRing(ring: readonly LonLat[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (segmentsCross(ring[i]!, ring[(i + 1) % n]!, ring[j]!, ring[(j + 1) % n]!)) return false;
    }
  }
  return true;
}

/** GeoJSON Polygon text of a ring (closing it). */
export function ringToGeoJsonPolygon(ring: readonly LonLat[]): string {
  return JSON.stringify({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
}
