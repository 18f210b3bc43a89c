import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorCatalogue } from '../../server/src/indicators/indicator-catalogue.js';
import { appliedTargets, provinceWideTarget } from '../../server/src/indicators/indicator-target-lookup.js';
import { periodOfCode } from '../../server/src/indicators/reporting-period-rules.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { changedTables, tableChecksums, type ChecksumOptions } from '../support/table-checksums.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

// A request refused must leave every table as it was; sessions slide their expiry on each request and count nothing.
const checksumOptions: ChecksumOptions = { ignoreColumns: { sessions: ['last_seen_at', 'expires_at'] } };

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

describe('reporting period codes', () => {
  it('reads a year, a half-year, a quarter and a month, with their first and last days and labels', () => {
    expect(periodOfCode('2023')).toEqual({ code: '2023', kind: 'year', startsOn: '2023-01-01', endsOn: '2023-12-31', label: { vi: 'Năm 2023', en: 'Year 2023' } });
    expect(periodOfCode('2025-H1')).toEqual({
      code: '2025-H1', kind: 'half', startsOn: '2025-01-01', endsOn: '2025-06-30', label: { vi: '6 tháng đầu năm 2025', en: 'First half of 2025' },
    });
    expect(periodOfCode('2025-H2')).toMatchObject({ startsOn: '2025-07-01', endsOn: '2025-12-31', label: { vi: '6 tháng cuối năm 2025', en: 'Second half of 2025' } });
    expect(periodOfCode('2025-Q2')).toEqual({ code: '2025-Q2', kind: 'quarter', startsOn: '2025-04-01', endsOn: '2025-06-30', label: { vi: 'Quý 2/2025', en: 'Q2 2025' } });
    expect(periodOfCode('2025-Q4')).toMatchObject({ startsOn: '2025-10-01', endsOn: '2025-12-31' });
    expect(periodOfCode('2025-06')).toEqual({ code: '2025-06', kind: 'month', startsOn: '2025-06-01', endsOn: '2025-06-30', label: { vi: 'Tháng 6/2025', en: 'June 2025' } });
    // 2024 is a leap year (divisible by 4), 2025 is not; 2000 is (divisible by 400).
    expect(periodOfCode('2024-02')?.endsOn).toBe('2024-02-29');
    expect(periodOfCode('2025-02')?.endsOn).toBe('2025-02-28');
    expect(periodOfCode('2000-02')?.endsOn).toBe('2000-02-29');
    for (const bad of ['2025-Q5', '2025-H3', '2025-13', '2025-00', '2025-6', '1899', '2025Q1', '2025-q1', ' 2025']) expect(periodOfCode(bad), bad).toBeNull();
  });
});

