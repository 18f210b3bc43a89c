import type { LonLat } from './demo-plane-geometry.js';

/**
 * What the demo province is made of, before any geometry: the 11 real
 * district-level units of Tiền Giang (2023) with their real names, codes and
 * types, roughly where they are, with their approximate real area and
 * population (used only as relative weights), and the names of their communes.
 * Commune names follow the real ones of 2023 as far as they go; their shapes,
 * hamlets, sites and fibre are synthetic.
 *
 * Each commune name is written without its type; the type comes from the list
 * it is in (phường, thị trấn, xã).
 */
export interface DistrictSpec {
  code: string;
  /** Full name with its type, as the register shows it. */
  name: string;
  unitType: 'thanh_pho' | 'thi_xa' | 'huyen';
  /** Where the district's territory is centred (power-diagram generator). */
  regionCentre: LonLat;
  /** The seat: centre of the town or thị trấn, hub of the fibre network. */
  seat: LonLat;
  /** Relative area and population (real orders of magnitude, km² and people). */
  areaWeight: number;
  populationWeight: number;
  /** Radius in km of the disc around the seat where the phường are packed. */
  urbanRadiusKm: number;
  wards: string[];
  /** Thị trấn: the first stands at the seat, a second one at `secondTownSeat`. */
  towns: string[];
  secondTownSeat?: LonLat;
  communes: string[];
  /** Names of the 2025 communes/phường formed here; the first one takes the seat. */
  merged2025: { name: string; unitType: 'phuong' | 'xa' }[];
}

const ward = (name: string) => ({ name, unitType: 'phuong' as const });
const xa = (name: string) => ({ name, unitType: 'xa' as const });

export const PROVINCE_2023 = { code: '82', name: 'Tỉnh Tiền Giang', unitType: 'tinh' as const };
/** From 1 July 2025 the area is part of the new Đồng Tháp (two-level local government). */
export const PROVINCE_2025 = { code: '82', name: 'Tỉnh Đồng Tháp', unitType: 'tinh' as const };
export const POPULATION_2023 = 1_790_700;

