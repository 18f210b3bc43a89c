import type { FiberKind, FiberLaying, LifecycleStatus, Technology } from '../contracts/domain-enums.js';
import type { TechnologyGroup } from '../contracts/layer-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';

/** Layers served as vector tiles by GET /tiles/{layer}/{z}/{x}/{y}.mvt; the tile's one layer has the same name. */
export const tileLayerNames = ['sites', 'shared-sites', 'bts', 'fiber', 'hamlets', 'coverage', 'gaps'] as const;
export type TileLayerName = (typeof tileLayerNames)[number];

export const isTileLayer = (name: string): name is TileLayerName => (tileLayerNames as readonly string[]).includes(name);

/**
 * The query filters each tile layer takes (anything else is a 400): those of
 * GET /api/layers/{layer} that make sense for a tile. No bbox (the tile is the
 * box) and no unit or boundary set (a tile shows what is there, whatever unit).
 */
export const tileLayerFilters: Record<TileLayerName, readonly string[]> = {
  sites: ['operator', 'technology', 'status', 'lang'],
  'shared-sites': ['operator', 'technology', 'status', 'scenario', 'lang'],
  bts: ['operator', 'technology', 'status', 'lang'],
  fiber: ['operator', 'status', 'kind', 'laying', 'lang'],
  hamlets: ['scenario', 'lang'],
  coverage: ['operator', 'technology', 'scenario', 'lang'],
  gaps: ['scenario', 'lang'],
};

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