describe.each(databaseTargets())('indicator targets and reporting periods on the $label database', ({ open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  let planner: SignedInClient;
  let viettel: SignedInClient;
  let inspector: SignedInClient;
  let admin: SignedInClient;
  const audit = async (entity: string, code: string) =>
    (await db.knex.raw('SELECT action, actor_name, before, after, summary FROM audit_log WHERE entity = ? AND entity_code = ? ORDER BY id', [entity, code])).rows as {
      action: string; actor_name: string; before: unknown; after: unknown; summary: string | null;
    }[];
  const checksums = () => tableChecksums(db.knex, checksumOptions);

  beforeAll(async () => {
    db = await open();
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db);
    [planner, viettel, inspector, admin] = await Promise.all([signIn(app, 'quyhoach'), signIn(app, 'viettel.kt'), signIn(app, 'kiemtra'), signIn(app, 'quantri')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('reads the registry publicly: the twelve indicators in the catalogue order, no target yet, the years 2019–2030', async () => {
    const r = await app.get('/api/indicator-registry');
    expect(r.status, r.text).toBe(200);
    expect(r.body.indicators.map((i: { code: string }) => i.code)).toEqual(indicatorCatalogue.map((d) => d.code));
    expect(r.body.indicators).toHaveLength(12);
    expect(r.body.indicators[0]).toMatchObject({ ...indicatorCatalogue[0], targets: [] });
    expect(r.body.periods.map((p: { code: string }) => p.code)).toEqual(Array.from({ length: 12 }, (_, i) => String(2019 + i)));
    expect(r.body.periods[4]).toEqual({ code: '2023', kind: 'year', startsOn: '2023-01-01', endsOn: '2023-12-31', label: { vi: 'Năm 2023', en: 'Year 2023' } });
  });

  let allTargetId: number;
  let unitTargetId: number;

  it('lets a planner set a target for every unit, audited with its after state and the planner as author', async () => {
    const r = await planner.request('POST', '/api/indicator-targets', {
      body: { indicator: 'site-sharing-ratio', year: 2025, value: 0.5, document: 'Kế hoạch thử', note: 'ghi chú' },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.body).toMatchObject({ indicator: 'site-sharing-ratio', year: 2025, unit: null, value: 0.5, document: 'Kế hoạch thử', note: 'ghi chú', version: 1, updatedBy: 'quyhoach' });
    expect(r.body.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    allTargetId = r.body.id;
    const row = (await db.knex.raw('SELECT unit_id, updated_by, source FROM indicator_targets WHERE id = ?', [allTargetId])).rows[0];
    expect(row).toEqual({ unit_id: null, updated_by: 'quyhoach', source: 'api:quyhoach' });
    const entries = await audit('indicator_target', String(allTargetId));
    expect(entries.map((e) => [e.action, e.actor_name, e.summary])).toEqual([['create', 'quyhoach', 'site-sharing-ratio 2025 *']]);
    expect(entries[0]!.before).toBeNull();
    expect(json(entries[0]!.after)).toMatchObject({ id: allTargetId, value: 0.5, version: 1 });
  });

  it("sets a unit's own target, in the default boundary set unless another is named", async () => {
    const r = await planner.request('POST', '/api/indicator-targets', { body: { indicator: 'population-4g', year: 2025, unit: 'C1', value: 0.9 } });
    expect(r.status, r.text).toBe(201);
    expect(r.body.unit).toEqual({ boundarySet: 'T', code: 'C1', name: expect.any(String), level: 'commune' });
    expect(r.body).toMatchObject({ document: null, note: null });
    unitTargetId = r.body.id;
    const other = await planner.request('POST', '/api/indicator-targets', { body: { indicator: 'population-4g', year: 2025, boundarySet: 'N', unit: 'NC1', value: 0.8 } });
    expect(other.status, other.text).toBe(201);
    expect(other.body.unit).toMatchObject({ boundarySet: 'N', code: 'NC1' });
    // The registry lists both under population-4g, ordered by unit (boundary set N before T).
    const registry = await app.get('/api/indicator-registry');
    const pop4g = registry.body.indicators.find((i: { code: string }) => i.code === 'population-4g');
    expect(pop4g.targets.map((t: { unit: { code: string } }) => t.unit.code)).toEqual(['NC1', 'C1']);
    const sharing = registry.body.indicators.find((i: { code: string }) => i.code === 'site-sharing-ratio');
    expect(sharing.targets).toEqual([expect.objectContaining({ id: allTargetId, unit: null, value: 0.5 })]);
  });

  it('the applied target of C1 for population-4g is its own; of C2 none; site sharing holds for every unit', async () => {
    const ids = Object.fromEntries((await db.knex.raw(`SELECT code, id FROM admin_units WHERE boundary_set = 'T'`)).rows.map((r: { code: string; id: number }) => [r.code, r.id]));
    const applied = await appliedTargets(db.knex, [ids.C1, ids.C2]);
    expect(applied.get(ids.C1)!.get('population-4g')).toEqual({ value: 0.9, year: 2025, scope: 'unit', document: null });
    expect(applied.get(ids.C2)!.has('population-4g')).toBe(false);
    expect(applied.get(ids.C2)!.get('site-sharing-ratio')).toEqual({ value: 0.5, year: 2025, scope: 'all', document: 'Kế hoạch thử' });
  });

  it('the sharing endpoint takes its target from the every-unit site-sharing target of the latest year', async () => {
    const r = await app.get('/api/sharing?level=district&boundarySet=T');
    expect(r.status, r.text).toBe(200);
    expect(r.body.target).toBe(0.5);
  });

  it('edits a target with If-Match, bumping its version; the audit keeps before and after', async () => {
    const r = await planner.request('PATCH', `/api/indicator-targets/${allTargetId}`, { body: { value: 0.6, note: null }, headers: { 'if-match': '"1"' } });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('etag')).toBe('"2"');
    expect(r.body).toMatchObject({ value: 0.6, note: null, document: 'Kế hoạch thử', year: 2025, version: 2 });
    const entries = await audit('indicator_target', String(allTargetId));
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(json(entries[1]!.before)).toMatchObject({ value: 0.5, note: 'ghi chú', version: 1 });
    expect(json(entries[1]!.after)).toMatchObject({ value: 0.6, note: null, version: 2 });
  });

  it('refuses a stale version (412 If-Match, 409 body) and a missing one (428), changing nothing', async () => {
    const before = await checksums();
    const ifMatch = await planner.request('PATCH', `/api/indicator-targets/${allTargetId}`, { body: { value: 0.7 }, headers: { 'if-match': '"1"' } });
    expect(ifMatch.status).toBe(412);
    expect(ifMatch.body).toMatchObject({ currentVersion: 2, current: { id: allTargetId, value: 0.6 } });
    const body = await planner.request('PATCH', `/api/indicator-targets/${allTargetId}`, { body: { value: 0.7, version: 1 } });
    expect(body.status).toBe(409);
    const none = await planner.request('PATCH', `/api/indicator-targets/${allTargetId}`, { body: { value: 0.7 } });
    expect(none.status).toBe(428);
    const del = await planner.request('DELETE', `/api/indicator-targets/${allTargetId}`, { headers: { 'if-match': '"1"' } });
    expect(del.status).toBe(412);
    expect(changedTables(before, await checksums())).toEqual([]);
  });

  it('refuses planners\' writes to every other role (403) and to nobody (401), changing nothing', async () => {
    const before = await checksums();
    const create = { indicator: 'site-sharing-ratio', year: 2026, value: 0.4 };
    for (const who of [viettel, inspector, admin]) {
      const r = await who.request('POST', '/api/indicator-targets', { body: create });
      expect(r.status, `${who.username}: ${r.text}`).toBe(403);
      expect(r.type).toContain('application/problem+json');
      expect((await who.request('PATCH', `/api/indicator-targets/${allTargetId}`, { body: { value: 0.1, version: 2 } })).status).toBe(403);
      expect((await who.request('DELETE', `/api/indicator-targets/${allTargetId}`, { body: { version: 2 } })).status).toBe(403);
      expect((await who.request('POST', '/api/reporting-periods', { body: { code: '2026-Q1' } })).status).toBe(403);
    }
    const anonymous = await app.request('POST', '/api/indicator-targets', { body: create });
    expect(anonymous.status).toBe(401);
    expect((await app.request('PATCH', `/api/indicator-targets/${allTargetId}`, { body: { value: 0.1, version: 2 } })).status).toBe(401);
    expect((await app.request('POST', '/api/reporting-periods', { body: { code: '2026-Q1' } })).status).toBe(401);
    expect(changedTables(before, await checksums())).toEqual([]);
  });

  it('refuses every bad target with a 4xx problem naming the field, changing nothing', async () => {
    const before = await checksums();
    const post = (body: Record<string, unknown>) => planner.request('POST', '/api/indicator-targets?lang=en', { body });
    const valid = { indicator: 'hamlets-mobile-broadband', year: 2025, value: 0.95 };
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ ...valid, value: 'abc' }, 400, 'value'],
      [{ ...valid, value: '12,5' }, 400, 'value'],
      [{ ...valid, value: '0.5' }, 400, 'value'],
      [{ ...valid, value: -0.1 }, 400, 'value'],
      // 1.2 of a share is 120 %.
      [{ ...valid, value: 1.2 }, 422, 'value', 'indicator-value-share-over-100'],
      // Mbit/s: at most 100,000.
      [{ ...valid, indicator: 'mobile-broadband-speed', value: 200_000 }, 422, 'value', 'indicator-value-too-large'],
      [{ ...valid, indicator: 'no-such-indicator' }, 400, 'indicator', 'unknown-indicator'],
      [{ ...valid, unit: 'C9' }, 400, 'unit', 'unknown-unit'],
      // NC1 is a unit of set N, not of the default T.
      [{ ...valid, unit: 'NC1' }, 400, 'unit', 'unknown-unit'],
      [{ ...valid, unit: 'C1', boundarySet: 'X' }, 400, 'boundarySet', 'unknown-boundary-set'],
      [{ ...valid, boundarySet: 'T' }, 400, 'boundarySet', 'target-boundary-set-without-unit'],
      [{ ...valid, year: 1999 }, 400, 'year'],
      [{ ...valid, year: 2025.5 }, 400, 'year'],
      [{ ...valid, extra: 1 }, 400, 'extra'],
      // The every-unit site-sharing target of 2025 exists already.
      [{ indicator: 'site-sharing-ratio', year: 2025, value: 0.2 }, 409, 'year', 'indicator-target-taken-all'],
      [{ indicator: 'population-4g', year: 2025, unit: 'C1', value: 0.2 }, 409, 'year', 'indicator-target-taken'],
    ];
    for (const [body, status, parameter, key] of cases) {
      const r = await post(body);
      expect(r.status, `${JSON.stringify(body)}: ${r.text}`).toBe(status);
      expect(r.type).toContain('application/problem+json');
      expect(r.body.errors.map((e: { parameter: string }) => e.parameter), JSON.stringify(body)).toContain(parameter);
      if (key) expect(r.body.type).toBe(`urn:hatang:problem:${key}`);
    }
    const over = await planner.request('POST', '/api/indicator-targets', { body: { ...valid, value: 1.2 } });
    expect(over.body.detail).toBe('Giá trị 120% vượt quá 100%: chỉ tiêu này là một tỷ lệ (gửi 0,746 cho 74,6%).');
    // Edits: a share over 100 %, not a number, moving C1's 2026 target onto the year of its 2025 one, a field edits do not take, a bad id.
    const second = await planner.request('POST', '/api/indicator-targets', { body: { indicator: 'population-4g', year: 2026, unit: 'C1', value: 0.95 } });
    expect(second.status).toBe(201);
    const mid = await checksums();
    const patches: [string, Record<string, unknown>, number, string][] = [
      [`/api/indicator-targets/${allTargetId}`, { value: 1.5, version: 2 }, 422, 'value'],
      [`/api/indicator-targets/${allTargetId}`, { value: 'abc', version: 2 }, 400, 'value'],
      [`/api/indicator-targets/${second.body.id}`, { year: 2025, version: 1 }, 409, 'year'],
      [`/api/indicator-targets/${allTargetId}`, { indicator: 'population-5g', version: 2 }, 400, 'indicator'],
      ['/api/indicator-targets/abc', { value: 0.5, version: 1 }, 400, 'id'],
    ];
    for (const [path, body, status, parameter] of patches) {
      const r = await planner.request('PATCH', path, { body });
      expect(r.status, `${path} ${JSON.stringify(body)}: ${r.text}`).toBe(status);
      expect(r.body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    }
    const missing = await planner.request('PATCH', '/api/indicator-targets/999999', { body: { value: 0.5, version: 1 } });
    expect(missing.status).toBe(404);
    expect((await planner.request('DELETE', '/api/indicator-targets/999999', { body: { version: 1 } })).status).toBe(404);
    expect(changedTables(mid, await checksums())).toEqual([]);
    expect(changedTables(before, mid).sort()).toEqual(['audit_log', 'indicator_targets']);
  });

  it('of two simultaneous creates of one target, exactly one wins', async () => {
    const body = { indicator: 'households-ftth', year: 2027, value: 0.5 };
    const [a, b] = await Promise.all([
      planner.request('POST', '/api/indicator-targets', { body }),
      planner.request('POST', '/api/indicator-targets', { body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect((await db.knex.raw(`SELECT count(*)::int AS n FROM indicator_targets WHERE indicator_code = 'households-ftth'`)).rows[0].n).toBe(1);
  });

  it('deletes a target with its version, audited with the state before', async () => {
    const r = await planner.request('DELETE', `/api/indicator-targets/${unitTargetId}`, { body: { version: 1 } });
    expect(r.status, r.text).toBe(204);
    expect((await db.knex.raw('SELECT count(*)::int AS n FROM indicator_targets WHERE id = ?', [unitTargetId])).rows[0].n).toBe(0);
    const entries = await audit('indicator_target', String(unitTargetId));
    expect(entries.map((e) => e.action)).toEqual(['create', 'delete']);
    expect(json(entries[1]!.before)).toMatchObject({ id: unitTargetId, value: 0.9, unit: { code: 'C1' } });
    expect(entries[1]!.after).toBeNull();
    // Without the every-unit target the sharing endpoint falls back to the configuration (HATANG_SHARING_TARGET, 0.3).
    expect((await planner.request('DELETE', `/api/indicator-targets/${allTargetId}`, { headers: { 'if-match': '"2"' } })).status).toBe(204);
    expect(await provinceWideTarget(db.knex, 'site-sharing-ratio')).toBeNull();
    expect((await app.get('/api/sharing?level=district&boundarySet=T')).body.target).toBe(0.3);
  });

  it('declares reporting periods with dates from the code, audited; duplicates and malformed codes refused', async () => {
    const q2 = await planner.request('POST', '/api/reporting-periods', { body: { code: '2025-Q2' } });
    expect(q2.status, q2.text).toBe(201);
    expect(q2.body).toEqual({ code: '2025-Q2', kind: 'quarter', startsOn: '2025-04-01', endsOn: '2025-06-30', label: { vi: 'Quý 2/2025', en: 'Q2 2025' } });
    expect((await planner.request('POST', '/api/reporting-periods', { body: { code: '2025-H1' } })).status).toBe(201);
    expect((await planner.request('POST', '/api/reporting-periods', { body: { code: '2024-02' } })).body).toMatchObject({ endsOn: '2024-02-29', label: { vi: 'Tháng 2/2024', en: 'February 2024' } });
    const row = (await db.knex.raw(`SELECT source FROM reporting_periods WHERE code = '2025-Q2'`)).rows[0];
    expect(row.source).toBe('api:quyhoach');
    const entries = await audit('reporting_period', '2025-Q2');
    expect(entries.map((e) => [e.action, e.actor_name])).toEqual([['create', 'quyhoach']]);
    expect(json(entries[0]!.after)).toMatchObject({ code: '2025-Q2', kind: 'quarter' });

    const before = await checksums();
    for (const [code, status] of [['2025-Q2', 409], ['2023', 409], ['2025-Q5', 400], ['2025-13', 400], ['25', 400], [2025, 400], ['2025-H1 ', 400]] as const) {
      const r = await planner.request('POST', '/api/reporting-periods', { body: { code } });
      expect(r.status, `${code}: ${r.text}`).toBe(status);
      expect(r.body.errors.map((e: { parameter: string }) => e.parameter)).toContain('code');
    }
    expect((await planner.request('POST', '/api/reporting-periods', { body: { code: '2026', label: 'x' } })).status).toBe(400);
    expect(changedTables(before, await checksums())).toEqual([]);

    // The longer period first among those starting the same day: 2025, 2025-H1, then 2025-Q2.
    const list = await app.get('/api/reporting-periods');
    expect(list.status).toBe(200);
    expect(list.body.periods.map((p: { code: string }) => p.code)).toEqual([
      '2019', '2020', '2021', '2022', '2023', '2024', '2024-02', '2025', '2025-H1', '2025-Q2', '2026', '2027', '2028', '2029', '2030',
    ]);
    expect(list.body.periods.find((p: { code: string }) => p.code === '2025-H1').label).toEqual({ vi: '6 tháng đầu năm 2025', en: 'First half of 2025' });
  });

  it('answers an unknown query parameter with a 400', async () => {
    for (const path of ['/api/indicator-registry?unit=C1', '/api/reporting-periods?year=2025']) {
      const r = await app.get(path);
      expect(r.status, path).toBe(400);
    }
  });
});
