// Clusters of the tiled map layers (below zoom 9): Vietnamese, the reference key set.
export const messagesViMapTiles = {
  'cluster.sites': 'Cụm {count} trạm — bấm để phóng to',
  'cluster.bts': 'Cụm {count} BTS — bấm để phóng to',
  'cluster.hamlets': 'Cụm {count} ấp, khu phố — bấm để phóng to',
  'legend.clusters': 'Cụm điểm (thu nhỏ bản đồ)',
  'legend.clusterStep': 'Cụm {from}–{to} điểm',
  'legend.clusterLast': 'Cụm từ {from} điểm',
  'legend.clusterNote': 'Khi thu nhỏ, các trạm, BTS và ấp gần nhau gộp thành một cụm; bấm vào cụm để phóng to.',
  'cluster.labelHint': 'Số điểm trong cụm',
  'layer.countHint.sites': 'Số vị trí trạm theo bộ lọc đang chọn (nhà mạng, công nghệ, trạng thái, đơn vị hành chính), trên toàn lớp chứ không chỉ trong khung nhìn.',
  'layer.countHint.shared-sites': 'Số vị trí dùng chung (có BTS hoạt động của từ 2 nhà mạng trở lên) theo bộ lọc đang chọn, trên toàn lớp chứ không chỉ trong khung nhìn.',
  'layer.countHint.bts': 'Số BTS theo bộ lọc đang chọn (nhà mạng, công nghệ, trạng thái, đơn vị hành chính), trên toàn lớp chứ không chỉ trong khung nhìn.',
  'layer.countHint.fiber': 'Số tuyến cáp quang theo bộ lọc đang chọn; một tuyến đi qua đơn vị hành chính được đếm cả tuyến. Trên toàn lớp chứ không chỉ trong khung nhìn.',
  'layer.countHint.hamlets': 'Số ấp, khu phố có điểm tham chiếu (nhà văn hóa hoặc tâm ấp) trong đơn vị hành chính đang chọn, trên toàn lớp chứ không chỉ trong khung nhìn.',
  'layer.countHint.gaps': 'Số vùng lõm (phần ấp không được phủ sóng băng rộng của bất kỳ nhà mạng nào) của các ấp trong đơn vị hành chính đang chọn.',
  'layer.countVerdictsHint': 'Số ấp, khu phố đã có kết luận phủ sóng cho nhà mạng và công nghệ đang chọn, trong đơn vị hành chính đang chọn.',
  'layer.countCoverageHint': 'Diện tích vùng phủ sóng của nhà mạng và công nghệ đang chọn, tính trên elipxoit (km²).',
} as const;
