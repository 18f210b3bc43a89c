import { DEMO_DENSITY, type DemoPlanDensity } from '../demo-plan.js';
import { DEMO_BTS_TARGETS } from '../demo-sites-and-bts.js';
import { DEMO_INFERENCE_CASES } from '../demo-site-inference-cases.js';

/**
 * How dense each province of a scaled register is.
 *
 * Integer scales are multiples of the demo: every province has the demo's
 * counts (2,000 structures, 4,991 BTS, 1,000 hamlets, 1,790,700 people). The
 * first is the demo itself; the others are planned on a coarser sample grid
 * (≈385 m instead of ≈275 m, still a dozen points in the smallest phường),
 * which halves the planning time and changes no count.
 *
 * 'national' tunes every province so that 63 of them land on issue 8's
 * figures: ≈100,000 sites, ≈250,000 BTS, ≈80,000 hamlets; about 10,800
 * communes (the demo's 172 each: the 2025 merges and commune names come from
 * Tiền Giang's catalogue) and ≈148,000 km of fibre follow from the plan, and
 * Vietnam's 2023 population (100.3 million) is shared out evenly.
 */
export const NATIONAL_TARGETS = { sites: 100_000, bts: 250_000, hamlets: 80_000, communes: 10_000, fiberKm: 150_000 } as const;
export const NATIONAL_PROVINCES = 63;
export const NATIONAL_POPULATION = 100_300_000;

export const COARSE_GRID_STEP_DEG = 0.0035;

/** Demo counts on the coarser grid: provinces 2..N of an integer scale. */
export const DEMO_LIKE_DENSITY: DemoPlanDensity = { ...DEMO_DENSITY, gridStepDeg: COARSE_GRID_STEP_DEG };

const btsFactor = NATIONAL_TARGETS.bts / NATIONAL_PROVINCES / (DEMO_BTS_TARGETS['2G'] + DEMO_BTS_TARGETS['3G'] + DEMO_BTS_TARGETS['4G'] + 14);

export const NATIONAL_DENSITY: DemoPlanDensity = {
  gridStepDeg: COARSE_GRID_STEP_DEG,
  population: Math.round(NATIONAL_POPULATION / NATIONAL_PROVINCES),
  hamlets: Math.round(NATIONAL_TARGETS.hamlets / NATIONAL_PROVINCES),
  sites: {
    // The plan's structures include the few nobody registered (inferred only): the register's sites are the rest.
    sites: Math.round(NATIONAL_TARGETS.sites / NATIONAL_PROVINCES) + DEMO_INFERENCE_CASES.inferredOnly,
    bts: {
      '2G': Math.round(DEMO_BTS_TARGETS['2G'] * btsFactor),
      '3G': Math.round(DEMO_BTS_TARGETS['3G'] * btsFactor),
      '4G': Math.round(DEMO_BTS_TARGETS['4G'] * btsFactor),
    },
  },
};

export type Scale = number | 'national';

/** The density of province `ordinal` (1-based) at a scale. */
export function densityOf(scale: Scale, ordinal: number): DemoPlanDensity {
  if (scale === 'national') return NATIONAL_DENSITY;
  return ordinal === 1 ? DEMO_DENSITY : DEMO_LIKE_DENSITY;
}

export function provinceCount(scale: Scale): number {
  return scale === 'national' ? NATIONAL_PROVINCES : scale;
}
