import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageFixture } from '../fixtures/coverage-fixture.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

// The register fixture with the coverage fixture (test/fixtures/*), counted by hand:
//   sites S1–S4 (S3 decommissioned); on-air or planned BTS of Viettel on S1, S2, of MobiFone on S4.
//   BTS: 7; on air VT-S1-4G, VN-S1-3G (moved to 106.15, 10.15), VT-S2-4G, MB-S4-4G (moved to 106.144, 10.05);
//     in C1 (106.0–106.1 × 10.0–10.1): VT-S1-4G and VT-S1-2G; in C3 (106.1–106.2 × 10.0–10.2): VN-S1-3G, MB-S3-2G, MB-S4-4G.
//   Shared sites: S1 only (Viettel and VNPT on air; S2's VNPT BTS is off air).
//   Fibre: F1 (backbone, along 10.05 N through C1 and C3), F2 (access, in C2).
//   Hamlets H1 (C1), H2 (C2), H3 (C3): broadband of any operator lõm sóng, lõm sóng, trắng sóng; people 1000,
//     2000, 500, covered 500, 1500, 400 (GET /api/hamlets/coverage's summary). MobiFone 4G: all trắng sóng, H3 400 covered.
//   Coverage of any operator, broadband: the four footprints apart from one another — half discs of 3 and 5 km,
//     discs of 2 km (VT-S2-4G omni, VN-S1-3G three 120° sectors): (4.5 + 12.5 + 4 + 4) π = 25π km².
//     Viettel 4G: 4.5π + 4π = 8.5π km².
//   Uncovered parts: one per hamlet (H1's west half, H2 around VT-S2-4G's disc, H3's strip west of MB-S4-4G).

