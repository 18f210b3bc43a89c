import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorsResponseSchema, type Indicator } from '../../server/src/contracts/indicator-contracts.js';
import { loadIndicatorFixture } from '../fixtures/indicator-fixture.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { tableChecksums } from '../support/table-checksums.js';

// Values computed by hand in test/db/indicators.test.ts; here: the HTTP shape, defaults and bad input.
let db: TestDatabase;
let app: InProcessApp;
beforeAll(async () => {
  db = await openEmbeddedFixture();
  await loadIndicatorFixture(db.knex);
  app = await startInProcessApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const byCode = (indicators: Indicator[]) => Object.fromEntries(indicators.map((i) => [i.code, [i.numerator, i.denominator]]));

describe('GET /api/indicators', () => {
  it('answers the province of the default boundary set in the current scenario by default, in the wire schema', async () => {
    const r = await app.get('/api/indicators');
    expect(r.status).toBe(200);
    const body = indicatorsResponseSchema.parse(r.body);
    expect(body.unit).toEqual({ code: 'P', name: 'Tỉnh Thử', level: 'province', boundarySet: 'T', provinces: null, province: 'Tỉnh Thử' });
    expect(body.scenario).toBe('current');
    expect(body.settings).toEqual({ coverageTheta: 0.9, fiberReachM: 200, siteInferenceEpsM: 25 });
    expect(body.period).toBeNull();
    expect(body.indicators.map((i) => [i.code, i.source])).toEqual([
      ['hamlets-mobile-broadband', 'computed'], ['population-4g', 'computed'], ['population-5g', 'computed'],
      ['hamlets-fiber-reach', 'computed'], ['fiber-underground-share', 'computed'], ['site-sharing-ratio', 'computed'],
      ['mobile-broadband-subscriptions', 'reported'], ['smartphone-subscription-share', 'reported'], ['adults-with-smartphone', 'reported'],
      ['mobile-broadband-speed', 'reported'], ['fixed-broadband-speed', 'reported'], ['households-ftth', 'reported'],
    ]);
    // Nothing reported on the fixture: reported indicators have no value, no counts, no status.
    for (const i of body.indicators.filter((x) => x.source === 'reported')) {
      expect(i).toMatchObject({ value: null, numerator: null, denominator: null, status: null, reported: null, trend: [] });
    }
    const names = body.indicators.find((i) => i.code === 'hamlets-mobile-broadband')!;
    expect(names.name.vi).toBe('Tỷ lệ thôn, ấp, khu phố được phủ sóng băng rộng di động');
    expect(names.definition.en).toMatch(/÷ all hamlets of the unit/);
    // No planner has set a target: the only one is the configuration's site sharing target (HATANG_SHARING_TARGET, default 0.3).
    expect(body.indicators.filter((i) => i.target !== null).map((i) => [i.code, i.target, i.status])).toEqual([['site-sharing-ratio', 0.3, 'met']]);
    // 1/3 − 0.3 = 0.0333…
    expect(body.indicators.find((i) => i.code === 'site-sharing-ratio')!.gap).toBeCloseTo(1 / 3 - 0.3, 12);
  });

  it('shows the approved BTS and fiber in scenario=planned and leaves scenario=current as it was', async () => {
    const current = byCode((await app.get('/api/indicators?scenario=current')).body.indicators);
    const planned = byCode((await app.get('/api/indicators?scenario=planned')).body.indicators);
    expect(current).toMatchObject({ 'hamlets-mobile-broadband': [0, 3], 'population-4g': [2400, 3500], 'hamlets-fiber-reach': [1, 3], 'site-sharing-ratio': [1, 3] });
    expect(planned).toMatchObject({ 'hamlets-mobile-broadband': [1, 3], 'population-4g': [2900, 3500], 'hamlets-fiber-reach': [2, 3], 'site-sharing-ratio': [2, 3] });
    expect(byCode((await app.get('/api/indicators')).body.indicators)).toEqual(current);
  });

  it('answers a unit of another boundary set, and that set\'s province by default', async () => {
    const r = await app.get('/api/indicators?boundarySet=N');
    expect(r.body.unit).toEqual({ code: 'NP', name: 'Tỉnh Mới', level: 'province', boundarySet: 'N', provinces: null, province: 'Tỉnh Mới' });
    expect(byCode(r.body.indicators)['hamlets-mobile-broadband']).toEqual([0, 3]);
    const c2 = await app.get('/api/indicators?unit=C2&scenario=planned');
    expect(byCode(c2.body.indicators)).toMatchObject({ 'hamlets-mobile-broadband': [1, 1], 'site-sharing-ratio': [1, 1] });
  });

  it.each([
    ['scenario=future', 'scenario'],
    ['scenario=Planned', 'scenario'],
    ['scenario=current,planned', 'scenario'],
    ['unit=C9', 'unit'],
    ['unit=NC1', 'unit'],
    ['unit=%3Cb%3E', 'unit'],
    ['boundarySet=X', 'boundarySet'],
    ['level=commune', 'level'],
  ])('refuses %s with a 400 problem naming %s, changing nothing', async (query, parameter) => {
    const before = await tableChecksums(db.knex);
    const r = await app.get(`/api/indicators?${query}&lang=en`);
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/problem\+json/);
    expect(r.body.errors.map((e: { parameter: string }) => e.parameter)).toEqual([parameter]);
    expect(await tableChecksums(db.knex)).toEqual(before);
  });

  it('says in Vietnamese which scenarios there are', async () => {
    const r = await app.get('/api/indicators?scenario=tuong-lai');
    expect(r.body.detail).toBe('Giá trị "tuong-lai" của tham số "scenario" không hợp lệ. Giá trị hợp lệ: current, planned.');
  });
});
