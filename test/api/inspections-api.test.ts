import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageFixture } from '../fixtures/coverage-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

let db: TestDatabase;
let app: InProcessApp;
let inspector: SignedInClient;
let planner: SignedInClient;

// The coverage fixture's model: H1 is lõm sóng for Viettel 4G (half of it covered).
describe.each(databaseTargets())('hamlet inspections on the $label database', ({ open }) => {
  beforeAll(async () => {
    db = await open();
    await loadCoverageFixture(db.knex);
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db);
    [inspector, planner] = await Promise.all([signIn(app, 'kiemtra'), signIn(app, 'quyhoach')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('records an inspector\'s field verdict beside the model\'s, and audits it', async () => {
    const r = await inspector.request('POST', '/api/hamlets/H1/inspections', {
      body: { inspectedOn: '2026-11-20', operator: 'viettel', technologyGroup: '4G', observedVerdict: 'trang_song', note: 'Nhà văn hóa ấp không có sóng 4G' },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      hamletCode: 'H1', operator: 'viettel', technologyGroup: '4G', observedVerdict: 'trang_song', modelVerdict: 'lom_song',
      agreesWithModel: false, inspector: 'kiemtra', version: 1,
    });
    const entries = (await db.knex.raw(`SELECT action, actor_name FROM audit_log WHERE entity = 'inspection'`)).rows;
    expect(entries).toEqual([{ action: 'create', actor_name: 'kiemtra' }]);
  });

  it('lists a hamlet\'s inspections to signed-in accounts only', async () => {
    expect((await app.get('/api/hamlets/H1/inspections')).status).toBe(401);
    const r = await planner.request('GET', '/api/hamlets/H1/inspections');
    expect(r.status).toBe(200);
    expect(r.body.inspections).toHaveLength(1);
  });

  it('lets only the author edit or withdraw an inspection, with its version', async () => {
    const id = (await planner.request('GET', '/api/hamlets/H1/inspections')).body.inspections[0].id as number;
    expect((await planner.request('PATCH', `/api/inspections/${id}`, { body: { observedVerdict: 'lom_song', version: 1 } })).status).toBe(403);
    expect((await inspector.request('PATCH', `/api/inspections/${id}`, { body: { observedVerdict: 'lom_song' } })).status).toBe(428);
    const ok = await inspector.request('PATCH', `/api/inspections/${id}`, { body: { observedVerdict: 'lom_song', version: 1 } });
    expect(ok.body).toMatchObject({ observedVerdict: 'lom_song', agreesWithModel: true, version: 2 });
    expect((await inspector.request('PATCH', `/api/inspections/${id}`, { body: { note: 'x', version: 1 } })).status).toBe(409);
    expect((await inspector.request('DELETE', `/api/inspections/${id}`, { headers: { 'if-match': '"2"' } })).status).toBe(204);
    expect((await planner.request('GET', '/api/hamlets/H1/inspections')).body.inspections).toEqual([]);
    const kept = (await db.knex.raw('SELECT deleted_at IS NOT NULL AS deleted FROM hamlet_inspections WHERE id = ?', [id])).rows;
    expect(kept).toEqual([{ deleted: true }]);
  });

  it.each([
    [{ inspectedOn: '2026-02-30', operator: '*', technologyGroup: 'broadband', observedVerdict: 'covered' }, 'inspectedOn'],
    [{ inspectedOn: '2999-01-01', operator: '*', technologyGroup: 'broadband', observedVerdict: 'covered' }, 'inspectedOn'],
    [{ inspectedOn: '2026-11-01', operator: 'orange', technologyGroup: 'broadband', observedVerdict: 'covered' }, 'operator'],
    [{ inspectedOn: '2026-11-01', operator: 'towerco', technologyGroup: 'broadband', observedVerdict: 'covered' }, 'operator'],
    [{ inspectedOn: '2026-11-01', operator: '*', technologyGroup: '6G', observedVerdict: 'covered' }, 'technologyGroup'],
    [{ inspectedOn: '2026-11-01', operator: '*', technologyGroup: 'broadband', observedVerdict: 'maybe' }, 'observedVerdict'],
  ])('refuses the inspection %j with a 400 naming %s, storing nothing', async (body, parameter) => {
    const r = await inspector.request('POST', '/api/hamlets/H2/inspections', { body });
    expect(r.status, r.text).toBe(400);
    expect(r.body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    expect((await db.knex.raw(`SELECT count(*)::int AS n FROM hamlet_inspections i JOIN hamlets h ON h.id = i.hamlet_id WHERE h.code = 'H2'`)).rows[0].n).toBe(0);
  });

  it('refuses inspections by accounts without the inspector role', async () => {
    const body = { inspectedOn: '2026-11-01', operator: '*', technologyGroup: 'broadband', observedVerdict: 'covered' };
    expect((await planner.request('POST', '/api/hamlets/H2/inspections', { body })).status).toBe(403);
    expect((await app.request('POST', '/api/hamlets/H2/inspections', { body })).status).toBe(401);
  });
});
