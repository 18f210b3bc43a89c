import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type Answer, type InProcessApp, type RequestOptions } from '../support/in-process-app.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

// Every role × every endpoint. "pass" means the authorization layer let the
// request through: the requests are built so that a permitted one then stops
// at a later check (an existing code, a stale version, a bad body) and changes
// nothing, so the whole matrix runs against one unchanged fixture. Real writes
// by the permitted roles are tested in register-writes-api and accounts-api.

type Who = 'anonymous' | 'admin' | 'planner' | 'viettel' | 'vnpt' | 'inspector';
type Expect = 'pass' | 401 | 403;
const who: Who[] = ['anonymous', 'admin', 'planner', 'viettel', 'vnpt', 'inspector'];

const stale = { version: 999 };
const siteBody = { code: 'S1', lon: 106.05, lat: 10.05, structureType: 'monopole', heightM: 30, owner: 'viettel', status: 'on_air' };
const btsBody = { code: 'VT-S1-4G', siteCode: 'S1', operator: 'viettel', technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 58, status: 'on_air' };
const fiberBody = {
  code: 'F1', operator: 'viettel', kind: 'access', laying: 'aerial', cores: 12, status: 'planned',
  geometry: { type: 'LineString', coordinates: [[106.0, 10.0], [106.01, 10.0]] },
};
const csv = { body: 'không phải CSV', headers: { 'content-type': 'text/csv' } };
const whatIf = { bts: [{ lon: 106.1, lat: 10.1, operator: 'viettel', technology: '4G', bandMHz: 1800, antennaHeightM: 30, radiusM: 1000 }] };

const colocationSearch = { lon: 106.05, lat: 10.05, operator: 'mobifone', radiusM: 2000, technology: '4G', bandMHz: 1800, antennaHeightM: 30 };
const viettelPlan = { operator: 'viettel', k: 1, technology: '4G', bandMHz: 1800, antennaHeightM: 30, unit: 'C1', boundarySet: 'T' };

const publicRead: Record<Who, Expect> = { anonymous: 'pass', admin: 'pass', planner: 'pass', viettel: 'pass', vnpt: 'pass', inspector: 'pass' };
const signedIn: Record<Who, Expect> = { ...publicRead, anonymous: 401 };
/** infrastructure.write on a Viettel record: planners and Viettel's engineers. */
const viettelRecord: Record<Who, Expect> = { anonymous: 401, admin: 403, planner: 'pass', viettel: 'pass', vnpt: 403, inspector: 403 };
const measurements: Record<Who, Expect> = { anonymous: 401, admin: 403, planner: 'pass', viettel: 403, vnpt: 403, inspector: 'pass' };
const auditReaders: Record<Who, Expect> = { anonymous: 401, admin: 'pass', planner: 'pass', viettel: 403, vnpt: 403, inspector: 403 };
const inspectors: Record<Who, Expect> = { anonymous: 401, admin: 403, planner: 403, viettel: 403, vnpt: 403, inspector: 'pass' };
const admins: Record<Who, Expect> = { anonymous: 401, admin: 'pass', planner: 403, viettel: 403, vnpt: 403, inspector: 403 };
/** proposals.submit: operators' engineers (for their own operator: Viettel's body refuses VNPT's engineer at the record check). */
const operators: Record<Who, Expect> = { anonymous: 401, admin: 403, planner: 403, viettel: 'pass', vnpt: 'pass', inspector: 403 };
const viettelProposal: Record<Who, Expect> = { ...operators, vnpt: 403 };
const deciders: Record<Who, Expect> = { anonymous: 401, admin: 403, planner: 'pass', viettel: 403, vnpt: 403, inspector: 403 };
/** Imports: operators' engineers import only BTS and fiber (their own: checked row by row), planners every layer, inspectors measurements. */
const btsImporters: Record<Who, Expect> = { anonymous: 401, admin: 403, planner: 'pass', viettel: 'pass', vnpt: 'pass', inspector: 403 };
const referenceImporters: Record<Who, Expect> = { anonymous: 401, admin: 403, planner: 'pass', viettel: 403, vnpt: 403, inspector: 403 };
// An empty file: a permitted caller then stops at "the file is empty" and nothing is stored.
const emptyUpload = { body: '', headers: { 'content-type': 'application/octet-stream' } };
const colocateOnS1 = { kind: 'colocation', operator: 'viettel', siteKey: 'S1', radio: { technology: '4G', bandMHz: 1800, antennaHeightM: 30 } };

