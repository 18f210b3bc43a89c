import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Operator } from '../domain/contract-types.js';
import { layerNameValues } from '../domain/enum-values.js';
import { adminFillLayers, adminOutlineLayers } from './admin-layers.js';
import { btsLayer } from './bts-layers.js';
import { consolidationHighlightLayer, consolidationLayer } from './consolidation-layers.js';
import { coverageFillLayer, coverageOutlineLayer, gapLayers, hamletVerdictLayers } from './coverage-layers.js';
import { fiberLayer } from './fiber-layers.js';
import { hamletLayers, hamletRefPointLayer } from './hamlet-layers.js';
import { hamletRefSourceId, mapLayerIds, measurementSourceId, whatIfBtsSourceId, whatIfFootprintSourceId } from './layer-ids.js';
import { mapPalette } from './map-palette.js';
import { measurementLayer, selectionMeasurementLayer } from './measurement-layers.js';
import {
  selectionAreaLayer,
  selectionFiberLayer,
  selectionGapLayer,
  selectionPointLayer,
  unitFocusLayer,
} from './selection-layers.js';
import { inferredSiteCoreLayer, inferredSiteRingLayer, sharedSiteLayer } from './shared-site-layers.js';
import { siteLayer } from './site-layers.js';
import { whatIfBtsLayer, whatIfChangedHamletsLayer, whatIfFootprintLayers } from './what-if-layers.js';

function emptySource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

/**
 * The whole map style. It is offline by construction: no `glyphs`, no `sprite`,
 * no tiled sources; only a background colour and GeoJSON sources filled from
 * our own API, so no request leaves the server's origin. Text is HTML.
 */
export function buildMapStyle(operators: readonly Operator[]): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const layer of layerNameValues) sources[layer] = emptySource();
  sources[hamletRefSourceId] = emptySource();
  sources[whatIfFootprintSourceId] = emptySource();
  sources[whatIfBtsSourceId] = emptySource();
  sources[measurementSourceId] = emptySource();
  return {
    version: 8,
    name: 'hatang offline',
    sources,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': mapPalette.background } },
      ...adminFillLayers(),
      coverageFillLayer(operators),
      ...hamletLayers(),
      ...hamletVerdictLayers(),
      ...gapLayers(),
      coverageOutlineLayer(operators),
      ...adminOutlineLayers(),
      unitFocusLayer('communes'),
      unitFocusLayer('districts'),
      selectionAreaLayer('hamlets'),
      selectionGapLayer(),
      selectionAreaLayer('communes'),
      selectionAreaLayer('districts'),
      ...whatIfFootprintLayers(operators),
      whatIfChangedHamletsLayer(),
      selectionFiberLayer(),
      fiberLayer(),
      hamletRefPointLayer(),
      consolidationLayer(),
      sharedSiteLayer(),
      inferredSiteRingLayer(),
      inferredSiteCoreLayer(),
      btsLayer(operators),
      selectionPointLayer(mapLayerIds.selectionBts, 'bts'),
      siteLayer(operators),
      selectionPointLayer(mapLayerIds.selectionSite, 'sites'),
      consolidationHighlightLayer(),
      measurementLayer(),
      selectionMeasurementLayer(),
      whatIfBtsLayer(operators),
    ],
  };
}
