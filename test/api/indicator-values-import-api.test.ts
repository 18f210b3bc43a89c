import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRun, RowProblem } from '../../server/src/contracts/import-contracts.js';
import { readImportPreparation } from '../../server/src/imports/import-preparation.js';
import { startInProcessApp, type Answer, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { changedTables, tableChecksums } from '../support/table-checksums.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

/*
 * Reported indicator values through the web import, on the register fixture (set T, default:
 * province P, communes C1 "Xã Mỹ Phước", C2 "Phường 1", C3 "Thị trấn Cái Bè"; set N: NP, NC1),
 * with the period 2025-Q2 declared first (reporting_periods holds only the years 2019–2030).
 *
 * reported-values.csv (test/fixtures/import-files/, UTF-8 with BOM), by hand:
 *   row 2  households-ftth                 P   "Năm 2024"   "74,6%" → a share: 74.6 % = 0.746
 *   row 3  mobile-broadband-subscriptions  P   "2024"       "95,3"  → per 100 people, as written: 95.3
 *   row 4  the FTTH indicator by its name  C1  "Quý 2/2025" "61,2"  → households-ftth, 2025-Q2, 0.612
 *   row 5  mobile-broadband-speed          C3  "2025-Q2"    "45,8"  → Mbit/s, as written: 45.8
 * reported-values.xlsx: the same rows, the share as 0.746 in a cell formatted 0.0 %, numbers as numbers.
 *
 * reported-values-bad.csv, by hand:
 *   row 2  "abc"                                       → not a number (Giá trị)
 *   row 3  smartphone share "120%"                     → a share over 100 %
 *   row 4  unit C9                                      → no such unit in set T
 *   row 5  "Quý 3/2025" = 2025-Q3                       → a period never declared
 *   row 6  "households-internet"                        → no such indicator
 *   row 7  mobile speed "45%"                           → a percent sign on Mbit/s
 *   row 8  "Quý 5/2025"                                 → not a period
 *   row 9  adults-with-smartphone C2 2024 "80,5"       → valid
 *   row 10 the same indicator, unit and "Năm 2024"     → duplicate of row 9
 *   → 9 rows, 1 valid, 8 invalid; all or nothing writes none.
 */
const dir = path.resolve('test/fixtures/import-files');
const file = (name: string) => fs.readFileSync(path.join(dir, name));
const figures = ['indicator_reported_values', 'reporting_periods', 'audit_log', 'admin_units'];

let db: TestDatabase;
let app: InProcessApp;
let planner: SignedInClient;
let viettel: SignedInClient;
let inspector: SignedInClient;

function upload(client: SignedInClient, fileName: string, body: string | Uint8Array, query = ''): Promise<Answer> {
  return client.request('POST', `/api/imports?layer=indicator-values&fileName=${encodeURIComponent(fileName)}${query}`, {
    body, headers: { 'content-type': 'application/octet-stream' },
  });
}

async function uploaded(fileName: string, body: string | Uint8Array, query = ''): Promise<ImportRun> {
  const r = await upload(planner, fileName, body, query);
  expect(r.status, r.text).toBe(201);
  return r.body as ImportRun;
}

async function commit(id: number): Promise<ImportRun> {
  const c = await planner.request('POST', `/api/imports/${id}/commit`, { body: { mode: 'all-or-nothing' } });
  expect(c.status, c.text).toBe(202);
  for (;;) {
    const run = (await planner.request('GET', `/api/imports/${id}`)).body as ImportRun;
    if (run.status !== 'running') return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function checksums() {
  const all = await tableChecksums(db.knex);
  return Object.fromEntries(figures.map((t) => [t, all[t] ?? '']));
}

async function storedFigures() {
  return (await db.knex.raw(
    `SELECT v.indicator_code AS indicator, u.boundary_set AS set, u.code AS unit, v.period_code AS period, v.value, v.document, v.note,
            v.version, v.source, v.import_id, v.updated_by
       FROM indicator_reported_values v JOIN admin_units u ON u.id = v.unit_id
      ORDER BY v.indicator_code, u.code, v.period_code`,
  )).rows;
}

describe.each(databaseTargets())('reported indicator values import on the $label database', ({ open }) => {
  beforeAll(async () => {
    db = await open();
    await db.knex.raw(`INSERT INTO reporting_periods (code, starts_on, ends_on, source) VALUES ('2025-Q2', '2025-04-01', '2025-06-30', 'test')`);
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db);
    [planner, viettel, inspector] = await Promise.all([signIn(app, 'quyhoach'), signIn(app, 'viettel.kt'), signIn(app, 'kiemtra')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('a dry run maps the Vietnamese headers and counts four inserts, writing nothing', async () => {
    const before = await checksums();
    const run = await uploaded('reported-values.csv', file('reported-values.csv'));
    expect(run.layer).toBe('indicator-values');
    expect(run.mapping).toEqual({
      indicator: 'Mã chỉ tiêu', unit: 'Mã đơn vị hành chính', unitName: 'Tên đơn vị', period: 'Kỳ báo cáo',
      value: 'Giá trị', document: 'Văn bản nguồn', note: 'Ghi chú',
    });
    expect(run.report).toMatchObject({ rows: 4, valid: 4, invalid: 0, inserts: 4, updates: 0, unchanged: 0, errorCount: 0, warningCount: 0, bbox: null });
    // Figures have no position: nothing to preview on the map.
    expect(run.report!.preview.features).toEqual([]);
    expect(changedTables(before, await checksums())).toEqual([]);
  });

  it('committing stores each figure in its measure (74,6 % → 0.746) with provenance and one audit entry', async () => {
    const run = await uploaded('reported-values.csv', file('reported-values.csv'));
    const done = await commit(run.id);
    expect(done.status).toBe('committed');
    expect(done.counts).toEqual({ inserted: 4, updated: 0, unchanged: 0, skipped: 0 });
    const by = { version: 1, source: 'reported-values.csv', import_id: run.id, updated_by: 'quyhoach' };
    expect(await storedFigures()).toEqual([
      { indicator: 'households-ftth', set: 'T', unit: 'C1', period: '2025-Q2', value: 0.612, document: 'Báo cáo quý II/2025 của VNPT', note: 'Số liệu sơ bộ', ...by },
      { indicator: 'households-ftth', set: 'T', unit: 'P', period: '2024', value: 0.746, document: 'Báo cáo 15/BC-STTTT ngày 20/01/2025', note: null, ...by },
      { indicator: 'mobile-broadband-speed', set: 'T', unit: 'C3', period: '2025-Q2', value: 45.8, document: null, note: 'Đo i-Speed, tháng 6/2025', ...by },
      { indicator: 'mobile-broadband-subscriptions', set: 'T', unit: 'P', period: '2024', value: 95.3, document: 'Báo cáo 15/BC-STTTT ngày 20/01/2025', note: null, ...by },
    ]);
    const audit = (await db.knex.raw(`SELECT entity, entity_code, actor_name, after->>'inserted' AS inserted FROM audit_log WHERE action = 'import'`)).rows;
    expect(audit).toEqual([{ entity: 'reported_value', entity_code: `import-${run.id}`, actor_name: 'quyhoach', inserted: '4' }]);
  });

  it('importing the same file again finds every row unchanged and touches no figure', async () => {
    const before = await checksums();
    const run = await uploaded('reported-values.csv', file('reported-values.csv'));
    expect(run.report).toMatchObject({ inserts: 0, updates: 0, unchanged: 4, invalid: 0 });
    expect((await commit(run.id)).counts).toEqual({ inserted: 0, updated: 0, unchanged: 4, skipped: 0 });
    expect(changedTables(before, await checksums())).toEqual(['audit_log']);
  });

  it('the workbook reads to the same rows as the CSV, its percent-formatted 0.746 as 74.6 %', async () => {
    const limits = { maxFileBytes: 1 << 20, maxExpandedBytes: 1 << 22, maxRows: 1000 };
    const read = (name: string) => readImportPreparation(file(name), name, 'indicator-values', {}, [], limits);
    const [csv, xlsx] = await Promise.all([read('reported-values.csv'), read('reported-values.xlsx')]);
    expect(xlsx.parsed.errors).toEqual([]);
    expect(xlsx.parsed.rows).toEqual(csv.parsed.rows);
    expect(csv.parsed.rows.map((r) => r.values.value)).toEqual([0.746, 95.3, 0.612, 45.8]);
    const run = await uploaded('reported-values.xlsx', file('reported-values.xlsx'));
    expect(run.format).toBe('xlsx');
    expect(run.report).toMatchObject({ rows: 4, unchanged: 4, invalid: 0 });
  });

  it('a corrected figure is an update: the value, a new version, the new file as its source', async () => {
    const csv = ['Mã chỉ tiêu,Mã đơn vị hành chính,Kỳ báo cáo,Giá trị', 'households-ftth,P,2024,"75,5"', 'mobile-broadband-subscriptions,P,2024,"95,3"'].join('\n');
    const run = await uploaded('dieu-chinh.csv', csv);
    expect(run.report).toMatchObject({ rows: 2, updates: 1, unchanged: 1, invalid: 0 });
    await commit(run.id);
    const rows = (await storedFigures()).filter((r: { unit: string }) => r.unit === 'P');
    // The file has no document or note column: those stay as they were.
    expect(rows.map((r: Record<string, unknown>) => [r.indicator, r.value, r.version, r.source, r.document])).toEqual([
      ['households-ftth', 0.755, 2, 'dieu-chinh.csv', 'Báo cáo 15/BC-STTTT ngày 20/01/2025'],
      ['mobile-broadband-subscriptions', 95.3, 1, 'reported-values.csv', 'Báo cáo 15/BC-STTTT ngày 20/01/2025'],
    ]);
  });

  it('a bad file lists every problem with its row and column, and all or nothing refuses it (422, nothing written)', async () => {
    const before = await checksums();
    const run = await uploaded('reported-values-bad.csv', file('reported-values-bad.csv'));
    expect(run.report).toMatchObject({ rows: 9, valid: 1, invalid: 8, inserts: 1 });
    const problems = run.report!.errors.map((e: RowProblem) => [e.row, e.field, e.column, e.messageKey]);
    expect(problems).toEqual([
      [2, 'value', 'Giá trị', 'row-number-format'],
      [3, 'value', 'Giá trị', 'row-figure-share-over-100'],
      [4, 'unit', 'Mã đơn vị hành chính', 'import-unknown-unit'],
      [5, 'period', 'Kỳ báo cáo', 'import-unknown-period'],
      [6, 'indicator', 'Mã chỉ tiêu', 'row-enum-value'],
      [7, 'value', 'Giá trị', 'row-figure-percent'],
      [8, 'period', 'Kỳ báo cáo', 'row-period-format'],
      [10, 'indicator', 'Mã chỉ tiêu', 'duplicate-key'],
    ]);
    const byRow = Object.fromEntries(run.report!.errors.map((e: RowProblem) => [e.row, e]));
    expect(byRow[2]!.message).toContain('"abc" không phải là số');
    expect(byRow[3]!.params).toMatchObject({ percent: 120 });
    expect(byRow[3]!.message).toContain('120% lớn hơn 100%');
    expect(byRow[4]!.params).toEqual({ code: 'C9', boundarySet: 'T' });
    expect(byRow[5]!.params).toEqual({ period: '2025-Q3' });
    expect(byRow[7]!.message).toContain('Mbit/s');
    expect(byRow[10]!.params).toMatchObject({ key: 'adults-with-smartphone|C2|2024', firstRow: 9 });
    const english = (await planner.request('GET', `/api/imports/${run.id}?lang=en`)).body as ImportRun;
    expect(english.report!.errors.find((e) => e.row === 3)!.message).toContain('a share of 120% is over 100%');
    expect(english.report!.errors.find((e) => e.row === 5)!.message).toContain('"2025-Q3" has not been declared');
    const refused = await planner.request('POST', `/api/imports/${run.id}/commit`, { body: { mode: 'all-or-nothing' } });
    expect(refused.status).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.detail).toContain('8/9');
    expect(changedTables(before, await checksums())).toEqual([]);
  });

  it('units are looked up in the boundary set the import names, the default set otherwise; English headers map too', async () => {
    const csv = ['Indicator,Unit code,Period,Value,Note', 'households-ftth,NC1,2024,"55,5",merged commune'].join('\n');
    const inDefault = await uploaded('nc1.csv', csv);
    expect(inDefault.mapping).toMatchObject({ indicator: 'Indicator', unit: 'Unit code', period: 'Period', value: 'Value', note: 'Note' });
    expect(inDefault.report!.errors.map((e) => [e.row, e.messageKey, e.params])).toEqual([[2, 'import-unknown-unit', { code: 'NC1', boundarySet: 'T' }]]);
    const inN = await uploaded('nc1.csv', csv, '&boundarySet=N');
    expect(inN.report).toMatchObject({ inserts: 1, invalid: 0 });
    await commit(inN.id);
    expect((await storedFigures()).filter((r: { set: string }) => r.set === 'N').map((r: Record<string, unknown>) => [r.unit, r.value, r.note]))
      .toEqual([['NC1', 0.555, 'merged commune']]);
  });

  it('only planners import figures: an operator and an inspector get 403 and nothing is stored', async () => {
    const before = await tableChecksums(db.knex, { ignoreColumns: { sessions: ['last_seen_at', 'expires_at'] } });
    for (const client of [viettel, inspector]) {
      const r = await upload(client, 'reported-values.csv', file('reported-values.csv'));
      expect(r.status).toBe(403);
      expect(r.body.detail).toContain('indicator-values');
    }
    expect(changedTables(before, await tableChecksums(db.knex, { ignoreColumns: { sessions: ['last_seen_at', 'expires_at'] } }))).toEqual([]);
  });
});
