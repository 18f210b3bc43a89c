import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Operator } from '../domain/contract-types.js';
import { mapLayerIds, whatIfBtsSourceId, whatIfFootprintSourceId } from './layer-ids.js';
import { mapPalette } from './map-palette.js';
import { operatorColourExpression } from './operator-colours.js';

/** Footprints of hypothetical BTS: a faint wash and a heavy outline in the operator's colour (real coverage has no outline this strong). */
export function whatIfFootprintLayers(operators: readonly Operator[]): LayerSpecification[] {
  return [
    {
      id: mapLayerIds.whatIfFootprintsFill,
      type: 'fill',
      source: whatIfFootprintSourceId,
      paint: { 'fill-color': operatorColourExpression('operator', operators), 'fill-opacity': 0.14, 'fill-antialias': false },
    },
    {
      id: mapLayerIds.whatIfFootprintsOutline,
      type: 'line',
      source: whatIfFootprintSourceId,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': operatorColourExpression('operator', operators), 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 2, 14, 3.5], 'line-opacity': 0.95 },
    },
  ];
}

/** Where the hypothetical BTS stand: a large white-ringed dot in the operator's colour. */
export function whatIfBtsLayer(operators: readonly Operator[]): LayerSpecification {
  return {
    id: mapLayerIds.whatIfBts,
    type: 'circle',
    source: whatIfBtsSourceId,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 5, 14, 9],
      'circle-color': operatorColourExpression('operator', operators),
      'circle-stroke-color': mapPalette.whatIfLine,
      'circle-stroke-width': 2.5,
    },
  };
}

/** Hamlets whose verdict the hypothetical BTS would change: a heavy dashed outline over the (after) verdict colour. */
export function whatIfChangedHamletsLayer(): LayerSpecification {
  return {
    id: mapLayerIds.whatIfChangedHamlets,
    type: 'line',
    source: 'hamlets',
    filter: changedHamletsFilter([]),
    layout: { 'line-join': 'round' },
    paint: { 'line-color': mapPalette.whatIfLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.5, 14, 3], 'line-dasharray': [2, 1.5] },
  };
}

export function changedHamletsFilter(codes: readonly string[]): FilterSpecification {
  return ['in', ['get', 'code'], ['literal', [...codes]]];
}
