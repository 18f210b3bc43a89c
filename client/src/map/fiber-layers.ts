import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { mapLayerIds } from './layer-ids.js';
import { fiberWidths, mapPalette, undergroundDash } from './map-palette.js';

function widthAt(scale: number): ExpressionSpecification {
  return [
    'match',
    ['get', 'kind'],
    'backbone',
    fiberWidths.backbone * scale,
    'distribution',
    fiberWidths.distribution * scale,
    fiberWidths.access * scale,
  ];
}

/** Fiber routes: width by route class, colour and dashes by laying (underground dashed). */
export function fiberLayer(): LayerSpecification {
  return {
    id: mapLayerIds.fiber,
    type: 'line',
    source: 'fiber',
    layout: { 'line-join': 'round', 'line-cap': 'butt', 'line-sort-key': ['match', ['get', 'kind'], 'backbone', 3, 'distribution', 2, 1] },
    paint: {
      'line-color': ['match', ['get', 'laying'], 'underground', mapPalette.fiberUnderground, mapPalette.fiberAerial],
      'line-width': ['interpolate', ['linear'], ['zoom'], 8, widthAt(0.55), 12, widthAt(1), 15, widthAt(1.4)],
      'line-dasharray': ['match', ['get', 'laying'], 'underground', ['literal', [...undergroundDash]], ['literal', [1, 0]]],
      'line-opacity': ['match', ['get', 'status'], 'on_air', 0.9, 0.5],
    },
  };
}
