import { bearingDeg, distanceKm, type LonLat } from './demo-plane-geometry.js';

/**
 * Deliberately uncovered rural areas, so that coverage analysis has trắng sóng
 * and lõm sóng hamlets to find. Where they are (all in rural xã, far from any
 * thị trấn or phường):
 *
 * 1. North-west Cái Bè, on the Đồng Tháp Mười edge (≈105.88 E, 10.47 N).
 * 2. North Tân Phước, the acid-sulphate plain (≈106.20 E, 10.54 N).
 * 3. North Chợ Gạo, near the Long An border (≈106.46 E, 10.44 N).
 * 4. East of the Tân Phú Đông islands, near the river mouth (≈106.66 E, 10.225 N).
 *
 * No site stands within `exclusionRadiusKm` of a centre. Because neighbouring
 * sites would otherwise reach into the hole (rural ranges are several km), every
 * site within `shadowRadiusKm` turns its three 65° sectors so that the gap
 * centre falls in the 55° wedge between two sectors: the footprint model
 * (azimuth ± beamwidth/2) then leaves a core of radius ≈ d·sin(25°) around the
 * centre, d being the distance to the nearest site (≥ the exclusion radius).
 * The centres are more than twice the shadow radius apart, so no site has to
 * face away from two gaps at once.
 */
export interface CoverageGap {
  name: string;
  centre: LonLat;
  exclusionRadiusKm: number;
  shadowRadiusKm: number;
}

export const COVERAGE_GAPS: CoverageGap[] = [
  { name: 'Tây bắc Cái Bè', centre: [105.88, 10.47], exclusionRadiusKm: 3.5, shadowRadiusKm: 14 },
  { name: 'Bắc Tân Phước', centre: [106.2, 10.54], exclusionRadiusKm: 3.5, shadowRadiusKm: 14 },
  { name: 'Bắc Chợ Gạo', centre: [106.46, 10.44], exclusionRadiusKm: 3.0, shadowRadiusKm: 14 },
  { name: 'Đông Tân Phú Đông', centre: [106.66, 10.225], exclusionRadiusKm: 3.0, shadowRadiusKm: 14 },
];

export function isInGapExclusion(point: LonLat, gaps: readonly CoverageGap[] = COVERAGE_GAPS): boolean {
  return gaps.some((g) => distanceKm(point, g.centre) < g.exclusionRadiusKm);
}

/** Bearing from the point to the centre of the gap whose shadow it stands in, if any. */
export function bearingToShadowingGap(point: LonLat, gaps: readonly CoverageGap[] = COVERAGE_GAPS): number | null {
  let best: CoverageGap | null = null;
  let bestD = Infinity;
  for (const gap of gaps) {
    const d = distanceKm(point, gap.centre);
    if (d < gap.shadowRadiusKm && d < bestD) {
      best = gap;
      bestD = d;
    }
  }
  return best ? bearingDeg(point, best.centre) : null;
}
