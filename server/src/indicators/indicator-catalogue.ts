import type { Bilingual, IndicatorDefinition } from '../contracts/indicator-contracts.js';

const hamletWord: Bilingual = { vi: 'thôn, ấp, khu phố', en: 'hamlets' };
const percent: Bilingual = { vi: '%', en: '%' };

/**
 * The computed indicators of the plan (Kế hoạch 540/KH-UBND, criteria of QĐ
 * 885/QĐ-BTTTT), in the order the dashboard shows them. Definitions follow
 * DESIGN §3 and name numerator and denominator, as the app publishes them.
 * Their codes are rows of indicator_definitions (migration 009).
 */
export const computedIndicators = {
  hamletsMobileBroadband: {
    code: 'hamlets-mobile-broadband',
    group: 'mobile',
    name: { vi: 'Tỷ lệ thôn, ấp, khu phố được phủ sóng băng rộng di động', en: 'Hamlets covered by mobile broadband' },
    definition: {
      vi: `Số ${hamletWord.vi} có sóng 3G/4G/5G của ít nhất một nhà mạng tại điểm tham chiếu (nhà văn hoá hoặc trung tâm) và trên ít nhất θ dân số ÷ tổng số ${hamletWord.vi} của đơn vị. Lõm sóng: có sóng tại điểm tham chiếu nhưng dưới θ dân số; trắng sóng: không có sóng tại điểm tham chiếu.`,
      en: 'Hamlets with 3G/4G/5G coverage of at least one operator at the reference point (cultural house or centre) and over at least θ of the population ÷ all hamlets of the unit. Partly covered (lõm sóng): signal at the reference point but under θ of the population; no signal (trắng sóng): none at the reference point.',
    },
    numeratorName: { vi: `Số ${hamletWord.vi} được phủ sóng`, en: 'Covered hamlets' },
    denominatorName: { vi: `Tổng số ${hamletWord.vi}`, en: 'All hamlets' },
    measure: 'share',
    unitLabel: percent,
    source: 'computed',
    counts: 'hamlets',
  },
  population4g: {
    code: 'population-4g',
    group: 'mobile',
    name: { vi: 'Tỷ lệ dân số được phủ sóng 4G', en: 'Population covered by 4G' },
    definition: {
      vi: 'Dân số trong vùng phủ sóng 4G của ít nhất một nhà mạng (theo cụm dân cư, nếu không có thì theo diện tích ấp) ÷ tổng dân số các thôn, ấp, khu phố của đơn vị.',
      en: "People inside 4G coverage of at least one operator (over population clusters, else over the hamlet area) ÷ the population of the unit's hamlets.",
    },
    numeratorName: { vi: 'Dân số có sóng 4G (người)', en: 'People covered by 4G' },
    denominatorName: { vi: 'Tổng dân số (người)', en: 'Population' },
    measure: 'share',
    unitLabel: percent,
    source: 'computed',
    counts: 'people',
  },
  population5g: {
    code: 'population-5g',
    group: 'mobile',
    name: { vi: 'Tỷ lệ dân số được phủ sóng 5G', en: 'Population covered by 5G' },
    definition: {
      vi: 'Dân số trong vùng phủ sóng 5G của ít nhất một nhà mạng (theo cụm dân cư, nếu không có thì theo diện tích ấp) ÷ tổng dân số các thôn, ấp, khu phố của đơn vị.',
      en: "People inside 5G coverage of at least one operator (over population clusters, else over the hamlet area) ÷ the population of the unit's hamlets.",
    },
    numeratorName: { vi: 'Dân số có sóng 5G (người)', en: 'People covered by 5G' },
    denominatorName: { vi: 'Tổng dân số (người)', en: 'Population' },
    measure: 'share',
    unitLabel: percent,
    source: 'computed',
    counts: 'people',
  },
  hamletsFiber: {
    code: 'hamlets-fiber-reach',
    group: 'fiber',
    name: { vi: 'Tỷ lệ thôn, ấp, khu phố có cáp quang đến', en: 'Hamlets reached by fiber' },
    definition: {
      vi: `Số ${hamletWord.vi} có tuyến cáp quang đi qua trong phạm vi r mét quanh điểm tham chiếu ÷ tổng số ${hamletWord.vi} của đơn vị.`,
      en: 'Hamlets with a fiber route within r metres of their reference point ÷ all hamlets of the unit.',
    },
    numeratorName: { vi: `Số ${hamletWord.vi} có cáp quang đến`, en: 'Hamlets reached by fiber' },
    denominatorName: { vi: `Tổng số ${hamletWord.vi}`, en: 'All hamlets' },
    measure: 'share',
    unitLabel: percent,
    source: 'computed',
    counts: 'hamlets',
  },
  undergroundFiber: {
    code: 'fiber-underground-share',
    group: 'fiber',
    name: { vi: 'Tỷ lệ cáp quang đi ngầm', en: 'Underground fiber share' },
    definition: {
      vi: 'Chiều dài cáp quang đi ngầm ÷ tổng chiều dài cáp quang trong đơn vị (mét, phần tuyến nằm trong đơn vị).',
      en: 'Length of underground fiber ÷ length of all fiber inside the unit (metres, the part of each route inside the unit).',
    },
    numeratorName: { vi: 'Chiều dài cáp ngầm (m)', en: 'Underground fiber (m)' },
    denominatorName: { vi: 'Tổng chiều dài cáp quang (m)', en: 'All fiber (m)' },
    measure: 'share',
    unitLabel: percent,
    source: 'computed',
    counts: 'm',
  },
  siteSharing: {
    code: 'site-sharing-ratio',
    group: 'sharing',
    name: { vi: 'Tỷ lệ dùng chung vị trí trạm BTS', en: 'BTS site sharing ratio' },
    definition: {
      vi: 'Số vị trí trạm có BTS hoạt động của từ 2 nhà mạng trở lên ÷ số vị trí trạm có ít nhất 1 BTS hoạt động. BTS không có mã vị trí được ghép vị trí trong bán kính ε mét.',
      en: 'Sites with active BTS of two or more distinct operators ÷ sites with at least one active BTS. BTS without a site code are grouped into sites within ε metres.',
    },
    numeratorName: { vi: 'Vị trí dùng chung (≥ 2 nhà mạng)', en: 'Shared sites (≥ 2 operators)' },
    denominatorName: { vi: 'Vị trí có BTS hoạt động', en: 'Sites with an active BTS' },
    measure: 'share',
    unitLabel: percent,
    source: 'computed',
    counts: 'sites',
  },
} as const satisfies Record<string, IndicatorDefinition>;

