import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorUnitsResponseSchema } from '../../server/src/contracts/indicator-contracts.js';
import { boundarySetSchema, crosswalkResponseSchema, indicatorSnapshotSchema } from '../../server/src/contracts/indicator-registry-contracts.js';
import { loadIndicatorFixture } from '../fixtures/indicator-fixture.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { tableChecksums } from '../support/table-checksums.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

// Values by hand in test/db/indicators.test.ts (indicator fixture): current scenario,
// commune C1: H1 lõm sóng → 0/1 covered, fiber reach 1/1 (H1's reference point is on F1),
// sites with an active BTS: S1 (Viettel + VNPT) → 1/1 shared; C2: H2 lõm sóng 0/1, fiber 0/1,
// S2 (Viettel only) 0/1; C3: H3 trắng sóng 0/1, fiber 0/1 (≈ 220 m > r = 200 m), S4 0/1.
// Planned: C2's H2 is covered (1/1) and F2 reaches it (1/1); S2 also carries VNPT's approved 4G (1/1).
let db: TestDatabase;
let app: InProcessApp;
let planner: SignedInClient;
let viettel: SignedInClient;
beforeAll(async () => {
  db = await openEmbeddedFixture();
  await loadIndicatorFixture(db.knex);
  app = await startInProcessApp(db);
  await createTestAccounts(db.knex);
  planner = await signIn(app, 'quyhoach');
  viettel = await signIn(app, 'viettel.kt');
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const figures = (body: { units: { code: string; values: Record<string, { numerator: number | null; denominator: number | null }> }[] }, code: string) =>
  Object.fromEntries(body.units.map((u) => [u.code, [u.values[code]!.numerator, u.values[code]!.denominator]]));

describe('GET /api/indicators/units', () => {
  it('lists every commune of the default set with every indicator, by hand, in the wire schema', async () => {
    const r = await app.get('/api/indicators/units');
    expect(r.status).toBe(200);
    const body = indicatorUnitsResponseSchema.parse(r.body);
    expect([body.boundarySet, body.level, body.scenario, body.period, body.parent]).toEqual(['T', 'commune', 'current', null, null]);
    expect(body.units.map((u) => [u.code, u.parentCode, u.hamlets, u.population])).toEqual([
      ['C1', 'D1', 1, 1000], ['C2', 'D1', 1, 2000], ['C3', 'D2', 1, 500],
    ]);
    expect(figures(body, 'hamlets-mobile-broadband')).toEqual({ C1: [0, 1], C2: [0, 1], C3: [0, 1] });
    expect(figures(body, 'hamlets-fiber-reach')).toEqual({ C1: [1, 1], C2: [0, 1], C3: [0, 1] });
    expect(figures(body, 'site-sharing-ratio')).toEqual({ C1: [1, 1], C2: [0, 1], C3: [0, 1] });
    // The configuration's site sharing target (0.3) applies to every unit until a planner sets one.
    expect(body.units.map((u) => u.values['site-sharing-ratio']!.status)).toEqual(['met', 'below', 'below']);
    expect(body.indicators).toHaveLength(12);
  });

  it('drills down from a district to its communes, and answers the planned scenario', async () => {
    const r = await app.get('/api/indicators/units?parent=D1&scenario=planned');
    const body = indicatorUnitsResponseSchema.parse(r.body);
    expect(body.parent).toEqual({ code: 'D1', name: 'Huyện Tây', level: 'district', boundarySet: 'T' });
    expect(body.level).toBe('commune');
    expect(figures(body, 'hamlets-mobile-broadband')).toEqual({ C1: [0, 1], C2: [1, 1] });
    expect(figures(body, 'site-sharing-ratio')).toEqual({ C1: [1, 1], C2: [1, 1] });
    const districts = indicatorUnitsResponseSchema.parse((await app.get('/api/indicators/units?level=district')).body);
    expect(figures(districts, 'hamlets-fiber-reach')).toEqual({ D1: [1, 2], D2: [0, 1] });
  });

  it('gives the same figures for a unit as GET /api/indicators does', async () => {
    const table = indicatorUnitsResponseSchema.parse((await app.get('/api/indicators/units?level=commune&scenario=planned')).body);
    for (const unit of table.units) {
      const cards = (await app.get(`/api/indicators?unit=${unit.code}&scenario=planned`)).body as { indicators: { code: string; value: number | null; numerator: number | null }[] };
      for (const card of cards.indicators) {
        expect([unit.code, card.code, unit.values[card.code]!.value, unit.values[card.code]!.numerator]).toEqual([unit.code, card.code, card.value, card.numerator]);
      }
    }
  });

  it.each([
    ['level=province&parent=P', 'level'],
    ['parent=C9', 'parent'],
    ['level=district&boundarySet=N', 'level'],
    ['period=2031', 'period'],
    ['period=2025-Q5', 'period'],
  ])('refuses %s with a 400 naming %s, changing nothing', async (query, parameter) => {
    const before = await tableChecksums(db.knex);
    const r = await app.get(`/api/indicators/units?${query}`);
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { parameter: string }) => e.parameter)).toEqual([parameter]);
    expect(await tableChecksums(db.knex)).toEqual(before);
  });
});

