/**
 * Plane geometry for planning the demo province in TypeScript before any SQL
 * runs. Two planes are used on purpose:
 *
 * - lon/lat degrees, for which commune and hamlet a point falls in: the SQL
 *   step builds cells with ST_VoronoiPolygons on SRID 4326 coordinates, so
 *   "nearest seed in degrees" is exactly the cell that PostGIS will build;
 * - a local metric plane (km, equirectangular at 10.4° N), for distances,
 *   spacing and bearings, which are only used to make the plan plausible.
 *
 * Radii are the WGS 84 ellipsoid's at 10.4° N, so distances and areas agree
 * with PostGIS geography to a fraction of a percent across the province.
 */

export type LonLat = [number, number];

/** WGS 84 semi-major axis (km) and first eccentricity squared. */
const WGS84_A_KM = 6378.137;
const WGS84_E2 = 0.00669437999014;
/** Reference latitude of the local metric plane (the middle of the province). */
export const PLANE_LAT0 = 10.4;
const PHI0 = (PLANE_LAT0 * Math.PI) / 180;
const W0 = 1 - WGS84_E2 * Math.sin(PHI0) ** 2;
/** Meridional and prime-vertical radii of curvature of the ellipsoid at PLANE_LAT0, km. */
const MERIDIAN_RADIUS_KM = (WGS84_A_KM * (1 - WGS84_E2)) / W0 ** 1.5;
const PRIME_VERTICAL_RADIUS_KM = WGS84_A_KM / Math.sqrt(W0);
export const KM_PER_DEG_LAT = (Math.PI / 180) * MERIDIAN_RADIUS_KM;
export const KM_PER_DEG_LON = (Math.PI / 180) * PRIME_VERTICAL_RADIUS_KM * Math.cos(PHI0);

/** Rounds to 7 decimals (about 1 cm): stable text for hashing and SQL. */
export function roundCoord(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

export function roundLonLat([lon, lat]: LonLat): LonLat {
  return [roundCoord(lon), roundCoord(lat)];
}

/** Distance in km on the local metric plane (good to <1% across the province). */
export function distanceKm(a: LonLat, b: LonLat): number {
  const dx = (a[0] - b[0]) * KM_PER_DEG_LON;
  const dy = (a[1] - b[1]) * KM_PER_DEG_LAT;
  return Math.hypot(dx, dy);
}

/** Point `km` away from `origin` towards `bearingDeg` (0 = north, clockwise). */
export function offsetKm(origin: LonLat, bearingDeg: number, km: number): LonLat {
  const rad = (bearingDeg * Math.PI) / 180;
  return [origin[0] + (Math.sin(rad) * km) / KM_PER_DEG_LON, origin[1] + (Math.cos(rad) * km) / KM_PER_DEG_LAT];
}

/** Bearing from `a` to `b` in degrees, 0 = north, clockwise, in [0, 360). */
export function bearingDeg(a: LonLat, b: LonLat): number {
  const dx = (b[0] - a[0]) * KM_PER_DEG_LON;
  const dy = (b[1] - a[1]) * KM_PER_DEG_LAT;
  const deg = (Math.atan2(dx, dy) * 180) / Math.PI;
  return (deg + 360) % 360;
}

/**
 * Area in km² of a closed ring of lon/lat degrees: sinusoidal (equal-area)
 * on a sphere whose Gaussian radius √(M·N) is the ellipsoid's at 10.4° N, which
 * matches ST_Area(geography) to well under 0.1% across a province.
 */
export function ringAreaKm2(ring: readonly LonLat[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon1, lat1] = ring[i]!;
    const [lon2, lat2] = ring[(i + 1) % ring.length]!;
    const x1 = ((lon1 * Math.PI) / 180) * Math.cos((lat1 * Math.PI) / 180);
    const x2 = ((lon2 * Math.PI) / 180) * Math.cos((lat2 * Math.PI) / 180);
    twice += (x1 * lat2 * Math.PI) / 180 - (x2 * lat1 * Math.PI) / 180;
  }
  return (Math.abs(twice) / 2) * MERIDIAN_RADIUS_KM * PRIME_VERTICAL_RADIUS_KM;
}

/** Even-odd point-in-polygon test on a ring (degrees). */
export function pointInRing(point: LonLat, ring: readonly LonLat[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shortest distance in km from a point to a ring's edges (local metric plane). */
export function distanceToRingKm(point: LonLat, ring: readonly LonLat[]): number {
  let best = Infinity;
  const px = point[0] * KM_PER_DEG_LON;
  const py = point[1] * KM_PER_DEG_LAT;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const ax = ring[j]![0] * KM_PER_DEG_LON;
    const ay = ring[j]![1] * KM_PER_DEG_LAT;
    const bx = ring[i]![0] * KM_PER_DEG_LON;
    const by = ring[i]![1] * KM_PER_DEG_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(px - (ax + t * dx), py - (ay + t * dy)));
  }
  return best;
}

/** Squared distance in degree space: the metric ST_VoronoiPolygons on SRID 4326 uses. */
export function degreeDistance2(a: LonLat, b: LonLat): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  return dx * dx + dy * dy;
}

/** Index of the nearest seed in degree space (ties go to the lower index). */
export function nearestSeedIndex(point: LonLat, seeds: readonly LonLat[], indices?: readonly number[]): number {
  let best = -1;
  let bestD = Infinity;
  const list = indices ?? seeds.map((_, i) => i);
  for (const i of list) {
    const d = degreeDistance2(point, seeds[i]!);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** Length in km of a polyline (local metric plane). */
export function lineLengthKm(line: readonly LonLat[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i++) sum += distanceKm(line[i - 1]!, line[i]!);
  return sum;
}