describe.each(databaseTargets())('GET /api/layers/{layer}/count on the $label database', ({ open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  beforeAll(async () => {
    db = await open();
    await loadCoverageFixture(db.knex);
    app = await startInProcessApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const count = async (path: string) => {
    const r = await app.get(`/api/layers/${path}`);
    expect(r.status, path).toBe(200);
    return r.body as { layer: string; count: number; areaKm2?: number; verdicts?: Record<string, unknown> };
  };

  it('counts the register layers under the panel filters, over the whole layer', async () => {
    expect(await count('sites/count')).toEqual({ layer: 'sites', count: 4 });
    expect((await count('sites/count?status=on_air')).count).toBe(3);
    expect((await count('sites/count?operator=viettel')).count).toBe(2);
    expect((await count('sites/count?operator=mobifone')).count).toBe(1);
    expect((await count('sites/count?unit=C1')).count).toBe(1);
    expect((await count('sites/count?unit=NC1&boundarySet=N')).count).toBe(4);
    expect((await count('bts/count')).count).toBe(7);
    expect((await count('bts/count?status=on_air')).count).toBe(4);
    expect((await count('bts/count?operator=viettel&technology=4G')).count).toBe(2);
    expect((await count('bts/count?unit=C1')).count).toBe(2);
    expect((await count('bts/count?unit=C3')).count).toBe(3);
    expect((await count('shared-sites/count')).count).toBe(1);
    expect((await count('shared-sites/count?operator=mobifone')).count).toBe(0);
    expect((await count('shared-sites/count?unit=C2')).count).toBe(0);
    expect((await count('fiber/count')).count).toBe(2);
    expect((await count('fiber/count?kind=backbone')).count).toBe(1);
    expect((await count('fiber/count?unit=C2')).count).toBe(1);
    expect((await count('fiber/count?unit=D1')).count).toBe(2);
  });

  it('counts the sites and BTS the map draws, decommissioned ones too, where the overview leaves them out', async () => {
    // The z10 tiles 813–814 × 482–483 hold the whole fixture: the map draws S3 (decommissioned, faded) with the others.
    const drawn = async (layer: string) => {
      const codes: string[] = [];
      for (const [x, y] of [[813, 482], [813, 483], [814, 482], [814, 483]]) {
        const response = await fetch(`${app.base}/tiles/${layer}/10/${x}/${y}.mvt`);
        const l = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer()))).layers[layer];
        for (let i = 0; l && i < l.length; i++) codes.push(String(l.feature(i).properties.code));
      }
      return codes.sort();
    };
    expect(await drawn('sites')).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect((await count('sites/count')).count).toBe(4);
    expect((await count('sites/count?status=decommissioned')).count).toBe(1);
    expect((await drawn('bts')).length).toBe(7);
    expect((await count('bts/count')).count).toBe(7);
    expect((await count('bts/count?status=decommissioned')).count).toBe(3);
    // The overview (GET /api/meta) leaves out S3 and the three BTS the coverage fixture took off air: 4 − 1 sites, 7 − 3 BTS.
    expect((await app.get('/api/meta')).body.counts).toMatchObject({ sites: 3, bts: 4 });
  });

  it('counts what the layer itself holds under the same filters', async () => {
    for (const path of ['sites?status=on_air&unit=D1', 'bts?operator=viettel,vnpt', 'shared-sites?scenario=planned', 'fiber?unit=C3', 'hamlets?unit=D1', 'gaps?unit=C3']) {
      const [layer, query] = path.split('?') as [string, string];
      const fc = (await app.get(`/api/layers/${layer}?${query}`)).body as { numberReturned: number };
      expect((await count(`${layer}/count?${query}`)).count, path).toBe(fc.numberReturned);
    }
  });

  it('gives the hamlets with the verdicts of the coverage asked for, as the hamlet coverage summary counts them', async () => {
    expect(await count('hamlets/count')).toEqual({
      layer: 'hamlets',
      count: 3,
      verdicts: { operator: '*', technologyGroup: 'broadband', hamlets: 3, covered: 0, lomSong: 2, trangSong: 1, coverageRatio: 0, population: 3500, populationCovered: 2400 },
    });
    expect((await count('hamlets/count?unit=D1')).verdicts).toMatchObject({ hamlets: 2, lomSong: 2, trangSong: 0, population: 3000, populationCovered: 2000 });
    expect((await count('hamlets/count?operator=mobifone&technology=4G')).verdicts).toMatchObject({
      operator: 'mobifone', technologyGroup: '4G', hamlets: 3, covered: 0, lomSong: 0, trangSong: 3, populationCovered: 400,
    });
    const summary = (await app.get('/api/hamlets/coverage?operator=mobifone&technology=4G&unit=C3')).body.summary;
    expect((await count('hamlets/count?operator=mobifone&technology=4G&unit=C3')).verdicts).toEqual({ operator: 'mobifone', technologyGroup: '4G', ...summary });
  });

  it('gives the coverage unions with their area, and the uncovered parts', async () => {
    const any = await count('coverage/count');
    expect(any.count).toBe(1);
    expect(Math.abs(any.areaKm2! - 25 * Math.PI) / (25 * Math.PI)).toBeLessThan(0.01);
    const viettel = await count('coverage/count?operator=viettel&technology=4G');
    expect(viettel.count).toBe(1);
    expect(Math.abs(viettel.areaKm2! - 8.5 * Math.PI) / (8.5 * Math.PI)).toBeLessThan(0.01);
    expect((await count('coverage/count?operator=*,viettel&technology=4G,broadband')).count).toBe(4);
    expect((await count('gaps/count')).count).toBe(3);
    expect((await count('gaps/count?unit=C1')).count).toBe(1);
    expect((await count('gaps/count?unit=D2&boundarySet=T')).count).toBe(1);
  });

  it('counts the communes and districts of a boundary set, within a unit as their tiles', async () => {
    expect(await count('communes/count')).toEqual({ layer: 'communes', count: 3 });
    expect(await count('districts/count')).toEqual({ layer: 'districts', count: 2 });
    expect((await count('communes/count?unit=D1')).count).toBe(2);
    expect((await count('communes/count?unit=P')).count).toBe(3);
    expect((await count('communes/count?unit=C3')).count).toBe(1);
    expect((await count('districts/count?unit=D2')).count).toBe(1);
    expect((await count('communes/count?boundarySet=N')).count).toBe(1);
    expect((await count('districts/count?boundarySet=N')).count).toBe(0);
    for (const query of ['', 'unit=D1', 'boundarySet=N']) {
      const fc = (await app.get(`/api/layers/communes?${query}`)).body as { numberReturned: number };
      expect((await count(`communes/count?${query}`)).count, query).toBe(fc.numberReturned);
    }
  });

  it('lists the units of one level without polygons for the unit pickers (GET /api/admin-units)', async () => {
    const communes = await app.get('/api/admin-units?level=commune');
    expect(communes.status).toBe(200);
    expect(communes.body.boundarySet).toBe('T');
    expect(communes.body.units.map((u: { code: string }) => u.code)).toEqual(['C1', 'C2', 'C3']);
    expect(communes.body.units[0]).toEqual({
      code: 'C1', name: 'Xã Mỹ Phước', level: 'commune', unitType: 'xa', parentCode: 'D1', parentName: 'Huyện Tây', bbox: [106, 10, 106.1, 10.1],
    });
    expect((await app.get('/api/admin-units?level=district')).body.units.map((u: { code: string }) => u.code)).toEqual(['D1', 'D2']);
    expect((await app.get('/api/admin-units?level=district&boundarySet=N')).body.units).toEqual([]);
    expect((await app.get('/api/admin-units?level=commune&boundarySet=N')).body.units.map((u: { parentCode: string }) => u.parentCode)).toEqual(['NP']);
    for (const [path, parameter] of [['/api/admin-units?level=province', 'level'], ['/api/admin-units?boundarySet=X', 'boundarySet'], ['/api/admin-units?bbox=1,2,3,4', 'bbox']] as const) {
      const r = await app.get(path);
      expect(r.status, path).toBe(400);
      expect(r.type, path).toContain('application/problem+json');
      expect(r.body.errors?.[0]?.parameter, path).toBe(parameter);
    }
  });

  it('lists the units inside one unit (parent=): the communes of a district for the map\'s picker, also of a province or a two-level set', async () => {
    const codes = async (query: string) => {
      const r = await app.get(`/api/admin-units?${query}`);
      expect(r.status, query).toBe(200);
      return (r.body.units as { code: string }[]).map((u) => u.code);
    };
    const d1 = await app.get('/api/admin-units?level=commune&parent=D1');
    expect(d1.body).toMatchObject({ boundarySet: 'T', level: 'commune', parent: 'D1' });
    expect(d1.body.units[0]).toEqual({
      code: 'C1', name: 'Xã Mỹ Phước', level: 'commune', unitType: 'xa', parentCode: 'D1', parentName: 'Huyện Tây', bbox: [106, 10, 106.1, 10.1],
    });
    expect(d1.body.units.map((u: { code: string }) => u.code)).toEqual(['C1', 'C2']);
    expect(await codes('level=commune&parent=D2')).toEqual(['C3']);
    // A province's communes: under its districts in T, directly under it in the two-level set N.
    expect(await codes('level=commune&parent=P')).toEqual(['C1', 'C2', 'C3']);
    expect(await codes('level=district&parent=P')).toEqual(['D1', 'D2']);
    expect(await codes('level=commune&parent=NP&boundarySet=N')).toEqual(['NC1']);
    // Each parent is its own answer (and tag).
    expect((await app.get('/api/admin-units?level=commune&parent=D1')).headers.get('etag')).not.toBe((await app.get('/api/admin-units?level=commune&parent=D2')).headers.get('etag'));
  });

  it('refuses a parent that is not a unit of the set, or not above the level, with a 400 problem in the user\'s language', async () => {
    const cases: [query: string, vi: string][] = [
      ['level=commune&parent=C9', 'Không có đơn vị hành chính mã "C9" trong bộ ranh giới "T".'],
      ['level=commune&parent=NC1', 'Không có đơn vị hành chính mã "NC1" trong bộ ranh giới "T".'],
      ['level=commune&parent=C1', 'Cấp "commune" không nằm dưới đơn vị "C1" (cấp commune): hãy chọn một cấp thấp hơn.'],
      ['level=district&parent=D1', 'Cấp "district" không nằm dưới đơn vị "D1" (cấp district): hãy chọn một cấp thấp hơn.'],
      ['level=commune&parent=d%201', ''],
    ];
    for (const [query, vi] of cases) {
      const r = await app.get(`/api/admin-units?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.type, query).toContain('application/problem+json');
      expect(r.body.errors?.[0]?.parameter, query).toBe('parent');
      if (vi) expect(r.body.detail, query).toBe(vi);
    }
    expect((await app.get('/api/admin-units?level=commune&parent=C9&lang=en')).body.detail).toBe('There is no administrative unit with code "C9" in boundary set "T".');
  });

  it('tags a count by the request and the data, and answers 304 to its tag', async () => {
    const first = await app.get('/api/layers/sites/count?operator=viettel');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect((await app.get('/api/layers/sites/count?operator=viettel', { 'if-none-match': etag })).status).toBe(304);
    expect((await app.get('/api/layers/sites/count?operator=vnpt')).headers.get('etag')).not.toBe(etag);
    await db.knex.raw(`UPDATE site_records SET status = 'decommissioned' WHERE code = 'S2'`);
    try {
      const after = await app.get('/api/layers/sites/count?status=on_air');
      expect(after.body.count).toBe(2);
    } finally {
      await db.knex.raw(`UPDATE site_records SET status = 'on_air' WHERE code = 'S2'`);
    }
  });

  it('refuses a layer without tiles, a parameter the layer lacks and a bad value, with a 4xx problem', async () => {
    const cases: [path: string, status: number, parameter: string | null][] = [
      ['/api/layers/consolidation/count', 404, null],
      ['/api/layers/communes/count?v=1', 400, 'v'],
      ['/api/layers/communes/count?boundarySet=X', 400, 'boundarySet'],
      ['/api/layers/districts/count?unit=C9', 400, 'unit'],
      ['/api/layers/nope/count', 404, null],
      ['/api/layers/sites/count?bbox=106,10,106.2,10.2', 400, 'bbox'],
      ['/api/layers/sites/count?v=1', 400, 'v'],
      ['/api/layers/sites/count?unit=C9', 400, 'unit'],
      ['/api/layers/coverage/count?unit=C1', 400, 'unit'],
      ['/api/layers/hamlets/count?operator=viettel,vnpt', 400, 'operator'],
      ['/api/layers/gaps/count?scenario=future', 400, 'scenario'],
    ];
    for (const [path, status, parameter] of cases) {
      const r = await app.get(path);
      expect(r.status, path).toBe(status);
      expect(r.type, path).toContain('application/problem+json');
      if (parameter) expect(r.body.errors?.[0]?.parameter, path).toBe(parameter);
    }
    expect((await app.get('/api/layers/consolidation/count')).body.detail).toBe('Không đếm được lớp "consolidation": chỉ đếm các lớp vẽ bằng ô bản đồ vector (sites, shared-sites, bts, fiber, hamlets, coverage, gaps, districts, communes).');
  });
});
