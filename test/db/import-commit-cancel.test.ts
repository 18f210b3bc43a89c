import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom } from '../../server/src/coverage/coverage-recompute.js';
import { jobOf } from '../../server/src/imports/import-jobs.js';
import { commitImport, importRunView, uploadImport, type ImportCaller, type ImportEnvironment } from '../../server/src/imports/import-service.js';
import { importLimitsFrom } from '../../server/src/imports/import-settings.js';
import { failInterruptedRuns } from '../../server/src/imports/import-runs.js';
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
});
