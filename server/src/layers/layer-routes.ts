import { Router } from 'express';
import type { Knex } from 'knex';
import { fiberKinds, fiberLayings, lifecycleStatuses, technologies } from '../contracts/domain-enums.js';
import { ANY_OPERATOR, layerFilters, layerNames, layerNameSchema, technologyGroups } from '../contracts/layer-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseBbox, parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { operatorCodes, resolveBoundarySet, resolveUnitId } from './admin-unit-lookup.js';
import { layerGeoJson } from './layer-queries.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';

export function layerRoutes(knex: Knex, maxFeatures: number, sharing: Pick<SharingSettings, 'consolidationDistanceM'>): Router {
  const router = Router();
  router.get('/layers/:layer', async (req, res) => {
    const parsedLayer = layerNameSchema.safeParse(req.params.layer);
    if (!parsedLayer.success) {
      throw new HttpProblem(404, 'unknown-layer', { layer: String(req.params.layer).slice(0, 50), layers: layerNames.join(', ') });
    }
    const layer = parsedLayer.data;
    assertOnlyParameters(req, layerFilters[layer]);
    const q = (name: string) => singleParameter(req, name);
    const bbox = parseBbox(q('bbox'));
    const knownOperators = q('operator') === undefined ? [] : await operatorCodes(knex);
    // Coverage also has the union of all operators, named '*'.
    const operators = parseEnumList(q('operator'), 'operator', layer === 'coverage' ? [ANY_OPERATOR, ...knownOperators] : knownOperators);
    const isCoverage = layer === 'coverage';
    const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
    const unitId = await resolveUnitId(knex, parseCode(q('unit'), 'unit'), boundarySet);
    // Only layers that list 'scenario' get here with one (assertOnlyParameters).
    const scenario = parseScenario(q('scenario'));
    const body = await layerGeoJson(knex, layer, {
      bbox,
      operators,
      technologies: isCoverage ? undefined : parseEnumList(q('technology'), 'technology', technologies),
      technologyGroups: isCoverage ? parseEnumList(q('technology'), 'technology', technologyGroups) : undefined,
      statuses: parseEnumList(q('status'), 'status', lifecycleStatuses),
      kinds: parseEnumList(q('kind'), 'kind', fiberKinds),
      layings: parseEnumList(q('laying'), 'laying', fiberLayings),
      unitId,
      boundarySet,
      limit: maxFeatures,
      scenario,
      consolidationDistanceM: sharing.consolidationDistanceM,
    });
    res.type('application/geo+json').send(body);
  });
  return router;
}
