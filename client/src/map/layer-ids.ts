import type { LayerName } from '../domain/contract-types.js';

/** Map layer ids. `sites` and `fiber` are the ids tests query. */
export const mapLayerIds = {
  districtsFill: 'districts-fill',
  districtsOutline: 'districts-outline',
  communesFill: 'communes-fill',
  communesOutline: 'communes-outline',
  hamletsFill: 'hamlets-fill',
  hamletsOutline: 'hamlets-outline',
  hamletRefPoints: 'hamlet-ref-points',
  fiber: 'fiber',
  bts: 'bts',
  sharedSites: 'shared-sites',
  sites: 'sites',
  unitFocusDistricts: 'unit-focus-districts',
  unitFocusCommunes: 'unit-focus-communes',
  selectionDistricts: 'selection-districts',
  selectionCommunes: 'selection-communes',
  selectionHamlets: 'selection-hamlets',
  selectionFiber: 'selection-fiber',
  selectionSite: 'selection-site',
  selectionBts: 'selection-bts',
} as const;

export type MapLayerId = (typeof mapLayerIds)[keyof typeof mapLayerIds];

/** GeoJSON source ids: one per API layer, plus the hamlet reference points derived from hamlets. */
export const hamletRefSourceId = 'hamlet-ref-points';

/** Map layers shown and hidden by each layer toggle. */
export const mapLayersByToggle: Record<LayerName, readonly MapLayerId[]> = {
  districts: [mapLayerIds.districtsFill, mapLayerIds.districtsOutline, mapLayerIds.selectionDistricts],
  communes: [mapLayerIds.communesFill, mapLayerIds.communesOutline, mapLayerIds.selectionCommunes],
  hamlets: [mapLayerIds.hamletsFill, mapLayerIds.hamletsOutline, mapLayerIds.hamletRefPoints, mapLayerIds.selectionHamlets],
  fiber: [mapLayerIds.fiber, mapLayerIds.selectionFiber],
  bts: [mapLayerIds.bts, mapLayerIds.selectionBts],
  'shared-sites': [mapLayerIds.sharedSites],
  sites: [mapLayerIds.sites, mapLayerIds.selectionSite],
};

/** Clickable layers, most specific first, and the API layer a click on each selects. */
export const clickableLayers: readonly { id: MapLayerId; layer: LayerName; tolerancePx: number }[] = [
  { id: mapLayerIds.sites, layer: 'sites', tolerancePx: 5 },
  { id: mapLayerIds.bts, layer: 'bts', tolerancePx: 5 },
  { id: mapLayerIds.sharedSites, layer: 'sites', tolerancePx: 5 },
  { id: mapLayerIds.hamletRefPoints, layer: 'hamlets', tolerancePx: 4 },
  { id: mapLayerIds.fiber, layer: 'fiber', tolerancePx: 5 },
  { id: mapLayerIds.hamletsFill, layer: 'hamlets', tolerancePx: 0 },
  { id: mapLayerIds.communesFill, layer: 'communes', tolerancePx: 0 },
  { id: mapLayerIds.districtsFill, layer: 'districts', tolerancePx: 0 },
];
