import type { PlannedRadio } from '../contracts/colocation-contracts.js';
import type { Technology } from '../contracts/domain-enums.js';

/**
 * EIRP assumed for a planned BTS when the request names none, dBm: the middle
 * of the ranges of the demo register (server/src/demo/demo-sites-and-bts.ts:
 * 2G 55–58, 3G 57–60, 4G 58–62, 5G 60–66), i.e. a typical macro sector of
 * each generation in Vietnam.
 */
export const defaultEirpDbm: Record<Technology, number> = { '2G': 56.5, '3G': 58.5, '4G': 60, '5G': 63 };

/** Three 65° sectors at 0°, 120° and 240°: the what-if's default antenna set. */
export const defaultSectors: readonly { azimuthDeg: number; beamwidthDeg: number }[] = [
  { azimuthDeg: 0, beamwidthDeg: 65 },
  { azimuthDeg: 120, beamwidthDeg: 65 },
  { azimuthDeg: 240, beamwidthDeg: 65 },
];

export function radioEirpDbm(radio: Pick<PlannedRadio, 'technology' | 'eirpDbm'>): number {
  return radio.eirpDbm ?? defaultEirpDbm[radio.technology];
}

export function radioSectors(radio: Pick<PlannedRadio, 'sectors'>): { azimuthDeg: number; beamwidthDeg: number }[] {
  return (radio.sectors ?? defaultSectors).map((s) => ({ azimuthDeg: s.azimuthDeg, beamwidthDeg: s.beamwidthDeg }));
}
