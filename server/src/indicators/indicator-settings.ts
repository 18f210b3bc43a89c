import type { Config } from '../config.js';

/** The settings computed indicators depend on besides coverage (θ) and sharing (ε, target). */
export interface IndicatorSettings {
  /** r of fiber reach, metres. */
  fiberReachM: number;
}

export function indicatorSettingsFrom(config: Pick<Config, 'fiberReachM'>): IndicatorSettings {
  return { fiberReachM: config.fiberReachM };
}
