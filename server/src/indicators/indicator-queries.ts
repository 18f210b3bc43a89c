import type { Knex } from 'knex';
import type { UnitLevel } from '../contracts/domain-enums.js';
import type { Indicator, IndicatorsResponse } from '../contracts/indicator-contracts.js';
import { activeStatusesOf, type Scenario } from '../contracts/sharing-contracts.js';
import { sharingRatioFor } from '../sharing/sharing-queries.js';
import { breakdownNames, computedIndicators, type IndicatorDefinition } from './indicator-catalogue.js';

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
  fiberReachM: number;
  coverageTheta: number;
  siteInferenceEpsM: number;
  /** Targets by indicator code (0–1 for shares); an indicator without one has target and status null. */
  targets: Partial<Record<string, number>>;
}

function indicator(
  def: IndicatorDefinition,
  numerator: number,
  denominator: number,
  target: number | undefined,
  breakdown: Indicator['breakdown'] = [],
): Indicator {
  const value = denominator === 0 ? null : numerator / denominator;
  return {
    ...def,
    value,
    numerator,
    denominator,
    target: target ?? null,
    status: target === undefined || value === null ? null : value >= target ? 'met' : 'below',
    breakdown,
  };
}

/**
 * The computed indicators of one unit (any boundary set) in one scenario: the
 * numbers come from the SQL functions hatang_unit_coverage_counts (stored
 * verdicts), hatang_unit_fiber_reach, hatang_unit_fiber_lengths and the
 * sharing ratios of site inference.
 */
export async function computeIndicators(knex: Knex, q: IndicatorInputs): Promise<IndicatorsResponse> {
  const statuses = [...activeStatusesOf[q.scenario]];
  const coverage = (await knex.raw('SELECT * FROM hatang_unit_coverage_counts(?, ?)', [q.unit.id, q.scenario])).rows[0] as Record<string, number | string>;
  const fiber = (await knex.raw('SELECT * FROM hatang_unit_fiber_reach(?, ?::float8, ?::text[])', [q.unit.id, q.fiberReachM, statuses]))
    .rows[0] as Record<string, number>;
  const lengths = (await knex.raw('SELECT * FROM hatang_unit_fiber_lengths(?, ?::text[])', [q.unit.id, statuses])).rows[0] as Record<string, number>;
  const sharing = await sharingRatioFor(knex, { boundarySet: q.unit.boundarySet, unitCode: q.unit.code, scenario: q.scenario });
  // bigint sums arrive as strings from node-postgres.
  const n = (v: number | string | undefined) => Number(v ?? 0);
  const round = (m: number) => Math.round(m * 10) / 10;
  const hamlets = n(coverage.hamlets);
  const population = n(coverage.population);
  const t = (def: IndicatorDefinition) => q.targets[def.code];
  const c = computedIndicators;
  const indicators: Indicator[] = [
    indicator(c.hamletsMobileBroadband, n(coverage.covered), hamlets, t(c.hamletsMobileBroadband), [
      { code: 'lom_song', name: breakdownNames.lom_song, count: n(coverage.lom_song) },
      { code: 'trang_song', name: breakdownNames.trang_song, count: n(coverage.trang_song) },
    ]),
    indicator(c.population4g, n(coverage.population_4g), population, t(c.population4g)),
    indicator(c.population5g, n(coverage.population_5g), population, t(c.population5g)),
    indicator(c.hamletsFiber, n(fiber.reached), n(fiber.hamlets), t(c.hamletsFiber)),
    indicator(c.undergroundFiber, round(n(lengths.underground_m)), round(n(lengths.total_m)), t(c.undergroundFiber)),
    indicator(c.siteSharing, sharing.siteRatio.numerator, sharing.siteRatio.denominator, t(c.siteSharing)),
  ];
  return {
    unit: { code: q.unit.code, name: q.unit.name, level: q.unit.level, boundarySet: q.unit.boundarySet },
    scenario: q.scenario,
    settings: { coverageTheta: q.coverageTheta, fiberReachM: q.fiberReachM, siteInferenceEpsM: q.siteInferenceEpsM },
    indicators,
  };
}
