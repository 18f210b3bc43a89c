import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { inferSites } from '../../server/src/sharing/site-inference.js';
import { loadCoverageFixture } from '../fixtures/coverage-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { tableChecksums, type TableChecksums } from '../support/table-checksums.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

/*
 * On the coverage fixture (test/fixtures/coverage-fixture.ts), by hand:
 *
 * Sites with an active BTS (current = planned, nothing is approved yet): S1 (Viettel 4G
 * and VNPT 3G — the 3G stands 11 km away but keeps its site code: explicit codes win)
 * → shared; S2 Viettel only; S4 MobiFone only; S3 decommissioned. Site sharing
 * ratio 1/3.
 *
 * The new site: at H3's reference point (106.142, 10.05) in C3, a thị trấn → suburban;
 * Viettel 4G 1800 MHz, antenna 30 m, EIRP 70 dBm, one omni sector. MAPL = 70 − (−84)
 * − 14 = 140 dB; COST-231 Hata suburban with hm = 1.5 m gives d = 2.798 km (DESIGN §3's
 * worked value). H3 is the square 106.14–106.16 × 10.04–10.06; its farthest corner
 * (106.16, 10.06) is 0.018° × 109.6 km = 1.97 km east and 0.01° × 110.6 km = 1.11 km
 * north: 2.26 km < 2.798 km, so the circle covers all of H3 and nothing of H1/H2
 * (≥ 9 km away). Viettel 4G had none of H3: newly covered 500 people, H3 trắng sóng →
 * covered. Any-operator broadband: H3 was 80 % covered with its reference point
 * outside (trắng sóng); now all of it → covered: covered hamlets 0/3 → 1/3, population
 * covered 500 + 1500 + 400 = 2400 → 2500.
 * The new site adds one unshared site: sharing ratio 1/3 → 1/4. Nearest structure: S1
 * at (106.05, 10.05), 0.092° × 109.6 km ≈ 10.08 km (S4 is 11.1 km away).
 *
 * A new site 500 m south of S4 (MobiFone on a tower company's monopole, limit 2) has
 * a co-location candidate with room within 1 km: a justification is required.
 */
const radio = { technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 70, sectors: [{ azimuthDeg: 0, beamwidthDeg: 360 }] };
const newSite = { kind: 'new_site', operator: 'viettel', lon: 106.142, lat: 10.05, structureType: 'monopole', heightM: 35, radio, searchRadiusM: 1000 };
const nearS4 = { ...newSite, lon: 106.15, lat: 10.1455 };

let db: TestDatabase;
let app: InProcessApp;
let viettel: SignedInClient;
let vnpt: SignedInClient;
let planner: SignedInClient;
let inspector: SignedInClient;

const registerAndCoverage = ['site_records', 'bts_records', 'bts_sectors', 'coverage_footprints', 'coverage_unions', 'coverage_union_cells', 'coverage_union_parts', 'hamlet_coverage', 'coverage_gaps', 'physical_sites', 'bts_physical_sites', 'site_conflicts'];
const pick = (all: TableChecksums) => Object.fromEntries(registerAndCoverage.map((t) => [t, all[t]]));

