import { describe, expect, it } from 'vitest';
import { benchKeys, describeBenchKeys, type BenchKeyInputs } from '../../scripts/bench-keys.js';
import type { ScaleFigures } from '../../scripts/bench-scale.js';

const tiles = (p50: number, p99: number, coldP50: number, coldP99: number) => ({ p50Ms: p50, p99Ms: p99, cold: { p50Ms: coldP50, p99Ms: coldP99 } });

const scale = (s: ScaleFigures['scale'], recomputeSeconds: number): ScaleFigures => ({
  scale: s,
  register: { provinces: 1, communes: 1, hamlets: 1, sites: 1, bts: 1000, fiberKm: 1 },
  seedSeconds: 1,
  recomputeSeconds,
  recomputeSecondsPer1000Bts: recomputeSeconds,
  breakdownSeconds: { coverage: 0, footprints: 0, unions: 0, verdicts: 0, gaps: 0, siteInference: 0, sharingRatios: 0 },
});

const inputs: BenchKeyInputs = {
  httpOverheadRatio: 1.18,
  turf: { extrapolatedMs: 123_000, oursMs: 4_100 },
  // Embedded 12 s + 3,000 ms = 15 s; PostgreSQL 4 s + 1,000 ms = 5 s.
  demoRecompute: { embedded: { coverageSeconds: 12, inferencePlusRatiosMs: 3000 }, postgres: { coverageSeconds: 4, inferencePlusRatiosMs: 1000 } },
  scales: {
    scales: [scale(1, 5), scale('national', 110)],
    largest: { scale: 'national', whatIfMs: 140, incrementalMs: 900, tiles: { ...tiles(4, 30, 20, 90), tiles: 1, empty: 0, bytes: 0, perLayer: {} as never, perZoom: {} }, browser: { firstIdleMs: 2345.6, panFrameMsP95: 16.66, frames: 300 } },
  },
  demoTiles: tiles(1, 2, 3, 4),
};

describe('the bench’s headline keys', () => {
  it('divides the figures measured in the run and takes tiles, what-if and browser from the largest scale', () => {
    const { keys, sources } = benchKeys(inputs);
    expect(keys).toEqual({
      httpOverheadRatio: 1.18,
      turfRatio: 30, // 123,000 / 4,100
      embeddedRatio: 3, // 15 s / 5 s
      tileP50Ms: { cold: 20, cached: 4 },
      tileP99Ms: { cold: 90, cached: 30 },
      recomputeSeconds: { '1': 5, national: 110 },
      whatIfMs: 140,
      browserFirstIdleMs: 2346,
      panFrameMsP95: 16.7,
    });
    expect(sources.tileP50Ms).toBe('PostgreSQL, scale national');
  });

  it('falls back to the demo province’s tiles and leaves unmeasured figures null', () => {
    const { keys, sources } = benchKeys({
      ...inputs,
      httpOverheadRatio: null,
      demoRecompute: { embedded: inputs.demoRecompute.embedded, postgres: null },
      scales: { scales: [scale(1, 5)], largest: { scale: 1, whatIfMs: 30, incrementalMs: 200, tiles: { error: 'x' }, browser: { error: 'y' } } },
    });
    expect(keys.tileP50Ms).toEqual({ cold: 3, cached: 1 });
    expect(sources.tileP50Ms).toBe('PostgreSQL, demo province');
    expect([keys.httpOverheadRatio, keys.embeddedRatio, keys.browserFirstIdleMs, keys.panFrameMsP95]).toEqual([null, null, null, null]);
    expect(keys.whatIfMs).toBe(30);
    expect(describeBenchKeys(keys, sources)).toMatch(/^httpOverheadRatio +not measured +≤ 1\.3 /m);
  });
});
