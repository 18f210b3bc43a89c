import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom, recomputeAllCoverage } from '../../server/src/coverage/coverage-recompute.js';
import type { ImportRun } from '../../server/src/contracts/import-contracts.js';
import { inferSites } from '../../server/src/sharing/site-inference.js';
import { startInProcessApp, type Answer, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { changedTables, tableChecksums } from '../support/table-checksums.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

/*
 * The import workflow on the register fixture (test/fixtures/register-fixture.ts):
 * province P = 106.0–106.2 E × 10.0–10.2 N; VT-S1-4G (Viettel 4G 1800 on S1, antenna 28 m,
 * EIRP 58 dBm, sectors 0/120/240 of 65°, tilt 4°, on air); VN-S2-4G (VNPT 4G on S2, planned,
 * one sector 90°/65°/4°).
 *
 * bts-good.csv, by hand:
 *   row 2  VT-S1-4G as stored                                  → unchanged
 *   row 3  VT-NEW-1, no site, planned, inside P (106.12, 10.12) → insert
 *   row 4  VN-S2-4G now "Đang phát sóng" (on air)               → update
 */
const header = 'Mã trạm,Mã vị trí,Nhà mạng,Công nghệ,Băng tần (MHz),Độ cao anten (m),EIRP (dBm),Kinh độ,Vĩ độ,Trạng thái,Góc phương vị (độ),Độ rộng búp sóng (độ),Góc ngẩng (độ)';
const goodCsv = [
  header,
  'VT-S1-4G,S1,Viettel,4G,1800,28,58,106.05,10.05,Đang phát sóng,0/120/240,65,4',
  'VT-NEW-1,,Viettel,4G,1800,30,60,106.12,10.12,Quy hoạch,0,360,0',
  'VN-S2-4G,S2,VinaPhone,4G,1800,28,58,106.05,10.15,Đang phát sóng,90,65,4',
].join('\r\n');

/*
 * bts-bad.csv:
 *   row 2  VT-NEW-2 valid                         → insert
 *   row 3  antenna height "ba mươi"               → not a number
 *   row 4  (105.5, 10.1): outside P, and (10.1, 105.5) is not inside either → outside the province
 *   row 5  VT-NEW-2 again                          → duplicate of row 2
 *   row 6  site code S9 that does not exist        → unknown site
 */
const badCsv = [
  header,
  'VT-NEW-2,,Viettel,4G,1800,30,60,106.11,10.11,Quy hoạch,0,360,0',
  'VT-NEW-3,,Viettel,4G,1800,ba mươi,60,106.13,10.13,Quy hoạch,0,360,0',
  'VT-NEW-4,,Viettel,4G,1800,30,60,105.5,10.1,Quy hoạch,0,360,0',
  'VT-NEW-2,,Viettel,4G,1800,30,60,106.11,10.11,Quy hoạch,0,360,0',
  'VT-NEW-5,S9,Viettel,4G,1800,30,60,106.14,10.14,Quy hoạch,0,360,0',
].join('\r\n');

const register = ['site_records', 'bts_records', 'bts_sectors', 'fiber_route_records', 'hamlets', 'admin_units', 'population_clusters',
  'coverage_footprints', 'coverage_unions', 'coverage_union_cells', 'coverage_union_parts', 'hamlet_coverage', 'coverage_gaps', 'physical_sites', 'bts_physical_sites', 'audit_log'];

let db: TestDatabase;
let app: InProcessApp;
let planner: SignedInClient;
let viettel: SignedInClient;
let inspector: SignedInClient;

function upload(client: SignedInClient, layer: string, fileName: string, body: string | Uint8Array, query = ''): Promise<Answer> {
  return client.request('POST', `/api/imports?layer=${layer}&fileName=${encodeURIComponent(fileName)}${query}`, {
    body, headers: { 'content-type': 'application/octet-stream' },
  });
}

/** Polls the run until its commit has finished. */
async function finished(client: SignedInClient, id: number): Promise<ImportRun> {
  for (;;) {
    const r = await client.request('GET', `/api/imports/${id}`);
    expect(r.status).toBe(200);
    const run = r.body as ImportRun;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function registerChecksums() {
  const all = await tableChecksums(db.knex);
  return Object.fromEntries(register.map((t) => [t, all[t] ?? '']));
}

describe.each(databaseTargets())('imports on the $label database', ({ open }) => {
  beforeAll(async () => {
    db = await open();
    const { config } = loadConfig({});
    await recomputeAllCoverage(db.knex, coverageParamsFrom(config));
    await inferSites(db.knex, config.siteInferenceEpsM);
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db, { env: { HATANG_IMPORT_MAX_BYTES: '65536' } });
    [planner, viettel, inspector] = await Promise.all([signIn(app, 'quyhoach'), signIn(app, 'viettel.kt'), signIn(app, 'kiemtra')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('a dry run of an operator list with Vietnamese headers reports one insert, one update and one unchanged row, and writes nothing', async () => {
    const before = await registerChecksums();
    const r = await upload(planner, 'bts', 'bts-good.csv', goodCsv);
    expect(r.status, r.text).toBe(201);
    const run = r.body as ImportRun;
    expect(run.status).toBe('uploaded');
    expect(run.format).toBe('csv');
    expect(run.mapping).toMatchObject({ code: 'Mã trạm', siteCode: 'Mã vị trí', operator: 'Nhà mạng', antennaHeightM: 'Độ cao anten (m)', lon: 'Kinh độ', lat: 'Vĩ độ' });
    expect(run.crs).toMatchObject({ srid: 4326 });
    expect(run.report).toMatchObject({ rows: 3, valid: 3, invalid: 0, inserts: 1, updates: 1, unchanged: 1, errorCount: 0 });
    const changes = (run.report!.preview.features as { properties: { row: number; change: string } }[]).map((f) => [f.properties.row, f.properties.change]);
    expect(changes).toEqual([[2, 'unchanged'], [3, 'insert'], [4, 'update']]);
    expect(run.report!.bbox).toEqual([106.05, 10.05, 106.12, 10.15]);
    expect(changedTables(before, await registerChecksums())).toEqual([]);
  });

  it('committing writes the insert and the update with provenance, rebuilds coverage and audits the import', async () => {
    const run = (await upload(planner, 'bts', 'bts-good.csv', goodCsv)).body as ImportRun;
    const c = await planner.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'all-or-nothing' } });
    expect(c.status, c.text).toBe(202);
    const done = await finished(planner, run.id);
    expect(done.status).toBe('committed');
    expect(done.counts).toEqual({ inserted: 1, updated: 1, unchanged: 1, skipped: 0 });
    const rows = (await db.knex.raw(
      `SELECT b.code, b.status, b.version, b.source, b.import_id, ST_X(b.geom) AS lon, ST_Y(b.geom) AS lat,
              (SELECT count(*)::int FROM coverage_footprints f WHERE f.bts_id = b.id) AS footprints,
              (SELECT string_agg(azimuth_deg::float8 || '/' || beamwidth_deg::float8, ' ' ORDER BY sector_no) FROM bts_sectors x WHERE x.bts_id = b.id) AS sectors
         FROM bts b WHERE b.code IN ('VT-NEW-1', 'VN-S2-4G', 'VT-S1-4G') ORDER BY b.code`,
    )).rows;
    expect(rows).toEqual([
      { code: 'VN-S2-4G', status: 'on_air', version: 2, source: 'bts-good.csv', import_id: run.id, lon: 106.05, lat: 10.15, footprints: 1, sectors: '90/65' },
      { code: 'VT-NEW-1', status: 'planned', version: 1, source: 'bts-good.csv', import_id: run.id, lon: 106.12, lat: 10.12, footprints: 0, sectors: '0/360' },
      { code: 'VT-S1-4G', status: 'on_air', version: 1, source: 'test-fixture', import_id: null, lon: 106.05, lat: 10.05, footprints: 3, sectors: '0/65 120/65 240/65' },
    ]);
    // One footprint per sector of an on-air BTS; the planned one has none.
    // The uncoded new BTS is an inferred site of its own (no site record within ε).
    const inferred = (await db.knex.raw(`SELECT p.site_key FROM bts_physical_sites x JOIN physical_sites p ON p.id = x.physical_site_id JOIN bts b ON b.id = x.bts_id WHERE b.code = 'VT-NEW-1'`)).rows;
    expect(inferred).toEqual([{ site_key: 'SUY-VT-NEW-1' }]);
    const audit = (await db.knex.raw(`SELECT action, entity, entity_code, actor_name, after->>'inserted' AS inserted FROM audit_log WHERE action = 'import'`)).rows;
    expect(audit).toEqual([{ action: 'import', entity: 'bts', entity_code: `import-${run.id}`, actor_name: 'quyhoach', inserted: '1' }]);
    const stored = (await db.knex.raw('SELECT file_bytes IS NULL AS dropped, actor_name, status FROM import_runs WHERE id = ?', [run.id])).rows[0];
    expect(stored).toEqual({ dropped: true, actor_name: 'quyhoach', status: 'committed' });
  });

  it('re-importing the same file is idempotent: every row unchanged and no register row touched', async () => {
    const before = await registerChecksums();
    const run = (await upload(planner, 'bts', 'bts-good.csv', goodCsv)).body as ImportRun;
    expect(run.report).toMatchObject({ inserts: 0, updates: 0, unchanged: 3 });
    await planner.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'all-or-nothing' } });
    expect((await finished(planner, run.id)).counts).toEqual({ inserted: 0, updated: 0, unchanged: 3, skipped: 0 });
    const changed = changedTables(before, await registerChecksums());
    expect(changed).toEqual(['audit_log']);
  });

  it('reports every bad row with its row number and reason, and all or nothing refuses to write any of them', async () => {
    const before = await registerChecksums();
    const run = (await upload(planner, 'bts', 'bts-bad.csv', badCsv)).body as ImportRun;
    expect(run.report).toMatchObject({ rows: 5, valid: 1, invalid: 4, inserts: 1 });
    const byRow = Object.fromEntries(run.report!.errors.map((e) => [e.row, e]));
    expect(Object.keys(byRow).map(Number)).toEqual([3, 4, 5, 6]);
    expect(byRow[3]).toMatchObject({ field: 'antennaHeightM', column: 'Độ cao anten (m)' });
    expect(byRow[4]).toMatchObject({ messageKey: 'import-outside-province', params: { lon: 105.5, lat: 10.1 } });
    expect(byRow[4]!.message).toContain('nằm ngoài tỉnh');
    expect(byRow[5]!.messageKey).toMatch(/duplicate/);
    expect(byRow[6]).toMatchObject({ messageKey: 'import-unknown-site', field: 'siteCode', column: 'Mã vị trí' });
    const refused = await planner.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'all-or-nothing' } });
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.detail).toContain('4/5');
    expect(changedTables(before, await registerChecksums())).toEqual([]);
  });

  it('"valid rows only" writes the valid row and counts the others as skipped', async () => {
    const run = (await upload(planner, 'bts', 'bts-bad.csv', badCsv)).body as ImportRun;
    const c = await planner.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'valid-rows-only' } });
    expect(c.status).toBe(202);
    expect((await finished(planner, run.id)).counts).toEqual({ inserted: 1, updated: 0, unchanged: 0, skipped: 4 });
    expect((await db.knex.raw(`SELECT code FROM bts WHERE code LIKE 'VT-NEW-%' ORDER BY code`)).rows).toEqual([{ code: 'VT-NEW-1' }, { code: 'VT-NEW-2' }]);
  });

  it('the report speaks English when asked', async () => {
    const r = await planner.request('POST', `/api/imports?layer=bts&fileName=b.csv&lang=en`, { body: badCsv, headers: { 'content-type': 'text/csv' } });
    const run = r.body as ImportRun;
    expect(run.report!.errors.find((e) => e.row === 4)!.message).toContain('outside the province');
  });

  it('a corrected column mapping is applied by the next dry run', async () => {
    // "Cao" is no header we know: the antenna height is unmapped until the user maps it.
    const csv = goodCsv.replace('Độ cao anten (m)', 'Cao');
    const run = (await upload(planner, 'bts', 'bts-cao.csv', csv)).body as ImportRun;
    expect(run.mapping.antennaHeightM ?? null).toBeNull();
    expect(run.report!.errorCount).toBeGreaterThan(0);
    const again = await planner.request('POST', `/api/imports/${run.id}/dry-run`, { body: { mapping: { antennaHeightM: 'Cao' } } });
    expect(again.status, again.text).toBe(200);
    expect((again.body as ImportRun).report).toMatchObject({ invalid: 0, unchanged: 3 });
    const unknownColumn = await planner.request('POST', `/api/imports/${run.id}/dry-run`, { body: { mapping: { antennaHeightM: 'Không có' } } });
    expect(unknownColumn.status).toBe(400);
  });

  it('VN-2000 TM-3 coordinates (central meridian 105°45′) are transformed in PostGIS', async () => {
    // X (northing) and Y (easting) of (106.12, 10.12) in our TM-3 105°45' SRID, computed by the database itself;
    // the transformation's correctness against published pairs is test/db/vn2000-transform.test.ts.
    const xy = (await db.knex.raw(`SELECT ST_Y(p) AS x, ST_X(p) AS y FROM ST_Transform(ST_SetSRID(ST_MakePoint(106.12, 10.12), 4326), 910545) p`)).rows[0] as { x: number; y: number };
    const csv = ['Mã vị trí,Loại cột,Độ cao cột (m),Chủ sở hữu,Trạng thái,Tọa độ X,Tọa độ Y',
      `VN2K-1,Cột đơn thân,30,Viettel,Quy hoạch,${xy.x.toFixed(3)},${xy.y.toFixed(3)}`].join('\n');
    const run = (await upload(planner, 'sites', 'vn2000.csv', csv, '&crs=VN2000-TM3:105.75')).body as ImportRun;
    expect(run.crs).toMatchObject({ srid: 910545, source: 'option' });
    expect(run.report).toMatchObject({ inserts: 1, invalid: 0 });
    const [x, y] = (run.report!.preview.features[0] as { geometry: { coordinates: [number, number] } }).geometry.coordinates;
    expect(x).toBeCloseTo(106.12, 6);
    expect(y).toBeCloseTo(10.12, 6);
  });

  it('operators import only their own BTS, and no site, admin unit or hamlet layer', async () => {
    const run = (await upload(viettel, 'bts', 'mine.csv', goodCsv)).body as ImportRun;
    const notMine = run.report!.errors.filter((e) => e.messageKey === 'not-your-operator').map((e) => e.row);
    expect(notMine).toEqual([4]);
    for (const layer of ['sites', 'hamlets', 'admin-units', 'population-clusters']) {
      const r = await upload(viettel, layer, 'x.csv', 'a,b\n1,2');
      expect(r.status).toBe(403);
    }
    expect((await upload(inspector, 'bts', 'x.csv', goodCsv)).status).toBe(403);
  });

  it('a file over the upload limit is a 413 and leaves no trace', async () => {
    const ignoreColumns = { sessions: ['last_seen_at', 'expires_at'] };
    const before = await tableChecksums(db.knex, { ignoreColumns });
    const big = goodCsv + '\r\n' + 'x'.repeat(70_000);
    const r = await upload(planner, 'bts', 'big.csv', big);
    expect(r.status).toBe(413);
    expect(r.type).toContain('application/problem+json');
    expect(changedTables(before, await tableChecksums(db.knex, { ignoreColumns }))).toEqual([]);
  });

  it('cancelling an uploaded import discards it; a second commit of a finished run is a 409', async () => {
    const run = (await upload(planner, 'bts', 'bts-good.csv', goodCsv)).body as ImportRun;
    const cancelled = await planner.request('POST', `/api/imports/${run.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect((cancelled.body as ImportRun).status).toBe('cancelled');
    const again = await planner.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'all-or-nothing' } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('cancelled');
  });

  it('server-sent events follow a commit to its end', async () => {
    const run = (await upload(planner, 'bts', 'bts-good.csv', goodCsv)).body as ImportRun;
    await planner.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'all-or-nothing' } });
    const r = await planner.request('GET', `/api/imports/${run.id}/events`);
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/event-stream');
    const done = r.text.split('\n\n').find((e) => e.startsWith('event: done'))!;
    expect(JSON.parse(done.split('\ndata: ')[1]!)).toMatchObject({ id: run.id, status: 'committed' });
  });

  it('the list of imports shows the planner every run and an operator only its own', async () => {
    const all = (await planner.request('GET', '/api/imports')).body.imports as ImportRun[];
    const mine = (await viettel.request('GET', '/api/imports')).body.imports as ImportRun[];
    expect(all.length).toBeGreaterThan(mine.length);
    expect(mine.every((r) => r.actor === 'viettel.kt')).toBe(true);
    const other = all.find((r) => r.actor === 'quyhoach')!;
    expect((await viettel.request('GET', `/api/imports/${other.id}`)).status).toBe(404);
  });

  it('population clusters upsert by hamlet and cluster number, and their hamlets are re-assessed', async () => {
    // H2's clusters are numbered 1 (1500 people at 106.04, 10.16) and 2 (500 at 106.09, 10.19) in insertion order.
    const csv = ['Mã ấp,Số thứ tự cụm,Dân số,Kinh độ,Vĩ độ', 'H2,1,1500,106.04,10.16', 'H2,2,600,106.09,10.19', 'H1,1,300,106.02,10.02'].join('\n');
    const run = (await upload(planner, 'population-clusters', 'cum-dan-cu.csv', csv)).body as ImportRun;
    expect(run.report).toMatchObject({ rows: 3, inserts: 1, updates: 1, unchanged: 1, invalid: 0 });
    await planner.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'all-or-nothing' } });
    expect((await finished(planner, run.id)).counts).toEqual({ inserted: 1, updated: 1, unchanged: 1, skipped: 0 });
    const rows = (await db.knex.raw(
      `SELECT h.code, c.cluster_no, c.population FROM population_clusters c JOIN hamlets h ON h.id = c.hamlet_id ORDER BY h.code, c.cluster_no`,
    )).rows;
    expect(rows).toEqual([
      { code: 'H1', cluster_no: 1, population: 300 },
      { code: 'H2', cluster_no: 1, population: 1500 },
      { code: 'H2', cluster_no: 2, population: 600 },
    ]);
    const unknown = (await upload(planner, 'population-clusters', 'x.csv', 'Mã ấp,Số thứ tự cụm,Dân số,Kinh độ,Vĩ độ\nH9,1,10,106.02,10.02')).body as ImportRun;
    expect(unknown.report!.errors[0]).toMatchObject({ row: 2, messageKey: 'import-unknown-hamlet', field: 'hamletCode' });
  });

  it('an inspector imports field measurements; the same file again is unchanged', async () => {
    const csv = ['Nhà mạng,Công nghệ,Mức tín hiệu (dBm),Thời gian đo,Kinh độ,Vĩ độ',
      'Viettel,4G,-95,2026-11-20T08:00:00Z,106.05,10.05', 'Viettel,4G,-101.5,2026-11-20T08:01:00Z,106.06,10.05'].join('\n');
    const run = (await upload(inspector, 'measurements', 'do-kiem-11-2026.csv', csv)).body as ImportRun;
    expect(run.report).toMatchObject({ rows: 2, inserts: 2, invalid: 0 });
    await inspector.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'all-or-nothing' } });
    expect((await finished(inspector, run.id)).counts).toMatchObject({ inserted: 2 });
    const rows = (await db.knex.raw(`SELECT batch, signal_dbm FROM field_measurements WHERE import_id = ? ORDER BY measured_at`, [run.id])).rows;
    expect(rows).toEqual([{ batch: 'do-kiem-11-2026.csv', signal_dbm: -95 }, { batch: 'do-kiem-11-2026.csv', signal_dbm: -101.5 }]);
    const again = (await upload(inspector, 'measurements', 'do-kiem-11-2026.csv', csv)).body as ImportRun;
    expect(again.report).toMatchObject({ inserts: 0, unchanged: 2 });
  });
});
