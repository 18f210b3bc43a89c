import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, IndicatorsResponse } from '../../server/src/contracts/indicator-contracts.js';
import type { Scenario } from '../../server/src/contracts/sharing-contracts.js';
import { computeIndicators, type IndicatorUnit } from '../../server/src/indicators/unit-indicators.js';
import { loadIndicatorFixture } from '../fixtures/indicator-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

/*
 * Hand-computed values on the indicator fixture (test/fixtures/indicator-fixture.ts):
 *
 * Broadband verdicts, any operator (coverage-fixture.ts; planned adds the approved
 * 10 km circle at S2):
 *   current: H1 lõm sóng (share 0.5), H2 lõm sóng (0.75), H3 trắng sóng (0.8 of its area, reference point outside)
 *   planned: H1 lõm sóng, H2 covered (share 1), H3 trắng sóng
 *   → hamlets covered: current 0/3 (lõm 2, trắng 1); planned 1/3 (lõm 1, trắng 1).
 * Population covered by 4G (every footprint is 4G except VNPT's 3G, which reaches no hamlet):
 *   current 500 (H1: 0.5 × 1000) + 1500 (H2: cluster of 1500) + 400 (H3: 0.8 × 500) = 2400 of 3500
 *   planned 500 + 2000 + 400 = 2900 of 3500; 5G: 0 of 3500 in both.
 * Fiber reach, r = 200 m:
 *   current (F1 only, along 10.05° N): H1's reference point (106.052, 10.05) lies on it;
 *     H2's is 11 km away; H3's ≈ 220 m → 1/3. With r = 250 m: 2/3.
 *   planned (F2 approved, through H2's reference point) → 2/3.
 * Fiber length inside the province (WGS 84: 1° of longitude at 10.05° N = N·cos φ·π/180 = 109,621.5 m;
 *   at 10.15° N 109,587.7 m; 1° of latitude there M·π/180 = 110,608.6 m):
 *   F1 (underground) 0.2° × 109,621.5 = 21,924.3 m;
 *   F2 (aerial) √((0.06 × 109,587.7)² + (0.06 × 110,608.6)²) = √(6,575.3² + 6,636.5²) = 9,342.3 m.
 *   current: 21,924.3 / 21,924.3 = 1; planned: 21,924.3 / 31,266.6 = 0.70121.
 *   Commune C1 (106.0–106.1 × 10.0–10.1): half of F1, no F2: 10,962.2 m underground of 10,962.2.
 * Site sharing (site records; target 0.3): sites with an active BTS S1 (Viettel 4G, VNPT 3G),
 *   S2 (Viettel 4G), S4 (MobiFone 4G): current 1/3 → met; planned S2 also carries VNPT's approved
 *   4G: 2/3 → met. Commune C2 (S2 only): current 0/1 → below; planned 1/1 → met.
 */

const settings = { fiberReachM: 200, coverageTheta: 0.9, siteInferenceEpsM: 25 };

