import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { mapLayerIds } from './layer-ids.js';
import { mapPalette } from './map-palette.js';

/**
 * Consolidation candidates (GET /api/layers/consolidation): one MultiPoint per
 * group of sites of different owners within D metres. Each site of a group is
 * a hollow square-ish ring in the consolidation colour; the group highlighted
 * from the sharing panel is drawn again on top, larger, in the selection colour.
 */
export function consolidationLayer(): LayerSpecification {
  return {
    id: mapLayerIds.consolidation,
    type: 'circle',
    source: 'consolidation',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 4, 12, 12, 15, 18],
      'circle-color': mapPalette.consolidation,
      'circle-opacity': 0.12,
      'circle-stroke-color': mapPalette.consolidation,
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 1, 12, 2],
    },
  };
}

const none: FilterSpecification = ['==', ['get', 'groupNo'], -1];

/** The group (its number, = the id of GET /api/sharing/consolidation) to highlight; null highlights none. */
export function consolidationGroupFilter(group: number | null): FilterSpecification {
  return group === null ? none : ['==', ['get', 'groupNo'], group];
}

export function consolidationHighlightLayer(): LayerSpecification {
  return {
    id: mapLayerIds.consolidationHighlight,
    type: 'circle',
    source: 'consolidation',
    filter: none,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 8, 12, 17, 15, 26],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': mapPalette.selection,
      'circle-stroke-width': 3.5,
    },
  };
}
