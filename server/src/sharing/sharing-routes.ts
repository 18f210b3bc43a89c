import { Router } from 'express';
import type { Knex } from 'knex';
import { unitLevels } from '../contracts/domain-enums.js';
import type { ConsolidationResponse } from '../contracts/sharing-contracts.js';
import { assertOnlyParameters, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';
import { AnswerCache } from '../cache/answer-cache.js';
import { dataVersionOf, tablesOfLayer } from '../cache/data-versions.js';
import { pickLanguage } from '../i18n/server-messages.js';
import { consolidationGroups, inferenceCounts, sharingFigures, sharingSummary, sharingTarget, siteConflicts } from './sharing-queries.js';
import type { SharingSettings } from './sharing-settings.js';

function one<T extends string>(raw: string | undefined, parameter: string, allowed: readonly T[]): T | undefined {
  return parseEnumList(raw, parameter, allowed, 1)?.[0];
}

/** Sharing ratios, site-inference conflicts and consolidation candidates: public reads, like the map layers. */
export function sharingRoutes(knex: Knex, settings: SharingSettings): Router {
  const router = Router();

  // The figures of a level (units, whole set, operators: ~2 s over a national register's
  // 250,000 BTS) as JSON text, kept under the data versions of the tables they are
  // made of, so an answer is never stale and only the first request after a write waits.
  const figures = new AnswerCache<string>(64 * 1024 * 1024);
  const sharingTables = tablesOfLayer['shared-sites'];

  router.get('/sharing', async (req, res) => {
    assertOnlyParameters(req, ['level', 'boundarySet', 'scenario', 'lang']);
    const q = (name: string) => singleParameter(req, name);
    const level = one(q('level'), 'level', unitLevels) ?? 'commune';
    const scenario = parseScenario(q('scenario'));
    const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
    const language = pickLanguage(req.query.lang, req.get('accept-language'));
    // Read before the data it validates (a write in between only makes the kept answer newer than its key).
    const key = [await dataVersionOf(knex, sharingTables), boundarySet, level, scenario, language].join('|');
    let text = figures.get(key);
    if (text === undefined) {
      text = JSON.stringify(await sharingFigures(knex, { boundarySet, level, scenario, language }));
      figures.set(key, text);
    }
    // The target (indicator_targets) and the inference summary (site_conflicts) are cheap and not versioned: read every time.
    const head = { boundarySet, level, scenario, siteInferenceEpsM: settings.siteInferenceEpsM, target: await sharingTarget(knex, settings) };
    const body = `${JSON.stringify(head).slice(0, -1)},${text.slice(1, -1)},"inference":${JSON.stringify(await inferenceCounts(knex))}}`;
    res.set('Cache-Control', 'no-cache').type('application/json').send(body);
  });

  router.get('/sharing/summary', async (req, res) => {
    assertOnlyParameters(req, ['boundarySet', 'scenario', 'lang']);
    const q = (name: string) => singleParameter(req, name);
    const scenario = parseScenario(q('scenario'));
    const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
    const language = pickLanguage(req.query.lang, req.get('accept-language'));
    const key = [await dataVersionOf(knex, sharingTables), boundarySet, 'summary', scenario, language].join('|');
    let text = figures.get(key);
    if (text === undefined) {
      text = JSON.stringify((await sharingSummary(knex, settings, { boundarySet, scenario, language })).province);
      figures.set(key, text);
    }
    const head = { boundarySet, scenario, siteInferenceEpsM: settings.siteInferenceEpsM, target: await sharingTarget(knex, settings) };
    res.set('Cache-Control', 'no-cache').type('application/json').send(`${JSON.stringify(head).slice(0, -1)},"province":${text}}`);
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
