/**
 * The collections of our OGC API - Features endpoint: the register layers
 * (features are the full records, as the exports write them) and the derived
 * layers people query in GIS (shared sites, uncovered areas, coverage).
 */
export const ogcCollectionIds = ['sites', 'bts', 'shared-sites', 'fiber', 'hamlets', 'communes', 'districts', 'gaps', 'coverage'] as const;
export type OgcCollectionId = (typeof ogcCollectionIds)[number];

export interface OgcCollection {
  id: OgcCollectionId;
  title: string;
  description: string;
  /** Register collections page in SQL by code; derived ones are built by their map layer's function. */
  source: 'register' | 'derived';
}

export const ogcCollections: Readonly<Record<OgcCollectionId, OgcCollection>> = {
  sites: {
    id: 'sites', source: 'register', title: 'Vị trí trạm (cột anten)',
    description: 'Vị trí trạm trong sổ đăng ký: mã, tên, loại cột, độ cao (m), chủ sở hữu, địa chỉ, trạng thái.',
  },
  bts: {
    id: 'bts', source: 'register', title: 'Trạm BTS',
    description: 'Trạm BTS theo nhà mạng: công nghệ, băng tần (MHz), độ cao anten (m), EIRP (dBm), các hướng anten (độ), trạng thái.',
  },
  'shared-sites': {
    id: 'shared-sites', source: 'derived', title: 'Vị trí dùng chung',
    description: 'Vị trí vật lý (vị trí trong sổ và vị trí suy luận từ BTS không có mã trạm) có BTS đang phát sóng của ít nhất hai nhà mạng khác nhau.',
  },
  fiber: {
    id: 'fiber', source: 'register', title: 'Tuyến cáp quang',
    description: 'Tuyến cáp quang: doanh nghiệp, cấp tuyến, hình thức lắp đặt, số sợi, trạng thái.',
  },
  hamlets: {
    id: 'hamlets', source: 'register', title: 'Ấp, khu phố',
    description: 'Ấp, khu phố: dân số, số hộ, xã; ranh giới (hoặc điểm tham chiếu khi không có ranh giới), điểm tham chiếu ở lon/lat.',
  },
  communes: {
    id: 'communes', source: 'register', title: 'Xã, phường, thị trấn',
    description: 'Đơn vị hành chính cấp xã của bộ ranh giới mặc định.',
  },
  districts: {
    id: 'districts', source: 'register', title: 'Huyện, thị xã, thành phố',
    description: 'Đơn vị hành chính cấp huyện của bộ ranh giới mặc định.',
  },
  gaps: {
    id: 'gaps', source: 'derived', title: 'Vùng lõm sóng',
    description: 'Phần có dân cư của ấp không được phủ sóng băng rộng di động (3G, 4G, 5G) của bất kỳ nhà mạng nào, theo mạng đang phát sóng: diện tích (m²), dân số ước tính.',
  },
  coverage: {
    id: 'coverage', source: 'derived', title: 'Vùng phủ sóng',
    description: 'Vùng phủ sóng theo mô hình của mạng đang phát sóng, theo nhà mạng (all = mọi nhà mạng) và nhóm công nghệ (broadband = 3G, 4G hoặc 5G); diện tích km².',
  },
};

export const crs84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