const matrix: [method: string, path: string, options: RequestOptions, expected: Record<Who, Expect>][] = [
  ['GET', '/api/health', {}, publicRead],
  ['GET', '/api/meta', {}, publicRead],
  ['GET', '/api/auth/session', {}, publicRead],
  ['GET', '/api/layers/sites', {}, publicRead],
  ['GET', '/api/layers/bts', {}, publicRead],
  ['GET', '/api/layers/shared-sites', {}, publicRead],
  ['GET', '/api/layers/fiber', {}, publicRead],
  ['GET', '/api/layers/hamlets', {}, publicRead],
  ['GET', '/api/layers/communes', {}, publicRead],
  ['GET', '/api/layers/districts', {}, publicRead],
  ['GET', '/api/layers/coverage', {}, publicRead],
  ['GET', '/api/layers/gaps', {}, publicRead],
  ['GET', '/api/layers/measurements', {}, publicRead],
  ['GET', '/api/layers/consolidation', {}, publicRead],
  // Who may read a layer may export it; the OGC API reads like the map.
  ['GET', '/api/exports/sites.csv', {}, publicRead],
  ['GET', '/api/exports/bts.geojson?operator=viettel', {}, publicRead],
  ['GET', '/api/exports/hamlets.xlsx', {}, publicRead],
  ['GET', '/api/exports/measurements.kml', {}, publicRead],
  // The plan's tables export like the map: public reads.
  ['GET', '/api/exports/indicators.xlsx?boundarySet=T&level=district', {}, publicRead],
  ['GET', '/api/exports/hamlet-coverage.csv?unit=C1', {}, publicRead],
  ['GET', '/api/exports/crosswalk.csv?from=T&to=N', {}, publicRead],
  ['GET', '/api/exports/reported-values.xlsx', {}, publicRead],
  ['GET', '/ogc', {}, publicRead],
  ['GET', '/ogc/collections', {}, publicRead],
  ['GET', '/ogc/collections/sites/items?limit=2', {}, publicRead],
  ['GET', '/ogc/collections/bts/items/VT-S1-4G', {}, publicRead],
  ['GET', '/tiles/sites/10/813/483.mvt', {}, publicRead],
  ['GET', '/api/layers/hamlets/count?operator=viettel&technology=4G', {}, publicRead],
  ['GET', '/api/sharing', {}, publicRead],
  ['GET', '/api/sharing/summary', {}, publicRead],
  ['GET', '/api/sharing/conflicts', {}, publicRead],
  ['GET', '/api/sharing/consolidation', {}, publicRead],
  ['GET', '/api/sites/S1', {}, publicRead],
  ['GET', '/api/bts/VT-S1-4G', {}, publicRead],
  ['GET', '/api/fiber/F1', {}, publicRead],
  ['GET', '/api/search?q=cai%20be', {}, publicRead],
  ['GET', '/api/hamlets/coverage', {}, publicRead],
  ['GET', '/api/hamlets/coverage?scenario=planned', {}, publicRead],
  ['GET', '/api/layers/coverage?scenario=planned', {}, publicRead],
  ['GET', '/api/layers/gaps?scenario=planned', {}, publicRead],
  // The plan's indicators are public, like the map they summarise.
  ['GET', '/api/indicators', {}, publicRead],
  ['GET', '/api/indicators?scenario=planned&unit=C2', {}, publicRead],
  // The plan's registry reads are public; its writes need targets.edit (planners). A planner passes the
  // permission check and stops at the body (an unknown field), at a target or value that does not exist
  // (404), or at a period already declared (409): nothing is saved.
  ['GET', '/api/indicator-registry', {}, publicRead],
  ['GET', '/api/reported-values?unit=C1', {}, publicRead],
  ['GET', '/api/reporting-periods', {}, publicRead],
  ['POST', '/api/reporting-periods', { body: { code: '2023' } }, deciders],
  ['POST', '/api/indicator-targets', { body: { indicator: 'site-sharing-ratio', year: 2025, value: 0.3, unknownField: true } }, deciders],
  ['PATCH', '/api/indicator-targets/999', { body: { value: 0.3, version: 1 } }, deciders],
  ['DELETE', '/api/indicator-targets/999', { body: { version: 1 } }, deciders],
  ['POST', '/api/reported-values', { body: { indicator: 'households-ftth', period: '2024', unit: 'C1', value: 0.4, unknownField: true } }, deciders],
  ['PATCH', '/api/reported-values/999', { body: { value: 0.3, version: 1 } }, deciders],
  ['DELETE', '/api/reported-values/999', { body: { version: 1 } }, deciders],
  ['GET', '/api/indicators/units?boundarySet=N', {}, publicRead],
  ['GET', '/api/indicator-snapshots', {}, publicRead],
  // targets.edit is the planners' (the same roles as proposals.decide). A planner passes the permission
  // check and stops at the body (an unknown field): nothing is saved.
  ['POST', '/api/indicator-snapshots', { body: { label: 'Thử', unknownField: true } }, deciders],
  // No snapshot 999: a planner gets a 404 after the permission check.
  ['DELETE', '/api/indicator-snapshots/999', {}, deciders],
  ['GET', '/api/boundary-sets', {}, publicRead],
  ['GET', '/api/admin-units?boundarySet=N&level=commune', {}, publicRead],
  ['GET', '/api/boundary-sets/T/crosswalk/N', {}, publicRead],
  ['POST', '/api/coverage/what-if', { body: { ...whatIf, scenario: 'planned' } }, publicRead],
  ['GET', '/api/hamlets/H1', {}, publicRead],
  ['GET', '/api/coverage/model', {}, publicRead],
  ['GET', '/api/coverage/range?technology=4G&bandMHz=1800&antennaHeightM=30&maplDb=140', {}, publicRead],
  ['POST', '/api/coverage/what-if', { body: whatIf }, publicRead],
  // A co-location search is a read, like the what-if.
  ['POST', '/api/colocation/candidates', { body: colocationSearch }, publicRead],
  // sites.plan: planners, and operators' engineers for their own operator (VNPT's engineer may not plan for Viettel).
  ['POST', '/api/site-planner', { body: viettelPlan }, viettelRecord],
  ['POST', '/api/sites', { body: siteBody }, viettelRecord],
  ['PATCH', '/api/sites/S1', { body: { heightM: 50, ...stale } }, viettelRecord],
  ['DELETE', '/api/sites/S1', { body: stale }, viettelRecord],
  ['POST', '/api/sites/S1/restore', { body: stale }, viettelRecord],
  ['POST', '/api/bts', { body: btsBody }, viettelRecord],
  ['PATCH', '/api/bts/VT-S1-4G', { body: { eirpDbm: 50, ...stale } }, viettelRecord],
  ['DELETE', '/api/bts/VT-S1-4G', { body: stale }, viettelRecord],
  ['POST', '/api/bts/VT-S1-4G/restore', { body: stale }, viettelRecord],
  ['POST', '/api/fiber', { body: fiberBody }, viettelRecord],
  ['PATCH', '/api/fiber/F1', { body: { cores: 48, ...stale } }, viettelRecord],
  ['DELETE', '/api/fiber/F1', { body: stale }, viettelRecord],
  ['POST', '/api/fiber/F1/restore', { body: stale }, viettelRecord],
  ['POST', '/api/measurements?batch=ma-tran', csv, measurements],
  ['POST', '/api/imports?layer=bts&fileName=tram.csv', emptyUpload, btsImporters],
  ['POST', '/api/imports?layer=fiber&fileName=cap.geojson', emptyUpload, btsImporters],
  ['POST', '/api/imports?layer=sites&fileName=vi-tri.csv', emptyUpload, referenceImporters],
  ['POST', '/api/imports?layer=admin-units&fileName=xa.geojson', emptyUpload, referenceImporters],
  ['POST', '/api/imports?layer=hamlets&fileName=ap.geojson', emptyUpload, referenceImporters],
  ['POST', '/api/imports?layer=population-clusters&fileName=cum.csv', emptyUpload, referenceImporters],
  ['POST', '/api/imports?layer=measurements&fileName=do-kiem.csv', emptyUpload, measurements],
  // Reported indicator values: targets.edit, the planners'.
  ['POST', '/api/imports?layer=indicator-values&fileName=so-lieu.csv', emptyUpload, referenceImporters],
  // Runs are the caller's own (planners see all): an unknown one is a 404 for every account.
  ['GET', '/api/imports', {}, signedIn],
  ['GET', '/api/imports/999999', {}, signedIn],
  ['GET', '/api/imports/999999/events', {}, signedIn],
  ['POST', '/api/imports/999999/dry-run', { body: { crs: 'EPSG:4326' } }, signedIn],
  ['POST', '/api/imports/999999/commit', { body: { mode: 'all-or-nothing' } }, signedIn],
  ['POST', '/api/imports/999999/cancel', {}, signedIn],
  ['DELETE', '/api/imports/999999', {}, signedIn],
  ['GET', '/api/hamlets/H1/inspections', {}, signedIn],
  ['POST', '/api/hamlets/H1/inspections', { body: { inspectedOn: 'hôm qua' } }, inspectors],
  ['PATCH', '/api/inspections/999999', { body: { note: 'x', ...stale } }, inspectors],
  ['DELETE', '/api/inspections/999999', { body: stale }, inspectors],
  ['GET', '/api/audit', {}, auditReaders],
  ['GET', '/api/users', {}, admins],
  ['POST', '/api/users', { body: { username: 'quyhoach', displayName: 'X', role: 'planner', password: 'mat-khau-dai-1' } }, admins],
  ['PATCH', '/api/users/quyhoach', { body: { displayName: 'X', ...stale } }, admins],
  ['GET', '/api/auth/tokens', {}, signedIn],
  ['POST', '/api/auth/tokens', { body: { name: '' } }, signedIn],
  ['DELETE', '/api/auth/tokens/999999', {}, signedIn],
  ['POST', '/api/auth/password', { body: { currentPassword: 'x', newPassword: 'ngan' } }, signedIn],
  ['GET', '/api/proposals', {}, signedIn],
  ['GET', '/api/proposals/DX-2026-9999', {}, signedIn],
  // S1 already carries Viettel: a permitted submission stops at 409.
  ['POST', '/api/proposals', { body: colocateOnS1 }, viettelProposal],
  ['POST', '/api/proposals/DX-2026-9999/decision', { body: { decision: 'reject', reason: 'x', ...stale } }, deciders],
  ['POST', '/api/proposals/DX-2026-9999/withdraw', { body: stale }, operators],
];

