import type { Bilingual, Indicator } from '../contracts/indicator-contracts.js';

/** What the catalogue says about an indicator; values are filled in per unit and scenario. */
export type IndicatorDefinition = Pick<Indicator, 'code' | 'group' | 'name' | 'definition' | 'measure' | 'source' | 'counts'>;

const hamletWord: Bilingual = { vi: 'thôn, ấp, khu phố', en: 'hamlets' };

/**
 * The computed indicators of the plan (Kế hoạch 540/KH-UBND, criteria of QĐ
 * 885/QĐ-BTTTT), in the order the dashboard shows them. Definitions follow
 * DESIGN §3 and name numerator and denominator, as the app publishes them.
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
    measure: 'share',
    source: 'computed',
    counts: 'hamlets',
  },
  population4g: {
    code: 'population-4g',
    group: 'mobile',
    name: { vi: 'Tỷ lệ dân số được phủ sóng 4G', en: 'Population covered by 4G' },
    definition: {
      vi: 'Dân số trong vùng phủ sóng 4G của ít nhất một nhà mạng (theo cụm dân cư, nếu không có thì theo diện tích ấp) ÷ tổng dân số các thôn, ấp, khu phố của đơn vị.',
      en: 'People inside 4G coverage of at least one operator (over population clusters, else over the hamlet area) ÷ the population of the unit\'s hamlets.',
    },
    measure: 'share',
    source: 'computed',
    counts: 'people',
  },
  population5g: {
    code: 'population-5g',
    group: 'mobile',
    name: { vi: 'Tỷ lệ dân số được phủ sóng 5G', en: 'Population covered by 5G' },
    definition: {
      vi: 'Dân số trong vùng phủ sóng 5G của ít nhất một nhà mạng (theo cụm dân cư, nếu không có thì theo diện tích ấp) ÷ tổng dân số các thôn, ấp, khu phố của đơn vị.',
      en: 'People inside 5G coverage of at least one operator (over population clusters, else over the hamlet area) ÷ the population of the unit\'s hamlets.',
    },
    measure: 'share',
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
    measure: 'share',
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
    measure: 'share',
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
    measure: 'share',
    source: 'computed',
    counts: 'sites',
  },
} as const satisfies Record<string, IndicatorDefinition>;

export const breakdownNames = {
  covered: { vi: 'Có sóng', en: 'Covered' },
  lom_song: { vi: 'Lõm sóng', en: 'Partly covered (lõm sóng)' },
  trang_song: { vi: 'Trắng sóng', en: 'No signal (trắng sóng)' },
  population: { vi: 'Dân số (người)', en: 'Population (people)' },
} as const satisfies Record<string, Bilingual>;
