import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { mapLayerIds } from './layer-ids.js';
import { mapPalette } from './map-palette.js';

// Both fills use the same data-driven colour so they share one WebGL program
// (each program costs ~0.25 s to link on a software renderer), and skip the
// antialiasing outline pass: our own line layers draw the boundaries.
const landColour: ExpressionSpecification = ['match', ['get', 'unitType'], 'phuong', mapPalette.urbanLand, 'thi_tran', mapPalette.townLand, mapPalette.land];

/** The polygons of a unit tile (each unit's label point is a point feature of the same tile layer). */
const polygons: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
/** The units' label points (ST_PointOnSurface, server-side): labelPoint = true. */
export const labelPoints: FilterSpecification = ['==', ['get', 'labelPoint'], true];

/**
 * The offline basemap: district and commune polygons from our own vector tiles. Urban
 * wards and townships get a warmer land tint so the towns read at a glance.
 */
export function adminFillLayers(): LayerSpecification[] {
  return [
    {
      id: mapLayerIds.districtsFill,
      type: 'fill',
      source: 'districts',
      filter: polygons,
      paint: { 'fill-color': landColour, 'fill-antialias': false },
    },
    {
      id: mapLayerIds.communesFill,
      type: 'fill',
      source: 'communes',
      filter: polygons,
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
      filter: polygons,
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
      filter: polygons,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': mapPalette.districtLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.1, 11, 2, 14, 3],
        'line-opacity': 0.85,
      },
    },
  ];
}

/**
 * The units' label points, drawn invisibly: the HTML names (area-labels.ts)
 * are placed at the label points MapLibre has rendered (queryRenderedFeatures),
 * so the labels come from the same tiles as the polygons.
 */
export function adminLabelPointLayers(): LayerSpecification[] {
  return (['districts', 'communes'] as const).map((source) => ({
    id: source === 'districts' ? mapLayerIds.districtsLabelPoints : mapLayerIds.communesLabelPoints,
    type: 'circle',
    source,
    filter: labelPoints,
    paint: { 'circle-radius': 1, 'circle-opacity': 0, 'circle-stroke-width': 0 },
  }));
}
