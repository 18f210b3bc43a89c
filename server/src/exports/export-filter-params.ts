import type { Request } from 'express';
import type { Knex } from 'knex';
import { fiberKinds, fiberLayings, lifecycleStatuses, technologies } from '../contracts/domain-enums.js';
import { ANY_OPERATOR, technologyGroups } from '../contracts/layer-contracts.js';
import { assertOnlyParameters, parseBbox, parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import type { Language } from '../i18n/server-messages.js';
import { operatorCodes, resolveBoundarySet, resolveUnitId } from '../layers/admin-unit-lookup.js';
import type { LayerFilter } from '../layers/layer-queries.js';
import { exportFilters, type ExportLayer } from './export-layers.js';

export interface ExportQuery {
  filter: LayerFilter;
  lang: Language;
  /** Some parameter narrows the rows (bbox, operator, unit…): the layer's own query picks them. */
  narrowed: boolean;
}

/** No export is cut short: a layer function asked for the rows of a filter returns them all. */
export const unlimited = 2_000_000_000;

/**
 * The export's query, parsed as GET /api/layers/{layer} parses its own (the
 * same parameters, from `layerFilters`, the same parsers, the same errors),
 * plus `lang=vi|en` for the headers.
 */
export async function parseExportQuery(knex: Knex, req: Request, layer: ExportLayer, consolidationDistanceM: number): Promise<ExportQuery> {
  assertOnlyParameters(req, exportFilters[layer]);
  const q = (name: string) => singleParameter(req, name);
  const lang = parseEnumList(q('lang'), 'lang', ['vi', 'en'] as const, 1)?.[0] ?? 'vi';
  const bbox = parseBbox(q('bbox'));
  const knownOperators = q('operator') === undefined ? [] : await operatorCodes(knex);
  // Coverage also has the union of all operators, named '*'.
  const isCoverage = layer === 'coverage';
  const operators = parseEnumList(q('operator'), 'operator', isCoverage ? [ANY_OPERATOR, ...knownOperators] : knownOperators);
  const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
  const unitId = await resolveUnitId(knex, parseCode(q('unit'), 'unit'), boundarySet);
  // Only layers that list 'scenario' get here with one (assertOnlyParameters).
  const scenario = parseScenario(q('scenario'));
  const filter: LayerFilter = {
    bbox,
    operators,
    technologies: isCoverage ? undefined : parseEnumList(q('technology'), 'technology', technologies),
    technologyGroups: isCoverage ? parseEnumList(q('technology'), 'technology', technologyGroups) : undefined,
    statuses: parseEnumList(q('status'), 'status', lifecycleStatuses),
    kinds: parseEnumList(q('kind'), 'kind', fiberKinds),
    layings: parseEnumList(q('laying'), 'laying', fiberLayings),
    unitId,
    boundarySet,
    limit: unlimited,
    scenario,
    consolidationDistanceM,
  };
  const narrowed = [bbox, operators, filter.technologies, filter.statuses, filter.kinds, filter.layings].some((v) => v !== undefined) || unitId !== null;
  return { filter, lang, narrowed };
}
