import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Operator } from '../domain/contract-types.js';
import { mapLayerIds } from './layer-ids.js';
import { decommissionedSiteOpacity, mapPalette } from './map-palette.js';
import { operatorColourExpression } from './operator-colours.js';

const isShared: ExpressionSpecification = ['>=', ['get', 'operatorCount'], 2];
const hasNoTenant: ExpressionSpecification = ['==', ['get', 'operatorCount'], 0];

/** Radius at a zoom: shared sites (≥ 2 operators on air) clearly larger than single-operator ones. */
function radius(single: number, shared: number): ExpressionSpecification {
  return ['case', isShared, shared, single];
}

/**
 * Sites: filled with the structure owner's colour; shared sites larger with a
 * dark ring; sites without an on-air BTS (planned, approved) hollow.
 */
export function siteLayer(operators: readonly Operator[]): LayerSpecification {
  const ownerColour = operatorColourExpression('owner', operators);
  return {
    id: mapLayerIds.sites,
    type: 'circle',
    source: 'sites',
    layout: { 'circle-sort-key': ['get', 'operatorCount'] },
    paint: {
      // Small at province zoom, where ~2,000 sites share the screen; generous when zoomed in.
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, radius(1.8, 3), 10, radius(2.8, 4.4), 12, radius(4.8, 7.5), 14, radius(7, 11)],
      'circle-color': ['case', hasNoTenant, '#ffffff', ownerColour] as ExpressionSpecification,
      'circle-stroke-color': ['case', isShared, mapPalette.sharedStroke, hasNoTenant, ownerColour, mapPalette.singleStroke] as ExpressionSpecification,
      'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 8, ['case', isShared, 1, hasNoTenant, 0.9, 0.4], 10, ['case', isShared, 1.4, hasNoTenant, 1.1, 0.6], 12, ['case', isShared, 2.4, hasNoTenant, 1.8, 1]],
      'circle-opacity': ['match', ['get', 'status'], 'decommissioned', decommissionedSiteOpacity, 1],
      'circle-stroke-opacity': ['match', ['get', 'status'], 'decommissioned', decommissionedSiteOpacity, 1],
    },
  };
}
