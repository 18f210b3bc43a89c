import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { changedTables, tableChecksums, type ChecksumOptions } from '../support/table-checksums.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

// A request refused must leave every table as it was; sessions slide their expiry on each request and count nothing.
const checksumOptions: ChecksumOptions = { ignoreColumns: { sessions: ['last_seen_at', 'expires_at'] } };

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

describe.each(databaseTargets())('reported values on the $label database', ({ open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  let planner: SignedInClient;
  let viettel: SignedInClient;
  let inspector: SignedInClient;
  const audit = async (code: string) =>
    (await db.knex.raw(`SELECT action, actor_name, before, after, summary FROM audit_log WHERE entity = 'reported_value' AND entity_code = ? ORDER BY id`, [code]))
      .rows as { action: string; actor_name: string; before: unknown; after: unknown; summary: string | null }[];
  const checksums = () => tableChecksums(db.knex, checksumOptions);

  beforeAll(async () => {
    db = await open();
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db);
    [planner, viettel, inspector] = await Promise.all([signIn(app, 'quyhoach'), signIn(app, 'viettel.kt'), signIn(app, 'kiemtra')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  let speedId: number;
  let officialId: number;

  it('lets a planner enter a reported value for a unit and period, with provenance and an audit entry', async () => {
    const r = await planner.request('POST', '/api/reported-values', {
      body: { indicator: 'mobile-broadband-speed', period: '2023', unit: 'C1', value: 30, document: 'Báo cáo i-Speed 2023' },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.headers.get('etag')).toBe('"1"');
    expect(r.body).toMatchObject({
      indicator: 'mobile-broadband-speed', period: '2023', value: 30, document: 'Báo cáo i-Speed 2023', note: null,
      unit: { boundarySet: 'T', code: 'C1', level: 'commune' }, version: 1, updatedBy: 'quyhoach', source: 'api:quyhoach', importId: null,
    });
    speedId = r.body.id;
    const entries = await audit(String(speedId));
    expect(entries.map((e) => [e.action, e.actor_name, e.summary])).toEqual([['create', 'quyhoach', 'mobile-broadband-speed 2023 T/C1']]);
    expect(json(entries[0]!.after)).toMatchObject({ id: speedId, value: 30, version: 1 });
  });

  it('takes the official figure of a computed indicator too (the plan\'s 100 % of hamlets covered in 2023)', async () => {
    const r = await planner.request('POST', '/api/reported-values', { body: { indicator: 'hamlets-mobile-broadband', period: '2023', unit: 'P', value: 1 } });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ indicator: 'hamlets-mobile-broadband', unit: { code: 'P', level: 'province' }, value: 1 });
    officialId = r.body.id;
    // A unit of the other boundary set, named with it.
    const n = await planner.request('POST', '/api/reported-values', { body: { indicator: 'households-ftth', period: '2024', boundarySet: 'N', unit: 'NC1', value: 0.42 } });
    expect(n.status, n.text).toBe(201);
    expect(n.body.unit).toMatchObject({ boundarySet: 'N', code: 'NC1' });
  });

  it('lists reported values publicly, filtered by indicator, boundary set, unit and period', async () => {
    const all = await app.get('/api/reported-values');
    expect(all.status, all.text).toBe(200);
    // Catalogue order: hamlets-mobile-broadband (computed, first), mobile-broadband-speed, households-ftth (last).
    expect(all.body.values.map((v: { indicator: string }) => v.indicator)).toEqual(['hamlets-mobile-broadband', 'mobile-broadband-speed', 'households-ftth']);
    const ids = async (query: string) => ((await app.get(`/api/reported-values?${query}`)).body.values as { id: number }[]).map((v) => v.id);
    expect(await ids('indicator=mobile-broadband-speed')).toEqual([speedId]);
    expect(await ids('unit=C1')).toEqual([speedId]);
    expect(await ids('boundarySet=T&period=2023')).toEqual([officialId, speedId]);
    const inN = await ids('boundarySet=N');
    expect(inN).toHaveLength(1);
    expect(await ids('unit=NC1&boundarySet=N')).toEqual(inN);
    expect(await ids('unit=NC1&boundarySet=N&indicator=mobile-broadband-speed')).toEqual([]);
    expect(await ids('period=2024&boundarySet=T')).toEqual([]);
  });

  it('refuses bad filters with a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['indicator=no-such-indicator', 'indicator'],
      ['unit=C9', 'unit'],
      // NC1 is a unit of set N; without boundarySet, a unit is looked up in the default set T.
      ['unit=NC1', 'unit'],
      ['unit=C1&boundarySet=N', 'unit'],
      ['boundarySet=X', 'boundarySet'],
      ['period=2023-13', 'period'],
      ['period=2031', 'period'],
      ['period=abc', 'period'],
      ['year=2023', 'year'],
      ['period=2023&period=2024', 'period'],
    ];
    for (const [query, parameter] of cases) {
      const r = await app.get(`/api/reported-values?${query}`);
      expect(r.status, `${query}: ${r.text}`).toBe(400);
      expect(r.body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    }
  });

  it('edits a value with its body version; the audit keeps before and after; the provenance names the editor', async () => {
    await db.knex.raw(`UPDATE indicator_reported_values SET source = 'tep-nhap.xlsx', updated_by = 'someone' WHERE id = ?`, [speedId]);
    const r = await planner.request('PATCH', `/api/reported-values/${speedId}`, { body: { value: 32.5, note: 'Đã đối chiếu', version: 1 } });
    expect(r.status, r.text).toBe(200);
    expect(r.headers.get('etag')).toBe('"2"');
    expect(r.body).toMatchObject({ value: 32.5, note: 'Đã đối chiếu', document: 'Báo cáo i-Speed 2023', version: 2, source: 'api:quyhoach', updatedBy: 'quyhoach' });
    const entries = await audit(String(speedId));
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(json(entries[1]!.before)).toMatchObject({ value: 30, note: null, version: 1, source: 'tep-nhap.xlsx' });
    expect(json(entries[1]!.after)).toMatchObject({ value: 32.5, version: 2 });
  });

  it('refuses every bad reported value with a 4xx problem naming the field, changing nothing', async () => {
    const before = await checksums();
    const valid = { indicator: 'smartphone-subscription-share', period: '2023', unit: 'C2', value: 0.746 };
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ ...valid, value: 'abc' }, 400, 'value'],
      [{ ...valid, value: '12,5' }, 400, 'value'],
      [{ ...valid, value: null }, 400, 'value'],
      [{ ...valid, value: -1 }, 400, 'value'],
      // 1.2 of a share is 120 %.
      [{ ...valid, value: 1.2 }, 422, 'value', 'indicator-value-share-over-100'],
      // Subscriptions per 100 people: at most 1,000.
      [{ ...valid, indicator: 'mobile-broadband-subscriptions', value: 7685 }, 422, 'value', 'indicator-value-too-large'],
      [{ ...valid, indicator: 'no-such-indicator' }, 400, 'indicator', 'unknown-indicator'],
      [{ ...valid, unit: 'C9' }, 400, 'unit', 'unknown-unit'],
      [{ ...valid, unit: 'C1', boundarySet: 'N' }, 400, 'unit', 'unknown-unit'],
      [{ ...valid, boundarySet: 'X' }, 400, 'boundarySet', 'unknown-boundary-set'],
      [{ ...valid, period: '2023-13' }, 400, 'period', 'period-format'],
      [{ ...valid, period: 'năm 2023' }, 400, 'period', 'period-format'],
      // Well formed, not declared.
      [{ ...valid, period: '2031' }, 400, 'period', 'unknown-period'],
      [{ ...valid, period: '2023-Q1' }, 400, 'period', 'unknown-period'],
      [{ ...valid, unit: undefined }, 400, 'unit'],
      [{ ...valid, importId: 1 }, 400, 'importId'],
      // The speed of C1 in 2023 is there already.
      [{ indicator: 'mobile-broadband-speed', period: '2023', unit: 'C1', value: 28 }, 409, 'period', 'reported-value-taken'],
    ];
    for (const [body, status, parameter, key] of cases) {
      const r = await planner.request('POST', '/api/reported-values', { body });
      expect(r.status, `${JSON.stringify(body)}: ${r.text}`).toBe(status);
      expect(r.type).toContain('application/problem+json');
      expect(r.body.errors.map((e: { parameter: string }) => e.parameter), JSON.stringify(body)).toContain(parameter);
      if (key) expect(r.body.type).toBe(`urn:hatang:problem:${key}`);
    }
    const en = await planner.request('POST', '/api/reported-values?lang=en', { body: { ...valid, value: 1.2 } });
    expect(en.body.detail).toBe('The value 120% is over 100%: this indicator is a share (send 0.746 for 74.6%).');
    const patches: [string, Record<string, unknown>, Record<string, string>, number, string][] = [
      // The official hamlet figure is a share: 1.01 is 101 %.
      [`/api/reported-values/${officialId}`, { value: 1.01, version: 1 }, {}, 422, 'value'],
      [`/api/reported-values/${officialId}`, { value: '1', version: 1 }, {}, 400, 'value'],
      [`/api/reported-values/${officialId}`, { period: '2024', version: 1 }, {}, 400, 'period'],
      [`/api/reported-values/${officialId}`, { value: 0.9, version: 2 }, { 'if-match': '"1"' }, 400, 'version'],
      ['/api/reported-values/1.5', { value: 0.9, version: 1 }, {}, 400, 'id'],
    ];
    for (const [path, body, headers, status, parameter] of patches) {
      const r = await planner.request('PATCH', path, { body, headers });
      expect(r.status, `${path} ${JSON.stringify(body)}: ${r.text}`).toBe(status);
      expect(r.body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    }
    expect((await planner.request('PATCH', `/api/reported-values/${speedId}`, { body: { value: 1 }, headers: { 'if-match': '"1"' } })).status).toBe(412);
    expect((await planner.request('PATCH', `/api/reported-values/${speedId}`, { body: { value: 1, version: 1 } })).status).toBe(409);
    expect((await planner.request('PATCH', `/api/reported-values/${speedId}`, { body: { value: 1 } })).status).toBe(428);
    expect((await planner.request('DELETE', `/api/reported-values/${speedId}`, { body: { version: 1 } })).status).toBe(409);
    expect((await planner.request('PATCH', '/api/reported-values/999999', { body: { value: 1, version: 1 } })).status).toBe(404);
    expect((await planner.request('DELETE', '/api/reported-values/999999', { headers: { 'if-match': '"1"' } })).status).toBe(404);
    expect(changedTables(before, await checksums())).toEqual([]);
  });

  it('refuses writes to operators and inspectors (403) and to nobody (401), changing nothing', async () => {
    const before = await checksums();
    const body = { indicator: 'households-ftth', period: '2023', unit: 'C1', value: 0.5 };
    for (const who of [viettel, inspector]) {
      expect((await who.request('POST', '/api/reported-values', { body })).status, who.username).toBe(403);
      expect((await who.request('PATCH', `/api/reported-values/${speedId}`, { body: { value: 1, version: 2 } })).status).toBe(403);
      expect((await who.request('DELETE', `/api/reported-values/${speedId}`, { body: { version: 2 } })).status).toBe(403);
    }
    expect((await app.request('POST', '/api/reported-values', { body })).status).toBe(401);
    expect((await app.request('DELETE', `/api/reported-values/${speedId}`, { body: { version: 2 } })).status).toBe(401);
    expect(changedTables(before, await checksums())).toEqual([]);
  });

  it('of two simultaneous creates of one value, exactly one wins', async () => {
    const body = { indicator: 'adults-with-smartphone', period: '2024', unit: 'C3', value: 0.8 };
    const [a, b] = await Promise.all([
      planner.request('POST', '/api/reported-values', { body }),
      planner.request('POST', '/api/reported-values', { body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });

  it('deletes a value with If-Match, audited with the state before', async () => {
    const r = await planner.request('DELETE', `/api/reported-values/${speedId}`, { headers: { 'if-match': '"2"' } });
    expect(r.status, r.text).toBe(204);
    expect((await app.get('/api/reported-values?indicator=mobile-broadband-speed')).body.values).toEqual([]);
    const entries = await audit(String(speedId));
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    expect(json(entries[2]!.before)).toMatchObject({ id: speedId, value: 32.5, version: 2 });
    expect(entries[2]!.after).toBeNull();
  });
});
