import { describe, expect, it } from 'vitest';
import { sharingResponseSchema, sharingSummarySchema } from '../../server/src/contracts/sharing-contracts.js';
import { inferSites } from '../../server/src/sharing/site-inference.js';
import { databaseTargets } from '../support/prepared-databases.js';
import { twoProvinceApp } from '../support/two-province-app.js';

// GET /api/sharing and /api/sharing/summary over a boundary set with two provinces
// (test/fixtures/second-province-fixture.ts). Scenario current, by hand:
//   P: S1 (Viettel 4G, VNPT 3G) shared, S2 (Viettel 4G), S4 (MobiFone 4G): 1 of 3 shared;
//      4 active BTS, 2 on the shared site; 4 (site, operator) pairs.
//   Q: QS1 (Viettel 2G, VNPT 2G) shared: 1 of 1; 2 BTS, 2 on it; 2 pairs.
//   all provinces: 2 of 4 shared, 6 pairs ÷ 4 sites, 4 of 6 BTS on shared sites.
//   Operators: Viettel on S1, S2, QS1 (2 shared, with VNPT on both); VNPT on S1, QS1
//   (2 shared, with Viettel); MobiFone on S4 (none shared).
const r = (numerator: number, denominator: number) => ({ numerator, denominator, value: numerator / denominator });

describe.each(databaseTargets())('sharing over two provinces on the $label database', ({ open }) => {
  const t = twoProvinceApp(open);

  it('sums the provinces into the whole set, named for all of them, and per province and operator', async () => {
    const res = await t.app.get('/api/sharing?level=province');
    expect(res.status, res.text).toBe(200);
    const body = sharingResponseSchema.parse(res.body);
    expect(body.units.map((u) => [u.code, u.siteRatio, u.tenancyRatio, u.stationShare])).toEqual([
      ['P', r(1, 3), r(4, 3), r(2, 4)],
      ['Q', r(1, 1), r(2, 1), r(2, 2)],
    ]);
    expect(body.province).toEqual({
      code: 'T', name: 'Tất cả tỉnh (2)', level: 'province', parentCode: null,
      siteRatio: r(2, 4), tenancyRatio: r(6, 4), stationShare: r(4, 6),
    });
    expect(body.operators.map((o) => [o.operator, o.sites, o.sharedSites, o.partners])).toEqual([
      ['viettel', 3, 2, [{ operator: 'vnpt', sites: 2 }]],
      ['vnpt', 2, 2, [{ operator: 'viettel', sites: 2 }]],
      ['mobifone', 1, 0, []],
    ]);
    // The communes' rows add up to the same whole set.
    const communes = sharingResponseSchema.parse((await t.app.get('/api/sharing?level=commune')).body);
    expect(communes.units.map((u) => u.code)).toEqual(['C1', 'C2', 'C3', 'QC']);
    expect(communes.units.reduce((s, u) => s + u.siteRatio.numerator, 0)).toBe(2);
    expect(communes.units.reduce((s, u) => s + u.siteRatio.denominator, 0)).toBe(4);
    expect(communes.province).toEqual(body.province);
  });

  it('answers the summary the left panel shows: the whole set against the target, without units or operators', async () => {
    const res = await t.app.get('/api/sharing/summary');
    expect(res.status, res.text).toBe(200);
    expect(sharingSummarySchema.strict().parse(res.body)).toEqual({
      boundarySet: 'T', scenario: 'current', siteInferenceEpsM: 25, target: 0.3,
      province: { code: 'T', name: 'Tất cả tỉnh (2)', level: 'province', parentCode: null, siteRatio: r(2, 4), tenancyRatio: r(6, 4), stationShare: r(4, 6) },
    });
    expect((await t.app.get('/api/sharing/summary?lang=en')).body.province.name).toBe('All provinces (2)');
    // Set N has one province: the whole set is that province.
    expect((await t.app.get('/api/sharing/summary?boundarySet=N')).body.province).toMatchObject({ code: 'NP', name: 'Tỉnh Mới', siteRatio: r(1, 3) });
  });

  it('answers new figures after a write, never the kept ones', async () => {
    expect((await t.app.get('/api/sharing/summary')).body.province.siteRatio).toEqual(r(2, 4));
    expect((await t.app.get('/api/sharing?level=province')).body.province.siteRatio).toEqual(r(2, 4));
    // VNPT leaves QS1: Q has no shared site left.
    await t.db.knex.raw(`UPDATE bts SET status = 'decommissioned' WHERE code = 'VN-QS1-2G'`);
    await inferSites(t.db.knex, 25);
    expect((await t.app.get('/api/sharing/summary')).body.province.siteRatio).toEqual(r(1, 4));
    const after = (await t.app.get('/api/sharing?level=province')).body;
    expect(after.province.siteRatio).toEqual(r(1, 4));
    expect(after.units.map((u: { code: string; siteRatio: object }) => [u.code, u.siteRatio])).toEqual([['P', r(1, 3)], ['Q', r(0, 1)]]);
  });
});
