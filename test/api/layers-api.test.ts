import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';

const codes = (fc: { features: { properties: { code: string } }[] }) => fc.features.map((f) => f.properties.code);

describe.each(databaseTargets())('layers API on the $label database (fixture)', ({ open }) => {
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

  it('serves every site as an RFC 7946 FeatureCollection with rounded coordinates', async () => {
    const r = await app.get('/api/layers/sites');
    expect(r.status).toBe(200);
    expect(r.type).toContain('application/geo+json');
    expect(r.body.type).toBe('FeatureCollection');
    expect(codes(r.body)).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(r.body.numberReturned).toBe(4);
    expect(r.body.truncated).toBe(false);
    const s1 = r.body.features[0];
    expect(s1.geometry).toEqual({ type: 'Point', coordinates: [106.05, 10.05] });
  });

  it('counts only on-air tenants as operators of a site, so a planned BTS does not make it shared', async () => {
    const r = await app.get('/api/layers/sites');
    const byCode = Object.fromEntries(r.body.features.map((f: any) => [f.properties.code, f.properties]));
    expect(byCode.S1).toMatchObject({ operators: ['viettel', 'vnpt'], operatorCount: 2, shared: true, btsCount: 3, technologies: ['2G', '3G', '4G'] });
    expect(byCode.S2).toMatchObject({ operators: ['viettel'], operatorCount: 1, shared: false, btsCount: 2 });
    expect(byCode.S3).toMatchObject({ operators: [], shared: false, btsCount: 0, status: 'decommissioned' });
    expect(byCode.S4).toMatchObject({ operators: ['mobifone'], owner: 'towerco', ownerName: 'Công ty Tháp <b>Thử</b>' });
  });

  it('serves only sites of two or more on-air operators as shared sites', async () => {
    expect(codes((await app.get('/api/layers/shared-sites')).body)).toEqual(['S1']);
  });

  it('filters sites by operator, technology, status, unit and bbox', async () => {
    expect(codes((await app.get('/api/layers/sites?operator=vnpt')).body)).toEqual(['S1', 'S2']);
    expect(codes((await app.get('/api/layers/sites?technology=2G')).body)).toEqual(['S1']);
    expect(codes((await app.get('/api/layers/sites?operator=vnpt&technology=4G')).body)).toEqual(['S2']);
    expect(codes((await app.get('/api/layers/sites?status=decommissioned')).body)).toEqual(['S3']);
    expect(codes((await app.get('/api/layers/sites?unit=C2')).body)).toEqual(['S2']);
    expect(codes((await app.get('/api/layers/sites?unit=D2')).body)).toEqual(['S3', 'S4']);
    expect(codes((await app.get('/api/layers/sites?bbox=106.0,10.0,106.1,10.1')).body)).toEqual(['S1']);
    expect(codes((await app.get('/api/layers/sites?unit=NC1&boundarySet=N')).body)).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  it('serves BTS with their sectors and filters them', async () => {
    const all = (await app.get('/api/layers/bts')).body;
    expect(all.features).toHaveLength(7);
    const s4 = all.features.find((f: any) => f.properties.code === 'MB-S4-4G').properties;
    expect(s4).toMatchObject({ siteCode: 'S4', operator: 'mobifone', technology: '4G', bandMHz: 2600, antennaHeightM: 28, eirpDbm: 58 });
    expect(s4.sectors).toEqual([
      { azimuthDeg: 10, beamwidthDeg: 65, tiltDeg: 4 },
      { azimuthDeg: 130, beamwidthDeg: 65, tiltDeg: 4 },
      { azimuthDeg: 250, beamwidthDeg: 65, tiltDeg: 4 },
    ]);
    expect(codes((await app.get('/api/layers/bts?operator=viettel&technology=4G')).body)).toEqual(['VT-S1-4G', 'VT-S2-4G']);
    expect(codes((await app.get('/api/layers/bts?status=planned')).body)).toEqual(['VN-S2-4G']);
  });

  it('measures fiber length on the spheroid and filters by kind and laying', async () => {
    const fiber = (await app.get('/api/layers/fiber')).body;
    const f1 = fiber.features.find((f: any) => f.properties.code === 'F1').properties;
    // 0.2° of longitude at 10.05° N: 0.2 × 111.32 km × cos(10.05°) ≈ 21.92 km (spheroid: 21.91 km).
    expect(f1.lengthM).toBeGreaterThan(21_850);
    expect(f1.lengthM).toBeLessThan(21_950);
    expect(f1).toMatchObject({ operator: 'viettel', kind: 'backbone', laying: 'underground', cores: 96 });
    expect(codes((await app.get('/api/layers/fiber?laying=aerial')).body)).toEqual(['F2']);
    expect(codes((await app.get('/api/layers/fiber?kind=backbone,access')).body)).toEqual(['F1', 'F2']);
    expect(codes((await app.get('/api/layers/fiber?unit=C3')).body)).toEqual(['F1']);
  });

  it('serves hamlets as polygons, or as their reference point when they have none', async () => {
    const hamlets = (await app.get('/api/layers/hamlets')).body;
    expect(codes(hamlets)).toEqual(['H1', 'H2', 'H3']);
    const h3 = hamlets.features[2];
    expect(h3.geometry).toEqual({ type: 'Point', coordinates: [106.15, 10.05] });
    expect(h3.properties).toMatchObject({ name: 'Ấp Cái Bè', communeCode: 'C3', population: 500, refPoint: [106.15, 10.05] });
    expect(hamlets.features[0].geometry.type).toBe('MultiPolygon');
    expect(codes((await app.get('/api/layers/hamlets?unit=D1')).body)).toEqual(['H1', 'H2']);
  });

  it('serves communes and districts of a boundary set with area and population', async () => {
    const communes = (await app.get('/api/layers/communes')).body;
    expect(codes(communes)).toEqual(['C1', 'C2', 'C3']);
    const c1 = communes.features[0].properties;
    expect(c1).toMatchObject({ level: 'commune', unitType: 'xa', parentCode: 'D1', parentName: 'Huyện Tây', boundarySet: 'T', population: 1000, hamletCount: 1 });
    // 0.1° × 0.1° at 10.05° N ≈ 11.06 km × 10.94 km ≈ 121 km².
    expect(c1.areaKm2).toBeGreaterThan(120);
    expect(c1.areaKm2).toBeLessThan(122.5);
    expect(codes((await app.get('/api/layers/communes?unit=D1')).body)).toEqual(['C1', 'C2']);
    const districts = (await app.get('/api/layers/districts')).body;
    expect(districts.features.map((f: any) => [f.properties.code, f.properties.population])).toEqual([['D1', 3000], ['D2', 500]]);
    expect((await app.get('/api/layers/districts?boundarySet=N')).body.features).toEqual([]);
    expect(codes((await app.get('/api/layers/communes?boundarySet=N')).body)).toEqual(['NC1']);
  });

  it('marks a response truncated when more features match than the limit allows', async () => {
    const small = await startInProcessApp(db, { maxFeatures: 2 });
    try {
      const r = (await small.get('/api/layers/sites')).body;
      expect(codes(r)).toEqual(['S1', 'S2']);
      expect(r.truncated).toBe(true);
      expect(r.numberReturned).toBe(2);
    } finally {
      await small.close();
    }
  });
});
