import { POPULATION_2023 } from './demo-admin-catalogue.js';
import { planAdminUnits, type PlannedCommune, type PlannedDistrict } from './demo-admin-units.js';
import { planCommunes2025, type PlannedCommune2025 } from './demo-commune-merges-2025.js';
import { COVERAGE_GAPS, type CoverageGap } from './demo-coverage-gaps.js';
import { planFiber, type PlannedFiberRoute } from './demo-fiber.js';
import { TARGET_HAMLET_COUNT, planHamlets, type PlannedHamlet } from './demo-hamlets.js';
import { DEMO_OPERATORS, type DemoOperator } from './demo-operators.js';
import type { LonLat } from './demo-plane-geometry.js';
import { buildProvinceShape } from './province-shape.js';
import { DEMO_SITE_COUNTS, planSitesAndBts, type PlannedSite, type SiteCounts } from './demo-sites-and-bts.js';
import { addSiteInferenceCases } from './demo-site-inference-cases.js';
import { buildSampleGrid, Territory } from './demo-territory.js';
import { SeededRandom } from './seeded-random.js';

/** Kế hoạch 540/KH-UBND was signed on 26/12/2023. */
export const DEFAULT_DEMO_SEED = 20231226;

/** Sample grid step, degrees (≈275 m): fine enough for the smallest phường (~2 km²). */
const GRID_STEP_DEG = 0.0025;

/**
 * How dense a province is: the demo's own figures by default. A scaled
 * register (server/src/demo/scaled) asks for other counts so that 63
 * provinces land near the national totals, and for a coarser sample grid,
 * which makes the plan faster (its cost grows with the grid's points).
 */
export interface DemoPlanDensity {
  gridStepDeg: number;
  population: number;
  hamlets: number;
  sites: SiteCounts;
}

export const DEMO_DENSITY: DemoPlanDensity = {
  gridStepDeg: GRID_STEP_DEG,
  population: POPULATION_2023,
  hamlets: TARGET_HAMLET_COUNT, sites: DEMO_SITE_COUNTS };

/**
 * Everything the demo province holds, as plain objects: the pure, seeded
 * "plan" step. Writing it to the database (and building the polygons from its
 * seeds with PostGIS) is a separate step, so the plan's determinism can be
 * checked without a database.
 */
export interface DemoPlan {
  seed: number;
  provinceRing: LonLat[];
  provinceAreaKm2: number;
  operators: DemoOperator[];
  districts: PlannedDistrict[];
  communes: PlannedCommune[];
  communes2025: PlannedCommune2025[];
  hamlets: PlannedHamlet[];
  sites: PlannedSite[];
  fiberRoutes: PlannedFiberRoute[];
  coverageGaps: CoverageGap[];
}

export function buildDemoPlan(seed: number = DEFAULT_DEMO_SEED, density: DemoPlanDensity = DEMO_DENSITY): DemoPlan {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`demo seed must be an integer in 0..4294967295, got ${seed}`);
  const random = new SeededRandom(seed);
  const province = buildProvinceShape(random.fork('province'));
  const territory = new Territory(province.ring, buildSampleGrid(province.ring, density.gridStepDeg));
  const { districts, communes } = planAdminUnits(random.fork('admin-units'), territory, density.population);
  const hamlets = planHamlets(random.fork('hamlets'), territory, communes, density.hamlets);
  const communes2025 = planCommunes2025(random.fork('communes-2025'), territory, districts, communes);
  const sites = planSitesAndBts(random.fork('sites'), territory, districts, communes, hamlets, density.sites);
  // Its own stream: the structures and radio above stay what they were.
  addSiteInferenceCases(random.fork('site-inference'), territory, sites);
  const fiberRoutes = planFiber(random.fork('fiber'), districts, communes, hamlets);
  return {
    seed,
    provinceRing: province.ring,
    provinceAreaKm2: province.areaKm2,
    operators: DEMO_OPERATORS,
    districts,
    communes,
    communes2025,
    hamlets,
    sites,
    fiberRoutes,
    coverageGaps: COVERAGE_GAPS,
  };
}