/**
 * The reported indicators (Kế hoạch 540/KH-UBND's mobile-broadband criteria and
 * the related broadband criteria of DESIGN §2): entered per unit and reporting
 * period from the operators' and the Department's reports.
 */
export const reportedIndicators = {
  mobileBroadbandSubscriptions: {
    code: 'mobile-broadband-subscriptions',
    group: 'usage',
    name: { vi: 'Số thuê bao băng rộng di động/100 dân', en: 'Mobile broadband subscriptions per 100 people' },
    definition: {
      vi: 'Số thuê bao băng rộng di động đang hoạt động (3G/4G/5G) × 100 ÷ dân số của đơn vị; số liệu báo cáo theo kỳ.',
      en: 'Active mobile broadband subscriptions (3G/4G/5G) × 100 ÷ the population of the unit; reported per period.',
    },
    numeratorName: { vi: 'Thuê bao băng rộng di động', en: 'Mobile broadband subscriptions' },
    denominatorName: { vi: 'Dân số ÷ 100', en: 'Population ÷ 100' },
    measure: 'per_100_people',
    unitLabel: { vi: 'thuê bao/100 dân', en: 'per 100 people' },
    source: 'reported',
    counts: 'subscriptions',
  },
  smartphoneShare: {
    code: 'smartphone-subscription-share',
    group: 'usage',
    name: { vi: 'Tỷ lệ thuê bao di động sử dụng điện thoại thông minh', en: 'Smartphone share of mobile subscriptions' },
    definition: {
      vi: 'Số thuê bao di động sử dụng điện thoại thông minh ÷ tổng số thuê bao di động của đơn vị; số liệu báo cáo theo kỳ.',
      en: 'Mobile subscriptions on smartphones ÷ all mobile subscriptions of the unit; reported per period.',
    },
    numeratorName: { vi: 'Thuê bao dùng điện thoại thông minh', en: 'Subscriptions on smartphones' },
    denominatorName: { vi: 'Tổng thuê bao di động', en: 'All mobile subscriptions' },
    measure: 'share',
    unitLabel: percent,
    source: 'reported',
    counts: 'subscriptions',
  },
  adultsWithSmartphone: {
    code: 'adults-with-smartphone',
    group: 'usage',
    name: { vi: 'Tỷ lệ người dân trưởng thành có điện thoại thông minh', en: 'Adults with a smartphone' },
    definition: {
      vi: 'Số người từ 15 tuổi trở lên có điện thoại thông minh ÷ dân số từ 15 tuổi trở lên của đơn vị; số liệu báo cáo theo kỳ.',
      en: 'People aged 15 and over with a smartphone ÷ the population aged 15 and over of the unit; reported per period.',
    },
    numeratorName: { vi: 'Người trưởng thành có điện thoại thông minh', en: 'Adults with a smartphone' },
    denominatorName: { vi: 'Dân số từ 15 tuổi', en: 'Population aged 15+' },
    measure: 'share',
    unitLabel: percent,
    source: 'reported',
    counts: 'people',
  },
  mobileSpeed: {
    code: 'mobile-broadband-speed',
    group: 'usage',
    name: { vi: 'Tốc độ truy cập băng rộng di động trung bình', en: 'Average mobile broadband speed' },
    definition: {
      vi: 'Tốc độ tải xuống trung bình của băng rộng di động trên địa bàn (đo bằng i-Speed của Trung tâm Internet Việt Nam), Mbit/s; số liệu báo cáo theo kỳ.',
      en: 'Average download speed of mobile broadband in the unit (measured by VNNIC i-Speed), Mbit/s; reported per period.',
    },
    numeratorName: { vi: 'Tốc độ tải xuống trung bình', en: 'Average download speed' },
    denominatorName: { vi: '—', en: '—' },
    measure: 'mbps',
    unitLabel: { vi: 'Mbit/s', en: 'Mbit/s' },
    source: 'reported',
    counts: 'mbps',
  },
  fixedSpeed: {
    code: 'fixed-broadband-speed',
    group: 'usage',
    name: { vi: 'Tốc độ truy cập băng rộng cố định trung bình', en: 'Average fixed broadband speed' },
    definition: {
      vi: 'Tốc độ tải xuống trung bình của băng rộng cố định trên địa bàn (đo bằng i-Speed của Trung tâm Internet Việt Nam), Mbit/s; số liệu báo cáo theo kỳ.',
      en: 'Average download speed of fixed broadband in the unit (measured by VNNIC i-Speed), Mbit/s; reported per period.',
    },
    numeratorName: { vi: 'Tốc độ tải xuống trung bình', en: 'Average download speed' },
    denominatorName: { vi: '—', en: '—' },
    measure: 'mbps',
    unitLabel: { vi: 'Mbit/s', en: 'Mbit/s' },
    source: 'reported',
    counts: 'mbps',
  },
  householdsFtth: {
    code: 'households-ftth',
    group: 'usage',
    name: { vi: 'Tỷ lệ hộ gia đình sử dụng Internet cáp quang (FTTH)', en: 'Households on fiber (FTTH)' },
    definition: {
      vi: 'Số hộ gia đình có thuê bao Internet cáp quang (FTTH) ÷ tổng số hộ gia đình của đơn vị; số liệu báo cáo theo kỳ.',
      en: 'Households with a fiber (FTTH) Internet subscription ÷ all households of the unit; reported per period.',
    },
    numeratorName: { vi: 'Hộ có thuê bao FTTH', en: 'Households with FTTH' },
    denominatorName: { vi: 'Tổng số hộ gia đình', en: 'All households' },
    measure: 'share',
    unitLabel: percent,
    source: 'reported',
    counts: 'households',
  },
} as const satisfies Record<string, IndicatorDefinition>;

