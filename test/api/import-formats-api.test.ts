import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRun } from '../../server/src/contracts/import-contracts.js';
import { startInProcessApp, type Answer, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { changedTables, tableChecksums } from '../support/table-checksums.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

/*
 * Every format agencies and operators send, through the web import, on the register fixture
 * extended with a second province unit over Tiền Giang (105.8–106.8 E × 10.2–10.6 N) and the
 * district 815 (TP Mỹ Tho) in it, so the fixtures of test/fixtures/import-files/ (three sites
 * and their BTS in Mỹ Tho, Cái Bè and Gò Công; see its README) lie inside the province.
 *
 * The same three sites arrive as GeoJSON first (3 inserts), then as KML, KMZ, a shapefile in
 * VN-2000 TM-3 105°45' and one in VN-2000 / UTM 48N: each of those must read as the same data
 * — every row unchanged (positions within 1e-6°, ≈ 0.1 m, after PostGIS's transformation).
 * Likewise the three BTS: a UTF-8 CSV first, then with a BOM, with semicolons and decimal
 * commas, in Windows-1258, and in both workbooks: unchanged.
 */
const dir = path.resolve('test/fixtures/import-files');
const file = (name: string) => fs.readFileSync(path.join(dir, name));

let db: TestDatabase;
let app: InProcessApp;
let planner: SignedInClient;

function upload(layer: string, name: string, query = ''): Promise<Answer> {
  return planner.request('POST', `/api/imports?layer=${layer}&fileName=${encodeURIComponent(name)}${query}`, {
    body: file(name), headers: { 'content-type': 'application/octet-stream' },
  });
}

async function commit(id: number, mode = 'all-or-nothing'): Promise<ImportRun> {
  const c = await planner.request('POST', `/api/imports/${id}/commit`, { body: { mode } });
  expect(c.status, c.text).toBe(202);
  for (;;) {
    const run = (await planner.request('GET', `/api/imports/${id}`)).body as ImportRun;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function uploaded(layer: string, name: string, query = ''): Promise<ImportRun> {
  const r = await upload(layer, name, query);
  expect(r.status, r.text).toBe(201);
  return r.body as ImportRun;
}

const register = ['site_records', 'bts_records', 'bts_sectors', 'fiber_route_records', 'admin_units', 'hamlets', 'population_clusters', 'field_measurements'];

describe.each(databaseTargets())('import formats on the $label database', ({ open }) => {
  beforeAll(async () => {
    db = await open();
    await db.knex.raw(`
      INSERT INTO admin_units (boundary_set, code, name, level, unit_type, parent_id, geom, source, source_date)
      VALUES ('T', 'P-TG', 'Tỉnh Tiền Giang (thử)', 'province', 'tinh', NULL,
              ST_GeomFromText('MULTIPOLYGON(((105.8 10.2,106.8 10.2,106.8 10.6,105.8 10.6,105.8 10.2)))', 4326), 'test', '2026-01-01');
      INSERT INTO admin_units (boundary_set, code, name, level, unit_type, parent_id, geom, source, source_date)
      VALUES ('T', '815', 'Thành phố Mỹ Tho', 'district', 'thanh_pho', (SELECT id FROM admin_units WHERE boundary_set = 'T' AND code = 'P-TG'),
              ST_GeomFromText('MULTIPOLYGON(((106.3 10.3,106.45 10.3,106.45 10.42,106.3 10.42,106.3 10.3)))', 4326), 'test', '2026-01-01')`);
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db, { env: { HATANG_IMPORT_MAX_EXPANDED_BYTES: String(1024 * 1024) } });
    planner = await signIn(app, 'quyhoach');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('sites from GeoJSON are inserted with their Vietnamese attributes', async () => {
    const run = await uploaded('sites', 'sites.geojson');
    expect(run.format).toBe('geojson');
    expect(run.report).toMatchObject({ rows: 3, inserts: 3, invalid: 0 });
    expect((await commit(run.id)).counts).toMatchObject({ inserted: 3 });
    const rows = (await db.knex.raw(
      `SELECT s.code, s.name, s.structure_type, s.height_m, o.code AS owner, s.status FROM sites s JOIN operators o ON o.id = s.owner_id
        WHERE s.code LIKE 'TG-%' ORDER BY s.code`,
    )).rows;
    expect(rows[0]).toEqual({ code: 'TG-CBE-014', name: 'Trạm Cái Bè 14', structure_type: 'guyed', height_m: 42, owner: 'vnpt', status: 'on_air' });
    expect(rows).toHaveLength(3);
  });

  it.each([
    ['sites.kml', 'kml', ''],
    ['sites.kmz', 'kmz', ''],
    ['sites-vn2000-tm3.zip', 'shapefile', ''],
    ['sites-utm48.zip', 'shapefile', ''],
  ])('the same sites as %s read as the same data: every row unchanged', async (name, format) => {
    const run = await uploaded('sites', name);
    expect(run.format).toBe(format);
    expect(run.report!.errors).toEqual([]);
    expect(run.report).toMatchObject({ rows: 3, unchanged: 3, inserts: 0, updates: 0 });
  });

  it('the shapefiles\' coordinate systems come from their .prj files', async () => {
    expect((await uploaded('sites', 'sites-vn2000-tm3.zip')).crs).toMatchObject({ srid: 910545, source: 'file' });
    expect((await uploaded('sites', 'sites-utm48.zip')).crs).toMatchObject({ srid: 3405, source: 'file' });
  });

  it('BTS from a UTF-8 CSV are inserted on their sites', async () => {
    const run = await uploaded('bts', 'bts-utf8.csv');
    expect(run.report).toMatchObject({ rows: 3, inserts: 3, invalid: 0 });
    expect((await commit(run.id)).counts).toMatchObject({ inserted: 3 });
    const rows = (await db.knex.raw(
      `SELECT b.code, s.code AS site, b.eirp_dbm, b.status FROM bts b JOIN sites s ON s.id = b.site_id WHERE b.code LIKE 'TG-%' ORDER BY b.code`,
    )).rows;
    expect(rows).toEqual([
      { code: 'TG-CBE-014-3G', site: 'TG-CBE-014', eirp_dbm: 56, status: 'on_air' },
      { code: 'TG-GCO-007-2G', site: 'TG-GCO-007', eirp_dbm: 54.2, status: 'planned' },
      { code: 'TG-MTH-001-4G', site: 'TG-MTH-001', eirp_dbm: 58.5, status: 'on_air' },
    ]);
  });

  it.each([
    ['bts-utf8-bom.csv', 'utf-8-bom', ''],
    ['bts-semicolon.csv', 'utf-8', ''],
    ['bts-windows-1258.csv', 'windows-1258', ''],
    ['bts.xlsx', null, '&sheet=BTS'],
    ['bts-first-sheet.xlsx', null, ''],
  ])('the same BTS as %s read as the same data', async (name, encoding, query) => {
    const run = await uploaded('bts', name, query);
    if (encoding) expect(run.encoding).toBe(encoding);
    expect(run.report!.errors).toEqual([]);
    expect(run.report).toMatchObject({ rows: 3, unchanged: 3 });
  });

  it('fiber routes from GeoJSON, then the same from KML unchanged', async () => {
    const run = await uploaded('fiber', 'fiber.geojson');
    expect(run.report).toMatchObject({ rows: 2, inserts: 2, invalid: 0 });
    await commit(run.id);
    const kml = await uploaded('fiber', 'fiber.kml');
    expect(kml.report!.errors).toEqual([]);
    expect(kml.report).toMatchObject({ rows: 2, unchanged: 2 });
    const lengths = (await db.knex.raw(`SELECT code, laying, ST_NumGeometries(geom) AS parts FROM fiber_routes WHERE code LIKE 'TG-%' ORDER BY code`)).rows;
    expect(lengths).toEqual([{ code: 'TG-CQ-001', laying: 'aerial', parts: 1 }, { code: 'TG-CQ-002', laying: 'underground', parts: 1 }]);
  });

  it('communes into a boundary set, then hamlets into them', async () => {
    const communes = await uploaded('admin-units', 'communes.geojson', '&boundarySet=T');
    expect(communes.report!.errors).toEqual([]);
    expect(communes.report).toMatchObject({ rows: 2, inserts: 2 });
    await commit(communes.id);
    const parent = (await db.knex.raw(`SELECT p.code FROM admin_units c JOIN admin_units p ON p.id = c.parent_id WHERE c.code = '28249'`)).rows;
    expect(parent).toEqual([{ code: '815' }]);
    const hamlets = await uploaded('hamlets', 'hamlets.geojson');
    expect(hamlets.report!.errors).toEqual([]);
    expect(hamlets.report).toMatchObject({ rows: 2, inserts: 2 });
    await commit(hamlets.id);
    const rows = (await db.knex.raw(
      `SELECT h.code, h.kind, h.population, h.ref_kind, ST_Covers(h.geom, h.ref_point) AS ref_inside,
              (SELECT count(*)::int FROM hamlet_coverage hc WHERE hc.hamlet_id = h.id) > 0 AS has_verdicts
         FROM hamlets h WHERE h.code LIKE '28249%' ORDER BY h.code`,
    )).rows;
    expect(rows).toEqual([
      { code: '2824901', kind: 'khu_pho', population: 1850, ref_kind: 'centre', ref_inside: true, has_verdicts: true },
      { code: '2824902', kind: 'khu_pho', population: 2210, ref_kind: 'centre', ref_inside: true, has_verdicts: true },
    ]);
  });

  describe('broken files get a clear 4xx and change nothing', () => {
    it.each([
      ['broken-corrupt.zip', 'sites', 400],
      ['broken-missing-shp.zip', 'sites', 400],
      ['broken-zip-bomb.zip', 'sites', 413],
      ['broken.kml', 'sites', 400],
      ['broken.geojson', 'sites', 400],
      ['broken-empty.csv', 'bts', 400],
      ['broken-duplicate-header.csv', 'bts', 400],
      ['bts-tcvn3.csv', 'bts', 400],
      ['legacy.xls', 'bts', 415],
    ])('%s → %s', async (name, layer, status) => {
      const before = await tableChecksums(db.knex, { ignoreColumns: { sessions: ['last_seen_at', 'expires_at'] } });
      const r = await upload(layer, name);
      expect(r.status, r.text).toBe(status);
      expect(r.type).toContain('application/problem+json');
      expect(typeof r.body.detail).toBe('string');
      expect(r.body.detail.length).toBeGreaterThan(10);
      expect(changedTables(before, await tableChecksums(db.knex, { ignoreColumns: { sessions: ['last_seen_at', 'expires_at'] } }))).toEqual([]);
    });

    it('a file whose rows are bad (missing column, bad number, swapped lat/lon, outside, duplicate) is refused at commit with 422 and nothing changes', async () => {
      const csv = [
        'Mã trạm,Nhà mạng,Công nghệ,Băng tần (MHz),Độ cao anten (m),EIRP (dBm),Kinh độ,Vĩ độ,Trạng thái',
        'X-1,Viettel,4G,1800,30,abc,106.36,10.36,Quy hoạch',
        'X-2,Viettel,4G,1800,30,58,10.36,106.36,Quy hoạch',
        'X-3,Viettel,4G,1800,30,58,107.5,11.9,Quy hoạch',
        'X-4,Viettel,4G,1800,30,58,106.37,10.37,Quy hoạch',
        'X-4,Viettel,4G,1800,30,58,106.37,10.37,Quy hoạch',
      ].join('\n');
      const before = await tableChecksums(db.knex);
      const r = await planner.request('POST', '/api/imports?layer=bts&fileName=x.csv', { body: csv, headers: { 'content-type': 'text/csv' } });
      const run = r.body as ImportRun;
      const rowsWithErrors = [...new Set(run.report!.errors.map((e) => e.row))];
      expect(rowsWithErrors).toEqual([2, 4, 6]);
      // Row 3's latitude 106.36 cannot be a latitude: read swapped, with a warning.
      expect(run.report!.warnings.map((w) => w.row)).toContain(3);
      const refused = await planner.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'all-or-nothing' } });
      expect(refused.status).toBe(422);
      const missing = await planner.request('POST', '/api/imports?layer=bts&fileName=y.csv', {
        body: 'Mã trạm,Nhà mạng,Kinh độ,Vĩ độ\nX-9,Viettel,106.36,10.36', headers: { 'content-type': 'text/csv' },
      });
      expect(missing.status).toBe(201);
      expect((missing.body as ImportRun).report!.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['technology', 'bandMHz', 'status']));
      // Without those columns no row can be written, even "valid rows only".
      const run2 = await commit((missing.body as ImportRun).id, 'valid-rows-only');
      expect(run2.counts).toEqual({ inserted: 0, updated: 0, unchanged: 0, skipped: 1 });
      const after = await tableChecksums(db.knex);
      expect(register.filter((t) => before[t] !== after[t])).toEqual([]);
    });
  });
});
