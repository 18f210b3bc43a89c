import { describe, expect, it } from 'vitest';
import { hataRange } from '../../server/src/coverage/range-model.js';

// DESIGN §3 worked values: hm = 1.5 m, MAPL = 140 dB, f = 1800 MHz, hb = 30 m.
describe('Hata range model', () => {
  it.each([
    ['urban', 1.282],
    ['suburban', 2.798],
    ['rural', 10.333],
  ] as const)('gives %s range %f km at 1800 MHz, hb 30 m, MAPL 140 dB (±0.5%)', (environment, km) => {
    const r = hataRange({ frequencyMHz: 1800, baseHeightM: 30, environment, maplDb: 140 });
    expect(r.model).toBe('cost231-hata');
    expect(Math.abs(r.rangeKm - km) / km).toBeLessThan(0.005);
    expect(r.warnings).toEqual([]);
  });

  it('uses Okumura-Hata at 900 MHz: urban range by hand = 10^((140−126.42)/35.22) ≈ 2.43 km', () => {
    // a(hm) at 900 MHz = (1.1·2.9542−0.7)·1.5 − (1.56·2.9542−0.8) = 3.8245 − 3.8086 = 0.0159
    // L(1 km) = 69.55 + 26.16·2.9542 − 13.82·1.4771 − 0.0159 = 126.43; slope 35.225
    const r = hataRange({ frequencyMHz: 900, baseHeightM: 30, environment: 'urban', maplDb: 140 });
    expect(r.model).toBe('okumura-hata');
    expect(r.rangeKm).toBeCloseTo(2.43, 2);
  });

  it('adds 3 dB in dense urban terrain, shrinking the range', () => {
    const urban = hataRange({ frequencyMHz: 1800, baseHeightM: 30, environment: 'urban', maplDb: 140 }).rangeKm;
    const dense = hataRange({ frequencyMHz: 1800, baseHeightM: 30, environment: 'dense_urban', maplDb: 140 }).rangeKm;
    expect(dense / urban).toBeCloseTo(10 ** (-3 / 35.225), 4);
  });

  it('flags heights, frequencies and ranges outside the models', () => {
    expect(hataRange({ frequencyMHz: 1800, baseHeightM: 20, environment: 'urban', maplDb: 140 }).warnings).toEqual(['antenna-height-below-model']);
    expect(hataRange({ frequencyMHz: 1800, baseHeightM: 250, environment: 'urban', maplDb: 140 }).warnings).toContain('antenna-height-above-model');
    expect(hataRange({ frequencyMHz: 2600, baseHeightM: 30, environment: 'urban', maplDb: 140 }).warnings).toEqual(['frequency-above-model']);
    expect(hataRange({ frequencyMHz: 100, baseHeightM: 30, environment: 'urban', maplDb: 100 }).warnings).toContain('frequency-below-model');
    expect(hataRange({ frequencyMHz: 900, baseHeightM: 60, environment: 'rural', maplDb: 150 }).warnings).toEqual(['range-above-model']);
  });
});
