import type { Knex } from 'knex';
import type { UnitLevel } from '../contracts/domain-enums.js';
import { allProvincesLevel, type Indicator, type IndicatorSettingsView, type IndicatorsResponse } from '../contracts/indicator-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';
import { indicatorCatalogue } from './indicator-catalogue.js';
import { reportedForUnits, standing, targetsForUnits, trendsForUnit } from './indicator-figures.js';
import { computedFiguresByUnit, type ComputedFigure, type UnitComputedFigures } from './indicator-queries.js';

export interface IndicatorUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  boundarySet: string;
}

/**
 * Every province of a boundary set with several, as one root ("Tất cả tỉnh
 * (N)"): its computed indicators sum the provinces' numerators and
 * denominators (a ratio of sums, never a mean of the provinces' ratios).
 */
export interface AllProvinces {
  level: typeof allProvincesLevel;
  boundarySet: string;
  /** The localized name, e.g. "Tất cả tỉnh (3)". */
  name: string;
  provinces: number;
}

export interface IndicatorInputs {
  unit: IndicatorUnit | AllProvinces;
  scenario: Scenario;
  /** A reporting period code, or null for each reported indicator's latest. */
  period?: string | null;
  settings: IndicatorSettingsView;
  /** The configuration's site sharing target, used until a planner sets one. */
  configSharingTarget: number;
}

/**
 * Every indicator of the registry for one unit (any boundary set) in one
 * scenario: computed ones live from the register and the coverage model,
 * reported ones from the period's figure; each against the target that
 * applies, with its trend.
 */
/** The figures of several units as one: numerators, denominators, breakdown counts, hamlets and people summed. */
export function sumFigures(parts: Iterable<UnitComputedFigures>): UnitComputedFigures {
  const total: UnitComputedFigures = { hamlets: 0, population: 0, figures: new Map() };
  for (const part of parts) {
    total.hamlets += part.hamlets;
    total.population += part.population;
    for (const [code, f] of part.figures) {
      const sum: ComputedFigure = total.figures.get(code) ?? { numerator: 0, denominator: 0, breakdown: f.breakdown.map((b) => ({ ...b, count: 0 })) };
      sum.numerator += f.numerator;
      sum.denominator += f.denominator;
      for (const b of f.breakdown) {
        const into = sum.breakdown.find((x) => x.code === b.code);
        if (into) into.count += b.count;
        else sum.breakdown.push({ ...b });
      }
      total.figures.set(code, sum);
    }
  }
  return total;
}

// No admin unit has id 0 (serial ids start at 1): asking the targets of unit 0 gives only those set for every unit.
const noUnitId = 0;

/**
 * Every indicator of the registry for one unit (any boundary set), or for all
 * provinces of a set, in one scenario: computed ones live from the register and
 * the coverage model, reported ones from the period's figure; each against the
 * target that applies, with its trend. All provinces have the targets set for
 * every unit, no reported figure (they are entered per unit) and no trend.
 */
export async function computeIndicators(knex: Knex, q: IndicatorInputs): Promise<IndicatorsResponse> {
  const period = q.period ?? null;
  const all = q.unit.level === allProvincesLevel ? q.unit : null;
  const unit = all ? null : (q.unit as IndicatorUnit);
  const byUnit = await computedFiguresByUnit(knex, {
    boundarySet: q.unit.boundarySet,
    level: unit ? unit.level : 'province',
    unitId: unit?.id,
    scenario: q.scenario,
    fiberReachM: q.settings.fiberReachM,
  });
  const computed = unit ? byUnit.get(unit.id) : sumFigures(byUnit.values());
  const targetUnitId = unit?.id ?? noUnitId;
  const targets = (await targetsForUnits(knex, [targetUnitId], q.configSharingTarget)).get(targetUnitId);
  const reported = unit ? (await reportedForUnits(knex, unit.boundarySet, [unit.id], period)).get(unit.id) : undefined;
  const trends = unit ? await trendsForUnit(knex, { boundarySet: unit.boundarySet, unitId: unit.id, unitCode: unit.code, scenario: q.scenario }) : new Map();
  const province = unit
    ? ((
        await knex.raw(
          `WITH RECURSIVE up AS (SELECT id, parent_id, name FROM admin_units WHERE id = ?
                               UNION ALL SELECT p.id, p.parent_id, p.name FROM admin_units p JOIN up ON p.id = up.parent_id)
           SELECT name FROM up WHERE parent_id IS NULL`,
          [unit.id],
        )
      ).rows[0]?.name ?? null) as string | null
    : null;
  const indicators: Indicator[] = indicatorCatalogue.map((def) => {
    const figure = computed?.figures.get(def.code);
    const reportedFigure = reported?.get(def.code);
    const s = standing(def, figure, reportedFigure, targets?.get(def.code));
    return {
      ...def,
      value: s.value,
      numerator: s.numerator,
      denominator: s.denominator,
      target: s.target?.value ?? null,
      targetDetail: s.target,
      gap: s.gap,
      status: s.status,
      reported: reportedFigure ?? null,
      trend: trends.get(def.code) ?? [],
      breakdown: figure?.breakdown ?? [],
    };
  });
  return {
    unit: all
      ? { code: '', name: all.name, level: allProvincesLevel, boundarySet: all.boundarySet, provinces: all.provinces, province: null }
      : { code: unit!.code, name: unit!.name, level: unit!.level, boundarySet: unit!.boundarySet, provinces: null, province },
    scenario: q.scenario,
    period,
    settings: q.settings,
    indicators,
  };
}
