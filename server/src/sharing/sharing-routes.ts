import { Router } from 'express';
import type { Knex } from 'knex';
import { unitLevels } from '../contracts/domain-enums.js';
import type { ConsolidationResponse } from '../contracts/sharing-contracts.js';
import { assertOnlyParameters, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';
import { consolidationGroups, sharingReport, siteConflicts } from './sharing-queries.js';
import type { SharingSettings } from './sharing-settings.js';

function one<T extends string>(raw: string | undefined, parameter: string, allowed: readonly T[]): T | undefined {
  return parseEnumList(raw, parameter, allowed, 1)?.[0];
}

/** Sharing ratios, site-inference conflicts and consolidation candidates: public reads, like the map layers. */
export function sharingRoutes(knex: Knex, settings: SharingSettings): Router {
  const router = Router();

  router.get('/sharing', async (req, res) => {
    assertOnlyParameters(req, ['level', 'boundarySet', 'scenario', 'lang']);
    const q = (name: string) => singleParameter(req, name);
    const level = one(q('level'), 'level', unitLevels) ?? 'commune';
    const scenario = parseScenario(q('scenario'));
    const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
    res.set('Cache-Control', 'no-cache').json(await sharingReport(knex, settings, { boundarySet, level, scenario }));
  });

  router.get('/sharing/conflicts', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    res.set('Cache-Control', 'no-cache').json({ epsM: settings.siteInferenceEpsM, conflicts: await siteConflicts(knex) });
  });

  router.get('/sharing/consolidation', async (req, res) => {
    assertOnlyParameters(req, ['scenario', 'boundarySet', 'lang']);
    const q = (name: string) => singleParameter(req, name);
    const scenario = parseScenario(q('scenario'));
    const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
    const groups = await consolidationGroups(knex, { distanceM: settings.consolidationDistanceM, scenario, boundarySet });
    const body: ConsolidationResponse = { distanceM: settings.consolidationDistanceM, scenario, groups };
    res.set('Cache-Control', 'no-cache').json(body);
  });

  return router;
}
