import type { FiberKind, FiberLaying, LifecycleStatus, Technology } from '../contracts/domain-enums.js';
import type { TechnologyGroup } from '../contracts/layer-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';

/** Layers served as vector tiles by GET /tiles/{layer}/{z}/{x}/{y}.mvt; the tile's one layer has the same name. */
export const tileLayerNames = ['sites', 'shared-sites', 'bts', 'fiber', 'hamlets', 'coverage', 'gaps'] as const;
export type TileLayerName = (typeof tileLayerNames)[number];

export const isTileLayer = (name: string): name is TileLayerName => (tileLayerNames as readonly string[]).includes(name);

/**
 * The query parameters each tile layer takes (anything else is a 400): the
 * filters of GET /api/layers/{layer} that make sense for a tile, and `v`. No bbox (the tile is the
 * box) and no unit or boundary set (a tile shows what is there, whatever unit).
 */
export const tileLayerFilters: Record<TileLayerName, readonly string[]> = {
  sites: ['operator', 'technology', 'status', 'v', 'lang'],
  'shared-sites': ['operator', 'technology', 'status', 'scenario', 'v', 'lang'],
  bts: ['operator', 'technology', 'status', 'v', 'lang'],
  fiber: ['operator', 'status', 'kind', 'laying', 'v', 'lang'],
  hamlets: ['scenario', 'v', 'lang'],
  coverage: ['operator', 'technology', 'scenario', 'v', 'lang'],
  gaps: ['scenario', 'v', 'lang'],
};

/**
 * Parameters that do not change a tile: `lang` (of error messages) and `v`, a
 * whole number the client raises after its own write so the browser fetches
 * the tile again rather than reuse its copy for max-age.
 */
export const tileParametersNotInTile: readonly string[] = ['lang', 'v'];

export interface TileFilter {
  operators?: string[];
  technologies?: Technology[];
  /** Coverage only: technology groups (default broadband). */
  technologyGroups?: TechnologyGroup[];
  statuses?: LifecycleStatus[];
  kinds?: FiberKind[];
  layings?: FiberLaying[];
  scenario: Scenario;
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
/** Clustering grid: cells of 256 of the tile's 4096 units, 32 px on a 512 px tile. */
export const CLUSTER_CELLS_PER_SIDE = 16;
/** Layers drawn as points (hamlets: the polygon's point on surface) that cluster below CLUSTER_BELOW_ZOOM. */
export const clusteredTileLayers: readonly TileLayerName[] = ['sites', 'shared-sites', 'bts', 'hamlets'];
