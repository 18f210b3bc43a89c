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
};
