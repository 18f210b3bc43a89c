import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from '../../server/src/db/database.js';

/*
 * `npm run import` on a copy of the embedded fixture (test/fixtures/register-fixture.ts), as an
 * operator's list arrives by e-mail: the same service as the web import, so the same report and
 * rule. By hand: VT-S1-4G as stored → unchanged; VT-CLI-1 new → insert; VN-S2-4G planned → on
 * air → update. The bad file's row 3 stands at (105.5, 10.1), outside the province.
 */
const run = promisify(execFile);
const header = 'Mã trạm,Mã vị trí,Nhà mạng,Công nghệ,Băng tần (MHz),Độ cao anten (m),EIRP (dBm),Kinh độ,Vĩ độ,Trạng thái,Góc phương vị (độ),Độ rộng búp sóng (độ),Góc ngẩng (độ)';
const good = [header,
  'VT-S1-4G,S1,Viettel,4G,1800,28,58,106.05,10.05,Đang phát sóng,0/120/240,65,4',
  'VT-CLI-1,,Viettel,4G,1800,30,60,106.12,10.12,Quy hoạch,0,360,0',
  'VN-S2-4G,S2,VinaPhone,4G,1800,28,58,106.05,10.15,Đang phát sóng,90,65,4'].join('\n');
const bad = [header,
  'VT-CLI-2,,Viettel,4G,1800,30,60,106.11,10.11,Quy hoạch,0,360,0',
  'VT-CLI-3,,Viettel,4G,1800,30,60,105.5,10.1,Quy hoạch,0,360,0'].join('\n');

let dataDir: string;
let work: string;

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/import.ts', ...args], {
      env: { ...process.env, HATANG_DATA_DIR: dataDir, DATABASE_URL: '', HATANG_LOG_LEVEL: 'silent' }, timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('npm run import', () => {
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-cli-'));
    dataDir = path.join(work, 'data');
    fs.cpSync(inject('embeddedFixtureTemplate'), dataDir, { recursive: true });
    fs.writeFileSync(path.join(work, 'tram-viettel.csv'), good);
    fs.writeFileSync(path.join(work, 'tram-loi.csv'), bad);
  });
  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('a dry run prints the report and writes nothing; the import then writes it, audited as the command line', async () => {
    const dry = await cli(path.join(work, 'tram-viettel.csv'), '--layer', 'bts', '--dry-run');
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toContain('rows 3: valid 3 (insert 1, update 1, unchanged 1), invalid 0');
    const done = await cli(path.join(work, 'tram-viettel.csv'), '--layer', 'bts');
    expect(done.code, done.out).toBe(0);
    expect(done.out).toMatch(/1 inserted, 1 updated, 1 unchanged, 0 skipped/);
    const db = await openDatabase({ databaseUrl: '', dataDir, statementTimeoutMs: 0 });
    try {
      const rows = (await db.knex.raw(`SELECT b.code, b.source, r.actor_name FROM bts b JOIN import_runs r ON r.id = b.import_id ORDER BY b.code`)).rows;
      expect(rows).toEqual([
        { code: 'VN-S2-4G', source: 'tram-viettel.csv', actor_name: `cli:${os.userInfo().username}` },
        { code: 'VT-CLI-1', source: 'tram-viettel.csv', actor_name: `cli:${os.userInfo().username}` },
      ]);
      const audit = (await db.knex.raw(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'import' AND entity = 'bts'`)).rows[0].n;
      expect(audit).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('all or nothing: a file with a bad row exits 1 naming the row, and writes nothing', async () => {
    const r = await cli(path.join(work, 'tram-loi.csv'), '--layer', 'bts');
    expect(r.code).toBe(1);
    expect(r.out).toContain('dòng 3');
    expect(r.out).toContain('nằm ngoài tỉnh');
    expect(r.out).toContain('422');
    const db = await openDatabase({ databaseUrl: '', dataDir, statementTimeoutMs: 0 });
    try {
      expect((await db.knex.raw(`SELECT count(*)::int AS n FROM bts WHERE code LIKE 'VT-CLI-%'`)).rows[0].n).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('imports reported indicator values with their units looked up in the boundary set it names', async () => {
    // NC1 is a unit of set N only; "55,5%" of a share is stored as 0.555.
    const figures = path.join(work, 'so-lieu-chi-tieu.csv');
    fs.writeFileSync(figures, 'Mã chỉ tiêu,Mã đơn vị hành chính,Kỳ báo cáo,Giá trị\nhouseholds-ftth,NC1,Năm 2024,"55,5%"\n');
    const r = await cli(figures, '--layer', 'indicator-values', '--boundary-set', 'N');
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/1 inserted, 0 updated, 0 unchanged, 0 skipped/);
    const db = await openDatabase({ databaseUrl: '', dataDir, statementTimeoutMs: 0 });
    try {
      const rows = (await db.knex.raw(`SELECT u.boundary_set, u.code, v.period_code, v.value, v.source, v.updated_by
                                         FROM indicator_reported_values v JOIN admin_units u ON u.id = v.unit_id`)).rows;
      expect(rows).toEqual([{ boundary_set: 'N', code: 'NC1', period_code: '2024', value: 0.555, source: 'so-lieu-chi-tieu.csv', updated_by: `cli:${os.userInfo().username}` }]);
    } finally {
      await db.close();
    }
  }, 120_000); // one CLI start (tsx, migrations, the import): 15–35 s on a busy two-core machine

  it('refuses an unknown layer with the list of layers', async () => {
    const r = await cli(path.join(work, 'tram-viettel.csv'), '--layer', 'tram');
    expect(r.code).toBe(2);
    expect(r.out).toContain('sites, bts, fiber, admin-units, hamlets, population-clusters, measurements, indicator-values');
  });
});
