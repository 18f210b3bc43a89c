import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Operator } from '../domain/contract-types.js';
import { mapLayerIds } from './layer-ids.js';
import { operatorColourExpression, radioOperators } from './operator-colours.js';

/** Ring radius of an operator's BTS: each operator its own ring so co-located BTS stay visible. */
function ringRadius(operators: readonly Operator[], base: number, step: number): ExpressionSpecification | number {
  const mnos = radioOperators(operators);
  if (mnos.length === 0) return base;
  const pairs = mnos.flatMap((o, i) => [o.code, base + step * i]);
  return ['match', ['get', 'operator'], ...pairs, base + step * mnos.length] as unknown as ExpressionSpecification;
}

/** BTS as concentric rings in the operator's colour; the technology filter is applied by the API. */
export function btsLayer(operators: readonly Operator[]): LayerSpecification {
  return {
    id: mapLayerIds.bts,
    type: 'circle',
    source: 'bts',
    paint: {
      // Rings start just outside the largest (shared) site symbol at each zoom.
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, ringRadius(operators, 4, 1.2), 10, ringRadius(operators, 5.5, 1.6), 12, ringRadius(operators, 9, 2.4), 14, ringRadius(operators, 13, 3.2)],
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': operatorColourExpression('operator', operators),
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, 0.7, 12, 1.6],
      'circle-stroke-opacity': ['match', ['get', 'status'], 'on_air', 1, 0.45],
    },
  };
}
