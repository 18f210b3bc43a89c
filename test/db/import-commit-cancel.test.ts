import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom } from '../../server/src/coverage/coverage-recompute.js';
import { jobOf } from '../../server/src/imports/import-jobs.js';
import { commitImport, importRunView, uploadImport, type ImportCaller, type ImportEnvironment } from '../../server/src/imports/import-service.js';
import { importLimitsFrom } from '../../server/src/imports/import-settings.js';
import { discardStaleUploads, failInterruptedRuns } from '../../server/src/imports/import-runs.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { changedTables, tableChecksums } from '../support/table-checksums.js';

/*
 * A commit cancelled while it runs leaves no row behind: 6 000 planned BTS inside the fixture
 * province (106.0–106.2 × 10.0–10.2, a 120 × 50 grid) are written in batches of 5 000, and the
 * writer checks the cancel flag before each batch; the flag is raised as soon as the commit has
 * started, so the first check rolls the whole transaction back.
 */
const rows = ['Mã trạm,Nhà mạng,Công nghệ,Băng tần (MHz),Độ cao anten (m),EIRP (dBm),Kinh độ,Vĩ độ,Trạng thái'];
for (let i = 0; i < 6_000; i++) {
  const lon = 106.001 + (i % 120) * 0.0016;
  const lat = 10.001 + Math.floor(i / 120) * 0.0019;
  rows.push(`CAN-${i},Viettel,4G,1800,30,60,${lon.toFixed(5)},${lat.toFixed(5)},Quy hoạch`);
}
const csv = Buffer.from(rows.join('\n'));

let db: TestDatabase;

describe.each(databaseTargets())('cancelling a running import on the $label database', ({ open }) => {
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('rolls back everything and marks the run cancelled', async () => {
    const { config } = loadConfig({});
    const env: ImportEnvironment = { knex: db.knex, coverage: coverageParamsFrom(config), siteInferenceEpsM: 25, limits: importLimitsFrom(config) };
    const caller: ImportCaller = { actor: null, actorName: 'test', clientIp: null };
    const uploaded = await uploadImport(env, caller, { layer: 'bts', fileName: 'nhieu-tram.csv', bytes: csv, options: {} });
    expect(uploaded.report).toMatchObject({ rows: 6_000, inserts: 6_000, invalid: 0 });
    const before = await tableChecksums(db.knex, { where: { import_runs: 'false' } });
    const { finished } = await commitImport(env, caller, uploaded.id, 'all-or-nothing');
    jobOf(uploaded.id)!.cancelRequested = true;
    await finished;
    const run = await importRunView(env, caller, uploaded.id);
    expect(run.status).toBe('cancelled');
    expect(run.counts).toBeNull();
    expect(changedTables(before, await tableChecksums(db.knex, { where: { import_runs: 'false' } }))).toEqual([]);
    expect((await db.knex.raw(`SELECT count(*)::int AS n FROM bts_records WHERE code LIKE 'CAN-%'`)).rows[0].n).toBe(0);
  });

  it('a run still running when the server starts again was cut off: it is marked failed and its file dropped', async () => {
    const id = (await db.knex.raw(`UPDATE import_runs SET status = 'running' WHERE id = (SELECT max(id) FROM import_runs) RETURNING id`)).rows[0].id as number;
    expect(await failInterruptedRuns(db.knex)).toBe(1);
    const row = (await db.knex.raw('SELECT status, file_bytes IS NULL AS dropped, error->>\'messageKey\' AS key FROM import_runs WHERE id = ?', [id])).rows[0];
    expect(row).toEqual({ status: 'failed', dropped: true, key: 'import-interrupted' });
  });

  it('a large import (over 1,000 BTS) reruns inference over the whole register: each new BTS, 175 m or more from any other, is an inferred site of its own', async () => {
    const { config } = loadConfig({});
    const env: ImportEnvironment = { knex: db.knex, coverage: coverageParamsFrom(config), siteInferenceEpsM: 25, limits: importLimitsFrom(config) };
    const caller: ImportCaller = { actor: null, actorName: 'test', clientIp: null };
    // The first 1,500 rows of the grid above (12.5 rows of 120): 0.0016° ≈ 175 m and 0.0019° ≈ 210 m apart, at
    // 10.001–10.024 N, so more than ε = 25 m from one another and ≥ 2.9 km from every fixture site and BTS (10.05 N and north).
    const bytes = Buffer.from(rows.slice(0, 1501).join('\n'));
    const before = (await db.knex.raw('SELECT count(*)::int AS n FROM physical_sites WHERE inferred')).rows[0].n as number;
    const uploaded = await uploadImport(env, caller, { layer: 'bts', fileName: 'nhieu-tram-1500.csv', bytes, options: {} });
    const { finished } = await commitImport(env, caller, uploaded.id, 'all-or-nothing');
    await finished;
    expect((await importRunView(env, caller, uploaded.id)).counts).toEqual({ inserted: 1500, updated: 0, unchanged: 0, skipped: 0 });
    const after = (await db.knex.raw(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE p.site_key LIKE 'SUY-CAN-%')::int AS mine FROM physical_sites p WHERE p.inferred`,
    )).rows[0] as { n: number; mine: number };
    expect(after).toEqual({ n: before + 1500, mine: 1500 });
  });

  it('a file uploaded and left for more than a day is discarded at the next upload, its bytes dropped', async () => {
    const id = (await db.knex.raw(
      `INSERT INTO import_runs (layer, file_name, file_size, file_sha256, format, file_bytes, status, actor_name, created_at)
       VALUES ('bts', 'cu.csv', 3, repeat('0', 64), 'csv', '\\x616263', 'uploaded', 'test', now() - interval '25 hours') RETURNING id`,
    )).rows[0].id as number;
    await discardStaleUploads(db.knex);
    expect((await db.knex.raw('SELECT status, file_bytes IS NULL AS dropped FROM import_runs WHERE id = ?', [id])).rows[0]).toEqual({ status: 'cancelled', dropped: true });
  });
});