/** Every indicator of the registry, in the dashboard's order. */
export const indicatorCatalogue: readonly IndicatorDefinition[] = [...Object.values(computedIndicators), ...Object.values(reportedIndicators)];

export function indicatorByCode(code: string): IndicatorDefinition | undefined {
  return indicatorCatalogue.find((d) => d.code === code);
}

export const breakdownNames = {
  covered: { vi: 'Có sóng', en: 'Covered' },
  lom_song: { vi: 'Lõm sóng', en: 'Partly covered (lõm sóng)' },
  trang_song: { vi: 'Trắng sóng', en: 'No signal (trắng sóng)' },
  population: { vi: 'Dân số (người)', en: 'Population (people)' },
} as const satisfies Record<string, Bilingual>;

/**
 * The plan's current-state figures (Kế hoạch 540/KH-UBND, DESIGN §2), loaded
 * with the demo as the province's reported values for 2023. Shares in 0–1.
 */
export const seedPlanFigures2023: readonly { indicator: string; value: number }[] = [
  { indicator: reportedIndicators.mobileBroadbandSubscriptions.code, value: 76.85 },
  { indicator: reportedIndicators.smartphoneShare.code, value: 0.746 },
  { indicator: reportedIndicators.adultsWithSmartphone.code, value: 0.8 },
  { indicator: reportedIndicators.mobileSpeed.code, value: 30 },
  { indicator: computedIndicators.hamletsMobileBroadband.code, value: 1 },
  { indicator: computedIndicators.siteSharing.code, value: 0.3 },
];
export const seedPlanDocument = 'Kế hoạch 540/KH-UBND ngày 26/12/2023';
