import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colocationResponseSchema, sitePlannerResponseSchema } from '../../server/src/contracts/colocation-contracts.js';
import { finderRequest, loadColocationFixture } from '../fixtures/colocation-fixture.js';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { tableChecksums } from '../support/table-checksums.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

let db: TestDatabase;
let app: InProcessApp;
let planner: SignedInClient;
let vnpt: SignedInClient;
let viettel: SignedInClient;
beforeAll(async () => {
  db = await openEmbeddedFixture();
  await loadColocationFixture(db.knex);
  await createTestAccounts(db.knex);
  app = await startInProcessApp(db);
  planner = await signIn(app, 'quyhoach');
  vnpt = await signIn(app, 'vnpt.kt');
  viettel = await signIn(app, 'viettel.kt');
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const search = (body: unknown, query = '') => app.request('POST', `/api/colocation/candidates${query}`, { body });

describe('POST /api/colocation/candidates (hand-computed co-location fixture)', () => {
  it('answers anonymously with the structures ranked by population newly covered, then distance, in the wire schema', async () => {
    const r = await search(finderRequest);
    expect(r.status).toBe(200);
    const body = colocationResponseSchema.parse(r.body);
    expect(body.candidates.map((c) => [c.rank, c.siteKey, c.populationNewlyCovered, c.warnings])).toEqual([
      [1, 'SUY-MB-G-4G', 2500, ['structure_unknown']],
      [2, 'B', 1200, ['no_room']],
      [3, 'A', 800, []],
      [4, 'E', 800, []],
      [5, 'C', 500, ['structure_lower_than_antenna']],
    ]);
    expect(body.atPoint).toEqual({ populationNewlyCovered: 2000, hamletsNewlyCovered: 2 });
    expect(body).toMatchObject({ operator: 'vnpt', technology: '4G', radiusM: 2000, scenario: 'current' });
  });

  it('uses the default EIRP of the technology when none is given (4G: 60 dBm, the same answer)', async () => {
    const withoutEirp: Partial<typeof finderRequest> = { ...finderRequest };
    delete withoutEirp.eirpDbm;
    const r = await search(withoutEirp);
    expect(r.body.candidates.map((c: { populationNewlyCovered: number }) => c.populationNewlyCovered)).toEqual([2500, 1200, 800, 800, 500]);
  });

  it.each([
    ['an unknown operator', { operator: 'nope' }, 400, 'operator'],
    ['a radius of 0', { radiusM: 0 }, 400, 'radiusM'],
    ['a negative radius', { radiusM: -100 }, 400, 'radiusM'],
    ['a radius above the 10 km limit', { radiusM: 10_001 }, 400, 'radiusM'],
    ['a band 4G does not use', { bandMHz: 1234 }, 400, 'bandMHz'],
    ['an unknown scenario', { scenario: 'future' }, 400, 'scenario'],
    ['a tower company, which has no radio', { operator: 'towerco' }, 422, 'operator'],
    ['a point outside the province', { lon: 106.5 }, 422, 'lon'],
    ['swapped coordinates', { lon: 10.15, lat: 106.05 }, 400, 'lat'],
  ])('refuses %s with a problem naming the field, and changes nothing', async (_label, change, status, parameter) => {
    const before = await tableChecksums(db.knex);
    const r = await search({ ...finderRequest, ...change });
    expect(r.status).toBe(status);
    expect(r.type).toContain('application/problem+json');
    expect(r.body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    expect(await tableChecksums(db.knex)).toEqual(before);
  });

  it('says so in the language asked for', async () => {
    const vi = await search({ ...finderRequest, lon: 106.5 });
    expect(vi.body.detail).toBe('Điểm (106.5, 10.15) nằm ngoài tỉnh: kiểm tra lại tọa độ (có thể kinh độ và vĩ độ bị đổi chỗ).');
    const en = await search({ ...finderRequest, lon: 106.5 }, '?lang=en');
    expect(en.body.detail).toBe('The point (106.5, 10.15) is outside the province: check the coordinates (longitude and latitude may be swapped).');
  });
});

describe('POST /api/site-planner', () => {
  const plan = { operator: 'vnpt', k: 2, technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 60, unit: 'C1', boundarySet: 'T' };

  it('plans for a planner and for the operator\'s own engineer, with the time it took', async () => {
    for (const who of [planner, vnpt]) {
      const r = await who.request('POST', '/api/site-planner', { body: plan });
      expect(r.status, r.text).toBe(200);
      const body = sitePlannerResponseSchema.parse(r.body);
      // Hata ranges here (rural C1, 4G 1800 MHz, MAPL 130 dB, 30 m: 10.333 km · 10^(−10/35.225) = 5.37 km, sectors
      // facing 120° and 240° cover east and west): Y (106.030) reaches H2 1.6 km west and H4 4.9 km east, all 2600
      // people; X misses H4 (6.0 km). A new site at H3 (106.035: 2.2 and 4.4 km) reaches all four too: the tie goes to co-location.
      expect(body.picks.map((p) => [p.kind, p.siteKey, p.marginalGain])).toEqual([['colocation', 'Y', 2600]]);
      expect(body.totalGain).toBe(2600);
      expect(body.ms).toBeGreaterThanOrEqual(0);
    }
  });

  it('refuses another operator\'s engineer (403), anonymous visitors (401) and a tower company (422), changing nothing', async () => {
    const before = await tableChecksums(db.knex);
    expect((await viettel.request('POST', '/api/site-planner', { body: plan })).status).toBe(403);
    expect((await app.request('POST', '/api/site-planner', { body: plan })).status).toBe(401);
    expect((await planner.request('POST', '/api/site-planner', { body: { ...plan, operator: 'towerco' } })).status).toBe(422);
    const unknownUnit = await planner.request('POST', '/api/site-planner', { body: { ...plan, unit: 'C9' } });
    expect([unknownUnit.status, unknownUnit.body.errors[0].parameter]).toEqual([400, 'unit']);
    expect(await tableChecksums(db.knex)).toEqual(before);
  });
});
