import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets, openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';

// OGC API - Features - Part 1 (OGC 17-069r4) on the register fixture
// (test/fixtures/register-fixture.ts); counts and extents read off its drawing.

const core = 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core';
const ids = (fc: { features: { id: string }[] }) => fc.features.map((f) => f.id);
const link = (body: { links: { rel: string; type: string; href: string }[] }, rel: string, type?: string) =>
  body.links.find((l) => l.rel === rel && (type === undefined || l.type === type));

describe.each(databaseTargets())('OGC API - Features on the $label database (fixture)', ({ open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  const path = (href: string) => href.slice(app.base.length);
  beforeAll(async () => {
    db = await open();
    app = await startInProcessApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('serves a landing page linking itself, its HTML alternate, the API definition, conformance and the data', async () => {
    const r = await app.get('/ogc');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/json; charset=utf-8');
    expect(r.body.title).toBe('hatang — hạ tầng viễn thông');
    expect(r.body.links.map((l: any) => [l.rel, l.type, path(l.href)])).toEqual([
      ['self', 'application/json', '/ogc?f=json'],
      ['alternate', 'text/html', '/ogc?f=html'],
      ['service-desc', 'application/vnd.oai.openapi+json;version=3.0', '/ogc/api'],
      ['conformance', 'application/json', '/ogc/conformance'],
      ['data', 'application/json', '/ogc/collections'],
    ]);
    expect(r.body.links.every((l: any) => l.href.startsWith('http://127.0.0.1:'))).toBe(true);
  });

  it('declares the core, GeoJSON, HTML and OpenAPI 3.0 conformance classes, and serves that OpenAPI document', async () => {
    const r = await app.get('/ogc/conformance');
    expect(r.body.conformsTo).toEqual([core, `${core.slice(0, -4)}geojson`, `${core.slice(0, -4)}html`, `${core.slice(0, -4)}oas30`]);
    const api = await app.get('/ogc/api');
    expect(api.type).toBe('application/vnd.oai.openapi+json; version=3.0; charset=utf-8');
    expect(api.body.openapi).toBe('3.0.3');
    const limit = api.body.paths['/collections/{collectionId}/items'].get.parameters.find((p: any) => p.name === 'limit');
    expect(limit.schema).toEqual({ type: 'integer', minimum: 1, maximum: 10000, default: 100 });
  });

  it('lists the collections with Vietnamese titles, item type, CRS84 and extents computed from the data', async () => {
    const r = await app.get('/ogc/collections');
    expect(r.status).toBe(200);
    const byId = Object.fromEntries(r.body.collections.map((c: any) => [c.id, c]));
    expect(Object.keys(byId)).toEqual(['sites', 'bts', 'shared-sites', 'fiber', 'hamlets', 'communes', 'districts', 'gaps', 'coverage']);
    expect(byId.sites).toMatchObject({
      title: 'Vị trí trạm (cột anten)',
      itemType: 'feature',
      crs: ['http://www.opengis.net/def/crs/OGC/1.3/CRS84'],
      // S1 (106.05, 10.05) … S4 (106.15, 10.15).
      extent: { spatial: { bbox: [[106.05, 10.05, 106.15, 10.15]], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84' } },
    });
    // The default set's communes cover the province square; F1 runs 106.0–106.2 at 10.05, F2 reaches 10.18.
    expect(byId.communes.extent.spatial.bbox).toEqual([[106, 10, 106.2, 10.2]]);
    expect(byId.fiber.extent.spatial.bbox).toEqual([[106, 10.05, 106.2, 10.18]]);
    // The fixture has no coverage computed: no uncovered areas, no extent.
    expect(byId.gaps.extent).toBeUndefined();
    expect(path(link(byId.bts, 'items', 'application/geo+json')!.href)).toBe('/ogc/collections/bts/items?f=json');
    expect(path(link(byId.bts, 'items', 'text/html')!.href)).toBe('/ogc/collections/bts/items?f=html');
    const one = await app.get('/ogc/collections/fiber');
    expect(one.body).toMatchObject({ id: 'fiber', title: 'Tuyến cáp quang', extent: byId.fiber.extent });
    expect(path(link(one.body, 'self')!.href)).toBe('/ogc/collections/fiber?f=json');
  });

  it('serves items as GeoJSON with numberMatched, numberReturned and a timeStamp; the limit defaults to 100', async () => {
    const before = Date.now();
    const r = await app.get('/ogc/collections/sites/items');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/geo+json; charset=utf-8');
    expect(r.body).toMatchObject({ type: 'FeatureCollection', numberMatched: 4, numberReturned: 4 });
    expect(ids(r.body)).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(Date.parse(r.body.timeStamp)).toBeGreaterThanOrEqual(before - 1000);
    expect(r.body.features[3]).toEqual({
      type: 'Feature',
      id: 'S4',
      geometry: { type: 'Point', coordinates: [106.15, 10.15] },
      properties: { code: 'S4', name: null, structureType: 'monopole', heightM: 30, owner: 'towerco', address: 'Địa chỉ S4', status: 'on_air' },
    });
    expect(link(r.body, 'next')).toBeUndefined();
    expect(link(r.body, 'prev')).toBeUndefined();
  });

  it('pages with limit and offset, next and prev links keeping the other parameters, every feature once', async () => {
    const first = await app.get('/ogc/collections/bts/items?limit=3&datetime=2026-01-01T00:00:00Z/..');
    expect(ids(first.body)).toEqual(['MB-S3-2G', 'MB-S4-4G', 'VN-S1-3G']);
    expect(first.body).toMatchObject({ numberMatched: 7, numberReturned: 3 });
    expect(path(link(first.body, 'next')!.href)).toBe('/ogc/collections/bts/items?limit=3&datetime=2026-01-01T00%3A00%3A00Z%2F..&offset=3');
    expect(link(first.body, 'prev')).toBeUndefined();
    const seen: string[] = [];
    let page = first.body;
    const offsets: number[] = [];
    for (;;) {
      seen.push(...ids(page));
      const next = link(page, 'next');
      if (!next) break;
      const r = await app.get(path(next.href));
      expect(r.status).toBe(200);
      offsets.push(Number(new URL(next.href).searchParams.get('offset')));
      expect(path(link(r.body, 'prev')!.href)).toContain(`offset=${offsets.at(-1)! - 3}`);
      page = r.body;
    }
    expect(offsets).toEqual([3, 6]);
    expect(seen).toEqual(['MB-S3-2G', 'MB-S4-4G', 'VN-S1-3G', 'VN-S2-4G', 'VT-S1-2G', 'VT-S1-4G', 'VT-S2-4G']);
    expect(page.numberReturned).toBe(1);
    // Past the end: nothing returned, still counted.
    const beyond = await app.get('/ogc/collections/bts/items?offset=50');
    expect(beyond.body).toMatchObject({ numberMatched: 7, numberReturned: 0, features: [] });
  });

  it('keeps the features whose geometry intersects the bbox, not just its bounding box', async () => {
    expect(ids((await app.get('/ogc/collections/sites/items?bbox=106.1,10.0,106.2,10.2')).body)).toEqual(['S3', 'S4']);
    // H3 has no polygon: its reference point (106.15, 10.05) is what the box meets.
    expect(ids((await app.get('/ogc/collections/hamlets/items?bbox=106.14,10.04,106.16,10.06')).body)).toEqual(['H3']);
    // F2 runs diagonally (106.02, 10.12)–(106.08, 10.18): this box is inside its bounding box but off the line
    // (at 106.06–106.08 the line is at 10.16–10.18); the map layer (&& only) keeps it, OGC does not.
    const box = 'bbox=106.06,10.12,106.08,10.13';
    expect((await app.get(`/api/layers/fiber?${box}`)).body.features.map((f: any) => f.properties.code)).toEqual(['F2']);
    const r = await app.get(`/ogc/collections/fiber/items?${box}`);
    expect(r.body).toMatchObject({ numberMatched: 0, numberReturned: 0 });
    expect(ids((await app.get('/ogc/collections/fiber/items?bbox=106.07,10.16,106.09,10.19')).body)).toEqual(['F2']);
    expect(ids((await app.get('/ogc/collections/communes/items?bbox=106.11,10.11,106.12,10.12')).body)).toEqual(['C3']);
  });

  it('serves one feature by its code, and a 404 problem for a code that does not exist', async () => {
    const r = await app.get('/ogc/collections/bts/items/VT-S1-4G');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/geo+json; charset=utf-8');
    expect(r.body).toMatchObject({ type: 'Feature', id: 'VT-S1-4G', properties: { operator: 'viettel', azimuthsDeg: '0/120/240' } });
    expect(path(link(r.body, 'collection')!.href)).toBe('/ogc/collections/bts?f=json');
    const shared = await app.get('/ogc/collections/shared-sites/items/S1');
    expect(shared.body).toMatchObject({ id: 'S1', properties: { operators: ['viettel', 'vnpt'], shared: true } });
    for (const p of ['/ogc/collections/bts/items/VT-S9-4G', '/ogc/collections/shared-sites/items/S2', `/ogc/collections/sites/items/${'x'.repeat(300)}`]) {
      const missing = await app.get(p);
      expect(missing.status, p).toBe(404);
      expect(missing.type).toContain('application/problem+json');
    }
    expect((await app.get('/ogc/collections/bts/items/VT-S9-4G?lang=en')).body.detail).toBe('Collection "bts" has no feature "VT-S9-4G".');
  });

  it('answers HTML to f=html and to a browser\'s Accept header, escaping the data', async () => {
    await db.knex.raw(
      `INSERT INTO site_records (code, name, geom, structure_type, height_m, owner_id, address, status, source, source_date)
       VALUES ('S9', '<script>alert("x")</script>', ST_SetSRID(ST_MakePoint(106.19, 10.19), 4326), 'monopole', 20,
               (SELECT id FROM operators WHERE code = 'viettel'), 'Ấp Mỹ Lợi', 'planned', 'test', DATE '2026-11-20')`,
    );
    try {
      const browser = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
      for (const [p, title] of [
        ['/ogc', 'hatang — hạ tầng viễn thông'],
        ['/ogc/conformance', 'Các lớp chuẩn tuân thủ'],
        ['/ogc/collections', 'Các tập dữ liệu'],
        ['/ogc/collections/sites', 'Vị trí trạm (cột anten)'],
        ['/ogc/collections/sites/items', 'Đối tượng: Vị trí trạm (cột anten)'],
        ['/ogc/collections/sites/items/S9', 'Vị trí trạm (cột anten): S9'],
      ] as const) {
        const r = await app.get(p, browser);
        expect(r.status, p).toBe(200);
        expect(r.type, p).toBe('text/html; charset=utf-8');
        expect(r.text, p).toContain(`<title>${title}</title>`);
        expect(r.text).toContain('<html lang="vi">');
      }
      const page = await app.get('/ogc/collections/sites/items?f=html&limit=2&offset=4');
      expect(page.text).not.toContain('<script>');
      expect(page.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      expect(page.text).toContain('Đối tượng 5–5 trong 5.');
      expect(page.text).toContain('href="http://127.0.0.1:');
      expect(page.text).toContain('limit=2&amp;offset=2">‹ Trang trước</a>');
      // f wins over Accept; GDAL's Accept gets JSON.
      expect((await app.get('/ogc/collections?f=json', browser)).type).toBe('application/json; charset=utf-8');
      expect((await app.get('/ogc/collections/sites/items', { accept: 'application/geo+json, application/json' })).type).toBe('application/geo+json; charset=utf-8');
    } finally {
      await db.knex.raw(`DELETE FROM site_records WHERE code = 'S9'`);
    }
  });

  it('takes a limit above 10 000 as 10 000 (Requirement 22 C) and refuses other misuse with a 400 problem naming the parameter', async () => {
    const big = await app.get('/ogc/collections/bts/items?limit=20000');
    expect(big.status).toBe(200);
    expect(big.body.numberReturned).toBe(7);
    const cases: [string, string][] = [
      ['limit=0', 'limit'], ['limit=-1', 'limit'], ['limit=1.5', 'limit'], ['limit=abc', 'limit'], ['limit=', 'limit'],
      ['offset=-1', 'offset'], ['offset=x', 'offset'], ['offset=99999999999', 'offset'],
      ['bbox=106,10,106.2', 'bbox'], ['bbox=106.2,10,106,10.2', 'bbox'], ['bbox=a,b,c,d', 'bbox'],
      ['f=xml', 'f'], ['datetime=yesterday', 'datetime'], ['datetime=2026-02-30T00:00:00Z', 'datetime'], ['datetime=../..', 'datetime'],
      ['bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326', 'bbox-crs'], ['filter=x', 'filter'], ['limit=1&limit=2', 'limit'],
    ];
    for (const [query, parameter] of cases) {
      const r = await app.get(`/ogc/collections/sites/items?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.type, query).toContain('application/problem+json');
      expect(r.body.errors[0].parameter, query).toBe(parameter);
    }
    for (const p of ['/ogc?limit=5', '/ogc/collections?bbox=1,2,3,4', '/ogc/collections/sites/items/S1?offset=1', '/ogc/conformance?f=yaml']) {
      expect((await app.get(p)).status, p).toBe(400);
    }
    const en = await app.get('/ogc/collections/sites/items?limit=0&lang=en');
    expect(en.body.detail).toBe('limit must be an integer of at least 1 (above 10000 it counts as 10000), got "0".');
  });

  it('answers an unknown collection or path with a 404 problem', async () => {
    const r = await app.get('/ogc/collections/towers/items');
    expect(r.status).toBe(404);
    expect(r.body.detail).toBe('Không có tập dữ liệu (collection) "towers". Các tập có: sites, bts, shared-sites, fiber, hamlets, communes, districts, gaps, coverage.');
    const p = await app.get('/ogc/tiles');
    expect(p.status).toBe(404);
    expect(p.type).toContain('application/problem+json');
  });
});

describe('OGC API of a closed map', () => {
  let db: TestDatabase;
  let app: InProcessApp;
  beforeAll(async () => {
    db = await openEmbeddedFixture();
    app = await startInProcessApp(db, { env: { HATANG_ANONYMOUS_READ: 'false' } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('asks an anonymous client to sign in, as the API does', async () => {
    for (const p of ['/ogc', '/ogc/collections/sites/items']) {
      const r = await app.get(p);
      expect(r.status, p).toBe(401);
      expect(r.headers.get('www-authenticate')).toBe('Bearer realm="hatang"');
    }
  });
});
