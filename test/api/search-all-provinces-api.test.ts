import { describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/prepared-databases.js';
import { twoProvinceApp } from '../support/two-province-app.js';

// Names repeat across provinces: P's commune C1 and Q's commune QC are both "Xã Mỹ Phước"
// (test/fixtures/second-province-fixture.ts). A result names its parents up to the province.
describe.each(databaseTargets())('search over two provinces on the $label database', ({ open }) => {
  const t = twoProvinceApp(open);

  it('tells two communes of the same name apart by their district and province', async () => {
    const r = await t.app.get(`/api/search?q=${encodeURIComponent('my phuoc')}`);
    expect(r.status, r.text).toBe(200);
    const communes = (r.body.results as { kind: string; code: string; name: string; context: string }[]).filter((x) => x.kind === 'commune');
    expect(communes.map((c) => [c.code, c.name, c.context]).sort()).toEqual([
      ['C1', 'Xã Mỹ Phước', 'Huyện Tây, Tỉnh Thử, ranh giới T'],
      ['QC', 'Xã Mỹ Phước', 'Huyện Một, Tỉnh Hai, ranh giới T'],
    ]);
  });

  it('names a hamlet\'s commune, district and province, and a district\'s province', async () => {
    const hamlet = (await t.app.get(`/api/search?q=${encodeURIComponent('ấp một')}`)).body.results.find((x: { code: string }) => x.code === 'QH');
    expect(hamlet).toMatchObject({ kind: 'hamlet', name: 'Ấp Một', context: 'Xã Mỹ Phước, Huyện Một, Tỉnh Hai' });
    const district = (await t.app.get(`/api/search?q=${encodeURIComponent('huyen mot')}`)).body.results.find((x: { code: string }) => x.code === 'QD');
    expect(district).toMatchObject({ kind: 'district', context: 'Tỉnh Hai, ranh giới T' });
  });
});
