import type { Technology } from '../contracts/domain-enums.js';

/**
 * Bands (MHz, nominal) in use in Vietnam per technology: 2G GSM 900/1800; 3G
 * UMTS 2100 and 900 (refarmed); 4G LTE 700/850/900/1800/2100/2300/2600; 5G NR
 * 700/2600 and 3500–3700/4900 (mid-band auctions). A query naming another band
 * is a mistake worth refusing rather than a silent extrapolation.
 */
export const knownBandsMHz: Record<Technology, readonly number[]> = {
  '2G': [900, 1800],
  '3G': [900, 2100],
  '4G': [700, 850, 900, 1800, 2100, 2300, 2600],
  '5G': [700, 2600, 3500, 3700, 4900],
};
