import { Router } from 'express';
import type { Knex } from 'knex';
import { assertMayWriteRecord, requirePermission, signedIn } from '../auth/authenticate.js';
import { colocationRequestSchema, sitePlannerRequestSchema } from '../contracts/colocation-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { parseBody } from '../http/body-validation.js';
import { assertOnlyParameters } from '../http/query-params.js';
import { resolveBoundarySet, resolveUnitId } from '../layers/admin-unit-lookup.js';
import { assertInsideProvince } from '../layers/inside-province.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { findColocationCandidates } from './colocation-finder.js';
import { checkRadioOperator } from './radio-operator-check.js';
import { planSites } from './site-planner.js';

export function colocationRoutes(knex: Knex, coverage: CoverageParams, sharing: SharingSettings): Router {
  const router = Router();

  // A read, like the coverage what-if: open to whoever may read the map (anonymous visitors when HATANG_ANONYMOUS_READ).
  router.post('/colocation/candidates', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const request = parseBody(colocationRequestSchema, req.body);
    const check = await checkRadioOperator(knex, request.operator, request);
    if (request.radiusM > sharing.colocationMaxRadiusM) {
      check.fieldErrors.push({ parameter: 'radiusM', messageKey: 'field-max', params: { op: '≤', maximum: sharing.colocationMaxRadiusM } });
    }
    check.refuse();
    await assertInsideProvince(knex, request.lon, request.lat);
    res.json(await findColocationCandidates(knex, coverage, sharing, request));
  });

  // Heavier (every structure and uncovered area of the province): planners, and operators for their own operator.
  router.post('/site-planner', requirePermission('sites.plan'), async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const actor = signedIn(req);
    const request = parseBody(sitePlannerRequestSchema, req.body);
    (await checkRadioOperator(knex, request.operator, request)).refuse();
    assertMayWriteRecord(actor, request.operator);
    const boundarySet = await resolveBoundarySet(knex, request.boundarySet);
    const unitId = await resolveUnitId(knex, request.unit, boundarySet);
    res.json(await planSites(knex, coverage, sharing, request, { operator: request.operator, scenario: request.scenario ?? 'current', unitId }));
  });

  return router;
}
