import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

let db: TestDatabase;
let app: InProcessApp;
let planner: SignedInClient;
let viettel: SignedInClient;
let vnpt: SignedInClient;

const audit = async (entity: string, code: string) =>
  (await db.knex.raw('SELECT action, actor_name, before, after FROM audit_log WHERE entity = ? AND entity_code = ? ORDER BY id', [entity, code])).rows as {
    action: string;
    actor_name: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }[];
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

describe.each(databaseTargets())('register writes on the $label database', ({ open }) => {
  beforeAll(async () => {
    db = await open();
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db);
    [planner, viettel, vnpt] = await Promise.all([signIn(app, 'quyhoach'), signIn(app, 'viettel.kt'), signIn(app, 'vnpt.kt')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('lets an operator add a BTS of its own on another owner\'s site, standing at the site, audited with the after state', async () => {
    const r = await viettel.request('POST', '/api/bts', {
      body: { code: 'VT-S4-3G', siteCode: 'S4', operator: 'viettel', technology: '3G', bandMHz: 2100, antennaHeightM: 28, eirpDbm: 58, status: 'on_air' },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.headers.get('location')).toBe('/api/bts/VT-S4-3G');
    expect(r.body).toMatchObject({ code: 'VT-S4-3G', siteCode: 'S4', operator: 'viettel', lon: 106.15, lat: 10.15, version: 1, deletedAt: null });
    expect(r.body.sectors).toEqual([{ azimuthDeg: 0, beamwidthDeg: 360, tiltDeg: 0 }]);
    expect(r.body.source).toBe('api:viettel.kt');
    const entries = await audit('bts', 'VT-S4-3G');
    expect(entries.map((e) => [e.action, e.actor_name])).toEqual([['create', 'viettel.kt']]);
    expect(json(entries[0]!.after)).toMatchObject({ code: 'VT-S4-3G', version: 1 });
    // S4 now carries MobiFone and Viettel on air: a shared site.
    const site = await app.get('/api/sites/S4');
    expect(site.body.site.operators).toEqual(['mobifone', 'viettel']);
  });

  it('never answers a stale site detail from a cache: a BTS edit does not change the site\'s version', async () => {
    // fetch() adds Cache-Control: no-cache to a request with If-None-Match (Fetch standard); a browser revalidating sends max-age=0.
    const conditional = { 'if-none-match': '"1"', 'cache-control': 'max-age=0' };
    const detail = await app.get('/api/sites/S4', conditional);
    expect(detail.status).toBe(200);
    // Express's own ETag is a hash of the whole answer (site and BTS), never the site's version alone.
    expect(detail.headers.get('etag')).toMatch(/^W\//);
    expect(detail.headers.get('cache-control')).toBe('no-store');
    const bts = await app.get('/api/bts/VT-S4-3G', conditional);
    expect(bts.status).toBe(304);
  });

  it('builds the new BTS\'s coverage in the same transaction', async () => {
    const n = (await db.knex.raw(`SELECT count(*)::int AS n FROM coverage_footprints f JOIN bts b ON b.id = f.bts_id WHERE b.code = 'VT-S4-3G'`)).rows[0].n;
    expect(n).toBe(1);
  });

  it('refuses an operator\'s BTS for another operator, and an edit of another operator\'s BTS, with 403 and no change', async () => {
    const create = await vnpt.request('POST', '/api/bts', {
      body: { code: 'X-1', siteCode: 'S1', operator: 'viettel', technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 58, status: 'planned' },
    });
    expect(create.status).toBe(403);
    expect(create.type).toContain('application/problem+json');
    expect(create.body.detail).toBe('Tài khoản của vnpt chỉ được thay đổi dữ liệu của vnpt; bản ghi này thuộc viettel.');
    const edit = await vnpt.request('PATCH', '/api/bts/VT-S1-4G', { body: { status: 'decommissioned', version: 1 } });
    expect(edit.status).toBe(403);
    const still = await app.get('/api/bts/VT-S1-4G');
    expect(still.body).toMatchObject({ status: 'on_air', version: 1 });
    expect(await audit('bts', 'X-1')).toEqual([]);
  });

  it('needs the version an edit was based on: 428 without it', async () => {
    const r = await viettel.request('PATCH', '/api/bts/VT-S1-4G', { body: { eirpDbm: 60 } });
    expect(r.status).toBe(428);
    expect(r.body.detail).toContain('Cần gửi phiên bản');
  });

  it('refuses a stale If-Match with 412 and a stale body version with 409, both carrying the current record', async () => {
    const first = await viettel.request('PATCH', '/api/bts/VT-S1-4G', { body: { eirpDbm: 60 }, headers: { 'if-match': '"1"' } });
    expect(first.status, first.text).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    expect(first.body).toMatchObject({ eirpDbm: 60, version: 2 });

    const stale = await planner.request('PATCH', '/api/bts/VT-S1-4G', { body: { eirpDbm: 50 }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect(stale.body).toMatchObject({ currentVersion: 2, current: { code: 'VT-S1-4G', eirpDbm: 60, version: 2 } });
    expect(stale.body.detail).toContain('phiên bản 1, hiện là phiên bản 2');

    const staleBody = await planner.request('PATCH', '/api/bts/VT-S1-4G', { body: { eirpDbm: 50, version: 1 } });
    expect(staleBody.status).toBe(409);
    expect(staleBody.body.current.eirpDbm).toBe(60);
    expect((await app.get('/api/bts/VT-S1-4G')).body.eirpDbm).toBe(60);
  });

  it('of two simultaneous edits of one version, exactly one wins', async () => {
    const [a, b] = await Promise.all([
      viettel.request('PATCH', '/api/bts/VT-S1-4G', { body: { antennaHeightM: 31, version: 2 } }),
      planner.request('PATCH', '/api/bts/VT-S1-4G', { body: { antennaHeightM: 32, version: 2 } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 31 : 32;
    expect((await app.get('/api/bts/VT-S1-4G')).body).toMatchObject({ antennaHeightM: winner, version: 3 });
  });

  it('keeps before and after of an edit in the audit log', async () => {
    const entries = await audit('bts', 'VT-S1-4G');
    expect(entries.map((e) => e.action)).toEqual(['update', 'update']);
    expect(json(entries[0]!.before)).toMatchObject({ eirpDbm: 58, version: 1 });
    expect(json(entries[0]!.after)).toMatchObject({ eirpDbm: 60, version: 2 });
  });

  it('soft-deletes a BTS: gone from the layers and its coverage, kept in its table and the audit log, restorable', async () => {
    const del = await viettel.request('DELETE', '/api/bts/VT-S4-3G', { headers: { 'if-match': '"1"' } });
    expect(del.status, del.text).toBe(200);
    expect(del.body.deletedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await app.get('/api/bts/VT-S4-3G')).status).toBe(404);
    const layer = await app.get('/api/layers/bts');
    expect(layer.body.features.map((f: { properties: { code: string } }) => f.properties.code)).not.toContain('VT-S4-3G');
    expect((await app.get('/api/sites/S4')).body.site.operators).toEqual(['mobifone']);
    const kept = (await db.knex.raw(`SELECT deleted_at IS NOT NULL AS deleted FROM bts_records WHERE code = 'VT-S4-3G'`)).rows;
    expect(kept).toEqual([{ deleted: true }]);
    const fp = (await db.knex.raw(`SELECT count(*)::int AS n FROM coverage_footprints f JOIN bts_records b ON b.id = f.bts_id WHERE b.code = 'VT-S4-3G'`)).rows[0].n;
    expect(fp).toBe(0);
    const again = await viettel.request('POST', '/api/bts', {
      body: { code: 'VT-S4-3G', siteCode: 'S4', operator: 'viettel', technology: '3G', bandMHz: 2100, antennaHeightM: 28, eirpDbm: 58, status: 'on_air' },
    });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('khôi phục');
    const restored = await viettel.request('POST', '/api/bts/VT-S4-3G/restore', { body: { version: 2 } });
    expect(restored.status, restored.text).toBe(200);
    expect(restored.body).toMatchObject({ deletedAt: null, version: 3 });
    expect((await audit('bts', 'VT-S4-3G')).map((e) => e.action)).toEqual(['create', 'delete', 'restore']);
  });

  it('refuses to delete a site that still carries BTS', async () => {
    const r = await planner.request('DELETE', '/api/sites/S4', { body: { version: 1 } });
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain('còn 2 BTS');
  });

  it('moves the BTS on a site with the site, and recomputes their coverage', async () => {
    const r = await viettel.request('PATCH', '/api/sites/S1', { body: { lon: 106.06, version: 1 } });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ lon: 106.06, lat: 10.05, version: 2 });
    const bts = await app.get('/api/bts/VN-S1-3G');
    expect(bts.body).toMatchObject({ lon: 106.06, lat: 10.05, version: 2 });
    // The carried BTS are changed records too: each has its own audit entry naming the site.
    const carried = (await audit('bts', 'VN-S1-3G')).at(-1)!;
    expect(carried).toMatchObject({ action: 'update', actor_name: 'viettel.kt' });
    expect([json(carried.before).lon, json(carried.after).lon]).toEqual([106.05, 106.06]);
    const centres = (
      await db.knex.raw(`SELECT DISTINCT round(ST_X(ST_Centroid(ST_Collect(f.geom)))::numeric, 2)::float8 AS x FROM coverage_footprints f
                           JOIN bts b ON b.id = f.bts_id WHERE b.site_id = (SELECT id FROM sites WHERE code = 'S1') GROUP BY b.id`)
    ).rows.map((row: { x: number }) => row.x);
    expect(centres).toEqual([106.06]);
  });

  it('creates, edits and soft-deletes a fiber route from GeoJSON, measuring its length on the spheroid', async () => {
    const created = await vnpt.request('POST', '/api/fiber', {
      body: { code: 'F-VN-9', operator: 'vnpt', kind: 'access', laying: 'aerial', cores: 24, status: 'planned', geometry: { type: 'LineString', coordinates: [[106.0, 10.0], [106.01, 10.0]] } },
    });
    expect(created.status, created.text).toBe(201);
    // 0.01° of longitude at 10° N on WGS 84: 1,096.5 m.
    expect(created.body.lengthM).toBeCloseTo(1096.5, 0);
    expect(created.body.geometry).toEqual({ type: 'MultiLineString', coordinates: [[[106, 10], [106.01, 10]]] });
    const edited = await vnpt.request('PATCH', '/api/fiber/F-VN-9', { body: { laying: 'underground', version: 1 } });
    expect(edited.body).toMatchObject({ laying: 'underground', version: 2 });
    expect((await viettel.request('DELETE', '/api/fiber/F-VN-9', { body: { version: 2 } })).status).toBe(403);
    expect((await vnpt.request('DELETE', '/api/fiber/F-VN-9', { body: { version: 2 } })).status).toBe(200);
    expect((await app.get('/api/fiber/F-VN-9')).status).toBe(404);
  });

  it('answers bad write bodies with field-level 400s and writes nothing', async () => {
    const before = (await db.knex.raw('SELECT count(*)::int AS n FROM audit_log')).rows[0].n;
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/sites', { code: 'S9', lon: 200, lat: 10, structureType: 'monopole', heightM: 30, owner: 'viettel', status: 'on_air' }, 'lon'],
      ['POST', '/api/sites', { code: 'S9', lon: 106, lat: 10, structureType: 'tree', heightM: 30, owner: 'viettel', status: 'on_air' }, 'structureType'],
      ['POST', '/api/sites', { code: 'S9', lon: 106, lat: 10, structureType: 'monopole', heightM: 30, owner: 'nobody', status: 'on_air' }, 'owner'],
      ['POST', '/api/bts', { code: 'B9', operator: 'viettel', technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 58, status: 'on_air' }, 'lon'],
      ['POST', '/api/bts', { code: 'B9', siteCode: 'S404', operator: 'viettel', technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 58, status: 'on_air' }, 'siteCode'],
      ['PATCH', '/api/bts/VT-S1-2G', { eirpDbm: 'high', version: 1 }, 'eirpDbm'],
      ['PATCH', '/api/bts/VT-S1-2G', { colour: 'red', version: 1 }, 'colour'],
      ['POST', '/api/fiber', { code: 'F9', operator: 'viettel', kind: 'access', laying: 'aerial', cores: 12, status: 'planned', geometry: { type: 'Point', coordinates: [106, 10] } }, 'geometry.type'],
    ];
    for (const [method, path, body, parameter] of cases) {
      const r = await planner.request(method, path, { body });
      expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(r.body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    }
    expect((await db.knex.raw('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before);
  });
});
