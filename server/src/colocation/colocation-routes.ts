import { Router } from 'express';
import type { Knex } from 'knex';
import { assertMayWriteRecord, requirePermission, signedIn } from '../auth/authenticate.js';
import { colocationRequestSchema, sitePlannerRequestSchema, type PlannedRadio } from '../contracts/colocation-contracts.js';
import { knownBandsMHz } from '../contracts/known-bands.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem, type FieldError } from '../http/http-problem.js';
import { assertOnlyParameters } from '../http/query-params.js';
import { resolveBoundarySet, resolveUnitId } from '../layers/admin-unit-lookup.js';
import { assertInsideProvince } from '../layers/inside-province.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { findColocationCandidates } from './colocation-finder.js';
import { planSites } from './site-planner.js';

/**
 * The checks both routes share, all before any query that does work: an
 * operator that exists (field error) and is a mobile operator (a tower company
 * has no radio: 422), a band its technology uses.
 */
async function checkOperatorAndRadio(knex: Knex, operator: string, radio: Pick<PlannedRadio, 'technology' | 'bandMHz'>, fieldErrors: FieldError[]) {
  const row = (await knex.raw('SELECT kind FROM operators WHERE code = ?', [operator])).rows[0] as { kind: string } | undefined;
  if (!row) fieldErrors.push({ parameter: 'operator', messageKey: 'unknown-operator', params: { operator } });
  if (!knownBandsMHz[radio.technology].includes(radio.bandMHz)) {
    fieldErrors.push({
      parameter: 'bandMHz',
      messageKey: 'unknown-band',
      params: { band: radio.bandMHz, technology: radio.technology, allowed: knownBandsMHz[radio.technology].join(', ') },
    });
  }
  return row?.kind;
}

function throwFieldErrors(fieldErrors: FieldError[]): void {
  if (fieldErrors.length) throw new HttpProblem(400, 'invalid-body', { count: fieldErrors.length }, undefined, fieldErrors);
}

export function colocationRoutes(knex: Knex, coverage: CoverageParams, sharing: SharingSettings): Router {
  const router = Router();

  // A read, like the coverage what-if: open to whoever may read the map (anonymous visitors when HATANG_ANONYMOUS_READ).
  router.post('/colocation/candidates', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const request = parseBody(colocationRequestSchema, req.body);
    const fieldErrors: FieldError[] = [];
    const kind = await checkOperatorAndRadio(knex, request.operator, request, fieldErrors);
    if (request.radiusM > sharing.colocationMaxRadiusM) {
      fieldErrors.push({ parameter: 'radiusM', messageKey: 'field-max', params: { op: '≤', maximum: sharing.colocationMaxRadiusM } });
    }
    throwFieldErrors(fieldErrors);
    if (kind !== 'mno') throw new HttpProblem(422, 'operator-not-radio', { operator: request.operator }, 'operator');
    await assertInsideProvince(knex, request.lon, request.lat);
    res.json(await findColocationCandidates(knex, coverage, sharing, request));
  });

  // Heavier (every structure and uncovered area of the province): planners, and operators for their own operator.
  router.post('/site-planner', requirePermission('sites.plan'), async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const actor = signedIn(req);
    const request = parseBody(sitePlannerRequestSchema, req.body);
    const fieldErrors: FieldError[] = [];
    const kind = await checkOperatorAndRadio(knex, request.operator, request, fieldErrors);
    throwFieldErrors(fieldErrors);
    if (kind !== 'mno') throw new HttpProblem(422, 'operator-not-radio', { operator: request.operator }, 'operator');
    assertMayWriteRecord(actor, request.operator);
    const boundarySet = await resolveBoundarySet(knex, request.boundarySet);
    const unitId = await resolveUnitId(knex, request.unit, boundarySet);
    res.json(await planSites(knex, coverage, sharing, request, { operator: request.operator, scenario: request.scenario ?? 'current', unitId }));
  });

  return router;
}