let db: TestDatabase;
let app: InProcessApp;
const clients = {} as Record<Who, { request(method: string, path: string, options?: RequestOptions): Promise<Answer> }>;

beforeAll(async () => {
  db = await openEmbeddedFixture();
  await createTestAccounts(db.knex);
  app = await startInProcessApp(db);
  clients.anonymous = { request: (m, p, o) => app.request(m, p, o) };
  const accounts: Record<Exclude<Who, 'anonymous'>, string> = {
    admin: 'quantri', planner: 'quyhoach', viettel: 'viettel.kt', vnpt: 'vnpt.kt', inspector: 'kiemtra',
  };
  for (const [role, username] of Object.entries(accounts)) clients[role as Who] = (await signIn(app, username)) as SignedInClient;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const checksum = async () =>
  (
    await db.knex.raw(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM (
      SELECT s::text AS t FROM site_records s UNION ALL SELECT b::text FROM bts_records b UNION ALL SELECT f::text FROM fiber_route_records f
      UNION ALL SELECT u::text FROM users u UNION ALL SELECT m::text FROM field_measurements m UNION ALL SELECT k::text FROM api_tokens k
      UNION ALL SELECT i::text FROM hamlet_inspections i UNION ALL SELECT p::text FROM proposals p) x`)
  ).rows[0].h as string;

describe('who may do what: every role × every endpoint', () => {
  it.each(matrix)('%s %s', async (method, path, options, expected) => {
    const before = await checksum();
    const seen: Record<string, number> = {};
    for (const w of who) {
      const r = await clients[w].request(method, path, options);
      expect(r.status, `${w}: ${r.text.slice(0, 300)}`).toBeLessThan(500);
      seen[w] = r.status;
      if (expected[w] === 'pass') {
        expect([401, 403], `${w} should pass: ${r.text.slice(0, 300)}`).not.toContain(r.status);
      } else {
        expect(r.status, `${w}`).toBe(expected[w]);
        expect(r.type).toContain('application/problem+json');
      }
    }
    expect(await checksum(), JSON.stringify(seen)).toBe(before);
  });

  it('explains a refusal in the user\'s language, naming the role and what it may not do', async () => {
    const vi = await clients.inspector.request('GET', '/api/users');
    expect(vi.body.detail).toBe('Vai trò "cán bộ kiểm tra" không có quyền quản lý tài khoản.');
    const en = await clients.inspector.request('GET', '/api/users?lang=en');
    expect(en.body.detail).toBe('Role "inspector" may not manage accounts.');
    const anonymous = await app.get('/api/users');
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="hatang"');
  });
});
