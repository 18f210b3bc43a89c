import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageFixture } from '../fixtures/coverage-fixture.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { createTestAccounts, signIn } from '../support/test-accounts.js';

// The register fixture with the coverage fixture (test/fixtures/*). At z10 the
// fixture lies in tiles x 813–814, y 482–483 (x = (lon + 180) / 360 · 1024;
// y = (1 − ln(tan φ + sec φ) / π) / 2 · 1024, and y = 483 from 10.142° N
// southwards). Tile 10/813/483 holds S1 (106.05, 10.05) and S3 (106.15, 10.1),
// and of the BTS VT-S1-4G, VT-S1-2G (at S1), MB-S3-2G (at S3) and MB-S4-4G
// (moved to 106.144, 10.05 by the coverage fixture). Tile 10/813/454 is over
// Hà Nội (21.03 N): empty.

const S1_TILE = '/tiles/sites/10/813/483.mvt';
const EMPTY_TILE = '/tiles/sites/10/813/454.mvt';

async function tileOf(app: InProcessApp, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(app.base + path, { headers });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

function features(bytes: Uint8Array, layer: string): Record<string, string | number | boolean | undefined>[] {
  const l = new VectorTile(new PbfReader(bytes)).layers[layer];
  if (!l) return [];
  return Array.from({ length: l.length }, (_, i) => l.feature(i)).map((f) => ({ id: f.id, ...f.properties }));
}

describe.each(databaseTargets())('GET /tiles/{layer}/{z}/{x}/{y}.mvt on the $label database', ({ label, open }) => {
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

  it('answers a tile with features as a Mapbox vector tile with a strong ETag and a short public cache lifetime', async () => {
    const tile = await tileOf(app, S1_TILE);
    expect(tile.status).toBe(200);
    expect(tile.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(tile.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(tile.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(Number(tile.headers.get('content-length'))).toBe(tile.bytes.length);
    expect(features(tile.bytes, 'sites').map((f) => f.code)).toEqual(['S1', 'S3']);
  });

  it('gives the same ETag for the same tile, and 304 without a body when If-None-Match holds it', async () => {
    const first = await tileOf(app, S1_TILE);
    const etag = first.headers.get('etag')!;
    expect((await tileOf(app, S1_TILE)).headers.get('etag')).toBe(etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await tileOf(app, S1_TILE, { 'if-none-match': ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.bytes.length).toBe(0);
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    }
    const otherTag = await tileOf(app, S1_TILE, { 'if-none-match': '"not-this-one"' });
    expect(otherTag.status).toBe(200);
    expect(otherTag.bytes).toEqual(first.bytes);
  });

  it('changes the ETag when the tile changes', async () => {
    const before = (await tileOf(app, S1_TILE)).headers.get('etag');
    await db.knex.raw(`UPDATE site_records SET height_m = 46 WHERE code = 'S1'`);
    try {
      const after = await tileOf(app, S1_TILE, { 'if-none-match': before! });
      expect(after.status).toBe(200);
      expect(after.headers.get('etag')).not.toBe(before);
      expect(features(after.bytes, 'sites').find((f) => f.code === 'S1')?.heightM).toBe(46);
    } finally {
      await db.knex.raw(`UPDATE site_records SET height_m = 45 WHERE code = 'S1'`);
    }
  });

  it('answers an empty tile with 204 and no body, cacheable like any tile', async () => {
    const tile = await tileOf(app, EMPTY_TILE);
    expect(tile.status).toBe(204);
    expect(tile.bytes.length).toBe(0);
    expect(tile.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(tile.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    expect((await tileOf(app, EMPTY_TILE, { 'if-none-match': tile.headers.get('etag')! })).status).toBe(304);
  });

  it('applies the layer filters: operator and technology of BTS, status, scenario and technology group of coverage', async () => {
    const bts = async (query: string) => features((await tileOf(app, `/tiles/bts/10/813/483.mvt${query}`)).bytes, 'bts').map((f) => f.code);
    expect(await bts('')).toEqual(['VT-S1-4G', 'VT-S1-2G', 'MB-S3-2G', 'MB-S4-4G']);
    expect(await bts('?operator=viettel&technology=2G')).toEqual(['VT-S1-2G']);
    expect(await bts('?status=on_air')).toEqual(['VT-S1-4G', 'MB-S4-4G']);
    expect(await bts('?operator=mobifone,vnpt&technology=4G')).toEqual(['MB-S4-4G']);
    const coverage = async (query: string) =>
      features((await tileOf(app, `/tiles/coverage/10/813/483.mvt${query}`)).bytes, 'coverage').map((f) => `${f.operator}/${f.technologyGroup}/${f.scenario}`);
    expect(await coverage('')).toEqual(['*/broadband/current']);
    expect(await coverage('?operator=viettel,mobifone&technology=4G&scenario=planned')).toEqual(['mobifone/4G/planned', 'viettel/4G/planned']);
    // The coverage fixture's site S1 carries Viettel and VNPT on air: a shared site, in the tile.
    expect(features((await tileOf(app, '/tiles/shared-sites/10/813/483.mvt?scenario=planned')).bytes, 'shared-sites').map((f) => f.code)).toEqual(['S1']);
    expect(features((await tileOf(app, '/tiles/fiber/10/813/483.mvt?kind=backbone&laying=underground')).bytes, 'fiber').map((f) => f.code)).toEqual(['F1']);
    // Below z8 only the backbone: F1 (backbone) in the z7 tile over the fixture, F2 (access) from z8 on.
    const fiberAt = async (tile: string) => features((await tileOf(app, `/tiles/fiber/${tile}.mvt`)).bytes, 'fiber').map((f) => f.code).sort();
    expect(await fiberAt('7/101/60')).toEqual(['F1']);
    expect(await fiberAt('8/203/120')).toEqual(['F1', 'F2']);
  });

  // The fixture's units (test/fixtures/register-fixture.ts): C1 = 106.0–106.1 × 10.0–10.1 holds S1 and
  // H1's reference point (106.05, 10.05); C3 = 106.1–106.2 × 10.0–10.2 holds S3 (106.15, 10.1), MB-S4-4G
  // (106.144, 10.05) and H3 (106.15, 10.05); NC1 of the other boundary set N covers all of them.
  it('limits a tile to the panel\'s unit (in its boundary set) as the layers are, and tags it by the unit', async () => {
    // Hamlets: their polygons (the tile also carries their reference points).
    const codes = async (layer: string, query: string) =>
      features((await tileOf(app, `/tiles/${layer}/10/813/483.mvt${query}`)).bytes, layer).filter((f) => f.refPoint === undefined).map((f) => f.code);
    expect(await codes('sites', '?unit=C1')).toEqual(['S1']);
    expect(await codes('sites', '?unit=D2&boundarySet=T')).toEqual(['S3']);
    expect(await codes('sites', '?unit=NC1&boundarySet=N')).toEqual(['S1', 'S3']);
    expect(await codes('bts', '?unit=C1')).toEqual(['VT-S1-4G', 'VT-S1-2G']);
    expect(await codes('bts', '?unit=C3&operator=mobifone')).toEqual(['MB-S3-2G', 'MB-S4-4G']);
    expect(await codes('hamlets', '?unit=C1')).toEqual(['H1']);
    expect(await codes('hamlets', '?unit=C3')).toEqual(['H3']);
    // H2's polygon reaches into the tile, its reference point (106.05, 10.15) is in C2: with C2 it is the only hamlet.
    expect(await codes('hamlets', '?unit=C2')).toEqual(['H2']);
    const fiberAll = await codes('fiber', '');
    expect(fiberAll.length).toBeGreaterThan(0);
    expect(await codes('fiber', '?unit=NC1&boundarySet=N')).toEqual(fiberAll);
    // A unit with none of a layer's features in the tile: 204.
    expect((await tileOf(app, '/tiles/sites/10/813/483.mvt?unit=C2')).status).toBe(204);
    const etagOf = async (query: string) => (await tileOf(app, `/tiles/sites/10/813/483.mvt${query}`)).headers.get('etag');
    const whole = await etagOf('');
    const c1 = await etagOf('?unit=C1');
    expect(c1).not.toBe(whole);
    expect(await etagOf('?unit=C3')).not.toBe(c1);
    expect(await etagOf('?unit=C1&v=3')).toBe(c1);
  });

  it('serves communes and districts as tiles: the units reaching the tile, their label points, the unit filter, 204 below the minimum zoom', async () => {
    // z10: tile 813/483 holds C1, C2, C3 (D1, D2); 814/483 only C3 (x(106.2) = 814.08). Label points (the
    // squares' centres): C1 and C3 in 813/483, C2 (y 482.97) in 813/482.
    const of = async (layer: string, path: string) => {
      const tile = await tileOf(app, `/tiles/${layer}/${path}`);
      const all = tile.status === 200 ? features(tile.bytes, layer) : [];
      return {
        status: tile.status,
        polygons: all.filter((f) => f.labelPoint === undefined).map((f) => f.code).sort(),
        labels: all.filter((f) => f.labelPoint === true).map((f) => f.code).sort(),
        all,
      };
    };
    const c813 = await of('communes', '10/813/483.mvt');
    expect(c813).toMatchObject({ status: 200, polygons: ['C1', 'C2', 'C3'], labels: ['C1', 'C3'] });
    const id = (await db.knex.raw(`SELECT id FROM admin_units WHERE boundary_set = 'T' AND code = 'C2'`)).rows[0].id as number;
    expect(c813.all.find((f) => f.code === 'C2' && f.labelPoint === undefined)).toEqual({
      id, code: 'C2', name: 'Phường 1', level: 'commune', unitType: 'phuong', boundarySet: 'T', parentCode: 'D1', parentName: 'Huyện Tây',
    });
    expect(c813.all.find((f) => f.code === 'C1' && f.labelPoint === true)).toEqual({ id: undefined, code: 'C1', name: 'Xã Mỹ Phước', unitType: 'xa', labelPoint: true });
    expect(await of('communes', '10/813/482.mvt')).toMatchObject({ polygons: ['C2', 'C3'], labels: ['C2'] });
    expect(await of('communes', '10/814/483.mvt')).toMatchObject({ polygons: ['C3'], labels: [] });
    expect(await of('districts', '10/813/483.mvt')).toMatchObject({ polygons: ['D1', 'D2'], labels: ['D1', 'D2'] });
    expect(await of('communes', '10/813/483.mvt?unit=D1')).toMatchObject({ polygons: ['C1', 'C2'], labels: ['C1'] });
    expect(await of('communes', '10/813/483.mvt?unit=C3&boundarySet=T')).toMatchObject({ polygons: ['C3'], labels: ['C3'] });
    expect(await of('districts', '10/813/483.mvt?unit=P')).toMatchObject({ polygons: ['D1', 'D2'] });
    // The 2025 set N: communes under the province, no districts (a 204).
    expect(await of('communes', '10/813/483.mvt?boundarySet=N')).toMatchObject({ polygons: ['NC1'], labels: ['NC1'] });
    expect((await of('districts', '10/813/483.mvt?boundarySet=N')).status).toBe(204);
    // Minimum zooms: communes from z8, districts from z6 (the province square: z8 tile 203/120, z7 101/60, z6 50/30, z5 25/15).
    expect(await of('communes', '8/203/120.mvt')).toMatchObject({ status: 200, polygons: ['C1', 'C2', 'C3'] });
    expect((await of('communes', '7/101/60.mvt')).status).toBe(204);
    expect(await of('districts', '6/50/30.mvt')).toMatchObject({ status: 200, polygons: ['D1', 'D2'] });
    expect((await of('districts', '5/25/15.mvt')).status).toBe(204);
    // Tagged by the data version of the units: a write to admin_units changes the tag.
    const before = (await tileOf(app, '/tiles/communes/10/813/483.mvt')).headers.get('etag');
    await db.knex.raw(`UPDATE admin_units SET name = name WHERE code = 'C1'`);
    expect((await tileOf(app, '/tiles/communes/10/813/483.mvt')).headers.get('etag')).not.toBe(before);
  });

  // Clustering fixture, far from the register fixture: K1–K3 within 0.003° of each other
  // and K4 0.3° east, all in z8 tile 202/121 (x = 285.00x / 360 · 256 = 202.67;
  // y = (1 − ln(tan 9° + sec 9°) / π) / 2 · 256 = 121.57). Its 16 × 16 grid cells
  // are 1/16 of the tile: K1–K3 fall in cell (10, 9), K4 in (14, 9). The mean of
  // K1–K3 is (105.002, 9.0013): K2 (105.002, 9.002) is the nearest to it. At z12
  // (no clustering) K1–K3 lie in tile 3242/1945 (x = 3242.7, y = 1945.2), K4 does not.
  it('clusters points below zoom 9 in a 16 × 16 grid of the tile (point_count, representative), and gives every point at zoom 12', async () => {
    const site = (code: string, lon: number, lat: number) =>
      db.knex.raw(
        `INSERT INTO sites (code, geom, structure_type, height_m, owner_id, status, source, source_date)
         VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326), 'monopole', 30, (SELECT id FROM operators WHERE code = 'viettel'), 'on_air', 'kiểm thử', '2026-01-01')`,
        [code, lon, lat],
      );
    await site('K1', 105.001, 9.001);
    await site('K2', 105.002, 9.002);
    await site('K3', 105.003, 9.001);
    await site('K4', 105.3, 9.0);
    try {
      const low = features((await tileOf(app, '/tiles/sites/8/202/121.mvt')).bytes, 'sites');
      expect(low.map((f) => (f.point_count === undefined ? `${String(f.code)}` : `${f.point_count} × ${String(f.representative)}`)).sort()).toEqual(['3 × K2', 'K4']);
      expect(low.find((f) => f.point_count !== undefined)?.id).toBeUndefined();
      expect(low.find((f) => f.code === 'K4')).toMatchObject({ status: 'on_air', owner: 'viettel', heightM: 30 });
      const high = features((await tileOf(app, '/tiles/sites/12/3242/1945.mvt')).bytes, 'sites');
      expect(high.map((f) => f.code)).toEqual(['K1', 'K2', 'K3']);
      expect(high.some((f) => f.point_count !== undefined)).toBe(false);
    } finally {
      await db.knex.raw(`DELETE FROM site_records WHERE code IN ('K1', 'K2', 'K3', 'K4')`);
    }
  });

  // The coverage fixture's verdicts (test/fixtures/coverage-fixture.ts), by hand: broadband of any operator
  // H1 lõm sóng 0.5, H2 lõm sóng 0.75, H3 trắng sóng 0.8 (80 % covered by MB-S4-4G, reference point not);
  // MobiFone 4G: only H3 has any of it (0.8, reference point not covered: trắng sóng); 3G: only VN-S1-3G,
  // away from every hamlet: all trắng sóng, 0. H2's polygon reaches into tile 10/813/483, its reference point does not.
  it('gives each hamlet the verdict of the coverage asked for (operator, technology group, scenario), and its reference point from zoom 10', async () => {
    const hamlets = async (path: string) => features((await tileOf(app, path)).bytes, 'hamlets');
    const polygons = async (query: string) =>
      (await hamlets(`/tiles/hamlets/10/813/483.mvt${query}`)).filter((f) => f.refPoint === undefined).map((f) => `${String(f.code)} ${String(f.verdict)} ${String(f.coveredShare)}`);
    expect(await polygons('')).toEqual(['H1 lom_song 0.5', 'H2 lom_song 0.75', 'H3 trang_song 0.8']);
    expect(await polygons('?operator=*&technology=broadband&scenario=current')).toEqual(['H1 lom_song 0.5', 'H2 lom_song 0.75', 'H3 trang_song 0.8']);
    expect(await polygons('?operator=mobifone&technology=4G')).toEqual(['H1 trang_song 0', 'H2 trang_song 0', 'H3 trang_song 0.8']);
    expect(await polygons('?technology=3G')).toEqual(['H1 trang_song 0', 'H2 trang_song 0', 'H3 trang_song 0']);
    const refs = (await hamlets('/tiles/hamlets/10/813/483.mvt?operator=mobifone&technology=4G')).filter((f) => f.refPoint === true);
    expect(refs.map((f) => ({ id: f.id, code: f.code, refKind: f.refKind, verdict: f.verdict }))).toEqual([
      { id: undefined, code: 'H1', refKind: 'cultural_house', verdict: 'trang_song' },
      { id: undefined, code: 'H3', refKind: 'cultural_house', verdict: 'trang_song' },
    ]);
    // H1's reference point (106.052, 10.05) is at tile pixel ((106.052 + 180) / 360 · 1024 − 813) · 4096 = 2699.4.
    const layer = new VectorTile(new PbfReader((await tileOf(app, '/tiles/hamlets/10/813/483.mvt')).bytes)).layers.hamlets!;
    const h1 = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).find((f) => f.properties.refPoint === true && f.properties.code === 'H1')!;
    expect(h1.type).toBe(1);
    expect(h1.loadGeometry()[0]![0]!.x).toBe(2699);
    // Below zoom 10 the map draws no reference point: the tile carries none.
    expect((await hamlets('/tiles/hamlets/9/406/241.mvt')).filter((f) => f.refPoint !== undefined)).toEqual([]);
  });

  // Two small hamlets 0.003° apart beside the clustering fixture: in one grid cell of z8 tile 202/121
  // (x = 202.667 and 202.670 → cell 10; y = 121.573 and 121.571 → cell 9) and of z7 tile 101/60.
  it('draws hamlets as their polygons from zoom 8 on (a province in view), and clusters them only below', async () => {
    const hamlet = (code: string, lon: number, lat: number) =>
      db.knex.raw(
        `INSERT INTO hamlets (code, name, kind, commune_id, population, households, ref_point, ref_kind, geom, source, source_date)
         VALUES (?, ?, 'ap', (SELECT id FROM admin_units WHERE boundary_set = 'T' AND code = 'C1'), 100, 25,
                 ST_SetSRID(ST_MakePoint(?, ?), 4326), 'centre', ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4326)), 'kiểm thử', '2026-01-01')`,
        [code, `Ấp ${code}`, lon, lat, lon - 0.0005, lat - 0.0005, lon + 0.0005, lat + 0.0005],
      );
    await hamlet('HK1', 105.001, 9.001);
    await hamlet('HK2', 105.004, 9.003);
    try {
      const z8 = features((await tileOf(app, '/tiles/hamlets/8/202/121.mvt')).bytes, 'hamlets');
      expect(z8.map((f) => f.code).sort()).toEqual(['HK1', 'HK2']);
      expect(z8.some((f) => f.point_count !== undefined)).toBe(false);
      const z7 = features((await tileOf(app, '/tiles/hamlets/7/101/60.mvt')).bytes, 'hamlets');
      // The tile also holds the register fixture's hamlets (106.0–106.2 E): their own clusters.
      const ours = z7.filter((f) => f.code === 'HK1' || f.code === 'HK2' || f.representative === 'HK1' || f.representative === 'HK2');
      expect(ours.map((f) => f.point_count)).toEqual([2]);
    } finally {
      await db.knex.raw(`DELETE FROM hamlets WHERE code IN ('HK1', 'HK2')`);
    }
  });

  it('tags a tile by its data version: a write to a table it reads changes the tag, a write to another does not', async () => {
    const etagOf = async (path: string) => (await tileOf(app, path)).headers.get('etag');
    const sites = await etagOf(S1_TILE);
    const fiber = await etagOf('/tiles/fiber/10/813/483.mvt');
    // The cache-busting v and the language change neither the tile nor its tag.
    expect(await etagOf(`${S1_TILE}?v=7&lang=en`)).toBe(sites);
    await db.knex.raw(`UPDATE fiber_route_records SET cores = cores WHERE code = 'F1'`);
    expect(await etagOf(S1_TILE)).toBe(sites);
    const fiberAfter = await etagOf('/tiles/fiber/10/813/483.mvt');
    expect(fiberAfter).not.toBe(fiber);
    expect((await tileOf(app, '/tiles/fiber/10/813/483.mvt', { 'if-none-match': fiber! })).status).toBe(200);
    expect((await tileOf(app, '/tiles/fiber/10/813/483.mvt', { 'if-none-match': fiberAfter! })).status).toBe(304);
  });

  it('gives GeoJSON layers a data-version ETag and cache lifetime, 304 on If-None-Match, a new tag after a write', async () => {
    const layer = (query: string, headers: Record<string, string> = {}) => fetch(`${app.base}/api/layers/sites${query}`, { headers });
    const first = await layer('?operator=viettel');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=300');
    const body = await first.text();
    // Another process's cache, the same data: the same tag (it depends on the request and the data, not the process).
    const again = await layer('?operator=viettel&lang=en');
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe(body);
    const revalidated = await layer('?operator=viettel', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect((await layer('?operator=mobifone')).headers.get('etag')).not.toBe(etag);
    await db.knex.raw(`UPDATE site_records SET height_m = 46 WHERE code = 'S1'`);
    try {
      const changed = await layer('?operator=viettel', { 'if-none-match': etag });
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      const s1 = ((await changed.json()) as { features: { properties: { code: string; heightM: number } }[] }).features.find((f) => f.properties.code === 'S1');
      expect(s1?.properties.heightM).toBe(46);
    } finally {
      await db.knex.raw(`UPDATE site_records SET height_m = 45 WHERE code = 'S1'`);
    }
  });

  it('bumps the data version of every versioned table once per writing statement, in the writer\'s transaction', async () => {
    const versionOf = async (table: string) => BigInt((await db.knex.raw('SELECT version::text AS v FROM data_versions WHERE table_name = ?', [table])).rows[0].v);
    const triggered = (await db.knex.raw(`SELECT count(DISTINCT c.relname)::int AS n FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%\\_data\\_version'`)).rows[0].n;
    expect(triggered).toBe((await db.knex.raw('SELECT count(*)::int AS n FROM data_versions')).rows[0].n);
    const before = await versionOf('bts_records');
    await db.knex.transaction(async (trx) => {
      await trx.raw(`UPDATE bts_records SET eirp_dbm = eirp_dbm`);
      await trx.raw(`UPDATE bts_records SET eirp_dbm = eirp_dbm WHERE false`);
      // Not yet seen outside the transaction (the embedded database has one connection: that one is the transaction's).
      if (label === 'postgres') expect(await versionOf('bts_records')).toBe(before);
    });
    expect(await versionOf('bts_records')).toBe(before + 2n);
  });

  it('refuses a bad layer, zoom, x, y or parameter with a 4xx problem in the caller\'s language', async () => {
    const cases: [path: string, status: number, parameter: string | null][] = [
      ['/tiles/consolidation/10/813/483.mvt', 404, null],
      ['/tiles/communes/10/813/483.mvt?boundarySet=X', 400, 'boundarySet'],
      ['/tiles/communes/10/813/483.mvt?unit=C9', 400, 'unit'],
      ['/tiles/communes/10/813/483.mvt?unit=NC1', 400, 'unit'],
      ['/tiles/districts/10/813/483.mvt?scenario=planned', 400, 'scenario'],
      ['/tiles/districts/10/813/483.mvt?operator=viettel', 400, 'operator'],
      ['/tiles/nope/10/813/483.mvt', 404, null],
      ['/tiles/sites/23/0/0.mvt', 400, 'z'],
      ['/tiles/sites/-1/0/0.mvt', 400, 'z'],
      ['/tiles/sites/010/813/483.mvt', 400, 'z'],
      ['/tiles/sites/1e1/813/483.mvt', 400, 'z'],
      ['/tiles/sites/10/1024/483.mvt', 400, 'x'],
      ['/tiles/sites/10/813.5/483.mvt', 400, 'x'],
      ['/tiles/sites/10/813/1024.mvt', 400, 'y'],
      ['/tiles/sites/10/813/%20483.mvt', 400, 'y'],
      ['/tiles/sites/0/0/1.mvt', 400, 'y'],
      ['/tiles/sites/10/813/483.mvt?bbox=106,10,106.2,10.2', 400, 'bbox'],
      ['/tiles/sites/10/813/483.mvt?v=x', 400, 'v'],
      ['/tiles/sites/10/813/483.mvt?scenario=planned', 400, 'scenario'],
      ['/tiles/sites/10/813/483.mvt?operator=unknown', 400, 'operator'],
      ['/tiles/coverage/10/813/483.mvt?technology=6G', 400, 'technology'],
      ['/tiles/gaps/10/813/483.mvt?scenario=future', 400, 'scenario'],
      ['/tiles/bts/10/813/483.mvt?status=on_air&status=planned', 400, 'status'],
      ['/tiles/sites/10/813/483.mvt?unit=C9', 400, 'unit'],
      ['/tiles/sites/10/813/483.mvt?unit=NC1', 400, 'unit'],
      ['/tiles/hamlets/10/813/483.mvt?unit=C1&boundarySet=X', 400, 'boundarySet'],
      ['/tiles/gaps/10/813/483.mvt?boundarySet=X', 400, 'boundarySet'],
      ['/tiles/coverage/10/813/483.mvt?unit=C1', 400, 'unit'],
      ['/tiles/hamlets/10/813/483.mvt?operator=viettel,vnpt', 400, 'operator'],
      ['/tiles/hamlets/10/813/483.mvt?operator=unknown', 400, 'operator'],
      ['/tiles/hamlets/10/813/483.mvt?technology=4G,3G', 400, 'technology'],
      ['/tiles/hamlets/10/813/483.mvt?technology=2G,broadband', 400, 'technology'],
      ['/tiles/sites/10/813/483.pbf', 404, null],
      ['/tiles/sites/10/813', 404, null],
      ['/tiles', 404, null],
    ];
    for (const [path, status, parameter] of cases) {
      const r = await app.get(path);
      expect(r.status, path).toBe(status);
      expect(r.type, path).toContain('application/problem+json');
      expect(r.body.detail, path).toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/u);
      if (parameter) expect(r.body.errors?.[0]?.parameter, path).toBe(parameter);
    }
    expect((await app.get('/tiles/sites/10/1024/483.mvt?lang=en')).body.detail).toBe('Tile index x must be a whole number from 0 to 1023 at zoom 10, got "1024".');
    expect((await app.get('/tiles/sites/23/0/0.mvt')).body.detail).toBe('Mức thu phóng z phải là số nguyên từ 0 đến 22, nhận được "23".');
  });
});

describe('tiles of a closed map (HATANG_ANONYMOUS_READ=false)', () => {
  let db: TestDatabase;
  let app: InProcessApp;
  beforeAll(async () => {
    db = await databaseTargets()[0]!.open();
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db, { env: { HATANG_ANONYMOUS_READ: 'false' } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('asks an anonymous caller to sign in, and serves a signed-in one a privately cached tile', async () => {
    const anonymous = await app.get(S1_TILE);
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toContain('application/problem+json');
    const planner = await signIn(app, 'quyhoach');
    const tile = await tileOf(app, S1_TILE, { cookie: planner.cookie });
    expect(tile.status).toBe(200);
    expect(tile.headers.get('cache-control')).toBe('private, max-age=60, stale-while-revalidate=300');
    expect(tile.headers.get('vary')).toContain('Cookie');
    expect(features(tile.bytes, 'sites').map((f) => f.code)).toEqual(['S1', 'S3']);
  });
});
