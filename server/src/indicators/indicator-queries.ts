import type { Knex } from 'knex';
import type { UnitLevel } from '../contracts/domain-enums.js';
import type { Bilingual } from '../contracts/indicator-contracts.js';
import { activeStatusesOf, type Scenario } from '../contracts/sharing-contracts.js';
import { breakdownNames, computedIndicators } from './indicator-catalogue.js';

/** The numerator and denominator of one computed indicator for one unit, with further counts behind them. */
export interface ComputedFigure {
  numerator: number;
  denominator: number;
  breakdown: { code: string; name: Bilingual; count: number }[];
}

/** Per unit id: the computed indicators by code, and the unit's hamlets and people. */
export interface UnitComputedFigures {
  hamlets: number;
  population: number;
  figures: Map<string, ComputedFigure>;
}

export interface CountsQuery {
  boundarySet: string;
  /** Every unit of this level … */
  level: UnitLevel;
  /** … or only this unit (its level must be `level`). */
  unitId?: number;
  scenario: Scenario;
  fiberReachM: number;
}

interface CountsRow {
  unit_id: number;
  hamlets: number;
  population: number | string;
  covered: number;
  lom_song: number;
  trang_song: number;
  population_4g: number | string;
  population_5g: number | string;
  fiber_reached: number;
  underground_m: number;
  fiber_m: number;
}

interface SharingRow {
  unit_id: number;
  sites_active: number;
  sites_shared: number;
}

const roundDm = (m: number) => Math.round(m * 10) / 10;
const figure = (numerator: number, denominator: number, breakdown: ComputedFigure['breakdown'] = []): ComputedFigure => ({ numerator, denominator, breakdown });

/**
 * The computed indicators of every unit of a level (or of one unit), set-based:
 * hatang_unit_indicator_counts gives hamlet verdicts, people covered, fiber
 * reach and lengths in one pass, hatang_sharing_ratios the sharing counts of
 * the level (sites placed by their point in the level's units).
 */
export async function computedFiguresByUnit(knex: Knex, q: CountsQuery): Promise<Map<number, UnitComputedFigures>> {
  const statuses = [...activeStatusesOf[q.scenario]];
  const counts = (
    await knex.raw('SELECT * FROM hatang_unit_indicator_counts(?, ?, ?::integer, ?, ?::float8, ?::text[])', [
      q.boundarySet,
      q.level,
      q.unitId ?? null,
      q.scenario,
      q.fiberReachM,
      statuses,
    ])
  ).rows as CountsRow[];
  const sharing = (await knex.raw('SELECT unit_id, sites_active, sites_shared FROM hatang_sharing_ratios(?, ?, ?::text[])', [q.boundarySet, q.level, statuses]))
    .rows as SharingRow[];
  const sharingByUnit = new Map(sharing.map((s) => [s.unit_id, s]));
  const c = computedIndicators;
  const result = new Map<number, UnitComputedFigures>();
  for (const r of counts) {
    // bigint sums arrive as strings from node-postgres.
    const population = Number(r.population);
    const s = sharingByUnit.get(r.unit_id);
    const figures = new Map<string, ComputedFigure>([
      [
        c.hamletsMobileBroadband.code,
        figure(r.covered, r.hamlets, [
          { code: 'lom_song', name: breakdownNames.lom_song, count: r.lom_song },
          { code: 'trang_song', name: breakdownNames.trang_song, count: r.trang_song },
        ]),
      ],
      [c.population4g.code, figure(Number(r.population_4g), population)],
      [c.population5g.code, figure(Number(r.population_5g), population)],
      [c.hamletsFiber.code, figure(r.fiber_reached, r.hamlets)],
      [c.undergroundFiber.code, figure(roundDm(r.underground_m), roundDm(r.fiber_m))],
      [c.siteSharing.code, figure(Number(s?.sites_shared ?? 0), Number(s?.sites_active ?? 0))],
    ]);
    result.set(r.unit_id, { hamlets: r.hamlets, population, figures });
  }
  return result;
}
