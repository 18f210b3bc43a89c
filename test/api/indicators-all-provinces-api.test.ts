import { describe, expect, it } from 'vitest';
import { indicatorsResponseSchema, indicatorUnitsResponseSchema, type Indicator } from '../../server/src/contracts/indicator-contracts.js';
import { databaseTargets } from '../support/prepared-databases.js';
import { twoProvinceApp } from '../support/two-province-app.js';

// Every count is worked out by hand in test/fixtures/second-province-fixture.ts.
const counts = (indicators: Indicator[]) => Object.fromEntries(indicators.filter((i) => i.source === 'computed').map((i) => [i.code, [i.numerator, i.denominator]]));

describe.each(databaseTargets())('indicators of a boundary set with two provinces on the $label database', ({ open }) => {
  const t = twoProvinceApp(open);

  it('answers all provinces as the root without a unit, summing numerators and denominators (not averaging ratios)', async () => {
    const r = await t.app.get('/api/indicators');
    expect(r.status).toBe(200);
    const body = indicatorsResponseSchema.parse(r.body);
    expect(body.unit).toEqual({ code: '', name: 'Tất cả tỉnh (2)', level: 'all', boundarySet: 'T', provinces: 2, province: null });
    expect(counts(body.indicators)).toMatchObject({
      'hamlets-mobile-broadband': [0, 4],
      'population-4g': [2400, 4500],
      'hamlets-fiber-reach': [1, 4],
      'site-sharing-ratio': [2, 4],
    });
    const sharing = body.indicators.find((i) => i.code === 'site-sharing-ratio')!;
    // 2/4, not the mean of P's 1/3 and Q's 1/1 (2/3); against the configuration's target 0.3 for every unit.
    expect(sharing.value).toBe(0.5);
    expect(sharing.targetDetail).toMatchObject({ value: 0.3, scope: 'all' });
    expect(sharing.status).toBe('met');
    expect(body.indicators.find((i) => i.code === 'hamlets-mobile-broadband')!.breakdown.map((b) => [b.code, b.count])).toEqual([
      ['lom_song', 2],
      ['trang_song', 2],
    ]);
    expect((await t.app.get('/api/indicators?lang=en')).body.unit.name).toBe('All provinces (2)');
  });

  it('answers each province on its own as before, naming the province a unit lies in', async () => {
    const p = indicatorsResponseSchema.parse((await t.app.get('/api/indicators?unit=P')).body);
    expect(p.unit).toEqual({ code: 'P', name: 'Tỉnh Thử', level: 'province', boundarySet: 'T', provinces: null, province: 'Tỉnh Thử' });
    expect(counts(p.indicators)).toMatchObject({ 'hamlets-mobile-broadband': [0, 3], 'population-4g': [2400, 3500], 'site-sharing-ratio': [1, 3] });
    const qc = indicatorsResponseSchema.parse((await t.app.get('/api/indicators?unit=QC')).body);
    expect(qc.unit).toMatchObject({ code: 'QC', name: 'Xã Mỹ Phước', level: 'commune', province: 'Tỉnh Hai' });
    expect(counts(qc.indicators)).toMatchObject({ 'hamlets-mobile-broadband': [0, 1], 'population-4g': [0, 1000], 'site-sharing-ratio': [1, 1] });
    // Set N still has one province: that province is its root.
    expect((await t.app.get('/api/indicators?boundarySet=N')).body.unit).toMatchObject({ code: 'NP', level: 'province', provinces: null });
  });

  it('lists the provinces as the next step below the root, and their rows add up to it', async () => {
    const r = await t.app.get('/api/indicators/units');
    expect(r.status).toBe(200);
    const body = indicatorUnitsResponseSchema.parse(r.body);
    expect(body.level).toBe('province');
    expect(body.units.map((u) => u.code)).toEqual(['P', 'Q']);
    const sharing = body.units.map((u) => [u.values['site-sharing-ratio']!.numerator, u.values['site-sharing-ratio']!.denominator]);
    expect(sharing).toEqual([[1, 3], [1, 1]]);
    expect(body.units.map((u) => [u.hamlets, u.population])).toEqual([[3, 3500], [1, 1000]]);
    // Asking for a level still answers that level.
    expect((await t.app.get('/api/indicators/units?level=commune')).body.units.map((u: { code: string }) => u.code)).toEqual(['C1', 'C2', 'C3', 'QC']);
  });
});
