import type { Config } from '../config.js';
import type { ImportLimits } from './import-table.js';

export function importLimitsFrom(config: Pick<Config, 'importMaxBytes' | 'importMaxExpandedBytes' | 'importMaxRows'>): ImportLimits {
  return { maxFileBytes: config.importMaxBytes, maxExpandedBytes: config.importMaxExpandedBytes, maxRows: config.importMaxRows };
}
