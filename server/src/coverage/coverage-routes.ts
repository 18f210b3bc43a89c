import { Router } from 'express';
import type { Knex } from 'knex';
import { AnswerCache } from '../cache/answer-cache.js';
import { sendVersionedJson } from '../cache/versioned-json.js';
import { technologies } from '../contracts/domain-enums.js';
import { whatIfRequestSchema, type CoverageModel, type RangeResponse, type WhatIfResponse } from '../contracts/coverage-contracts.js';
import { ANY_OPERATOR } from '../contracts/layer-contracts.js';
import { parseBody } from '../http/body-validation.js';
import type { FieldError } from '../http/http-problem.js';
import { operatorCodes } from '../layers/admin-unit-lookup.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseEnumList, parseNumber, singleParameter } from '../http/query-params.js';
import type { CoverageParams } from './coverage-recompute.js';
import { knownBandsMHz } from '../contracts/known-bands.js';
import { maplDb as maplFromBudget } from './link-budget.js';
import { environments, hataRange, modelValidity } from './range-model.js';

function one<T extends string>(raw: string | undefined, parameter: string, allowed: readonly T[]): T | undefined {
  const list = parseEnumList(raw, parameter, allowed, 1);
  return list?.[0];
}

export function coverageRoutes(knex: Knex, params: CoverageParams): Router {
  const router = Router();

  router.get('/coverage/range', (req, res) => {
    assertOnlyParameters(req, ['technology', 'bandMHz', 'antennaHeightM', 'environment', 'maplDb', 'eirpDbm', 'mobileHeightM', 'lang']);
    const q = (name: string) => singleParameter(req, name);
    const technology = one(q('technology'), 'technology', technologies);
    if (!technology) throw new HttpProblem(400, 'required-parameter', { parameter: 'technology' }, 'technology');
    const bandMHz = parseNumber(q('bandMHz'), 'bandMHz', { min: 1, max: 100_000, integer: true, required: true })!;
    if (!knownBandsMHz[technology].includes(bandMHz)) {
      throw new HttpProblem(400, 'unknown-band', { band: bandMHz, technology, allowed: knownBandsMHz[technology].join(', ') }, 'bandMHz');
    }
    const antennaHeightM = parseNumber(q('antennaHeightM'), 'antennaHeightM', { min: 0.1, max: 300, unit: 'm', required: true })!;
    const mobileHeightM = parseNumber(q('mobileHeightM'), 'mobileHeightM', { min: 0.1, max: 30, unit: 'm' }) ?? params.mobileHeightM;
    const environment = one(q('environment'), 'environment', environments) ?? 'rural';
    let mapl = parseNumber(q('maplDb'), 'maplDb', { min: 50, max: 250, unit: 'dB' });
    const eirp = parseNumber(q('eirpDbm'), 'eirpDbm', { min: 0, max: 90, unit: 'dBm' });
    if (mapl === undefined && eirp !== undefined) mapl = maplFromBudget(eirp, technology, bandMHz, params.linkBudget);
    if (mapl === undefined) throw new HttpProblem(400, 'range-needs-mapl', {}, 'maplDb');
    const result = hataRange({ frequencyMHz: bandMHz, baseHeightM: antennaHeightM, mobileHeightM, environment, maplDb: mapl });
    const body: RangeResponse = { rangeKm: Math.round(result.rangeKm * 1000) / 1000, model: result.model, maplDb: mapl, warnings: result.warnings };
    res.json(body);
  });

  // The footprints are rebuilt only with their unions (and after BTS writes):
  // those tables' versions date the warnings; the settings are the process's own.
  const modelCache = new AnswerCache<string>(1024 * 1024);
  const modelTables = ['coverage_unions', 'coverage_union_cells', 'bts_records', 'bts_sectors'];
  const modelKey = ['coverage-model', JSON.stringify(params)];
  router.get('/coverage/model', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    await sendVersionedJson(knex, req, res, { cache: modelCache, tables: modelTables, key: modelKey, cacheControl: 'no-cache' }, () =>
      coverageModelOf(knex, params),
    );
  });
  router.post('/coverage/what-if', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const request = parseBody(whatIfRequestSchema, req.body);
    const known = await operatorCodes(knex);
    const fieldErrors: FieldError[] = [];
    const operator = request.operator ?? ANY_OPERATOR;
    if (operator !== ANY_OPERATOR && !known.includes(operator)) {
      fieldErrors.push({ parameter: 'operator', messageKey: 'unknown-operator', params: { operator } });
    }
    request.bts.forEach((b, i) => {
      if (!known.includes(b.operator)) fieldErrors.push({ parameter: `bts.${i}.operator`, messageKey: 'unknown-operator', params: { operator: b.operator } });
      if (!knownBandsMHz[b.technology].includes(b.bandMHz)) {
        fieldErrors.push({
          parameter: `bts.${i}.bandMHz`,
          messageKey: 'unknown-band',
          params: { band: b.bandMHz, technology: b.technology, allowed: knownBandsMHz[b.technology].join(', ') },
        });
      }
      if (b.eirpDbm === undefined && b.maplDb === undefined && b.radiusM === undefined) {
        fieldErrors.push({ parameter: `bts.${i}`, messageKey: 'what-if-needs-power' });
      }
    });
    if (fieldErrors.length) throw new HttpProblem(400, 'invalid-body', { count: fieldErrors.length }, undefined, fieldErrors);
    const row = (
      await knex.raw('SELECT hatang_what_if(?::jsonb, ?::jsonb, ?, ?, ?) AS result', [
        JSON.stringify(request.bts),
        JSON.stringify(params),
        operator,
        request.technologyGroup ?? 'broadband',
        request.scenario ?? 'current',
      ])
    ).rows[0] as { result: WhatIfResponse | string };
    res.json(typeof row.result === 'string' ? JSON.parse(row.result) : row.result);
  });
  return router;
}

/** GET /api/coverage/model: the settings, the model's validity and the warnings of the on-air footprints (a scan of all of them). */
async function coverageModelOf(knex: Knex, params: CoverageParams): Promise<CoverageModel> {
  const warnings = (
    // The network on air: approved BTS have footprints too, for the planned scenario.
    await knex.raw(`SELECT w AS warning, count(*)::int AS sectors FROM coverage_footprints, unnest(warnings) w
                     WHERE bts_status = 'on_air' GROUP BY w ORDER BY w`)
  ).rows as CoverageModel['footprintWarnings'];
  const footprints = (await knex.raw(`SELECT count(*)::int AS n FROM coverage_footprints WHERE bts_status = 'on_air'`)).rows[0].n as number;
  const body: CoverageModel = {
    theta: params.theta,
    minGapAreaM2: params.minGapAreaM2,
    mobileHeightM: params.mobileHeightM,
    linkBudget: params.linkBudget,
    validity: {
      okumuraHataMHz: [...modelValidity.okumuraHataMHz],
      cost231HataMHz: [...modelValidity.cost231HataMHz],
      baseHeightM: [...modelValidity.baseHeightM],
      maxRangeKm: modelValidity.maxRangeKm,
    },
    footprintWarnings: warnings,
    footprints,
  };
  return body;
}
