import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { mapLayerIds } from './layer-ids.js';
import { mapPalette } from './map-palette.js';

// Both fills use the same data-driven colour so they share one WebGL program
// (each program costs ~0.25 s to link on a software renderer), and skip the
// antialiasing outline pass: our own line layers draw the boundaries.
const landColour: ExpressionSpecification = ['match', ['get', 'unitType'], 'phuong', mapPalette.urbanLand, 'thi_tran', mapPalette.townLand, mapPalette.land];

/**
 * The offline basemap: district and commune polygons from our own API. Urban
 * wards and townships get a warmer land tint so the towns read at a glance.
 */
export function adminFillLayers(): LayerSpecification[] {
  return [
    {
      id: mapLayerIds.districtsFill,
      type: 'fill',
      source: 'districts',
      paint: { 'fill-color': landColour, 'fill-antialias': false },
    },
    {
      id: mapLayerIds.communesFill,
      type: 'fill',
      source: 'communes',
      paint: { 'fill-color': landColour, 'fill-antialias': false },
    },
  ];
}

export function adminOutlineLayers(): LayerSpecification[] {
  return [
    {
      id: mapLayerIds.communesOutline,
      type: 'line',
      source: 'communes',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': mapPalette.communeLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 11, 0.9, 14, 1.5],
      },
    },
    {
      id: mapLayerIds.districtsOutline,
      type: 'line',
      source: 'districts',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': mapPalette.districtLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.1, 11, 2, 14, 3],
        'line-opacity': 0.85,
      },
    },
  ];
}
