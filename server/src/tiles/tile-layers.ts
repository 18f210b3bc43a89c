import type { FiberKind, FiberLaying, LifecycleStatus, Technology } from '../contracts/domain-enums.js';
import type { TechnologyGroup } from '../contracts/layer-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';

/** Layers served as vector tiles by GET /tiles/{layer}/{z}/{x}/{y}.mvt; the tile's one layer has the same name. */
export const tileLayerNames = ['sites', 'shared-sites', 'bts', 'fiber', 'hamlets', 'coverage', 'gaps', 'districts', 'communes'] as const;
export type TileLayerName = (typeof tileLayerNames)[number];

export const isTileLayer = (name: string): name is TileLayerName => (tileLayerNames as readonly string[]).includes(name);

/**
 * The query parameters each tile layer takes (anything else is a 400): the
 * filters of GET /api/layers/{layer} that make sense for a tile, and `v`. No
 * bbox (the tile is the box). `unit` (in `boundarySet`) limits a tile to what
 * lies in that administrative unit, as it limits the layer: the panel's unit
 * filter narrows the map as it narrows every count and list.
 */
export const tileLayerFilters: Record<TileLayerName, readonly string[]> = {
  sites: ['operator', 'technology', 'status', 'unit', 'boundarySet', 'v', 'lang'],
  'shared-sites': ['operator', 'technology', 'status', 'unit', 'boundarySet', 'scenario', 'v', 'lang'],
  bts: ['operator', 'technology', 'status', 'unit', 'boundarySet', 'v', 'lang'],
  fiber: ['operator', 'status', 'kind', 'laying', 'unit', 'boundarySet', 'v', 'lang'],
  // operator and technology: the coverage whose verdict the hamlets carry (one operator or '*', one technology group).
  hamlets: ['operator', 'technology', 'unit', 'boundarySet', 'scenario', 'v', 'lang'],
  coverage: ['operator', 'technology', 'scenario', 'v', 'lang'],
  gaps: ['unit', 'boundarySet', 'scenario', 'v', 'lang'],
  // The units of the boundary set (default: the default set); unit: that unit and its descendants.
  districts: ['unit', 'boundarySet', 'v', 'lang'],
  communes: ['unit', 'boundarySet', 'v', 'lang'],
};

/** Administrative-unit tile layers: always of one boundary set (the default one unless named). */
export const adminTileLayers: readonly TileLayerName[] = ['districts', 'communes'];

/**
 * Below these zooms a layer's tile is empty (a 204), as its SQL function
 * (hatang_tile_districts, hatang_tile_communes) decides: at national z5 about
 * 10,000 communes would be in view. The client's sources start there too.
 */
export const tileMinZoomOf: Partial<Record<TileLayerName, number>> = { districts: 6, communes: 8 };

/**
 * Parameters that do not change a tile: `lang` (of error messages) and `v`, a
 * whole number the client raises after its own write so the browser fetches
 * the tile again rather than reuse its copy for max-age.
 */
export const tileParametersNotInTile: readonly string[] = ['lang', 'v'];

export interface TileFilter {
  operators?: string[];
  technologies?: Technology[];
  /** Coverage: technology groups (default broadband); hamlets: the one group of their verdict. */
  technologyGroups?: TechnologyGroup[];
  statuses?: LifecycleStatus[];
  kinds?: FiberKind[];
  layings?: FiberLaying[];
  scenario: Scenario;
  /** Admin unit (row id) the features must lie in, as the layer's unit filter; null or absent = anywhere. */
  unitId?: number | null;
  /** Boundary set of the units (admin layers always have one; null or absent = the default set). */
  boundarySet?: string | null;
}

/** Tile space: 4096 units a side (ST_AsMVT's default), 64 units of buffer kept around it. */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;
export const MAX_TILE_ZOOM = 22;

/**
 * Below this zoom the point layers come clustered (tile-clusters.ts): a z8
 * tile is ~150 km a side, which at national scale holds thousands of sites
 * and BTS. From this zoom on (a province fills the screen at ~z9) every point
 * comes as itself.
 */
export const CLUSTER_BELOW_ZOOM = 9;
/**
 * Hamlets cluster only below z8: a hamlet is a polygon a user reads (its
 * verdict colour, its shape against the coverage), and a province in view at
 * z8–z9 should show them, not green dots. From z8 on the tiles stay light: on
 * the national register (80,010 hamlets, ~6 vertices each after simplification)
 * the fullest z8 tile holds 4,784 hamlets (2,667 on average over the 30 tiles
 * with any), so a screen of ~6 z8 tiles draws ~16,000 small polygons at most.
 * A z7 tile would hold up to 16,284 (8,890 on average), ~50,000 polygons on
 * screen: there the clusters keep the national view smooth.
 */
export const HAMLET_CLUSTER_BELOW_ZOOM = 8;
/** Clustering grid: cells of 256 of the tile's 4096 units, 32 px on a 512 px tile. */
export const CLUSTER_CELLS_PER_SIDE = 16;
/** Layers drawn as points (hamlets: the polygon's point on surface) that cluster, and below which zoom. */
export const clusterBelowZoomOf: Partial<Record<TileLayerName, number>> = {
  sites: CLUSTER_BELOW_ZOOM,
  'shared-sites': CLUSTER_BELOW_ZOOM,
  bts: CLUSTER_BELOW_ZOOM,
  hamlets: HAMLET_CLUSTER_BELOW_ZOOM,
};
export const clusteredTileLayers = Object.keys(clusterBelowZoomOf) as readonly TileLayerName[];
