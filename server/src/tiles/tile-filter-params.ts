import type { Request } from 'express';
import type { Knex } from 'knex';
import { fiberKinds, fiberLayings, lifecycleStatuses, technologies } from '../contracts/domain-enums.js';
import { ANY_OPERATOR, technologyGroups } from '../contracts/layer-contracts.js';
import { parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { operatorCodes, resolveBoundarySet, resolveUnitId } from '../layers/admin-unit-lookup.js';
import { adminTileLayers, type TileFilter, type TileLayerName } from './tile-layers.js';

/**
 * A tile layer's filters from the query, for its tiles and for its count (one
 * parser, so the panel's count is of what the tiles draw). The caller has
 * refused parameters the layer does not take (tileLayerFilters).
 */
export async function parseTileFilter(knex: Knex, req: Request, layer: TileLayerName): Promise<TileFilter> {
  const q = (name: string) => singleParameter(req, name);
  const knownOperators = q('operator') === undefined ? [] : await operatorCodes(knex);
  // Coverage and the hamlets' verdicts follow the coverage choice: operators or '*', technology groups (hamlets: one of each).
  const byCoverageChoice = layer === 'coverage' || layer === 'hamlets';
  const maxChoices = layer === 'hamlets' ? 1 : undefined;
  // As the layers (layer-filter-params.ts): the same unit codes, the same 400s; the boundary sets are read only when named.
  const unitCode = parseCode(q('unit'), 'unit');
  const adminLayer = adminTileLayers.includes(layer);
  const boundarySet = !adminLayer && unitCode === undefined && q('boundarySet') === undefined ? null : await resolveBoundarySet(knex, q('boundarySet'));
  const unitId = boundarySet === null ? null : await resolveUnitId(knex, unitCode, boundarySet);
  return {
    operators: parseEnumList(q('operator'), 'operator', byCoverageChoice ? [ANY_OPERATOR, ...knownOperators] : knownOperators, maxChoices),
    technologies: byCoverageChoice ? undefined : parseEnumList(q('technology'), 'technology', technologies),
    technologyGroups: byCoverageChoice ? parseEnumList(q('technology'), 'technology', technologyGroups, maxChoices) : undefined,
    statuses: parseEnumList(q('status'), 'status', lifecycleStatuses),
    kinds: parseEnumList(q('kind'), 'kind', fiberKinds),
    layings: parseEnumList(q('laying'), 'laying', fiberLayings),
    scenario: parseScenario(q('scenario')),
    unitId,
    boundarySet: adminLayer ? boundarySet : null,
  };
}
