import type { messagesViMapTiles } from './messages-vi-map-tiles.js';

// Clusters of the tiled map layers in English: typed against the Vietnamese keys, so a missing or extra key is a compile error.
export const messagesEnMapTiles: Record<keyof typeof messagesViMapTiles, string> = {
  'cluster.sites': 'Cluster of {count} sites — click to zoom in',
  'cluster.bts': 'Cluster of {count} BTS — click to zoom in',
  'cluster.hamlets': 'Cluster of {count} hamlets — click to zoom in',
  'legend.clusters': 'Clusters (zoomed out)',
  'legend.clusterStep': 'Cluster of {from}–{to} points',
  'legend.clusterLast': 'Cluster of {from} points or more',
  'legend.clusterNote': 'Zoomed out, nearby sites, BTS and hamlets merge into one cluster; click a cluster to zoom in.',
  'legend.fiberZoomNote': 'Zoomed out below level 8 (wider than a province), the map draws backbone routes only; distribution and access routes appear when you zoom in.',
  'cluster.labelHint': 'Points in the cluster',
  'layer.countHint.sites': 'Sites the map draws under the chosen filters (operator, technology, status, administrative unit), over the whole layer, not only the view. Without a status filter this includes decommissioned sites (drawn faded), which the data overview does not count.',
  'layer.countHint.shared-sites': 'Shared sites (active BTS of two or more operators) under the chosen filters, over the whole layer, not only the view.',
  'layer.countHint.bts': 'BTS the map draws under the chosen filters (operator, technology, status, administrative unit), over the whole layer, not only the view. Without a status filter this includes decommissioned BTS (drawn faded), which the data overview does not count.',
  'layer.countHint.fiber': 'Fibre routes under the chosen filters; a route crossing the administrative unit counts whole. Over the whole layer, not only the view. Zoomed out below level 8, the map draws backbone routes only.',
  'layer.countHint.hamlets': 'Hamlets whose reference point (cultural house or centre) lies in the chosen administrative unit, over the whole layer, not only the view.',
  'layer.countHint.districts': 'Districts of the boundary set shown, over the whole layer (drawn from zoom 6).',
  'layer.countHint.communes': 'Communes, wards and townships of the boundary set shown, over the whole layer (drawn from zoom 8).',
  'layer.countHint.gaps': 'Uncovered parts (parts of a hamlet without broadband of any operator) of the hamlets in the chosen administrative unit.',
  'layer.countVerdictsHint': 'Hamlets with a coverage verdict for the chosen operator and technology, in the chosen administrative unit.',
  'layer.countCoverageHint': 'Area covered by the chosen operator and technology, on the spheroid (km²).',
};
