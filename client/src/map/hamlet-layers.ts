import type { LayerSpecification } from 'maplibre-gl';
import { mapLayerIds } from './layer-ids.js';
import { mapPalette } from './map-palette.js';

export function hamletLayers(): LayerSpecification[] {
  return [
    {
      id: mapLayerIds.hamletsFill,
      type: 'fill',
      source: 'hamlets',
      paint: { 'fill-color': mapPalette.hamletFill, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 9, 0.18, 13, 0.3], 'fill-antialias': false },
    },
    {
      id: mapLayerIds.hamletsOutline,
      type: 'line',
      source: 'hamlets',
      paint: {
        'line-color': mapPalette.hamletLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.4, 13, 1.2],
        'line-opacity': 0.8,
      },
    },
  ];
}

/**
 * Reference points (cultural house or centre) where a hamlet's coverage verdict
 * is tested: point features of the hamlet tiles (refPoint = true) from z10.
 */
export function hamletRefPointLayer(): LayerSpecification {
  return {
    id: mapLayerIds.hamletRefPoints,
    type: 'circle',
    source: 'hamlets',
    minzoom: 10,
    filter: ['==', ['get', 'refPoint'], true],
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2, 14, 4.5],
      'circle-color': ['match', ['get', 'refKind'], 'cultural_house', mapPalette.hamletRefCultural, mapPalette.hamletRefCentre],
      'circle-stroke-color': mapPalette.hamletRefCultural,
      'circle-stroke-width': 1.2,
    },
  };
}
