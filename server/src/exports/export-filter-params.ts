import type { Request } from 'express';
import type { Knex } from 'knex';
import { assertOnlyParameters, parseEnumList, singleParameter } from '../http/query-params.js';
import type { Language } from '../i18n/server-messages.js';
import { parseLayerFilter } from '../layers/layer-filter-params.js';
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
 * The export's query: the map layer's filters by the map layer's own parser
 * (layer-filter-params.ts), plus `lang=vi|en` for the headers.
 */
export async function parseExportQuery(knex: Knex, req: Request, layer: ExportLayer, consolidationDistanceM: number): Promise<ExportQuery> {
  assertOnlyParameters(req, exportFilters[layer]);
  const q = (name: string) => singleParameter(req, name);
  const lang = parseEnumList(q('lang'), 'lang', ['vi', 'en'] as const, 1)?.[0] ?? 'vi';
  const filter = await parseLayerFilter(knex, req, layer, { limit: unlimited, consolidationDistanceM });
  const { bbox, operators, unitId } = filter;
  const narrowed = [bbox, operators, filter.technologies, filter.statuses, filter.kinds, filter.layings].some((v) => v !== undefined) || unitId !== null;
  return { filter, lang, narrowed };
}
