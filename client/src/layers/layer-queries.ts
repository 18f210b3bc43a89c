import type { LayerQuery } from '../api/api-client.js';
import type { LayerName } from '../domain/contract-types.js';
import type { LayerFilterState } from '../url/view-state.js';

type FilterName = 'operator' | 'technology' | 'status' | 'unit' | 'boundarySet';

/**
 * Which of the panel's filters each layer takes. The admin layers are the
 * basemap and stay whole; a subset of what the server accepts (layer-contracts.ts).
 */
export const filtersByLayer: Record<LayerName, readonly FilterName[]> = {
  sites: ['operator', 'technology', 'status', 'unit', 'boundarySet'],
  'shared-sites': ['operator', 'technology', 'status', 'unit', 'boundarySet'],
  bts: ['operator', 'technology', 'status', 'unit', 'boundarySet'],
  fiber: ['operator', 'status', 'unit', 'boundarySet'],
  hamlets: ['unit', 'boundarySet'],
  communes: ['boundarySet'],
  districts: ['boundarySet'],
};

/** The query string values for one layer under the current filters (whole province: no bbox). */
export function layerQuery(layer: LayerName, filters: LayerFilterState): LayerQuery {
  const query: LayerQuery = {};
  const accepted = filtersByLayer[layer];
  if (accepted.includes('operator') && filters.operators.length > 0) query.operator = [...filters.operators].sort().join(',');
  if (accepted.includes('technology') && filters.technologies.length > 0) query.technology = [...filters.technologies].sort().join(',');
  if (accepted.includes('status') && filters.statuses.length > 0) query.status = [...filters.statuses].sort().join(',');
  if (accepted.includes('unit') && filters.unit) query.unit = filters.unit;
  if (accepted.includes('boundarySet') && filters.boundarySet) query.boundarySet = filters.boundarySet;
  return query;
}

export function layerIsFiltered(layer: LayerName, filters: LayerFilterState): boolean {
  const query = layerQuery(layer, filters);
  return Object.keys(query).some((key) => key !== 'boundarySet');
}
