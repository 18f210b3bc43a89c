import type { VectorSourceSpecification } from 'maplibre-gl';
import type { LayerName, Scenario } from '../domain/contract-types.js';
import { layerQuery } from '../layers/layer-queries.js';
import type { CoverageChoice, LayerFilterState } from '../url/view-state.js';

/**
 * The large layers, drawn from the server's vector tiles (GET /tiles/{layer}/{z}/{x}/{y}.mvt)
 * instead of whole-layer GeoJSON: at national scale they hold 100k sites, 250k BTS, 80k hamlets,
 * 693 districts and 10,836 communes.
 */
export const tileLayerNames = ['sites', 'shared-sites', 'bts', 'fiber', 'hamlets', 'coverage', 'gaps', 'districts', 'communes'] as const satisfies readonly LayerName[];
export type TileLayerName = (typeof tileLayerNames)[number];

export const isTileLayer = (layer: string): layer is TileLayerName => (tileLayerNames as readonly string[]).includes(layer);

/** Point layers the server clusters, and below which zoom (server/src/tiles/tile-layers.ts clusterBelowZoomOf: hamlets stay polygons from z8). */
export const clusterBelowZoomOf = { sites: 9, 'shared-sites': 9, bts: 9, hamlets: 8 } as const satisfies Partial<Record<TileLayerName, number>>;
export const clusteredTileLayers = ['sites', 'shared-sites', 'bts', 'hamlets'] as const satisfies readonly (keyof typeof clusterBelowZoomOf)[];

/** Below these zooms the server's tiles of the layer are empty (server/src/tiles/tile-layers.ts tileMinZoomOf): the source starts there. */
export const tileMinZoomOf: Partial<Record<TileLayerName, number>> = { districts: 6, communes: 8 };

/** The panel filters a tile takes: the layer's own, unit and boundary set included (the tile is the box, so no bbox). */
const notForTiles = new Set(['bbox']);

/**
 * The tile URL template of a layer under the current filters. `v` is the
 * register revision the layer was last written at by this tab: raising it makes
 * the browser fetch the tiles again instead of reusing its copies. MapLibre
 * loads tiles in a worker, so the URL must be absolute.
 */
export function tileUrl(layer: TileLayerName, filters: LayerFilterState, coverage: CoverageChoice, scenario: Scenario, revision: number): string {
  const params = tileParams(layer, filters, coverage, scenario);
  params.set('v', String(revision));
  return `${window.location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt?${params.toString()}`;
}

/**
 * The query of a layer's tiles (without `v`), also that of its count
 * (GET /api/layers/{layer}/count): the layer's panel filters and, for the
 * hamlets, the coverage choice, whose verdict each hamlet of the tile carries
 * (the map colours by it).
 */
export function tileParams(layer: TileLayerName, filters: LayerFilterState, coverage: CoverageChoice, scenario: Scenario): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(layerQuery(layer, filters, coverage, scenario))) if (!notForTiles.has(name)) params.set(name, value);
  if (layer === 'hamlets') {
    params.set('operator', coverage.operator);
    params.set('technology', coverage.group);
  }
  params.sort();
  return params;
}

/** GET /api/layers/{layer}/count under the same filters as the layer's tiles. */
export function tileCountUrl(layer: TileLayerName, filters: LayerFilterState, coverage: CoverageChoice, scenario: Scenario): string {
  const search = tileParams(layer, filters, coverage, scenario).toString();
  return `/api/layers/${layer}/count${search ? `?${search}` : ''}`;
}

export function vectorSource(url: string, minzoom = 0): VectorSourceSpecification {
  // maxzoom 14: deeper tiles are over-zoomed from the z14 one (the server simplifies only below z12).
  return { type: 'vector', tiles: [url], minzoom, maxzoom: 14 };
}
