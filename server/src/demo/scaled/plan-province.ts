import { buildDemoPlan, type DemoPlan } from '../demo-plan.js';
import { SeededRandom } from '../seeded-random.js';
import { relocatePlan } from './relocate-plan.js';
import { densityOf, type Scale } from './scaled-density.js';
import type { ProvinceSlot } from './province-slots.js';

/** How many derived seeds a province tries before giving up (the demo planner refuses a few layouts it cannot fit). */
const SEED_ATTEMPTS = 8;

/**
 * The seed of province `ordinal`: the register's own seed for province 1 (so
 * that it is the demo province of `--demo --seed N`), a seed derived from it
 * and the ordinal for the others, and the next derived one when the planner
 * refuses a layout (deterministic: the same scale and seed give the same seeds).
 */
export function provinceSeed(seed: number, ordinal: number, attempt: number): number {
  if (ordinal === 1 && attempt === 0) return seed;
  return new SeededRandom(seed).fork(`province-${ordinal}${attempt > 0 ? `-retry-${attempt}` : ''}`).seed;
}

export interface PlannedProvince {
  plan: DemoPlan;
  seed: number;
  ms: number;
}

/** The plan of one province of a scaled register, in its own cell with its own codes. */
export function planProvince(scale: Scale, seed: number, slot: ProvinceSlot): PlannedProvince {
  const started = Date.now();
  const density = densityOf(scale, slot.ordinal);
  let lastError: unknown;
  // The demo province itself is never retried: `--scale 1` must be `--demo`.
  const attempts = scale !== 'national' && slot.ordinal === 1 ? 1 : SEED_ATTEMPTS;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const provinceSeedValue = provinceSeed(seed, slot.ordinal, attempt);
    try {
      const plan = relocatePlan(buildDemoPlan(provinceSeedValue, density), slot);
      return { plan, seed: provinceSeedValue, ms: Date.now() - started };
    } catch (error) {
      lastError = error;
    }
  }
  throw new Error(`province ${slot.ordinal}: no plan after ${attempts} seeds: ${(lastError as Error).message}`);
}