describe.each(databaseTargets())('proposals on the $label database', ({ open }) => {
  beforeAll(async () => {
    db = await open();
    await loadCoverageFixture(db.knex);
    await inferSites(db.knex, loadConfig({}).config.siteInferenceEpsM);
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db);
    [viettel, vnpt, planner, inspector] = await Promise.all([signIn(app, 'viettel.kt'), signIn(app, 'vnpt.kt'), signIn(app, 'quyhoach'), signIn(app, 'kiemtra')]);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  let firstCode = '';
  it('stores a new-site proposal with its predicted impact computed by hand', async () => {
    const r = await viettel.request('POST', '/api/proposals', { body: newSite });
    expect(r.status, r.text).toBe(201);
    firstCode = r.body.code;
    expect(firstCode).toMatch(/^DX-\d{4}-\d{4}$/);
    expect(r.body).toMatchObject({ kind: 'new_site', status: 'submitted', operator: 'viettel', submittedBy: 'viettel.kt', version: 1, siteKey: null });
    const impact = r.body.impact;
    expect(impact.populationNewlyCovered).toBe(500);
    expect(impact.hamletsNewlyCovered).toEqual([{ code: 'H3', name: 'Ấp Cái Bè', populationGain: 500, verdictBefore: 'trang_song', verdictAfter: 'covered' }]);
    expect(impact.sharingBefore).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(impact.sharingAfter).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(impact.nearestStructure).toMatchObject({ siteKey: 'S1', siteCode: 'S1', owner: 'viettel' });
    expect(impact.nearestStructure.distanceM).toBeGreaterThan(10_000);
    expect(impact.nearestStructure.distanceM).toBeLessThan(10_150);
    expect(impact.candidatesInRadius).toEqual([]);
    expect(r.body.events).toEqual([expect.objectContaining({ action: 'submitted', actor: 'viettel.kt', actorRole: 'operator' })]);
  });

  it('requires a justification for a new site where a co-location candidate with room stands in the radius', async () => {
    const before = await tableChecksums(db.knex);
    const refused = await viettel.request('POST', '/api/proposals?lang=en', { body: nearS4 });
    expect(refused.status, refused.text).toBe(422);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.parameter ?? refused.body.errors?.[0]?.parameter).toBe('justification');
    expect(refused.body.candidates.map((c: { siteKey: string }) => c.siteKey)).toEqual(['S4']);
    expect(await tableChecksums(db.knex)).toEqual(before);
    const ok = await viettel.request('POST', '/api/proposals', { body: { ...nearS4, justification: 'Cột S4 không đủ tải trọng cho thêm anten' } });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.justification).toBe('Cột S4 không đủ tải trọng cho thêm anten');
    expect(ok.body.impact.candidatesInRadius).toEqual([expect.objectContaining({ siteKey: 'S4' })]);
  });

  it('a rejected proposal changes nothing in the register or the coverage, and cannot be decided again', async () => {
    const list = await planner.request('GET', '/api/proposals?status=submitted');
    const second = list.body.proposals.find((p: { code: string }) => p.code !== firstCode);
    const before = pick(await tableChecksums(db.knex));
    const rejected = await planner.request('POST', `/api/proposals/${second.code}/decision`, { body: { decision: 'reject', reason: 'Phải dùng chung cột S4', version: 1 } });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', decidedBy: 'quyhoach', decisionReason: 'Phải dùng chung cột S4', version: 2, createdBtsCode: null });
    expect(rejected.body.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'rejected']);
    expect(pick(await tableChecksums(db.knex))).toEqual(before);
    const again = await planner.request('POST', `/api/proposals/${second.code}/decision`, { body: { decision: 'approve', reason: 'Đổi ý', version: 2 } });
    expect(again.status).toBe(409);
    expect(again.type).toContain('application/problem+json');
    expect(pick(await tableChecksums(db.knex))).toEqual(before);
  });

  it('an approved proposal changes the planned scenario and leaves the current one as it was', async () => {
    const current = (await app.get('/api/hamlets/coverage?scenario=current')).body.summary;
    const indicatorsCurrent = (await app.get('/api/indicators?scenario=current')).body;
    const sharingCurrent = (await app.get('/api/sharing?level=province&scenario=current')).body.province.siteRatio;
    const approved = await planner.request('POST', `/api/proposals/${firstCode}/decision`, { body: { decision: 'approve', reason: 'Phủ sóng ấp Cái Bè', version: 1 } });
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', createdSiteCode: firstCode, createdBtsCode: `${firstCode}-4G`, createdStatus: 'approved' });

    expect((await app.get('/api/hamlets/coverage?scenario=current')).body.summary).toEqual(current);
    expect((await app.get('/api/indicators?scenario=current')).body).toEqual(indicatorsCurrent);
    expect(current).toMatchObject({ hamlets: 3, covered: 0, populationCovered: 2400 });
    const planned = (await app.get('/api/hamlets/coverage?scenario=planned')).body.summary;
    expect(planned).toMatchObject({ hamlets: 3, covered: 1, populationCovered: 2500 });

    // The plan's indicators: hamlets covered by mobile broadband 0/3 → 1/3 in the planned scenario only;
    // the site sharing ratio 1/3 → 1/4 (a new site, unshared).
    const indicator = async (scenario: string, code: string) =>
      ((await app.get(`/api/indicators?scenario=${scenario}`)).body.indicators as { code: string; numerator: number; denominator: number }[]).find((i) => i.code === code);
    expect(await indicator('current', 'hamlets-mobile-broadband')).toMatchObject({ numerator: 0, denominator: 3 });
    expect(await indicator('planned', 'hamlets-mobile-broadband')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(await indicator('current', 'site-sharing-ratio')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(await indicator('planned', 'site-sharing-ratio')).toMatchObject({ numerator: 1, denominator: 4 });

    expect((await app.get('/api/sharing?level=province&scenario=current')).body.province.siteRatio).toEqual(sharingCurrent);
    expect(sharingCurrent).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect((await app.get('/api/sharing?level=province&scenario=planned')).body.province.siteRatio).toEqual({ numerator: 1, denominator: 4, value: 0.25 });

    const site = await app.get(`/api/sites/${firstCode}`);
    expect(site.status).toBe(200);
    const audit = (await db.knex.raw(`SELECT action, entity, entity_code FROM audit_log WHERE entity IN ('proposal', 'site', 'bts') ORDER BY id`)).rows;
    expect(audit).toEqual([
      { action: 'submit', entity: 'proposal', entity_code: firstCode },
      { action: 'submit', entity: 'proposal', entity_code: expect.any(String) },
      { action: 'reject', entity: 'proposal', entity_code: expect.any(String) },
      { action: 'create', entity: 'site', entity_code: firstCode },
      { action: 'create', entity: 'bts', entity_code: `${firstCode}-4G` },
      { action: 'approve', entity: 'proposal', entity_code: firstCode },
    ]);
  });

  it('co-location on a site that already carries the operator is refused, and changes nothing', async () => {
    const before = await tableChecksums(db.knex);
    const r = await viettel.request('POST', '/api/proposals', { body: { kind: 'colocation', operator: 'viettel', siteKey: 'S1', radio } });
    expect(r.status).toBe(409);
    expect(r.type).toContain('application/problem+json');
    expect(await tableChecksums(db.knex)).toEqual(before);
  });

  it('a co-location predicts the site becoming shared, and its operator may withdraw it while it is open', async () => {
    const r = await vnpt.request('POST', '/api/proposals', { body: { kind: 'colocation', operator: 'vnpt', siteKey: 'S4', radio } });
    expect(r.status, r.text).toBe(201);
    // Planned now: S1 shared, S2, S4 and the approved new site unshared → 1/4; VNPT on S4 makes it 2/4.
    expect(r.body.impact.sharingBefore).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(r.body.impact.sharingAfter).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect((await viettel.request('POST', `/api/proposals/${r.body.code}/withdraw`, { body: { version: 1 } })).status).toBe(404);
    const w = await vnpt.request('POST', `/api/proposals/${r.body.code}/withdraw`, { body: { version: 1 } });
    expect(w.status, w.text).toBe(200);
    expect(w.body.status).toBe('withdrawn');
    expect((await planner.request('POST', `/api/proposals/${r.body.code}/decision`, { body: { decision: 'approve', reason: 'x', version: 2 } })).status).toBe(409);
  });

  it('refuses to approve a co-location once the operator stands on the site by other means, and changes nothing', async () => {
    const r = await vnpt.request('POST', '/api/proposals', { body: { kind: 'colocation', operator: 'vnpt', siteKey: 'S4', radio } });
    expect(r.status, r.text).toBe(201);
    // Meanwhile VNPT registers a BTS of its own on S4 (planned: it already counts as carrying the operator).
    const own = await vnpt.request('POST', '/api/bts', {
      body: { code: 'VN-S4-4G', siteCode: 'S4', operator: 'vnpt', technology: '4G', bandMHz: 1800, antennaHeightM: 25, eirpDbm: 58, status: 'planned' },
    });
    expect(own.status, own.text).toBe(201);
    const before = pick(await tableChecksums(db.knex));
    const approve = await planner.request('POST', `/api/proposals/${r.body.code}/decision`, { body: { decision: 'approve', reason: 'Dùng chung S4', version: 1 } });
    expect(approve.status, approve.text).toBe(409);
    expect(approve.type).toContain('application/problem+json');
    expect(pick(await tableChecksums(db.knex))).toEqual(before);
    expect((await planner.request('GET', `/api/proposals/${r.body.code}`)).body.status).toBe('submitted');
    await vnpt.request('POST', `/api/proposals/${r.body.code}/withdraw`, { body: { version: 1 } });
  });

  it('lists proposals by status with counts; an operator sees its own operator\'s only', async () => {
    const all = await planner.request('GET', '/api/proposals');
    expect(all.body.counts).toEqual({ submitted: 0, approved: 1, rejected: 1, withdrawn: 2 });
    const mine = await vnpt.request('GET', '/api/proposals');
    expect(mine.body.proposals.map((p: { operator: string }) => p.operator)).toEqual(['vnpt', 'vnpt']);
    expect((await vnpt.request('GET', '/api/proposals?operator=viettel')).status).toBe(403);
    expect((await vnpt.request('GET', `/api/proposals/${firstCode}`)).status).toBe(404);
    expect((await inspector.request('GET', '/api/proposals?status=approved')).body.proposals.map((p: { code: string }) => p.code)).toEqual([firstCode]);
    expect((await app.get('/api/proposals')).status).toBe(401);
  });

  it.each([
    ['an unknown operator', { ...newSite, operator: 'khong-co' }, 403],
    ['a point outside the province', { ...newSite, lon: 105.5, lat: 10.05 }, 422],
    ['swapped coordinates', { ...newSite, lon: 10.05, lat: 106.142 }, 400],
    ['a band the technology does not use', { ...newSite, radio: { ...radio, bandMHz: 1234 } }, 400],
    ['an unknown site', { kind: 'colocation', operator: 'viettel', siteKey: 'S9', radio }, 422],
    ['a search radius beyond the limit', { ...newSite, searchRadiusM: 50_000 }, 400],
    ['no body fields', {}, 400],
  ])('refuses %s with a problem and changes nothing', async (_label, body, status) => {
    const before = await tableChecksums(db.knex);
    const r = await viettel.request('POST', '/api/proposals', { body });
    expect(r.status, r.text).toBe(status);
    expect(r.type).toContain('application/problem+json');
    expect(await tableChecksums(db.knex)).toEqual(before);
  });
});