export const DISTRICTS: DistrictSpec[] = [
  {
    code: '815',
    name: 'Thành phố Mỹ Tho',
    unitType: 'thanh_pho',
    regionCentre: [106.352, 10.382],
    seat: [106.362, 10.366],
    areaWeight: 81.5,
    populationWeight: 230_000,
    urbanRadiusKm: 2.3,
    wards: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', 'Tân Long'],
    towns: [],
    communes: ['Đạo Thạnh', 'Mỹ Phong', 'Phước Thạnh', 'Tân Mỹ Chánh', 'Thới Sơn', 'Trung An'],
    merged2025: [ward('Mỹ Tho'), ward('Đạo Thạnh'), ward('Mỹ Phong'), ward('Thới Sơn'), ward('Trung An')],
  },
  {
    code: '816',
    name: 'Thị xã Gò Công',
    unitType: 'thi_xa',
    regionCentre: [106.665, 10.372],
    seat: [106.672, 10.364],
    areaWeight: 102,
    populationWeight: 103_000,
    urbanRadiusKm: 2.0,
    wards: ['1', '2', '3', '4', '5'],
    towns: [],
    communes: ['Bình Đông', 'Bình Xuân', 'Long Chánh', 'Long Hòa', 'Long Hưng', 'Long Thuận', 'Tân Trung'],
    merged2025: [ward('Gò Công'), ward('Long Thuận'), ward('Sơn Qui'), ward('Bình Xuân')],
  },
  {
    code: '817',
    name: 'Thị xã Cai Lậy',
    unitType: 'thi_xa',
    regionCentre: [106.125, 10.44],
    seat: [106.118, 10.418],
    areaWeight: 140,
    populationWeight: 125_000,
    urbanRadiusKm: 2.2,
    wards: ['1', '2', '3', '4', '5', 'Nhị Mỹ'],
    towns: [],
    communes: [
      'Long Khánh', 'Mỹ Hạnh Đông', 'Mỹ Hạnh Trung', 'Mỹ Phước Tây', 'Nhị Quý',
      'Phú Quý', 'Tân Bình', 'Tân Hội', 'Tân Phú', 'Thanh Hòa',
    ],
    merged2025: [ward('Cai Lậy'), ward('Nhị Quý'), ward('Thanh Hòa'), ward('Mỹ Phước Tây'), xa('Tân Phú')],
  },
  {
    code: '818',
    name: 'Huyện Tân Phước',
    unitType: 'huyen',
    regionCentre: [106.225, 10.515],
    seat: [106.215, 10.49],
    areaWeight: 333,
    populationWeight: 62_000,
    urbanRadiusKm: 0,
    wards: [],
    towns: ['Mỹ Phước'],
    communes: [
      'Hưng Thạnh', 'Mỹ Phước', 'Phú Mỹ', 'Phước Lập', 'Tân Hòa Đông', 'Tân Hòa Tây',
      'Tân Hòa Thành', 'Tân Lập 1', 'Tân Lập 2', 'Thạnh Hòa', 'Thạnh Mỹ', 'Thạnh Tân',
    ],
    merged2025: [xa('Tân Phước 1'), xa('Tân Phước 2'), xa('Tân Phước 3'), xa('Hưng Thạnh')],
  },
  {
    code: '819',
    name: 'Huyện Cái Bè',
    unitType: 'huyen',
    regionCentre: [105.94, 10.42],
    seat: [106.025, 10.335],
    areaWeight: 421,
    populationWeight: 290_000,
    urbanRadiusKm: 0,
    wards: [],
    towns: ['Cái Bè'],
    communes: [
      'An Cư', 'An Hữu', 'An Thái Đông', 'An Thái Trung', 'Đông Hòa Hiệp', 'Hậu Mỹ Bắc A',
      'Hậu Mỹ Bắc B', 'Hậu Mỹ Phú', 'Hậu Mỹ Trinh', 'Hậu Thành', 'Hòa Hưng', 'Hòa Khánh',
      'Mỹ Đức Đông', 'Mỹ Đức Tây', 'Mỹ Hội', 'Mỹ Lợi A', 'Mỹ Lợi B', 'Mỹ Lương',
      'Mỹ Tân', 'Mỹ Trung', 'Tân Hưng', 'Tân Thanh', 'Thiện Trí', 'Thiện Trung',
    ],
    merged2025: [
      xa('Cái Bè'), xa('Hậu Mỹ'), xa('Hội Cư'), xa('Mỹ Thiện'),
      xa('Mỹ Đức Tây'), xa('Mỹ Lợi'), xa('Thanh Hưng'), xa('An Hữu'),
    ],
  },
  {
    code: '820',
    name: 'Huyện Cai Lậy',
    unitType: 'huyen',
    regionCentre: [106.12, 10.345],
    seat: [106.085, 10.372],
    areaWeight: 296,
    populationWeight: 190_000,
    urbanRadiusKm: 0,
    wards: [],
    towns: ['Bình Phú'],
    communes: [
      'Cẩm Sơn', 'Hiệp Đức', 'Hội Xuân', 'Long Tiên', 'Long Trung', 'Mỹ Long', 'Mỹ Thành Bắc',
      'Mỹ Thành Nam', 'Ngũ Hiệp', 'Phú An', 'Phú Cường', 'Phú Nhuận', 'Tam Bình', 'Tân Phong', 'Thạnh Lộc',
    ],
    merged2025: [xa('Bình Phú'), xa('Hiệp Đức'), xa('Ngũ Hiệp'), xa('Long Tiên'), xa('Mỹ Thành'), xa('Phú Cường')],
  },
  {
    code: '821',
    name: 'Huyện Châu Thành',
    unitType: 'huyen',
    regionCentre: [106.27, 10.405],
    seat: [106.332, 10.428],
    areaWeight: 229,
    populationWeight: 255_000,
    urbanRadiusKm: 0,
    wards: [],
    towns: ['Tân Hiệp'],
    communes: [
      'Bàn Long', 'Bình Đức', 'Bình Trưng', 'Điềm Hy', 'Dưỡng Điềm', 'Đông Hòa', 'Hữu Đạo',
      'Kim Sơn', 'Long An', 'Long Định', 'Long Hưng', 'Nhị Bình', 'Phú Phong', 'Song Thuận',
      'Tam Hiệp', 'Tân Hội Đông', 'Tân Hương', 'Tân Lý Đông', 'Tân Lý Tây', 'Thân Cửu Nghĩa',
      'Thạnh Phú', 'Vĩnh Kim',
    ],
    merged2025: [
      xa('Châu Thành'), xa('Tân Hương'), xa('Long Hưng'), xa('Long Định'),
      xa('Vĩnh Kim'), xa('Kim Sơn'), xa('Bình Trưng'),
    ],
  },
  {
    code: '822',
    name: 'Huyện Chợ Gạo',
    unitType: 'huyen',
    regionCentre: [106.465, 10.39],
    seat: [106.462, 10.358],
    areaWeight: 232,
    populationWeight: 180_000,
    urbanRadiusKm: 0,
    wards: [],
    towns: ['Chợ Gạo'],
    communes: [
      'An Thạnh Thủy', 'Bình Ninh', 'Bình Phan', 'Bình Phục Nhứt', 'Đăng Hưng Phước', 'Hòa Định',
      'Hòa Tịnh', 'Long Bình Điền', 'Lương Hòa Lạc', 'Mỹ Tịnh An', 'Phú Kiết', 'Quơn Long',
      'Song Bình', 'Tân Bình Thạnh', 'Tân Thuận Bình', 'Thanh Bình', 'Trung Hòa', 'Xuân Đông',
    ],
    merged2025: [
      xa('Chợ Gạo'), xa('Mỹ Tịnh An'), xa('Lương Hòa Lạc'), xa('Tân Thuận Bình'), xa('An Thạnh Thủy'), xa('Bình Ninh'),
    ],
  },
  {
    code: '823',
    name: 'Huyện Gò Công Tây',
    unitType: 'huyen',
    regionCentre: [106.565, 10.36],
    seat: [106.592, 10.342],
    areaWeight: 183,
    populationWeight: 140_000,
    urbanRadiusKm: 0,
    wards: [],
    towns: ['Vĩnh Bình'],
    communes: [
      'Bình Nhì', 'Bình Phú', 'Bình Tân', 'Đồng Sơn', 'Đồng Thạnh', 'Long Bình', 'Long Vĩnh',
      'Thạnh Nhựt', 'Thạnh Trị', 'Thành Công', 'Vĩnh Hựu', 'Yên Luông',
    ],
    merged2025: [xa('Vĩnh Bình'), xa('Đồng Sơn'), xa('Phú Thành'), xa('Vĩnh Hựu')],
  },
  {
    code: '824',
    name: 'Huyện Gò Công Đông',
    unitType: 'huyen',
    regionCentre: [106.745, 10.315],
    seat: [106.748, 10.33],
    areaWeight: 268,
    populationWeight: 150_000,
    urbanRadiusKm: 0,
    wards: [],
    towns: ['Tân Hòa', 'Vàm Láng'],
    secondTownSeat: [106.765, 10.262],
    communes: [
      'Bình Ân', 'Bình Nghị', 'Gia Thuận', 'Kiểng Phước', 'Phước Trung',
      'Tân Điền', 'Tân Đông', 'Tân Phước', 'Tân Tây', 'Tăng Hòa',
    ],
    merged2025: [xa('Tân Hòa'), xa('Tân Điền'), xa('Tân Đông'), xa('Gia Thuận')],
  },
  {
    code: '825',
    name: 'Huyện Tân Phú Đông',
    unitType: 'huyen',
    regionCentre: [106.62, 10.245],
    seat: [106.63, 10.245],
    areaWeight: 207,
    populationWeight: 42_000,
    urbanRadiusKm: 0,
    wards: [],
    // Tân Phú Đông has no thị trấn; its centre is the xã Phú Thạnh.
    towns: [],
    communes: ['Phú Đông', 'Phú Tân', 'Phú Thạnh', 'Tân Phú', 'Tân Thạnh', 'Tân Thới'],
    merged2025: [xa('Tân Thới'), xa('Tân Phú Đông')],
  },
];

/** The 2023 type word of a commune for its display name. */
export const COMMUNE_TYPE_WORD = { phuong: 'Phường', thi_tran: 'Thị trấn', xa: 'Xã' } as const;
