import type { MapToggle, SelectableLayer } from '../domain/enum-values.js';

/** Map layer ids. `sites`, `fiber` and `hamlet-verdicts` are ids tests query. */
export const mapLayerIds = {
  districtsFill: 'districts-fill',
  districtsOutline: 'districts-outline',
  districtsLabelPoints: 'districts-label-points',
  communesFill: 'communes-fill',
  communesOutline: 'communes-outline',
  communesLabelPoints: 'communes-label-points',
  coverageFill: 'coverage-fill',
  coverageOutline: 'coverage-outline',
  hamletsFill: 'hamlets-fill',
  hamletsOutline: 'hamlets-outline',
  hamletVerdictsFill: 'hamlet-verdicts',
  hamletVerdictsOutline: 'hamlet-verdicts-outline',
  gapsFill: 'gaps-fill',
  gapsOutline: 'gaps-outline',
  hamletRefPoints: 'hamlet-ref-points',
  fiber: 'fiber',
  bts: 'bts',
  sharedSites: 'shared-sites',
  inferredSiteCores: 'inferred-site-cores',
  inferredSiteRings: 'inferred-site-rings',
  consolidation: 'consolidation',
  consolidationHighlight: 'consolidation-highlight',
  sites: 'sites',
  sitesClusters: 'sites-clusters',
  sharedSitesClusters: 'shared-sites-clusters',
  btsClusters: 'bts-clusters',
  hamletsClusters: 'hamlets-clusters',
  unitFocusDistricts: 'unit-focus-districts',
  unitFocusCommunes: 'unit-focus-communes',
  selectionDistricts: 'selection-districts',
  selectionCommunes: 'selection-communes',
  selectionHamlets: 'selection-hamlets',
  selectionGaps: 'selection-gaps',
  selectionFiber: 'selection-fiber',
  selectionSite: 'selection-site',
  selectionBts: 'selection-bts',
  whatIfFootprintsFill: 'what-if-footprints-fill',
  whatIfFootprintsOutline: 'what-if-footprints-outline',
  whatIfBts: 'what-if-bts',
  whatIfChangedHamlets: 'what-if-changed-hamlets',
  measurements: 'measurements',
  selectionMeasurements: 'selection-measurements',
} as const;

export type MapLayerId = (typeof mapLayerIds)[keyof typeof mapLayerIds];

/** Sources of the what-if tool: hypothetical footprints (from the server) and the points where the BTS were placed. */
export const whatIfFootprintSourceId = 'what-if-footprints';
export const whatIfBtsSourceId = 'what-if-bts';

/** Source of the field measurements (GET /api/layers/measurements, not one of the LayerName sources). */
export const measurementSourceId = 'measurements';

/** Map layers shown and hidden by each layer toggle; a map layer listed under several toggles shows when any is on. */
export const mapLayersByToggle: Record<MapToggle, readonly MapLayerId[]> = {
  districts: [mapLayerIds.districtsFill, mapLayerIds.districtsOutline, mapLayerIds.districtsLabelPoints, mapLayerIds.selectionDistricts],
  communes: [mapLayerIds.communesFill, mapLayerIds.communesOutline, mapLayerIds.communesLabelPoints, mapLayerIds.selectionCommunes],
  hamlets: [mapLayerIds.hamletsFill, mapLayerIds.hamletsOutline, mapLayerIds.hamletRefPoints, mapLayerIds.selectionHamlets, mapLayerIds.hamletsClusters],
  'hamlet-verdicts': [mapLayerIds.hamletVerdictsFill, mapLayerIds.hamletVerdictsOutline, mapLayerIds.hamletRefPoints, mapLayerIds.selectionHamlets, mapLayerIds.hamletsClusters],
  fiber: [mapLayerIds.fiber, mapLayerIds.selectionFiber],
  bts: [mapLayerIds.bts, mapLayerIds.selectionBts, mapLayerIds.btsClusters],
  'shared-sites': [mapLayerIds.sharedSites, mapLayerIds.inferredSiteRings, mapLayerIds.inferredSiteCores, mapLayerIds.sharedSitesClusters],
  sites: [mapLayerIds.sites, mapLayerIds.selectionSite, mapLayerIds.sitesClusters],
  coverage: [mapLayerIds.coverageFill, mapLayerIds.coverageOutline],
  gaps: [mapLayerIds.gapsFill, mapLayerIds.gapsOutline, mapLayerIds.selectionGaps],
  measurements: [mapLayerIds.measurements, mapLayerIds.selectionMeasurements],
  consolidation: [mapLayerIds.consolidation, mapLayerIds.consolidationHighlight],
};

/** The selection code of an uncovered part: its hamlet's code and part number. */
export function gapCode(hamletCode: string, partNo: number | string): string {
  return `${hamletCode}/${String(partNo)}`;
}

export interface ClickableLayer {
  id: MapLayerId;
  layer: SelectableLayer;
  tolerancePx: number;
  /** The selection code of a rendered feature (properties are scalars); `code` unless given. */
  codeOf?: (properties: Record<string, unknown>) => string | null;
}

function sharedSiteKey(properties: Record<string, unknown>): string | null {
  const key = properties.siteKey ?? properties.code;
  return key === undefined || key === null ? null : String(key);
}

/** The map layers hidden while these toggles are on (every toggled layer not shown by one of them). */
export function hiddenLayerIds(visible: readonly MapToggle[]): Set<string> {
  const shown = new Set<string>(visible.flatMap((toggle) => mapLayersByToggle[toggle]));
  return new Set(Object.values(mapLayersByToggle).flat().filter((id) => !shown.has(id)));
}

/** Clickable layers, most specific first, and the API layer a click on each selects. */
export const clickableLayers: readonly ClickableLayer[] = [
  { id: mapLayerIds.measurements, layer: 'measurements', tolerancePx: 5, codeOf: (p) => (p.id === undefined || p.id === null ? null : String(p.id)) },
  { id: mapLayerIds.sites, layer: 'sites', tolerancePx: 5 },
  { id: mapLayerIds.bts, layer: 'bts', tolerancePx: 5 },
  // A physical site is named by its site key: the site code, or 'SUY-…' for one inferred from BTS without a code.
  { id: mapLayerIds.inferredSiteCores, layer: 'shared-sites', tolerancePx: 6, codeOf: sharedSiteKey },
  { id: mapLayerIds.sharedSites, layer: 'shared-sites', tolerancePx: 5, codeOf: sharedSiteKey },
  { id: mapLayerIds.hamletRefPoints, layer: 'hamlets', tolerancePx: 4 },
  { id: mapLayerIds.fiber, layer: 'fiber', tolerancePx: 5 },
  {
    id: mapLayerIds.gapsFill,
    layer: 'gaps',
    tolerancePx: 0,
    codeOf: (p) => (p.hamletCode === undefined || p.partNo === undefined ? null : gapCode(String(p.hamletCode), String(p.partNo))),
  },
  { id: mapLayerIds.hamletVerdictsFill, layer: 'hamlets', tolerancePx: 0 },
  { id: mapLayerIds.hamletsFill, layer: 'hamlets', tolerancePx: 0 },
  { id: mapLayerIds.communesFill, layer: 'communes', tolerancePx: 0 },
  { id: mapLayerIds.districtsFill, layer: 'districts', tolerancePx: 0 },
];
