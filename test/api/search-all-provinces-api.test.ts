import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSecondProvinceFixture } from '../fixtures/second-province-fixture.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

// Names repeat across provinces: P's commune C1 and Q's commune QC are both "Xã Mỹ Phước"
// (test/fixtures/second-province-fixture.ts). A result names its parents up to the province.
describe.each(databaseTargets())('search over two provinces on the $label database', ({ open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  beforeAll(async () => {
    db = await open();
    await loadSecondProvinceFixture(db.knex);
    app = await startInProcessApp(db);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('tells two communes of the same name apart by their district and province', async () => {
    const r = await app.get(`/api/search?q=${encodeURIComponent('my phuoc')}`);
    expect(r.status, r.text).toBe(200);
    const communes = (r.body.results as { kind: string; code: string; name: string; context: string }[]).filter((x) => x.kind === 'commune');
    expect(communes.map((c) => [c.code, c.name, c.context]).sort()).toEqual([
      ['C1', 'Xã Mỹ Phước', 'Huyện Tây, Tỉnh Thử, ranh giới T'],
      ['QC', 'Xã Mỹ Phước', 'Huyện Một, Tỉnh Hai, ranh giới T'],
    ]);
  });

  it('names a hamlet\'s commune, district and province, and a district\'s province', async () => {
    const hamlet = (await app.get(`/api/search?q=${encodeURIComponent('ấp một')}`)).body.results.find((x: { code: string }) => x.code === 'QH');
    expect(hamlet).toMatchObject({ kind: 'hamlet', name: 'Ấp Một', context: 'Xã Mỹ Phước, Huyện Một, Tỉnh Hai' });
    const district = (await app.get(`/api/search?q=${encodeURIComponent('huyen mot')}`)).body.results.find((x: { code: string }) => x.code === 'QD');
    expect(district).toMatchObject({ kind: 'district', context: 'Tỉnh Hai, ranh giới T' });
  });
});
