import { Router } from 'express';
import type { Knex } from 'knex';
import { computedIndicators } from './indicator-catalogue.js';
import { computeIndicators, type IndicatorUnit } from './indicator-queries.js';
import type { IndicatorSettings } from './indicator-settings.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';

/** The unit asked for, or the province of the boundary set; an unknown code is a 400. */
async function resolveIndicatorUnit(knex: Knex, boundarySet: string, code: string | undefined): Promise<IndicatorUnit> {
  const row = (
    await knex.raw(
      `SELECT id, code, name, level, boundary_set AS "boundarySet" FROM admin_units
        WHERE boundary_set = ? AND (code = ? OR (?::text IS NULL AND level = 'province'))
        ORDER BY code LIMIT 1`,
      [boundarySet, code ?? null, code ?? null],
    )
  ).rows[0] as IndicatorUnit | undefined;
  if (!row && code !== undefined) throw new HttpProblem(400, 'unknown-unit', { unit: code, boundarySet }, 'unit');
  if (!row) throw new HttpProblem(400, 'indicators-unit-required', { boundarySet }, 'unit');
  return row;
}

/** GET /api/indicators: public read, like the layers. */
export function indicatorRoutes(knex: Knex, deps: { theta: number; indicators: IndicatorSettings; sharing: SharingSettings }): Router {
  const router = Router();
  router.get('/indicators', async (req, res) => {
    assertOnlyParameters(req, ['unit', 'boundarySet', 'scenario', 'lang']);
    const q = (name: string) => singleParameter(req, name);
    const scenario = parseScenario(q('scenario'));
    const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
    const unit = await resolveIndicatorUnit(knex, boundarySet, parseCode(q('unit'), 'unit'));
    const body = await computeIndicators(knex, {
      unit,
      scenario,
      fiberReachM: deps.indicators.fiberReachM,
      coverageTheta: deps.theta,
      siteInferenceEpsM: deps.sharing.siteInferenceEpsM,
      // Until planners edit targets, the one target in the configuration: the site sharing ratio's.
      targets: { [computedIndicators.siteSharing.code]: deps.sharing.sharingTargetRatio },
    });
    res.json(body);
  });
  return router;
}
