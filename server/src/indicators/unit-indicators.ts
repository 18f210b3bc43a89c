import type { Knex } from 'knex';
import type { UnitLevel } from '../contracts/domain-enums.js';
import type { Indicator, IndicatorSettingsView, IndicatorsResponse } from '../contracts/indicator-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';
import { indicatorCatalogue } from './indicator-catalogue.js';
import { reportedForUnits, standing, targetsForUnits, trendsForUnit } from './indicator-figures.js';
import { computedFiguresByUnit } from './indicator-queries.js';

export interface IndicatorUnit {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  boundarySet: string;
}

export interface IndicatorInputs {
  unit: IndicatorUnit;
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
export async function computeIndicators(knex: Knex, q: IndicatorInputs): Promise<IndicatorsResponse> {
  const period = q.period ?? null;
  const computed = (
    await computedFiguresByUnit(knex, {
      boundarySet: q.unit.boundarySet,
      level: q.unit.level,
      unitId: q.unit.id,
      scenario: q.scenario,
      fiberReachM: q.settings.fiberReachM,
    })
  ).get(q.unit.id);
  const targets = (await targetsForUnits(knex, [q.unit.id], q.configSharingTarget)).get(q.unit.id);
  const reported = (await reportedForUnits(knex, q.unit.boundarySet, [q.unit.id], period)).get(q.unit.id);
  const trends = await trendsForUnit(knex, { boundarySet: q.unit.boundarySet, unitId: q.unit.id, unitCode: q.unit.code, scenario: q.scenario });
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
    unit: { code: q.unit.code, name: q.unit.name, level: q.unit.level, boundarySet: q.unit.boundarySet },
    scenario: q.scenario,
    period,
    settings: q.settings,
    indicators,
  };
}
