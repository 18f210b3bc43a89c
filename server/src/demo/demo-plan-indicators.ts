import type { Knex } from 'knex';
import { computedIndicators, indicatorCatalogue, reportedIndicators, seedPlanDocument, seedPlanFigures2023 } from '../indicators/indicator-catalogue.js';
import { PROVINCE_2023 } from './demo-admin-catalogue.js';
import { BOUNDARY_SET_2023, DEMO_SOURCE, DEMO_SOURCE_DATE } from './demo-constants.js';
import { SeededRandom } from './seeded-random.js';

/** Written in every made-up target's and reported value's `document`: no one may take them for the plan's. */
export const DEMO_TARGET_DOCUMENT = 'Dữ liệu minh hoạ — không phải chỉ tiêu chính thức';
export const DEMO_FIGURE_DOCUMENT = 'Dữ liệu minh hoạ — không phải số liệu chính thức';
/** The site sharing target's document: its value is the configuration's, not made up. */
export const CONFIG_SHARING_TARGET_DOCUMENT = 'Theo cấu hình HATANG_SHARING_TARGET';

export const DEMO_TARGET_YEAR = 2025;
export const DEMO_COMMUNE_PERIOD = '2024';

/**
 * Made-up 2025 targets for the demo, in each indicator's measure (a share in
 * 0–1), of the order the plan's criteria set; the site sharing ratio's comes
 * from the configuration instead.
 */
const demoTargets2025: Record<string, number> = {
  [computedIndicators.hamletsMobileBroadband.code]: 1,
  [computedIndicators.population4g.code]: 0.99,
  [computedIndicators.population5g.code]: 0.3,
  [computedIndicators.hamletsFiber.code]: 0.95,
  [computedIndicators.undergroundFiber.code]: 0.4,
  [reportedIndicators.mobileBroadbandSubscriptions.code]: 90,
  [reportedIndicators.smartphoneShare.code]: 0.85,
  [reportedIndicators.adultsWithSmartphone.code]: 0.85,
  [reportedIndicators.mobileSpeed.code]: 40,
  [reportedIndicators.fixedSpeed.code]: 120,
  [reportedIndicators.householdsFtth.code]: 0.8,
};

/**
 * Per commune of 2023, reported for 2024: uniform in a range that depends on
 * whether the commune is urban (phường, thị trấn) or rural (xã). Made up, so
 * the per-unit table, its map and the crosswalk to the 2025 communes have
 * figures to show.
 */
const communeFigures2024: { indicator: string; rural: [number, number]; urban: [number, number]; decimals: number }[] = [
  { indicator: reportedIndicators.mobileBroadbandSubscriptions.code, rural: [60, 85], urban: [85, 110], decimals: 2 },
  { indicator: reportedIndicators.smartphoneShare.code, rural: [0.68, 0.8], urban: [0.8, 0.9], decimals: 3 },
  { indicator: reportedIndicators.householdsFtth.code, rural: [0.45, 0.7], urban: [0.7, 0.9], decimals: 3 },
];

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export interface DemoPlanIndicatorCounts {
  targets: number;
  reportedValues: number;
}

/**
 * The plan's registry for the demo province: the plan's 2023 figures
 * (Kế hoạch 540/KH-UBND) as reported values of the 2023 set's province, a 2025
 * target for every indicator for every unit, and 2024 figures per 2023
 * commune drawn from the demo's seed (its own stream: the register does not
 * move). One insert per table, in the seeding transaction.
 */
export async function writeDemoPlanIndicators(
  trx: Knex.Transaction,
  options: { seed: number; sharingTargetRatio: number },
): Promise<DemoPlanIndicatorCounts> {
  const provenance = { updated_by: DEMO_SOURCE, source: DEMO_SOURCE, source_date: DEMO_SOURCE_DATE };
  const targets = indicatorCatalogue.map((d) => {
    const sharing = d.code === computedIndicators.siteSharing.code;
    const value = sharing ? options.sharingTargetRatio : demoTargets2025[d.code];
    if (value === undefined) throw new Error(`demo: no 2025 target for indicator ${d.code}`);
    return {
      indicator_code: d.code, unit_id: null, target_year: DEMO_TARGET_YEAR, value,
      document: sharing ? CONFIG_SHARING_TARGET_DOCUMENT : DEMO_TARGET_DOCUMENT, ...provenance,
    };
  });
  await trx('indicator_targets').insert(targets);

  const units = (
    await trx.raw(`SELECT id, code, level, unit_type FROM admin_units WHERE boundary_set = ? AND level IN ('province', 'commune') ORDER BY code COLLATE "C"`, [
      BOUNDARY_SET_2023,
    ])
  ).rows as { id: number; code: string; level: string; unit_type: string }[];
  // The plan's 2023 figures are Tiền Giang's (Kế hoạch 540): in a scaled register they belong to it alone.
  const province = units.find((u) => u.level === 'province' && u.code === PROVINCE_2023.code);
  if (!province) throw new Error(`demo: boundary set ${BOUNDARY_SET_2023} has no province ${PROVINCE_2023.code}`);
  const values = seedPlanFigures2023.map((f) => ({
    indicator_code: f.indicator, unit_id: province.id, period_code: '2023', value: f.value, document: seedPlanDocument, ...provenance,
  }));
  const random = new SeededRandom(options.seed).fork('plan-indicators');
  for (const unit of units.filter((u) => u.level === 'commune')) {
    const urban = unit.unit_type === 'phuong' || unit.unit_type === 'thi_tran';
    for (const f of communeFigures2024) {
      const [min, max] = urban ? f.urban : f.rural;
      values.push({
        indicator_code: f.indicator, unit_id: unit.id, period_code: DEMO_COMMUNE_PERIOD, value: round(random.float(min, max), f.decimals),
        document: DEMO_FIGURE_DOCUMENT, ...provenance,
      });
    }
  }
  // In batches: a national register has ~32,000 commune figures, over PostgreSQL's 65,535 bound parameters per statement.
  for (let i = 0; i < values.length; i += 5000) await trx('indicator_reported_values').insert(values.slice(i, i + 5000));
  return { targets: targets.length, reportedValues: values.length };
}
