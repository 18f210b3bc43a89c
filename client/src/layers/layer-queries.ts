import type { LayerQuery } from '../api/api-client.js';
import type { LayerName, Scenario } from '../domain/contract-types.js';
import type { CoverageChoice, LayerFilterState } from '../url/view-state.js';

type FilterName = 'operator' | 'technology' | 'status' | 'unit' | 'boundarySet' | 'coverage' | 'scenario';

/**
 * Which of the panel's filters each layer takes. The admin layers are the
 * basemap and stay whole; a subset of what the server accepts (layer-contracts.ts).
 * The coverage layer follows the coverage choice (one operator or any, one
 * technology group), not the multi-select filters of the register layers; the
 * uncovered parts are always those of broadband, any operator.
 */
export const filtersByLayer: Record<LayerName, readonly FilterName[]> = {
  sites: ['operator', 'technology', 'status', 'unit', 'boundarySet'],
  'shared-sites': ['operator', 'technology', 'status', 'unit', 'boundarySet', 'scenario'],
  bts: ['operator', 'technology', 'status', 'unit', 'boundarySet'],
  fiber: ['operator', 'status', 'unit', 'boundarySet'],
  hamlets: ['unit', 'boundarySet', 'scenario'],
  communes: ['boundarySet'],
  districts: ['boundarySet'],
  coverage: ['coverage', 'scenario'],
  gaps: ['unit', 'boundarySet', 'scenario'],
  consolidation: ['unit', 'boundarySet', 'scenario'],
};

/** The query string values for one layer under the current filters (whole province: no bbox). */
export function layerQuery(layer: LayerName, filters: LayerFilterState, coverage: CoverageChoice, scenario: Scenario = 'current'): LayerQuery {
  const query: LayerQuery = {};
  const accepted = filtersByLayer[layer];
  if (accepted.includes('operator') && filters.operators.length > 0) query.operator = [...filters.operators].sort().join(',');
  if (accepted.includes('technology') && filters.technologies.length > 0) query.technology = [...filters.technologies].sort().join(',');
  if (accepted.includes('status') && filters.statuses.length > 0) query.status = [...filters.statuses].sort().join(',');
  if (accepted.includes('unit') && filters.unit) query.unit = filters.unit;
  if (accepted.includes('boundarySet') && filters.boundarySet) query.boundarySet = filters.boundarySet;
  if (accepted.includes('coverage')) {
    query.operator = coverage.operator;
    query.technology = coverage.group;
  }
  // Current is the server's default: left out, so the URLs (and cache keys) of the current network stay as they were.
  if (accepted.includes('scenario') && scenario !== 'current') query.scenario = scenario;
  return query;
}

/** True when the panel's filters (not the coverage choice) narrow this layer. */
export function layerIsFiltered(layer: LayerName, filters: LayerFilterState): boolean {
  const accepted = filtersByLayer[layer];
  return (
    (accepted.includes('operator') && filters.operators.length > 0) ||
    (accepted.includes('technology') && filters.technologies.length > 0) ||
    (accepted.includes('status') && filters.statuses.length > 0) ||
    (accepted.includes('unit') && filters.unit !== null)
  );
}
