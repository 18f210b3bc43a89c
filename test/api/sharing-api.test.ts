import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inferSites } from '../../server/src/sharing/site-inference.js';
import { loadSharingFixture, north, sharingFixture } from '../fixtures/sharing-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type Answer, type InProcessApp } from '../support/in-process-app.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';
import { tableChecksums } from '../support/table-checksums.js';

// GET /api/sharing, /api/sharing/conflicts, /api/sharing/consolidation and the
// shared-sites and consolidation layers on the sharing fixture (counts worked
// out in test/fixtures/sharing-fixture.ts); a BTS move through the API
// re-infers the sites it touched in the same request.

function expectProblem(r: Answer, status: number, parameter: string, detail: RegExp) {
  expect(r.status, r.text).toBe(status);
  expect(r.type).toContain('application/problem+json');
  expect(r.body.detail).toMatch(detail);
  expect(JSON.stringify(r.body)).toContain(parameter);
}

describe.each(databaseTargets())('sharing API on the $label database', ({ open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  let viettel: SignedInClient;
  beforeAll(async () => {
    db = await open();
    await loadSharingFixture(db.knex);
    await inferSites(db.knex, sharingFixture.epsM);
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db);
    viettel = await signIn(app, 'viettel.kt');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('answers the sharing ratios of every commune by default, with numerators and denominators', async () => {
    const r = await app.get('/api/sharing');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ boundarySet: 'T', level: 'commune', scenario: 'current', siteInferenceEpsM: 25 });
    expect(r.body.units.map((u: { code: string; siteRatio: object }) => [u.code, u.siteRatio])).toEqual([
      ['C1', { numerator: 3, denominator: 6, value: 0.5 }],
      ['C2', { numerator: 0, denominator: 2, value: 0 }],
      ['C3', { numerator: 1, denominator: 1, value: 1 }],
    ]);
    expect(r.body.province).toMatchObject({
      code: 'P',
      siteRatio: { numerator: 4, denominator: 9 },
      tenancyRatio: { numerator: 13, denominator: 9 },
      stationShare: { numerator: 8, denominator: 13 },
    });
    expect(r.body.inference).toEqual({ siteRecords: 6, inferredSites: 5, btsExplicit: 9, btsJoined: 1, btsInferred: 6, conflicts: 2 });
    expect(r.body.operators[0]).toMatchObject({ operator: 'viettel', sites: 6, sharedSites: 4 });
  });

  it('answers districts in the planned scenario, where the approved BTS makes S5 shared', async () => {
    const r = await app.get('/api/sharing?level=district&boundarySet=T&scenario=planned');
    expect(r.status, r.text).toBe(200);
    const d1 = r.body.units.find((u: { code: string }) => u.code === 'D1');
    // D1 = C1 (6 sites, 3 shared) + C2 planned (2 sites, 1 shared).
    expect(d1.siteRatio).toEqual({ numerator: 4, denominator: 8, value: 0.5 });
    expect(r.body.province.siteRatio).toEqual({ numerator: 5, denominator: 10, value: 0.5 });
  });

  it('lists the conflicts site inference found', async () => {
    const r = await app.get('/api/sharing/conflicts');
    expect(r.status).toBe(200);
    expect(r.body.epsM).toBe(25);
    expect(r.body.conflicts.map((c: { kind: string; siteCodes: string[] }) => [c.kind, c.siteCodes])).toEqual([
      ['code_spread', ['S3']],
      ['codes_colocated', ['S4', 'S5']],
    ]);
    expect(r.body.conflicts[0].distanceM).toBeGreaterThan(299);
    expect(r.body.conflicts[0]).toMatchObject({ lon: 106.08, lat: 10.05 });
  });

  it('lists the consolidation candidates within 100 m', async () => {
    const r = await app.get('/api/sharing/consolidation?scenario=current');
    expect(r.status).toBe(200);
    expect(r.body.distanceM).toBe(100);
    expect(r.body.groups.map((g: { sites: { siteKey: string }[] }) => g.sites.map((s) => s.siteKey))).toEqual([
      ['S1', 'S2'], ['S4', 'S5'], ['SUY-MB-B', 'SUY-VT-B'],
    ]);
  });

  it('serves shared physical sites, inferred ones included, with their tenant count, per scenario', async () => {
    const current = await app.get('/api/layers/shared-sites');
    expect(current.status, current.text).toBe(200);
    const props = (fc: { features: { properties: { siteKey: string; operatorCount: number; inferred: boolean } }[] }) =>
      fc.features.map((f) => [f.properties.siteKey, f.properties.operatorCount, f.properties.inferred]);
    expect(props(current.body)).toEqual([['S1', 2, false], ['S3', 2, false], ['S6', 2, false], ['SUY-VN-A', 2, true]]);
    const planned = await app.get('/api/layers/shared-sites?scenario=planned');
    expect(props(planned.body)).toEqual([['S1', 2, false], ['S3', 2, false], ['S5', 2, false], ['S6', 2, false], ['SUY-VN-A', 2, true]]);
  });

  it('serves each consolidation group as a MultiPoint feature', async () => {
    const r = await app.get('/api/layers/consolidation');
    expect(r.status, r.text).toBe(200);
    expect(r.body.features).toHaveLength(3);
    expect(r.body.features[1].geometry.type).toBe('MultiPoint');
    expect(r.body.features[1].properties).toMatchObject({ siteKeys: ['S4', 'S5'], owners: ['towerco', 'viettel'], structuresSaved: 1, communeCode: 'C2' });
  });

  it.each([
    ['/api/sharing?boundarySet=X', 'boundarySet', /X/],
    ['/api/sharing?level=district&boundarySet=N', 'level', /district/],
    ['/api/sharing?level=hamlet', 'level', /hamlet/],
    ['/api/sharing?scenario=future', 'scenario', /future/],
    ['/api/sharing?foo=1', 'foo', /foo/],
    ['/api/sharing/conflicts?scenario=current', 'scenario', /scenario/],
    ['/api/sharing/consolidation?scenario=future', 'scenario', /future/],
    ['/api/sharing/consolidation?boundarySet=X', 'boundarySet', /X/],
    ['/api/layers/consolidation?scenario=x', 'scenario', /x/],
  ])('refuses %s with a 400 problem', async (path, parameter, detail) => {
    expectProblem(await app.get(path), 400, parameter, detail);
  });

  it('says in Vietnamese and in English that a boundary set lacks a level', async () => {
    const vi = await app.get('/api/sharing?level=district&boundarySet=N&lang=vi');
    expect(vi.body.detail).toBe('Bộ ranh giới "N" không có cấp "district". Các cấp có: province, commune.');
    const en = await app.get('/api/sharing?level=district&boundarySet=N&lang=en');
    expect(en.body.detail).toBe('Boundary set "N" has no level "district". Levels: province, commune.');
  });

  it('changes nothing when it refuses a request', async () => {
    const before = await tableChecksums(db.knex);
    await app.get('/api/sharing?level=district&boundarySet=N');
    await app.get('/api/sharing/consolidation?scenario=future');
    expect(await tableChecksums(db.knex)).toEqual(before);
  });

  it('re-infers the touched sites when a BTS is moved through the API: VT-B joins MB-B and the 40 m pair is one shared site', async () => {
    const bts = await app.get('/api/bts/VT-B');
    const r = await viettel.request('PATCH', '/api/bts/VT-B', { body: { lat: north(10.02, 36), version: bts.body.version } });
    expect(r.status, r.text).toBe(200);
    const after = await app.get('/api/sharing?level=province');
    // P: SUY-VT-B is gone, SUY-MB-B now has viettel and mobifone: 8 sites, 5 shared.
    expect(after.body.province.siteRatio).toEqual({ numerator: 5, denominator: 8, value: 5 / 8 });
    const layer = await app.get('/api/layers/shared-sites');
    expect(layer.body.features.map((f: { properties: { siteKey: string } }) => f.properties.siteKey)).toContain('SUY-MB-B');
  });
});
