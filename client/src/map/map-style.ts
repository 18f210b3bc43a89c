import type { FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Operator } from '../domain/contract-types.js';
import { layerNameValues } from '../domain/enum-values.js';
import { clusterLayer, clusterLayerIds, isNotCluster } from './cluster-layers.js';
import { adminFillLayers, adminLabelPointLayers, adminOutlineLayers } from './admin-layers.js';
import { btsLayer } from './bts-layers.js';
import { consolidationHighlightLayer, consolidationLayer } from './consolidation-layers.js';
import { coverageFillLayer, coverageOutlineLayer, gapLayers, hamletVerdictLayers } from './coverage-layers.js';
import { fiberLayer } from './fiber-layers.js';
import { hamletLayers, hamletRefPointLayer } from './hamlet-layers.js';
import { mapLayerIds, measurementSourceId, whatIfBtsSourceId, whatIfFootprintSourceId } from './layer-ids.js';
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
import { clusteredTileLayers, isTileLayer, tileMinZoomOf, vectorSource, type TileLayerName } from './tile-sources.js';
import { whatIfBtsLayer, whatIfChangedHamletsLayer, whatIfFootprintLayers } from './what-if-layers.js';

function emptySource(): GeoJSONSourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
}

const isClusterLayerId = (id: string): boolean => (Object.values(clusterLayerIds) as string[]).includes(id);

/**
 * A layer drawn from a tile source reads the tile's layer of the same name; on
 * a clustered source it leaves the clusters to the cluster layers. Layers start
 * hidden when in `hidden`: MapLibre loads no tile for a source whose layers
 * are all hidden.
 */
function adapted(layer: LayerSpecification, hidden: ReadonlySet<string>): LayerSpecification {
  if (layer.type === 'background') return layer;
  const visibility = hidden.has(layer.id) ? 'none' : 'visible';
  const source = layer.source;
  if (!isTileLayer(source)) return { ...layer, layout: { ...layer.layout, visibility } } as LayerSpecification;
  const clustered = (clusteredTileLayers as readonly string[]).includes(source) && !isClusterLayerId(layer.id);
  const filter = clustered ? (layer.filter ? (['all', isNotCluster, layer.filter] as FilterSpecification) : isNotCluster) : layer.filter;
  return { ...layer, 'source-layer': source, ...(filter ? { filter } : {}), layout: { ...layer.layout, visibility } } as LayerSpecification;
}

/**
 * The whole map style. It is offline by construction: no `glyphs`, no `sprite`;
 * a background colour, GeoJSON sources filled from our own API (admin units,
 * consolidation, overlays) and vector tile sources of our own server
 * (`tileUrls`, the large layers), so no request leaves the server's origin.
 * Text is HTML. `hidden`: ids of the map layers hidden at start.
 */
export function buildMapStyle(operators: readonly Operator[], tileUrls: Record<TileLayerName, string>, hidden: ReadonlySet<string>): StyleSpecification {
  const sources: StyleSpecification['sources'] = {};
  for (const layer of layerNameValues) sources[layer] = isTileLayer(layer) ? vectorSource(tileUrls[layer], tileMinZoomOf[layer]) : emptySource();
  sources[whatIfFootprintSourceId] = emptySource();
  sources[whatIfBtsSourceId] = emptySource();
  sources[measurementSourceId] = emptySource();
  return {
    version: 8,
    name: 'hatang offline',
    sources,
    layers: ([
      { id: 'background', type: 'background', paint: { 'background-color': mapPalette.background } },
      ...adminFillLayers(),
      coverageFillLayer(operators),
      ...hamletLayers(),
      ...hamletVerdictLayers(),
      ...gapLayers(),
      coverageOutlineLayer(operators),
      ...adminOutlineLayers(),
      ...adminLabelPointLayers(),
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
      clusterLayer('hamlets'),
      clusterLayer('shared-sites'),
      btsLayer(operators),
      clusterLayer('bts'),
      selectionPointLayer(mapLayerIds.selectionBts, 'bts'),
      clusterLayer('sites'),
      siteLayer(operators),
      selectionPointLayer(mapLayerIds.selectionSite, 'sites'),
      consolidationHighlightLayer(),
      measurementLayer(),
      selectionMeasurementLayer(),
      whatIfBtsLayer(operators),
    ] satisfies LayerSpecification[]).map((layer) => adapted(layer, hidden)),
  };
}