describe.each(databaseTargets())('computed indicators on the $label database (hand-computed fixture)', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await loadIndicatorFixture(db.knex);
  });
  afterAll(async () => {
    await db?.close();
  });

  async function unit(boundarySet: string, code: string): Promise<IndicatorUnit> {
    return (
      await db.knex.raw(`SELECT id, code, name, level, boundary_set AS "boundarySet" FROM admin_units WHERE boundary_set = ? AND code = ?`, [
        boundarySet,
        code,
      ])
    ).rows[0];
  }

  async function indicators(code: string, scenario: Scenario, opts: { boundarySet?: string; fiberReachM?: number } = {}) {
    const response: IndicatorsResponse = await computeIndicators(db.knex, {
      settings: { ...settings, fiberReachM: opts.fiberReachM ?? settings.fiberReachM },
      unit: await unit(opts.boundarySet ?? 'T', code),
      scenario,
      configSharingTarget: 0.3,
    });
    return Object.fromEntries(response.indicators.map((i) => [i.code, i])) as Record<string, Indicator>;
  }

  const pick = (i: Indicator) => ({ numerator: i.numerator, denominator: i.denominator });

  it('counts the hamlets covered by mobile broadband, with lõm sóng and trắng sóng, per scenario', async () => {
    const current = (await indicators('P', 'current'))['hamlets-mobile-broadband']!;
    expect(current).toMatchObject({ numerator: 0, denominator: 3, value: 0, target: null, status: null, measure: 'share' });
    expect(current.breakdown.map((b) => [b.code, b.count])).toEqual([['lom_song', 2], ['trang_song', 1]]);
    const planned = (await indicators('P', 'planned'))['hamlets-mobile-broadband']!;
    expect(planned).toMatchObject({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(planned.breakdown.map((b) => [b.code, b.count])).toEqual([['lom_song', 1], ['trang_song', 1]]);
  });

  it('gives the population covered by 4G and by 5G from the any-operator verdicts', async () => {
    const current = await indicators('P', 'current');
    expect(pick(current['population-4g']!)).toEqual({ numerator: 2400, denominator: 3500 });
    expect(current['population-4g']!.value).toBeCloseTo(2400 / 3500, 12);
    expect(pick(current['population-5g']!)).toEqual({ numerator: 0, denominator: 3500 });
    const planned = await indicators('P', 'planned');
    expect(pick(planned['population-4g']!)).toEqual({ numerator: 2900, denominator: 3500 });
  });

  it('counts a hamlet reached by fiber only within r metres of its reference point', async () => {
    expect(pick((await indicators('P', 'current'))['hamlets-fiber-reach']!)).toEqual({ numerator: 1, denominator: 3 });
    expect(pick((await indicators('P', 'current', { fiberReachM: 250 }))['hamlets-fiber-reach']!)).toEqual({ numerator: 2, denominator: 3 });
    expect(pick((await indicators('P', 'planned'))['hamlets-fiber-reach']!)).toEqual({ numerator: 2, denominator: 3 });
  });

  it('measures the underground fiber share on the spheroid, approved routes only in the planned scenario', async () => {
    const current = (await indicators('P', 'current'))['fiber-underground-share']!;
    expect(current.numerator).toBeCloseTo(21_924.3, -1);
    expect(current.denominator).toBe(current.numerator);
    const planned = (await indicators('P', 'planned'))['fiber-underground-share']!;
    expect(planned.numerator).toBe(current.numerator);
    expect(planned.denominator! - planned.numerator!).toBeCloseTo(9_342.3, -1);
    expect(planned.value!).toBeCloseTo(0.70121, 3);
    const c1 = (await indicators('C1', 'planned'))['fiber-underground-share']!;
    expect(c1.numerator).toBeCloseTo(10_962.2, -1);
    expect(c1.denominator).toBe(c1.numerator);
    // C2 has only the approved aerial F2: nothing in the current network, 0 % in the planned one.
    expect((await indicators('C2', 'current'))['fiber-underground-share']).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect((await indicators('C2', 'planned'))['fiber-underground-share']).toMatchObject({ numerator: 0, value: 0 });
  });

  it('reports the site sharing ratio against the configured target', async () => {
    expect((await indicators('P', 'current'))['site-sharing-ratio']).toMatchObject({ numerator: 1, denominator: 3, target: 0.3, status: 'met' });
    expect((await indicators('P', 'planned'))['site-sharing-ratio']).toMatchObject({ numerator: 2, denominator: 3, status: 'met' });
    expect((await indicators('C2', 'current'))['site-sharing-ratio']).toMatchObject({ numerator: 0, denominator: 1, value: 0, status: 'below' });
    expect((await indicators('C2', 'planned'))['site-sharing-ratio']).toMatchObject({ numerator: 1, denominator: 1, status: 'met' });
  });

  it('counts the hamlets of a district or commune through their communes in the default boundary set', async () => {
    // D1 = C1 + C2: H1 and H2 (both lõm sóng today); C3: H3.
    expect((await indicators('D1', 'current'))['hamlets-mobile-broadband']).toMatchObject({ numerator: 0, denominator: 2 });
    expect((await indicators('D1', 'planned'))['hamlets-mobile-broadband']).toMatchObject({ numerator: 1, denominator: 2 });
    expect((await indicators('C3', 'current'))['population-4g']).toMatchObject({ numerator: 400, denominator: 500 });
  });

  it('assigns hamlets to the units of another boundary set by their reference point', async () => {
    // Set N: one commune NC1 covering the whole province: all three hamlets, the same counts as P.
    const nc1 = await indicators('NC1', 'planned', { boundarySet: 'N' });
    expect(nc1['hamlets-mobile-broadband']).toMatchObject({ numerator: 1, denominator: 3 });
    expect(pick(nc1['population-4g']!)).toEqual({ numerator: 2900, denominator: 3500 });
    expect((await indicators('NP', 'current', { boundarySet: 'N' }))['hamlets-fiber-reach']).toMatchObject({ numerator: 1, denominator: 3 });
  });
});
