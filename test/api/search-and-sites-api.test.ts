import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';

describe.each(databaseTargets())('search, site detail and health on the $label database (fixture)', ({ label, open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  beforeAll(async () => {
    db = await open();
    app = await startInProcessApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('finds "Cái Bè" from "cai be", ignoring diacritics and case, areas before hamlets', async () => {
    const r = await app.get('/api/search?q=cai%20be');
    expect(r.status).toBe(200);
    expect(r.body.results.map((x: any) => [x.kind, x.name])).toEqual([
      ['district', 'Huyện Cái Bè'],
      ['commune', 'Thị trấn Cái Bè'],
      ['hamlet', 'Ấp Cái Bè'],
    ]);
    const commune = r.body.results[1];
    expect(commune.bbox).toEqual([106.1, 10.0, 106.2, 10.2]);
    expect(commune.context).toContain('Huyện Cái Bè');
    const hamlet = r.body.results[2];
    expect([hamlet.lon, hamlet.lat]).toEqual([106.15, 10.05]);
    expect(hamlet.bbox).toBeNull();
    expect((await app.get('/api/search?q=CÁI%20BÈ')).body.results).toHaveLength(3);
    expect((await app.get('/api/search?q=C%C3%A1i%20B%C3%A8&limit=1')).body.results).toHaveLength(1);
  });

  it('finds a site by its code and "đ" by "d"', async () => {
    const r = await app.get('/api/search?q=s4');
    expect(r.body.results[0]).toMatchObject({ kind: 'site', code: 'S4', lon: 106.15, lat: 10.15 });
    expect(r.body.results[0].context).toContain('Tháp Thử');
    expect((await app.get('/api/search?q=dia%20chi%20s2')).body.results).toEqual([]);
    const phuong = (await app.get('/api/search?q=phuong%201')).body.results;
    expect(phuong.map((x: any) => x.code)).toEqual(['C2']);
  });

  it('shows a site with its BTS list, commune and district', async () => {
    const r = await app.get('/api/sites/S1');
    expect(r.status).toBe(200);
    expect(r.body.site).toMatchObject({
      code: 'S1', structureType: 'self_supporting', heightM: 45, owner: 'viettel', status: 'on_air',
      operators: ['viettel', 'vnpt'], shared: true, lon: 106.05, lat: 10.05,
      communeCode: 'C1', communeName: 'Xã Mỹ Phước', districtName: 'Huyện Tây', version: 1, sourceDate: '2026-01-01',
    });
    expect(r.body.bts.map((b: any) => b.code)).toEqual(['VT-S1-2G', 'VT-S1-4G', 'VN-S1-3G']);
    expect(r.body.bts[2]).toMatchObject({ operator: 'vnpt', technology: '3G', bandMHz: 2100, siteCode: 'S1' });
    const s3 = await app.get('/api/sites/S3');
    expect(s3.body.bts).toHaveLength(1);
    expect(s3.body.site.btsCount).toBe(0);
  });

  it('reports health with the database kind and PostGIS version', async () => {
    const r = await app.get('/api/health');
    expect(r.body).toMatchObject({ status: 'ok', database: label, demoData: false });
    expect(r.body.postgis).toMatch(/^3\.\d+/);
  });

  it('gives the client its operators, boundary sets, extent and counts', async () => {
    const r = await app.get('/api/meta');
    expect(r.body.operators.map((o: any) => o.code)).toEqual(['mobifone', 'viettel', 'vnpt', 'towerco']);
    expect(r.body.boundarySets.map((b: any) => [b.code, b.isDefault])).toEqual([['T', true], ['N', false]]);
    expect(r.body.extent).toEqual([106.0, 10.0, 106.2, 10.2]);
    // S3 is decommissioned; 6 BTS are not; fiber F1 ≈ 21.9 km + F2 ≈ 9.3 km.
    expect(r.body.counts).toMatchObject({ sites: 3, bts: 6, hamlets: 3 });
    expect(r.body.counts.fiberKm).toBeGreaterThan(31);
    expect(r.body.counts.fiberKm).toBeLessThan(31.5);
  });

  it('tags the meta answer by its data: 304 while nothing changed, new counts after a write to the register', async () => {
    const first = await app.get('/api/meta');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await app.get('/api/meta', { 'If-None-Match': etag! })).status).toBe(304);
    // Rolled back by hand: S3 (decommissioned) on air again counts as a site.
    await db.knex.raw(`UPDATE site_records SET status = 'on_air' WHERE code = 'S3'`);
    try {
      const after = await app.get('/api/meta', { 'If-None-Match': etag! });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(etag);
      expect(after.body.counts.sites).toBe(4);
    } finally {
      await db.knex.raw(`UPDATE site_records SET status = 'decommissioned' WHERE code = 'S3'`);
    }
    expect((await app.get('/api/meta')).body.counts.sites).toBe(3);
  });
});
