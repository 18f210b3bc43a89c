import type { BtsProperties, Feature } from '../domain/contract-types.js';

/** Great-circle distance in metres (spherical Earth, R = 6,371,008.8 m): ample for tens of metres between BTS. */
export function metresBetween(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box of half-width `metres` around a point, in degrees, for the bbox filter of the BTS layer only (distances are then measured in metres). */
export function bboxAround(point: readonly [number, number], metres: number): [number, number, number, number] {
  const dLat = metres / 111_320;
  const dLon = metres / (111_320 * Math.cos((point[1] * Math.PI) / 180));
  return [point[0] - dLon, point[1] - dLat, point[0] + dLon, point[1] + dLat];
}

export interface InferredMember {
  bts: BtsProperties;
  distanceM: number;
}

/**
 * The BTS of an inferred site — the codes the server's assignment lists
 * (`btsCodes` of the shared-sites layer) — read from the BTS layer around it,
 * with their distance to the site's point, nearest first.
 */
export function inferredMembers(
  point: readonly [number, number],
  btsCodes: readonly string[],
  features: readonly Feature<BtsProperties>[],
): InferredMember[] {
  const members = new Set(btsCodes);
  return features
    .filter((f) => members.has(f.properties.code) && f.geometry.type === 'Point')
    .map((f) => ({ bts: f.properties, distanceM: metresBetween(point, f.geometry.coordinates as [number, number]) }))
    .sort((a, b) => a.distanceM - b.distanceM || (a.bts.code < b.bts.code ? -1 : 1));
}
