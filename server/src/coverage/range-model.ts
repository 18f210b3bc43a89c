/**
 * Cell range from the Hata family of empirical path-loss models (DESIGN §3).
 * The SQL function hatang_range_km computes the same numbers for the footprints;
 * a test holds the two together.
 *
 *   Okumura-Hata, 150–1500 MHz:
 *     L = 69.55 + 26.16·log f − 13.82·log hb − a(hm) + (44.9 − 6.55·log hb)·log d
 *   COST-231 Hata, 1500–2000 MHz:
 *     L = 46.3 + 33.9·log f − 13.82·log hb − a(hm) + (44.9 − 6.55·log hb)·log d + Cm
 *   a(hm) = (1.1·log f − 0.7)·hm − (1.56·log f − 0.8)
 *   suburban: L − 2·(log(f/28))² − 5.4;  rural/open: L − 4.78·(log f)² + 18.33·log f − 40.94
 *
 * f in MHz, hb (base antenna) and hm (mobile) in metres, d in km, log base 10.
 * The range d solves L(d) = MAPL. Outside a model's validity the range is still
 * computed (COST-231 extrapolated above 2000 MHz) but flagged.
 */
export const environments = ['urban', 'dense_urban', 'suburban', 'rural'] as const;
export type Environment = (typeof environments)[number];

export type RangeModel = 'okumura-hata' | 'cost231-hata';

export type RangeWarning =
  | 'antenna-height-below-model'
  | 'antenna-height-above-model'
  | 'frequency-below-model'
  | 'frequency-above-model'
  | 'range-above-model';

export interface RangeInput {
  frequencyMHz: number;
  baseHeightM: number;
  /** Mobile (receiver) height; 1.5 m by default. */
  mobileHeightM?: number;
  environment: Environment;
  /** Maximum allowed path loss, dB. */
  maplDb: number;
}

export interface RangeResult {
  rangeKm: number;
  model: RangeModel;
  warnings: RangeWarning[];
}

export const modelValidity = {
  okumuraHataMHz: [150, 1500],
  cost231HataMHz: [1500, 2000],
  baseHeightM: [30, 200],
  maxRangeKm: 20,
} as const;

export function hataRange(input: RangeInput): RangeResult {
  const f = input.frequencyMHz;
  const hb = input.baseHeightM;
  const hm = input.mobileHeightM ?? 1.5;
  const logF = Math.log10(f);
  const logHb = Math.log10(hb);
  const aHm = (1.1 * logF - 0.7) * hm - (1.56 * logF - 0.8);
  const model: RangeModel = f <= modelValidity.okumuraHataMHz[1] ? 'okumura-hata' : 'cost231-hata';
  // Loss at d = 1 km (log d = 0) in urban terrain, then the terrain correction.
  let lossAt1Km =
    model === 'okumura-hata'
      ? 69.55 + 26.16 * logF - 13.82 * logHb - aHm
      : 46.3 + 33.9 * logF - 13.82 * logHb - aHm + (input.environment === 'dense_urban' ? 3 : 0);
  if (input.environment === 'suburban') lossAt1Km -= 2 * Math.log10(f / 28) ** 2 + 5.4;
  if (input.environment === 'rural') lossAt1Km -= 4.78 * logF ** 2 - 18.33 * logF + 40.94;
  const slope = 44.9 - 6.55 * logHb;
  const rangeKm = 10 ** ((input.maplDb - lossAt1Km) / slope);

  const warnings: RangeWarning[] = [];
  if (hb < modelValidity.baseHeightM[0]) warnings.push('antenna-height-below-model');
  if (hb > modelValidity.baseHeightM[1]) warnings.push('antenna-height-above-model');
  if (f < modelValidity.okumuraHataMHz[0]) warnings.push('frequency-below-model');
  if (f > modelValidity.cost231HataMHz[1]) warnings.push('frequency-above-model');
  if (rangeKm > modelValidity.maxRangeKm) warnings.push('range-above-model');
  return { rangeKm, model, warnings };
}
