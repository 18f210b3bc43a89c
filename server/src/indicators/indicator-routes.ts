import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { unitLevelSchema, type UnitLevel } from '../contracts/domain-enums.js';
import { allProvincesLevel, type IndicatorSettingsView } from '../contracts/indicator-contracts.js';
import { pickLanguage, translate, type Language } from '../i18n/server-messages.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { assertLevelInSet } from '../sharing/sharing-queries.js';
import { computeUnitTable } from './indicator-unit-table.js';
import { assertPeriod } from './reporting-period-queries.js';
import type { IndicatorSettings } from './indicator-settings.js';
import { computeIndicators, type AllProvinces, type IndicatorUnit } from './unit-indicators.js';

export interface IndicatorRouteDeps {
  theta: number;
  indicators: IndicatorSettings;
  sharing: SharingSettings;
}

const levelDepth: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2 };

/** A unit of the set by code; an unknown code is a 400 naming `parameter`. */
export async function findIndicatorUnit(knex: Knex, boundarySet: string, code: string, parameter: string): Promise<IndicatorUnit> {
  const row = (
    await knex.raw(`SELECT id, code, name, level, boundary_set AS "boundarySet" FROM admin_units WHERE boundary_set = ? AND code = ?`, [boundarySet, code])
  ).rows[0] as IndicatorUnit | undefined;
  if (!row) throw new HttpProblem(400, 'unknown-unit', { unit: code, boundarySet }, parameter);
  return row;
}

/** The units of the set's top level (its provinces: a unit without a parent is a province). */
async function provincesOf(knex: Knex, boundarySet: string): Promise<IndicatorUnit[]> {
  return (
    await knex.raw(
      `SELECT id, code, name, level, boundary_set AS "boundarySet" FROM admin_units WHERE boundary_set = ? AND level = 'province' ORDER BY code COLLATE "C"`,
      [boundarySet],
    )
  ).rows as IndicatorUnit[];
}

/**
 * The unit asked for; without one, the set's province when it has exactly
 * one, else all its provinces as one root (a national register).
 */
async function resolveIndicatorUnit(knex: Knex, boundarySet: string, code: string | undefined, language: Language): Promise<IndicatorUnit | AllProvinces> {
  if (code !== undefined) return findIndicatorUnit(knex, boundarySet, code, 'unit');
  const provinces = await provincesOf(knex, boundarySet);
  if (provinces.length === 0) throw new HttpProblem(400, 'indicators-unit-required', { boundarySet }, 'unit');
  if (provinces.length === 1) return provinces[0]!;
  return { level: allProvincesLevel, boundarySet, provinces: provinces.length, name: translate(language, 'all-provinces-name', { n: provinces.length }) };
}

/** A declared reporting period (reporting_periods), or null when none is asked for. */
export async function resolvePeriod(knex: Knex, requested: string | undefined): Promise<string | null> {
  if (requested === undefined) return null;
  await assertPeriod(knex, requested);
  return requested;
}

export function indicatorSettingsView(deps: IndicatorRouteDeps): IndicatorSettingsView {
  return { coverageTheta: deps.theta, fiberReachM: deps.indicators.fiberReachM, siteInferenceEpsM: deps.sharing.siteInferenceEpsM };
}

/** The finest level a boundary set has. */
async function finestLevel(knex: Knex, boundarySet: string): Promise<UnitLevel> {
  const levels = ((await knex.raw('SELECT levels FROM boundary_sets WHERE code = ?', [boundarySet])).rows[0]?.levels ?? []) as UnitLevel[];
  return [...levels].sort((a, b) => levelDepth[b] - levelDepth[a])[0] ?? 'commune';
}

/** The query of the per-unit table, shared by GET /api/indicators/units and the indicator export. */
export async function parseUnitTableQuery(knex: Knex, req: Request, deps: IndicatorRouteDeps) {
  const q = (name: string) => singleParameter(req, name);
  const scenario = parseScenario(q('scenario'));
  const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
  const period = await resolvePeriod(knex, q('period'));
  const parentCode = parseCode(q('parent'), 'parent');
  const parent = parentCode === undefined ? null : await findIndicatorUnit(knex, boundarySet, parentCode, 'parent');
  const asked = parseEnumList(q('level'), 'level', unitLevelSchema.options, 1)?.[0];
  let level: UnitLevel;
  if (asked !== undefined) {
    await assertLevelInSet(knex, boundarySet, asked);
    level = asked;
  } else if (!parent && (await provincesOf(knex, boundarySet)).length > 1) {
    // The root of a set with several provinces is all of them: its next step is the provinces.
    level = 'province';
  } else if (parent) {
    // The drill-down's next step: the first level of the set below the parent.
    const levels = ((await knex.raw('SELECT levels FROM boundary_sets WHERE code = ?', [boundarySet])).rows[0]?.levels ?? []) as UnitLevel[];
    level = [...levels].sort((a, b) => levelDepth[a] - levelDepth[b]).find((l) => levelDepth[l] > levelDepth[parent.level]) ?? parent.level;
  } else {
    level = await finestLevel(knex, boundarySet);
  }
  if (parent && levelDepth[level] <= levelDepth[parent.level]) {
    throw new HttpProblem(400, 'level-not-below-parent', { level, parent: parent.code, parentLevel: parent.level }, 'level');
  }
  return {
    boundarySet,
    level,
    scenario,
    period,
    parent,
    settings: indicatorSettingsView(deps),
    configSharingTarget: deps.sharing.sharingTargetRatio,
  };
}

/** GET /api/indicators and /api/indicators/units: public reads, like the layers. */
export function indicatorRoutes(knex: Knex, deps: IndicatorRouteDeps): Router {
  const router = Router();
  router.get('/indicators', async (req, res) => {
    assertOnlyParameters(req, ['unit', 'boundarySet', 'scenario', 'period', 'lang']);
    const q = (name: string) => singleParameter(req, name);
    const scenario = parseScenario(q('scenario'));
    const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
    const language = pickLanguage(req.query.lang, req.get('accept-language'));
    const unit = await resolveIndicatorUnit(knex, boundarySet, parseCode(q('unit'), 'unit'), language);
    const period = await resolvePeriod(knex, q('period'));
    res.json(
      await computeIndicators(knex, { unit, scenario, period, settings: indicatorSettingsView(deps), configSharingTarget: deps.sharing.sharingTargetRatio }),
    );
  });

  router.get('/indicators/units', async (req, res) => {
    assertOnlyParameters(req, ['boundarySet', 'level', 'scenario', 'period', 'parent', 'lang']);
    res.json(await computeUnitTable(knex, await parseUnitTableQuery(knex, req, deps)));
  });
  return router;
}