describe('boundary sets and the crosswalk', () => {
  it('lists the boundary sets with their levels and unit counts', async () => {
    const sets = ((await app.get('/api/boundary-sets')).body.boundarySets as unknown[]).map((s) => boundarySetSchema.parse(s));
    expect(sets.map((s) => [s.code, s.levels, s.isDefault, s.units])).toEqual([
      ['T', ['province', 'district', 'commune'], true, { province: 1, district: 2, commune: 3 }],
      ['N', ['province', 'commune'], false, { province: 1, commune: 1 }],
    ]);
  });

  it('maps every old commune wholly onto the one new commune of set N', async () => {
    const body = crosswalkResponseSchema.parse((await app.get('/api/boundary-sets/T/crosswalk/N')).body);
    expect(body.rows.map((r) => [r.fromCode, r.toCode, r.areaShare, r.population, r.populationShare])).toEqual([
      ['C1', 'NC1', 1, 1000, 1], ['C2', 'NC1', 1, 2000, 1], ['C3', 'NC1', 1, 500, 1],
    ]);
  });

  it('refuses an unknown set and the same set twice', async () => {
    expect((await app.get('/api/boundary-sets/T/crosswalk/X')).status).toBe(400);
    const same = await app.get('/api/boundary-sets/T/crosswalk/T?lang=en');
    expect([same.status, same.body.detail]).toEqual([400, 'A crosswalk needs two different boundary sets, got "T" for both.']);
  });
});

describe('indicator snapshots', () => {
  it('lets a planner save a snapshot, which the cards read back as their trend, and delete it, both audited', async () => {
    const r = await planner.request('POST', '/api/indicator-snapshots', { body: { label: 'Quý 4/2026', scenario: 'planned' } });
    expect(r.status).toBe(201);
    const snapshot = indicatorSnapshotSchema.parse(r.body);
    // T: P, D1, D2, C1, C2, C3; N: NP, NC1 → 8 units × 6 computed indicators.
    expect(snapshot).toMatchObject({ label: 'Quý 4/2026', scenario: 'planned', takenBy: 'quyhoach', values: 48 });
    const c2 = (await app.get('/api/indicators?unit=C2&scenario=planned')).body.indicators.find((i: { code: string }) => i.code === 'hamlets-mobile-broadband');
    expect(c2.trend).toEqual([{ date: snapshot.date, value: 1, kind: 'snapshot', label: 'Quý 4/2026' }]);
    expect((await app.get('/api/indicator-snapshots')).body.snapshots.map((s: { id: number }) => s.id)).toEqual([snapshot.id]);
    const audit = await db.knex('audit_log').where({ entity: 'indicator_snapshot' }).select('action', 'entity_code', 'actor_name');
    expect(audit).toEqual([{ action: 'create', entity_code: String(snapshot.id), actor_name: 'quyhoach' }]);
    expect((await planner.request('DELETE', `/api/indicator-snapshots/${snapshot.id}`)).status).toBe(200);
    expect((await app.get('/api/indicator-snapshots')).body.snapshots).toEqual([]);
    expect((await db.knex('audit_log').where({ entity: 'indicator_snapshot' }).pluck('action'))).toEqual(['create', 'delete']);
  });

  it('refuses a snapshot from an operator, without a label, and changes nothing', async () => {
    const before = await tableChecksums(db.knex);
    expect((await viettel.request('POST', '/api/indicator-snapshots', { body: { label: 'Thử' } })).status).toBe(403);
    expect((await app.request('POST', '/api/indicator-snapshots', { body: { label: 'Thử' } })).status).toBe(401);
    const noLabel = await planner.request('POST', '/api/indicator-snapshots', { body: { scenario: 'current' } });
    expect(noLabel.status).toBe(400);
    expect((await planner.request('DELETE', '/api/indicator-snapshots/999')).status).toBe(404);
    expect(await tableChecksums(db.knex)).toEqual(before);
  });
});
