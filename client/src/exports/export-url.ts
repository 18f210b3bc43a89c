import type { LayerName, Scenario } from '../domain/contract-types.js';
import { measurementQuery } from '../coverage/use-measurements.js';
import type { Lang } from '../i18n/i18n-context.js';
import { layerQuery } from '../layers/layer-queries.js';
import type { Bbox } from '../map/geometry-measures.js';
import { emptyFilters, type CoverageChoice, type LayerFilterState } from '../url/view-state.js';

// GET /api/exports/{layer}.{format} (server/src/exports/export-routes.ts): the
// same query parameters as the layer's map request, plus `lang` for the
// headers, so "current view and filters" is the layer's own query with the
// map's bbox added.

export const exportFormatValues = ['geojson', 'csv', 'xlsx', 'kml'] as const;
export type ExportFormat = (typeof exportFormatValues)[number];

export const exportScopeValues = ['province', 'view'] as const;
export type ExportScope = (typeof exportScopeValues)[number];

/** Every map layer, population clusters and field measurements (exportLayers of the server), in the layer panel's order. */
export const exportLayerValues = [
  'sites',
  'shared-sites',
  'consolidation',
  'bts',
  'fiber',
  'hamlets',
  'population-clusters',
  'communes',
  'districts',
  'coverage',
  'gaps',
  'measurements',
] as const satisfies readonly (LayerName | 'population-clusters' | 'measurements')[];
export type ExportLayer = (typeof exportLayerValues)[number];

export interface ExportRequest {
  layer: ExportLayer;
  format: ExportFormat;
  scope: ExportScope;
  filters: LayerFilterState;
  coverage: CoverageChoice;
  scenario: Scenario;
  /** The map's view; used only for the "view" scope. */
  bbox: Bbox | null;
  lang: Lang;
}

/**
 * Rounds a view outward to 5 decimals (about 1 m): the link stays short and
 * still covers everything on screen.
 */
export function roundedBbox([minLon, minLat, maxLon, maxLat]: Bbox): Bbox {
  const down = (v: number) => Math.floor(v * 1e5) / 1e5;
  const up = (v: number) => Math.ceil(v * 1e5) / 1e5;
  return [down(Math.max(-180, minLon)), down(Math.max(-90, minLat)), up(Math.min(180, maxLon)), up(Math.min(90, maxLat))];
}

/** The query of one layer under these filters, as its map request has it. */
function exportQuery(layer: ExportLayer, filters: LayerFilterState, coverage: CoverageChoice, scenario: Scenario, narrow: boolean): Record<string, string> {
  if (layer === 'population-clusters') {
    // Filtered like the hamlets they belong to: by unit (and the unit's boundary set).
    const query: Record<string, string> = {};
    if (narrow && filters.unit) query.unit = filters.unit;
    if (filters.boundarySet) query.boundarySet = filters.boundarySet;
    return query;
  }
  if (layer === 'measurements') {
    // On the map they follow the coverage choice (use-measurements.ts); the whole province has them all.
    if (!narrow) return {};
    const { operator, technology } = measurementQuery(coverage);
    return { ...(operator ? { operator } : {}), ...(technology ? { technology } : {}) };
  }
  return layerQuery(layer, narrow ? filters : { ...emptyFilters, boundarySet: filters.boundarySet }, coverage, scenario);
}

/**
 * The download link. The whole province keeps only what says which data the
 * layer is (boundary set, coverage choice, scenario); the view adds the
 * panel's filters and the bbox.
 */
export function exportUrl(request: ExportRequest): string {
  const narrow = request.scope === 'view';
  const params = new URLSearchParams(exportQuery(request.layer, request.filters, request.coverage, request.scenario, narrow));
  if (narrow && request.bbox) params.set('bbox', roundedBbox(request.bbox).join(','));
  params.set('lang', request.lang);
  // Commas stay readable in the link (bbox, lists), as in the map's own links.
  return `/api/exports/${request.layer}.${request.format}?${params.toString().replace(/%2C/gi, ',')}`;
}

/** The file name suggested for the download (the server's Content-Disposition names it too): hatang-sites.csv, hatang-sites-view.csv. */
export function exportFileName(layer: ExportLayer, format: ExportFormat, scope: ExportScope): string {
  return `hatang-${layer}${scope === 'view' ? '-view' : ''}.${format}`;
}
