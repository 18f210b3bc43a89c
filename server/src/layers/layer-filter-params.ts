import type { Request } from 'express';
import type { Knex } from 'knex';
import { fiberKinds, fiberLayings, lifecycleStatuses, technologies } from '../contracts/domain-enums.js';
import { ANY_OPERATOR, technologyGroups } from '../contracts/layer-contracts.js';
import { parseBbox, parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { operatorCodes, resolveBoundarySet, resolveUnitId } from './admin-unit-lookup.js';
import type { LayerFilter } from './layer-queries.js';

/**
 * A layer's filters from the query, one parser for the map layers and their
 * exports so both read the same parameters the same way and refuse them with
 * the same errors. The caller has already refused parameters the layer does
 * not take (assertOnlyParameters with its list).
 */
export async function parseLayerFilter(
  knex: Knex,
  req: Request,
  layer: string,
  options: { limit: number; consolidationDistanceM: number },
): Promise<LayerFilter> {
  const q = (name: string) => singleParameter(req, name);
  const bbox = parseBbox(q('bbox'));
  const knownOperators = q('operator') === undefined ? [] : await operatorCodes(knex);
  // Coverage also has the union of all operators, named '*'.
  const isCoverage = layer === 'coverage';
  const operators = parseEnumList(q('operator'), 'operator', isCoverage ? [ANY_OPERATOR, ...knownOperators] : knownOperators);
  const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
  const unitId = await resolveUnitId(knex, parseCode(q('unit'), 'unit'), boundarySet);
  // Only layers that list 'scenario' get here with one (assertOnlyParameters).
  const scenario = parseScenario(q('scenario'));
  return {
    bbox,
    operators,
    technologies: isCoverage ? undefined : parseEnumList(q('technology'), 'technology', technologies),
    technologyGroups: isCoverage ? parseEnumList(q('technology'), 'technology', technologyGroups) : undefined,
    statuses: parseEnumList(q('status'), 'status', lifecycleStatuses),
    kinds: parseEnumList(q('kind'), 'kind', fiberKinds),
    layings: parseEnumList(q('laying'), 'laying', fiberLayings),
    unitId,
    boundarySet,
    limit: options.limit,
    scenario,
    consolidationDistanceM: options.consolidationDistanceM,
  };
}
