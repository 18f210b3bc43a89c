import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { mapLayerIds, measurementSourceId } from './layer-ids.js';
import { mapPalette, measurementColours } from './map-palette.js';

/**
 * Field measurements: a dot green when the measured level reaches the
 * technology's threshold, red below it; a measurement that contradicts the
 * model gets a thick dark ring (others a thin white one).
 */
export function measurementLayer(): LayerSpecification {
  const contradiction: FilterSpecification = ['!=', ['get', 'contradiction'], null];
  return {
    id: mapLayerIds.measurements,
    type: 'circle',
    source: measurementSourceId,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3.5, 12, 5.5, 15, 8],
      'circle-color': ['case', ['to-boolean', ['get', 'measuredCovered']], measurementColours.above, measurementColours.below],
      'circle-stroke-color': ['case', contradiction, measurementColours.contradictionRing, mapPalette.singleStroke],
      'circle-stroke-width': ['case', contradiction, 3, 1],
    },
  };
}

export function measurementSelectionFilter(code: string | null): FilterSpecification {
  const id = code === null ? NaN : Number(code);
  return ['==', ['get', 'id'], Number.isFinite(id) ? id : -1];
}

export function selectionMeasurementLayer(): LayerSpecification {
  return {
    id: mapLayerIds.selectionMeasurements,
    type: 'circle',
    source: measurementSourceId,
    filter: measurementSelectionFilter(null),
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 9, 12, 12, 15, 16],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': mapPalette.selection,
      'circle-stroke-width': 3,
    },
  };
}
