// Clusters of the tiled map layers (below zoom 9): Vietnamese, the reference key set.
export const messagesViMapTiles = {
  'cluster.sites': 'Cụm {count} trạm — bấm để phóng to',
  'cluster.bts': 'Cụm {count} BTS — bấm để phóng to',
  'cluster.hamlets': 'Cụm {count} ấp, khu phố — bấm để phóng to',
  'legend.clusters': 'Cụm điểm (thu nhỏ bản đồ)',
  'legend.clusterStep': 'Cụm {from}–{to} điểm',
  'legend.clusterLast': 'Cụm từ {from} điểm',
  'legend.clusterNote': 'Khi thu nhỏ, các trạm, BTS và ấp gần nhau gộp thành một cụm; bấm vào cụm để phóng to.',
} as const;
