import type { ImportLayer } from '../../contracts/import-contracts.js';

/**
 * Limits of imported values, mirroring the tables' check constraints
 * (migrations 001–003, 008) and the register's write contracts
 * (record-contracts.ts), so a file fails on its row in the report instead
 * of at the database.
 */
export interface NumberRange {
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

const int32 = 2_147_483_647;
const counts: NumberRange = { min: 0, max: int32 };

export const numberRanges: Readonly<Partial<Record<ImportLayer, Readonly<Record<string, NumberRange>>>>> = {
  sites: { heightM: { min: 0, max: 300, minExclusive: true } },
  bts: {
    bandMHz: { min: 400, max: 6000 },
    antennaHeightM: { min: 0, max: 300, minExclusive: true },
    eirpDbm: { min: 0, max: 90 },
    radiusOverrideM: { min: 0, max: 50_000, minExclusive: true },
    // One value per sector (bts_sectors).
    azimuthsDeg: { min: 0, max: 360, maxExclusive: true },
    beamwidthsDeg: { min: 0, max: 360, minExclusive: true },
    tiltsDeg: { min: -10, max: 20 },
  },
  fiber: { cores: { min: 1, max: 1728 } },
  hamlets: { population: counts, households: counts },
  'population-clusters': { clusterNo: { min: 1, max: 100_000 }, population: counts },
  measurements: { signalDbm: { min: -160, max: -10 }, downloadMbps: { min: 0, max: 10_000 } },
};

/** `0 < x ≤ 300`, `400 ≤ x ≤ 6000`, `x ≥ 0`: the same in both languages. */
export function rangeText(range: NumberRange): string {
  const low = `${range.min} ${range.minExclusive ? '<' : '≤'} x`;
  if (range.max >= int32) return `x ${range.minExclusive ? '>' : '≥'} ${range.min}`;
  return `${low} ${range.maxExclusive ? '<' : '≤'} ${range.max}`;
}

export function inRange(value: number, range: NumberRange): boolean {
  return (range.minExclusive ? value > range.min : value >= range.min) && (range.maxExclusive ? value < range.max : value <= range.max);
}

/** Longest text per field key (name 200, address 500, a measurement batch 100, a reported value's document 300 and note 2000). */
export const textMaxLengths: Readonly<Record<string, number>> = { name: 200, address: 500, batch: 100, document: 300, note: 2000 };
export const defaultTextMaxLength = 200;

/** Codes: 64 characters, except the columns the schema keeps to 32. */
const code32: Readonly<Partial<Record<ImportLayer, readonly string[]>>> = {
  sites: ['code'],
  bts: ['siteCode'],
  'admin-units': ['code', 'parentCode'],
  hamlets: ['code', 'communeCode'],
  'population-clusters': ['hamletCode'],
  'indicator-values': ['unit'],
};
export function codeMaxLength(layer: ImportLayer, key: string): number {
  return code32[layer]?.includes(key) ? 32 : 64;
}

/** A BTS has 1–12 sectors (bts_sectors.sector_no). */
export const maxSectors = 12;
/** A sector's beamwidth when a file gives azimuths but none (the planner's default sectors, colocation/default-radio.ts). */
export const defaultBeamwidthDeg = 65;
