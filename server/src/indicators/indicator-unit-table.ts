import type { Knex } from 'knex';
import type { UnitLevel } from '../contracts/domain-enums.js';
import type { IndicatorSettingsView, IndicatorUnitRow, IndicatorUnitsResponse, UnitIndicatorValue } from '../contracts/indicator-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';
import { indicatorCatalogue } from './indicator-catalogue.js';
import { reportedForUnits, standing, targetsForUnits } from './indicator-figures.js';
import { computedFiguresByUnit } from './indicator-queries.js';
import type { IndicatorUnit } from './unit-indicators.js';

export interface UnitTableQuery {
  boundarySet: string;
  level: UnitLevel;
  scenario: Scenario;
  period: string | null;
  /** Only the units under this one (the drill-down), or every unit of the level. */
  parent: IndicatorUnit | null;
  settings: IndicatorSettingsView;
  configSharingTarget: number;
}

interface UnitSql {
  id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parent_code: string | null;
  parent_name: string | null;
}

/**
 * Every unit of one level of a boundary set (under `parent` when given) with
 * every indicator's value, target and status: the table, the bar chart and the
 * choropleth of the dashboard, the report and the export. One set-based pass
 * per level, not one query per unit.
 */
export async function computeUnitTable(knex: Knex, q: UnitTableQuery): Promise<IndicatorUnitsResponse> {
  const units = (
    await knex.raw(
      `WITH RECURSIVE under AS (
         SELECT id FROM admin_units WHERE id = ?::integer
         UNION ALL
         SELECT c.id FROM admin_units c JOIN under u ON c.parent_id = u.id
       )
       SELECT u.id, u.code, u.name, u.level, p.code AS parent_code, p.name AS parent_name
         FROM admin_units u LEFT JOIN admin_units p ON p.id = u.parent_id
        WHERE u.boundary_set = ? AND u.level = ? AND (?::integer IS NULL OR u.id IN (SELECT id FROM under))
        ORDER BY u.code COLLATE "C"`,
      [q.parent?.id ?? null, q.boundarySet, q.level, q.parent?.id ?? null],
    )
  ).rows as UnitSql[];
  const ids = units.map((u) => u.id);
  const computed = await computedFiguresByUnit(knex, {
    boundarySet: q.boundarySet,
    level: q.level,
    scenario: q.scenario,
    fiberReachM: q.settings.fiberReachM,
  });
  const targets = await targetsForUnits(knex, ids, q.configSharingTarget);
  const reported = await reportedForUnits(knex, q.boundarySet, ids, q.period);
  const rows: IndicatorUnitRow[] = units.map((u) => {
    const c = computed.get(u.id);
    const values: Record<string, UnitIndicatorValue> = {};
    for (const def of indicatorCatalogue) {
      const r = reported.get(u.id)?.get(def.code);
      const s = standing(def, c?.figures.get(def.code), r, targets.get(u.id)?.get(def.code));
      values[def.code] = {
        value: s.value,
        numerator: s.numerator,
        denominator: s.denominator,
        target: s.target?.value ?? null,
        status: s.status,
        period: def.source === 'reported' ? (r?.period ?? null) : null,
        derivedFrom: def.source === 'reported' ? (r?.derivedFrom ?? null) : null,
      };
    }
    return {
      code: u.code,
      name: u.name,
      level: u.level,
      parentCode: u.parent_code,
      parentName: u.parent_name,
      hamlets: c?.hamlets ?? 0,
      population: c?.population ?? 0,
      values,
    };
  });
  return {
    boundarySet: q.boundarySet,
    level: q.level,
    scenario: q.scenario,
    period: q.period,
    parent: q.parent ? { code: q.parent.code, name: q.parent.name, level: q.parent.level, boundarySet: q.parent.boundarySet } : null,
    settings: q.settings,
    indicators: [...indicatorCatalogue],
    units: rows,
  };
}
