import type { VectorSourceSpecification } from 'maplibre-gl';
import type { LayerName, Scenario } from '../domain/contract-types.js';
import { layerQuery } from '../layers/layer-queries.js';
import type { CoverageChoice, LayerFilterState } from '../url/view-state.js';

/**
 * The large layers, drawn from the server's vector tiles (GET /tiles/{layer}/{z}/{x}/{y}.mvt)
 * instead of whole-layer GeoJSON: at national scale they hold 100k sites, 250k BTS, 80k hamlets.
 */
export const tileLayerNames = ['sites', 'shared-sites', 'bts', 'fiber', 'hamlets', 'coverage', 'gaps'] as const satisfies readonly LayerName[];
export type TileLayerName = (typeof tileLayerNames)[number];

export const isTileLayer = (layer: string): layer is TileLayerName => (tileLayerNames as readonly string[]).includes(layer);

/** Point layers the server clusters below this zoom (server/src/tiles/tile-layers.ts CLUSTER_BELOW_ZOOM). */
export const clusterBelowZoom = 9;
export const clusteredTileLayers = ['sites', 'shared-sites', 'bts', 'hamlets'] as const satisfies readonly TileLayerName[];

/** The panel filters a tile takes: the layer's own, without unit and boundary set (a tile shows what is there). */
const notForTiles = new Set(['unit', 'boundarySet', 'bbox']);

/**
 * The tile URL template of a layer under the current filters. `v` is the
 * register revision the layer was last written at by this tab: raising it makes
 * the browser fetch the tiles again instead of reusing its copies. MapLibre
 * loads tiles in a worker, so the URL must be absolute.
 */
export function tileUrl(layer: TileLayerName, filters: LayerFilterState, coverage: CoverageChoice, scenario: Scenario, revision: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(layerQuery(layer, filters, coverage, scenario))) if (!notForTiles.has(name)) params.set(name, value);
  params.set('v', String(revision));
  return `${window.location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt?${params.toString()}`;
}

export function vectorSource(url: string): VectorSourceSpecification {
  // maxzoom 14: deeper tiles are over-zoomed from the z14 one (the server simplifies only below z12).
  return { type: 'vector', tiles: [url], minzoom: 0, maxzoom: 14 };
}
