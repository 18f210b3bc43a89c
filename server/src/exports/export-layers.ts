import type { ImportLayer } from '../contracts/import-contracts.js';
import { layerFilters, layerNames, type LayerName } from '../contracts/layer-contracts.js';

/** What GET /api/exports/{layer}.{format} serves: every map layer, population clusters and field measurements. */
export const exportLayers = [...layerNames, 'population-clusters', 'measurements'] as const;
export type ExportLayer = (typeof exportLayers)[number];

export const exportFormats = ['geojson', 'csv', 'xlsx', 'kml'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * The query parameters each export accepts: exactly those of its map layer
 * (`/api/layers/{layer}`, `/api/layers/measurements`); population clusters
 * filter like hamlets (by bbox and unit).
 */
export const exportFilters: Readonly<Record<ExportLayer, readonly string[]>> = {
  ...layerFilters,
  'population-clusters': ['bbox', 'unit', 'boundarySet', 'lang'],
  measurements: ['bbox', 'operator', 'technology', 'lang'],
};

/**
 * Register layers export the full record under the field catalogue's columns,
 * so that a file re-imports to the same data; communes and districts export as
 * admin units of one boundary set.
 */
export const registerLayerCatalogue: Readonly<Partial<Record<ExportLayer, ImportLayer>>> = {
  sites: 'sites',
  bts: 'bts',
  fiber: 'fiber',
  hamlets: 'hamlets',
  communes: 'admin-units',
  districts: 'admin-units',
  'population-clusters': 'population-clusters',
  measurements: 'measurements',
};

export type RegisterLayer = 'sites' | 'bts' | 'fiber' | 'hamlets' | 'communes' | 'districts' | 'population-clusters' | 'measurements';
export type DerivedLayer = Exclude<LayerName, RegisterLayer>;

export function isRegisterLayer(layer: ExportLayer): layer is RegisterLayer {
  return registerLayerCatalogue[layer] !== undefined;
}

/** The layer's name for people: the XLSX sheet (at most 31 characters, none of : \ / ? * [ ]) and the KML document. */
export const exportLayerTitles: Readonly<Record<ExportLayer, { vi: string; en: string }>> = {
  sites: { vi: 'Vị trí trạm', en: 'Sites' },
  bts: { vi: 'Trạm BTS', en: 'BTS' },
  'shared-sites': { vi: 'Vị trí dùng chung', en: 'Shared sites' },
  fiber: { vi: 'Tuyến cáp quang', en: 'Fiber routes' },
  hamlets: { vi: 'Ấp, khu phố', en: 'Hamlets' },
  communes: { vi: 'Xã, phường, thị trấn', en: 'Communes' },
  districts: { vi: 'Huyện, thị xã, thành phố', en: 'Districts' },
  coverage: { vi: 'Vùng phủ sóng', en: 'Coverage' },
  gaps: { vi: 'Vùng lõm sóng', en: 'Coverage gaps' },
  consolidation: { vi: 'Ứng viên gom trạm', en: 'Consolidation candidates' },
  'population-clusters': { vi: 'Cụm dân cư', en: 'Population clusters' },
  measurements: { vi: 'Đo kiểm thực địa', en: 'Field measurements' },
};
