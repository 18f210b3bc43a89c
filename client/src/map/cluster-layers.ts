import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { mapLayerIds } from './layer-ids.js';
import type { TileLayerName } from './tile-sources.js';

/**
 * Clusters: below z9 the server merges the points of a layer that fall in one
 * 32 px cell into one point with `point_count` (tile-clusters.ts). The style has
 * no glyphs, so a cluster says its size by radius and colour, in steps the
 * legend names; a click on one zooms in on it (hatang-map.ts).
 */
export const isCluster: FilterSpecification = ['has', 'point_count'];
export const isNotCluster: FilterSpecification = ['!', ['has', 'point_count']];

/** The legend's size classes, smallest first: from `min` members on. */
export const clusterSteps = [
  { min: 2, radiusPx: 6, colour: '#bfdbfe', stroke: '#1d4ed8' },
  { min: 10, radiusPx: 9, colour: '#60a5fa', stroke: '#1e3a8a' },
  { min: 100, radiusPx: 13, colour: '#2563eb', stroke: '#172554' },
  { min: 1000, radiusPx: 18, colour: '#1e3a8a', stroke: '#0b1533' },
] as const;

function byStep(pick: (step: (typeof clusterSteps)[number]) => number | string): ExpressionSpecification {
  const [first, ...rest] = clusterSteps;
  const stops = rest.flatMap((step) => [step.min, pick(step)]);
  return ['step', ['get', 'point_count'], pick(first), ...stops] as unknown as ExpressionSpecification;
}

/** Cluster layer ids by tile layer; `sites-clusters` is the one tests query. */
export const clusterLayerIds = {
  sites: mapLayerIds.sitesClusters,
  'shared-sites': mapLayerIds.sharedSitesClusters,
  bts: mapLayerIds.btsClusters,
  hamlets: mapLayerIds.hamletsClusters,
} as const satisfies Partial<Record<TileLayerName, string>>;

export type ClusteredLayer = keyof typeof clusterLayerIds;
export type ClusterLayerId = (typeof clusterLayerIds)[ClusteredLayer];

/**
 * Hamlets (places people live) are green so they do not read as stations;
 * BTS clusters are rings so a site cluster beneath stays visible.
 */
export function clusterLayer(layer: ClusteredLayer): LayerSpecification {
  const radius = byStep((s) => s.radiusPx);
  const base = { id: clusterLayerIds[layer], type: 'circle' as const, source: layer, 'source-layer': layer, filter: isCluster };
  if (layer === 'hamlets') {
    return { ...base, paint: { 'circle-radius': radius, 'circle-color': '#86c79a', 'circle-opacity': 0.55, 'circle-stroke-color': '#2f855a', 'circle-stroke-width': 1 } };
  }
  if (layer === 'bts') {
    return { ...base, paint: { 'circle-radius': ['+', radius, 3], 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': byStep((s) => s.stroke), 'circle-stroke-width': 1.2 } };
  }
  return {
    ...base,
    layout: { 'circle-sort-key': ['get', 'point_count'] },
    paint: {
      'circle-radius': layer === 'shared-sites' ? ['+', radius, 2] : radius,
      'circle-color': layer === 'shared-sites' ? '#fdba74' : byStep((s) => s.colour),
      'circle-opacity': 0.9,
      'circle-stroke-color': layer === 'shared-sites' ? '#c2410c' : byStep((s) => s.stroke),
      'circle-stroke-width': 1.2,
    },
  };
}
