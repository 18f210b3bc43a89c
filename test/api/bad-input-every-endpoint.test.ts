import http from 'node:http';
import type { Express } from 'express';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authSettingsFrom } from '../../server/src/auth/auth-settings.js';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom } from '../../server/src/coverage/coverage-recompute.js';
import { sharingSettingsFrom } from '../../server/src/sharing/sharing-settings.js';
import { indicatorSettingsFrom } from '../../server/src/indicators/indicator-settings.js';
import { createApp } from '../../server/src/http/create-app.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { changedTables, tableChecksums, type ChecksumOptions, type TableChecksums } from '../support/table-checksums.js';
import { createTestAccounts, signIn, TEST_PASSWORD, type SignedInClient } from '../support/test-accounts.js';

// Bad input against every public endpoint: each case must get a 4xx
// application/problem+json with a (Vietnamese) detail, never a 5xx, and must
// leave every table as it was. Each case is sent anonymously and as a signed-in
// planner (and, where the planner's role lacks the permission, as the admin or
// the inspector), so the authorization layer does not hide a body-validation
// bug behind a 401 or 403. Each case is one fault away from a valid request:
// the valid requests themselves are checked first (reads) and last (writes).

const BODY_LIMIT = 1024 * 1024; // startInProcessApp's bodyLimitBytes (HATANG_BODY_LIMIT_BYTES in tests)
const IMPORT_LIMIT = 2 * 1024 * 1024; // HATANG_IMPORT_MAX_BYTES given to the app below
const validImportCsv = 'Mã trạm,Mã vị trí,Nhà mạng,Công nghệ,Băng tần (MHz),Độ cao anten (m),EIRP (dBm),Trạng thái\nBAD-IMP-1,S1,Viettel,4G,1800,30,58,Quy hoạch\n';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface Endpoint {
  method: Method;
  /** The Express path template as mounted (what the router walk finds). */
  path: string;
  /** Valid values of the path parameters. */
  params?: Record<string, string>;
  /** A valid query, unencoded. */
  query?: Record<string, string>;
  /** Query parameters holding free text: any character is fair, so only control characters and length make them bad. */
  freeQuery?: string[];
  /** More bad values (encoded) for one query parameter. */
  extraQuery?: Record<string, string[]>;
  /** A valid JSON body; without one the endpoint reads no body. */
  body?: () => Json;
  /** Body fields (by name, at any depth) holding free text: emoji, RTL marks or NFD are fair text there, NUL and lone surrogates are not. */
  freeText?: string[];
  /** Body fields for which null is a valid value. */
  nullable?: string[];
  /** A valid CSV body (text/csv) instead of JSON. */
  csv?: () => string;
  /** A valid file upload (application/octet-stream): the import's body. */
  upload?: () => Buffer;
  /** Reads If-Match. */
  versioned?: boolean;
  /** More bad values for one body field (by name). */
  extraBody?: Record<string, unknown[]>;
  /** Needs a permission the planner lacks: also sent as the account whose role has it. */
  alsoAs?: 'admin' | 'inspector' | 'viettel';
}

const validSite = { code: 'BAD-S9', name: 'Trạm thử', lon: 106.05, lat: 10.05, structureType: 'monopole', heightM: 30, owner: 'viettel', address: 'Ấp Mỹ Lợi', status: 'planned' };
const validBts = {
  code: 'BAD-B9', siteCode: 'S1', operator: 'viettel', technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 58,
  radiusOverrideM: 2000, environmentOverride: 'rural', status: 'planned', sectors: [{ azimuthDeg: 0, beamwidthDeg: 65, tiltDeg: 4 }],
};
const validFiber = {
  code: 'BAD-F9', name: 'Tuyến thử', operator: 'viettel', kind: 'access', laying: 'aerial', cores: 24, status: 'planned',
  geometry: { type: 'LineString', coordinates: [[106.0, 10.0], [106.01, 10.0]] },
};
const validWhatIf = {
  bts: [{ lon: 106.05, lat: 10.05, operator: 'viettel', technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 58, environment: 'rural', sectors: [{ azimuthDeg: 0, beamwidthDeg: 65 }] }],
  operator: '*',
  technologyGroup: 'broadband',
  scenario: 'planned',
};
const badScenarios = ['future', 'Planned', 'current,planned', 'approved'];
// MobiFone looking for a structure around S1 (S1 and S2 carry no MobiFone BTS).
const validColocation = { lon: 106.05, lat: 10.05, operator: 'mobifone', radiusM: 2000, technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 60, scenario: 'current' };
const validSitePlanner = { operator: 'mobifone', k: 2, technology: '4G', bandMHz: 1800, antennaHeightM: 30, unit: 'C1', boundarySet: 'T', gridM: 2000, scenario: 'planned', newSitePreference: 2 };
const validCsv = 'lon,lat,operator,technology,signal_dbm,download_mbps,time\n106.05,10.05,viettel,4G,-95,12.5,2026-11-20T09:30:00+07:00\n';
const validInspection = {
  inspectedOn: '2026-11-20', operator: 'viettel', technologyGroup: '4G', observedVerdict: 'covered', note: 'Sóng yếu trong nhà', measurementBatch: 'dot-1',
};
// Viettel co-locating on S4, a tower company's monopole carrying MobiFone (S1 and S2 already carry Viettel).
const validProposal = { kind: 'colocation', operator: 'viettel', siteKey: 'S4', radio: { technology: '4G', bandMHz: 1800, antennaHeightM: 28, eirpDbm: 58 }, note: 'Đề xuất dùng chung' };
const proposalYear = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date());
const firstProposalCode = `DX-${proposalYear}-0001`;
// The plan's registry: target 1 (site sharing, every unit, 2025) and reported value 1 (C1's FTTH share in 2024)
// are the planner's, made before the cases run; the valid creates below add others.
const validTarget = { indicator: 'population-4g', year: 2026, boundarySet: 'T', unit: 'C1', value: 0.95, document: 'Kế hoạch thử', note: 'Ghi chú' };
const validReportedValue = { indicator: 'households-ftth', period: '2024', boundarySet: 'T', unit: 'C2', value: 0.5, document: 'Báo cáo thử', note: 'Ghi chú' };
const badRegistry = {
  // Not a number, a share over 100 %, a share written in percent, a speed-sized number.
  value: ['12,5', 'abc', 1.2, 74.6, 200_000],
  indicator: ['no-such-indicator', 'Population-4g'],
  unit: ['C9', 'NC1'],
  boundarySet: ['X', 't', 'N'],
};
const badPeriods = ['2031', '2025-Q5', '2025-13', '2025-H3', 'năm 2025', '2025-q1'];
const badDays = ['0000-01-01', '2026-02-30', '2026-13-01', '2999-01-01', '+02026-01-01'];
const dates = ['2026-02-30', '2026-13-01', '0000-01-01', '2026-01-01T25:00', '2026-01-01T10:00+99:99', '99999-01-01', '1e3'];

function registerEndpoints(path: 'sites' | 'bts' | 'fiber', code: string, create: Json, update: Json, serveGet: boolean): Endpoint[] {
  const freeText = ['name', 'address'];
  const nullable = ['name', 'address', 'siteCode', 'radiusOverrideM', 'environmentOverride'];
  return [
    ...(serveGet ? [{ method: 'GET' as const, path: `/api/${path}/:code`, params: { code } }] : []),
    { method: 'POST', path: `/api/${path}`, body: () => structuredClone(create), freeText, nullable },
    { method: 'PATCH', path: `/api/${path}/:code`, params: { code }, body: () => structuredClone(update), freeText, nullable, versioned: true },
    { method: 'DELETE', path: `/api/${path}/:code`, params: { code }, body: () => ({ version: 1 }), versioned: true },
    { method: 'POST', path: `/api/${path}/:code/restore`, params: { code }, body: () => ({ version: 1 }), versioned: true },
  ];
}

/** Every public endpoint, with a valid request each case is a corruption of. */
const endpoints: Endpoint[] = [
  { method: 'GET', path: '/api/health' },
  { method: 'GET', path: '/api/meta' },
  { method: 'GET', path: '/api/auth/session' },
  { method: 'POST', path: '/api/auth/login', body: () => ({ username: 'quyhoach', password: TEST_PASSWORD }), freeText: ['password'] },
  { method: 'POST', path: '/api/auth/logout' },
  { method: 'POST', path: '/api/auth/password', body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-456' }), freeText: ['currentPassword', 'newPassword'] },
  { method: 'GET', path: '/api/auth/tokens' },
  { method: 'POST', path: '/api/auth/tokens', body: () => ({ name: 'Mã thử', expiresInDays: 30 }), freeText: ['name'] },
  // Token 1 is the planner's, created before the cases run.
  { method: 'DELETE', path: '/api/auth/tokens/:id', params: { id: '1' } },
  { method: 'GET', path: '/api/users', alsoAs: 'admin' },
  {
    method: 'POST', path: '/api/users', alsoAs: 'admin', freeText: ['displayName', 'password'], nullable: ['operator'],
    body: () => ({ username: 'moi.tk', displayName: 'Tài khoản mới', role: 'planner', password: 'mat-khau-moi-123' }),
  },
  {
    method: 'PATCH', path: '/api/users/:username', params: { username: 'kiemtra' }, alsoAs: 'admin', versioned: true,
    freeText: ['displayName', 'password'], nullable: ['operator'], body: () => ({ displayName: 'Kiểm tra viên', version: 1 }),
  },
  {
    method: 'GET', path: '/api/audit', freeQuery: ['code', 'actor'], extraQuery: { from: dates, to: dates },
    query: { entity: 'site', action: 'create', code: 'S1', actor: 'quyhoach', from: '2026-01-01', to: '2027-01-01', limit: '10', offset: '0' },
  },
  { method: 'POST', path: '/api/measurements', query: { batch: 'dot-thu' }, freeQuery: ['batch'], csv: () => validCsv },
  { method: 'GET', path: '/api/layers/measurements', query: { bbox: '106,10,106.2,10.2', operator: 'viettel', technology: '4G' } },
  {
    method: 'GET', path: '/api/layers/:layer', params: { layer: 'sites' },
    query: { bbox: '106,10,106.2,10.2', operator: 'viettel', technology: '4G', status: 'on_air', unit: 'C1', boundarySet: 'T' },
  },
  // The coverage readers take scenario=current|planned: anything else, in any case, or both at once is a 400.
  {
    method: 'GET', path: '/api/layers/:layer', params: { layer: 'coverage' },
    query: { bbox: '106,10,106.2,10.2', operator: '*', technology: 'broadband', scenario: 'planned' }, extraQuery: { scenario: badScenarios },
  },
  {
    method: 'GET', path: '/api/layers/:layer', params: { layer: 'gaps' },
    query: { bbox: '106,10,106.2,10.2', unit: 'C1', boundarySet: 'T', scenario: 'planned' }, extraQuery: { scenario: badScenarios },
  },
  { method: 'GET', path: '/api/layers/:layer', params: { layer: 'hamlets' }, query: { unit: 'C1', scenario: 'current' }, extraQuery: { scenario: badScenarios } },
  // The counts of the tiled layers take their tiles' filters (no v).
  {
    method: 'GET', path: '/api/layers/:layer/count', params: { layer: 'sites' },
    query: { operator: 'viettel', technology: '4G', status: 'on_air', unit: 'C1', boundarySet: 'T' }, extraQuery: { unit: ['C9', 'NC1'], boundarySet: ['X', 't'] },
  },
  {
    method: 'GET', path: '/api/layers/:layer/count', params: { layer: 'hamlets' },
    query: { operator: 'viettel', technology: '4G', unit: 'NC1', boundarySet: 'N', scenario: 'planned' },
    extraQuery: { operator: ['viettel,vnpt', 'gmobile'], technology: ['4G,3G', '6G'], scenario: badScenarios },
  },
  {
    method: 'GET', path: '/api/indicators', query: { unit: 'C1', boundarySet: 'T', scenario: 'planned' },
    extraQuery: { scenario: badScenarios, unit: ['C9', 'NC1'], boundarySet: ['X', 't'], period: ['2031', '2025-Q5', '2025-13', 'năm 2025'] },
  },
  {
    method: 'GET', path: '/api/indicators/units', query: { boundarySet: 'T', level: 'commune', scenario: 'planned', period: '2024', parent: 'D1' },
    extraQuery: { scenario: badScenarios, level: ['province', 'ward', 'district'], parent: ['C9', 'NC1'], period: ['2031', '2025-Q0'] },
  },
  { method: 'GET', path: '/api/indicator-snapshots' },
  { method: 'POST', path: '/api/indicator-snapshots', body: () => ({ label: 'Ảnh chụp thử', scenario: 'current', recompute: false }), freeText: ['label'] },
  { method: 'DELETE', path: '/api/indicator-snapshots/:id', params: { id: '1' }, extraQuery: {} },
  { method: 'GET', path: '/api/boundary-sets' },
  // The units of one level without polygons (the unit pickers): a level the list does not serve, an unknown or mis-cased set,
  // a parent not in the set (unknown, of another set, mis-cased) or not above the level (the district D1 for districts).
  {
    method: 'GET', path: '/api/admin-units', query: { boundarySet: 'T', level: 'district', parent: 'P' },
    extraQuery: { level: ['province', 'ward', 'district,commune'], boundarySet: ['X', 't'], parent: ['C9', 'NC1', 'p', 'D1'] },
  },
  { method: 'GET', path: '/api/boundary-sets/:from/crosswalk/:to', params: { from: 'T', to: 'N' } },
  { method: 'GET', path: '/api/indicator-registry' },
  {
    method: 'GET', path: '/api/reported-values', query: { indicator: 'households-ftth', boundarySet: 'T', unit: 'C1', period: '2024' },
    extraQuery: { indicator: badRegistry.indicator, unit: ['C9', 'NC1'], boundarySet: ['X', 't'], period: badPeriods },
  },
  { method: 'GET', path: '/api/reporting-periods' },
  { method: 'POST', path: '/api/reporting-periods', body: () => ({ code: '2026-Q1' }), extraBody: { code: [...badPeriods.slice(1), '2023', 2026] } },
  {
    method: 'POST', path: '/api/indicator-targets', body: () => ({ ...validTarget }), freeText: ['document', 'note'], nullable: ['document', 'note'],
    extraBody: { ...badRegistry, year: [1999, 2101, 2026.5] },
  },
  {
    method: 'PATCH', path: '/api/indicator-targets/:id', params: { id: '1' }, versioned: true, freeText: ['document', 'note'], nullable: ['document', 'note'],
    body: () => ({ year: 2026, value: 0.4, document: 'Kế hoạch sửa', note: null, version: 1 }), extraBody: { value: badRegistry.value, year: [1999, 2101] },
  },
  { method: 'DELETE', path: '/api/indicator-targets/:id', params: { id: '1' }, versioned: true, body: () => ({ version: 1 }) },
  {
    method: 'POST', path: '/api/reported-values', body: () => ({ ...validReportedValue }), freeText: ['document', 'note'], nullable: ['document', 'note'],
    extraBody: { ...badRegistry, period: badPeriods },
  },
  {
    method: 'PATCH', path: '/api/reported-values/:id', params: { id: '1' }, versioned: true, freeText: ['document', 'note'], nullable: ['document', 'note'],
    body: () => ({ value: 0.6, document: 'Báo cáo sửa', note: null, version: 1 }), extraBody: { value: badRegistry.value },
  },
  { method: 'DELETE', path: '/api/reported-values/:id', params: { id: '1' }, versioned: true, body: () => ({ version: 1 }) },
  { method: 'GET', path: '/api/sites/:code', params: { code: 'S1' } },
  { method: 'GET', path: '/api/sharing', query: { level: 'district', boundarySet: 'T', scenario: 'planned' } },
  { method: 'GET', path: '/api/sharing/summary', query: { boundarySet: 'T', scenario: 'planned' } },
  { method: 'GET', path: '/api/sharing/conflicts' },
  { method: 'GET', path: '/api/sharing/consolidation', query: { scenario: 'planned', boundarySet: 'T' } },
  ...registerEndpoints('sites', 'S1', validSite, { name: 'Trạm S1', heightM: 40, version: 1 }, false),
  ...registerEndpoints('bts', 'VT-S1-2G', validBts, { eirpDbm: 60, status: 'on_air', version: 1 }, true),
  ...registerEndpoints('fiber', 'F2', validFiber, { name: 'Nhánh', cores: 24, version: 1 }, true),
  { method: 'GET', path: '/api/search', query: { q: 'Cái Bè', limit: '5' }, freeQuery: ['q'] },
  {
    method: 'GET', path: '/api/coverage/range',
    query: { technology: '4G', bandMHz: '1800', antennaHeightM: '30', environment: 'rural', maplDb: '140', eirpDbm: '58', mobileHeightM: '1.5' },
  },
  { method: 'GET', path: '/api/coverage/model' },
  { method: 'POST', path: '/api/coverage/what-if', body: () => structuredClone(validWhatIf), extraBody: { scenario: badScenarios } },
  {
    method: 'POST', path: '/api/colocation/candidates', body: () => structuredClone(validColocation),
    // Outside the province (and swapped coordinates), a radius of 0, negative or above the 10 km limit,
    // a tower company, a band 4G does not use, a scenario that does not exist.
    extraBody: { lon: [10.05, 105.5, 0], lat: [106.05, 9.5], radiusM: [0, -5, 10_001, 1e6], operator: ['towerco', 'VIETTEL'], bandMHz: [1234, 3500], scenario: ['future', 'Planned'] },
  },
  {
    method: 'POST', path: '/api/site-planner', body: () => structuredClone(validSitePlanner),
    extraBody: { k: [0, 51, 2.5], operator: ['towerco'], bandMHz: [1234], gridM: [0, 100, 20_000], unit: ['C9'], boundarySet: ['X'] },
  },
  {
    method: 'GET', path: '/api/hamlets/coverage', query: { technology: '4G', operator: 'viettel', unit: 'C1', boundarySet: 'T', verdict: 'covered', scenario: 'planned' },
    extraQuery: { scenario: badScenarios },
  },
  { method: 'GET', path: '/api/hamlets/:code', params: { code: 'H1' }, query: { scenario: 'planned' }, extraQuery: { scenario: badScenarios } },
  { method: 'GET', path: '/api/hamlets/:code/inspections', params: { code: 'H1' } },
  {
    method: 'POST', path: '/api/hamlets/:code/inspections', params: { code: 'H1' }, alsoAs: 'inspector', body: () => ({ ...validInspection }),
    freeText: ['note', 'measurementBatch'], nullable: ['note', 'measurementBatch'], extraBody: { inspectedOn: badDays },
  },
  // Inspection 1 is recorded by the inspector before the cases run, so these reach a real record.
  {
    method: 'PATCH', path: '/api/inspections/:id', params: { id: '1' }, alsoAs: 'inspector', versioned: true, body: () => ({ note: 'Đã kiểm tra lại', version: 1 }),
    freeText: ['note', 'measurementBatch'], nullable: ['note', 'measurementBatch'],
  },
  { method: 'DELETE', path: '/api/inspections/:id', params: { id: '1' }, alsoAs: 'inspector', versioned: true, body: () => ({ version: 1 }) },
  { method: 'GET', path: '/api/proposals', query: { status: 'submitted,approved', operator: 'viettel', kind: 'colocation' } },
  { method: 'GET', path: '/api/proposals/:code', params: { code: firstProposalCode } },
  { method: 'POST', path: '/api/proposals', alsoAs: 'viettel', freeText: ['note', 'justification'], body: () => structuredClone(validProposal) },
  {
    method: 'POST', path: '/api/proposals/:code/decision', params: { code: firstProposalCode }, versioned: true, freeText: ['reason'],
    body: () => ({ decision: 'reject', reason: 'Cột không đủ tải trọng', version: 1 }),
  },
  { method: 'POST', path: '/api/proposals/:code/withdraw', params: { code: firstProposalCode }, alsoAs: 'viettel', versioned: true, body: () => ({ version: 1 }) },
  // Imports: run 1 is the planner's upload made in beforeAll (a valid CSV of one BTS on S1).
  {
    method: 'POST', path: '/api/imports', query: { layer: 'bts', fileName: 'tram-thu.csv', crs: 'EPSG:4326' }, freeQuery: ['fileName'],
    upload: () => Buffer.from(validImportCsv),
  },
  { method: 'GET', path: '/api/imports', query: { limit: '20' } },
  { method: 'GET', path: '/api/imports/:id', params: { id: '1' } },
  { method: 'GET', path: '/api/imports/:id/events', params: { id: '1' } },
  { method: 'POST', path: '/api/imports/:id/dry-run', params: { id: '1' }, nullable: ['crs', 'bandMHz'], body: () => ({ crs: 'EPSG:4326', mapping: { bandMHz: 'Băng tần (MHz)' } }) },
  { method: 'POST', path: '/api/imports/:id/commit', params: { id: '1' }, body: () => ({ mode: 'all-or-nothing' }) },
  { method: 'POST', path: '/api/imports/:id/cancel', params: { id: '1' } },
  { method: 'DELETE', path: '/api/imports/:id', params: { id: '1' } },
  {
    method: 'GET', path: '/tiles/:layer/:z/:x/:y.mvt', params: { layer: 'sites', z: '10', x: '813', y: '483' },
    query: { operator: 'viettel', technology: '4G', status: 'on_air', unit: 'C1', boundarySet: 'T', v: '1' },
    extraQuery: { unit: ['C9', 'NC1', 'c1'], boundarySet: ['X', 't'] },
  },
  {
    method: 'GET', path: '/tiles/:layer/:z/:x/:y.mvt', params: { layer: 'hamlets', z: '10', x: '813', y: '483' },
    query: { unit: 'NC1', boundarySet: 'N', scenario: 'planned' }, extraQuery: { unit: ['C1', 'NC9'], boundarySet: ['T ', 'n'], scenario: badScenarios },
  },
  // Exports take their map layer's filters (sites: all of them); the OGC API its own parameters.
  {
    method: 'GET', path: '/api/exports/:file', params: { file: 'sites.csv' },
    query: { bbox: '106,10,106.2,10.2', operator: 'viettel', technology: '4G', status: 'on_air', unit: 'C1', boundarySet: 'T' },
  },
  // The table exports (no geometry, CSV or XLSX), each with its own parameters.
  {
    method: 'GET', path: '/api/exports/:file', params: { file: 'indicators.xlsx' }, query: { boundarySet: 'T', level: 'commune', scenario: 'planned', period: '2024', parent: 'D1' },
    extraQuery: { scenario: badScenarios, level: ['ward', 'district', 'province'], parent: ['C9', 'NC1'], period: ['2031', '2025-Q5'], boundarySet: ['X', 't'] },
  },
  {
    method: 'GET', path: '/api/exports/:file', params: { file: 'hamlet-coverage.csv' },
    query: { technology: '4G', operator: 'viettel', unit: 'C1', boundarySet: 'T', verdict: 'covered', scenario: 'planned' },
    extraQuery: { scenario: badScenarios, verdict: ['covered,gone'], unit: ['NC1'] },
  },
  { method: 'GET', path: '/api/exports/:file', params: { file: 'crosswalk.xlsx' }, query: { from: 'T', to: 'N' }, extraQuery: { to: ['T', 'n'], from: ['N ', 'X'] } },
  {
    method: 'GET', path: '/api/exports/:file', params: { file: 'reported-values.csv' }, query: { boundarySet: 'T', indicator: 'households-ftth', period: '2024' },
    extraQuery: { indicator: ['HOUSEHOLDS-FTTH', 'households-ftth,population-4g', 'speed'], period: ['2031', '2024-Q0'] },
  },
  { method: 'GET', path: '/ogc/', query: { f: 'json' } },
  { method: 'GET', path: '/ogc/api', query: { f: 'json' } },
  { method: 'GET', path: '/ogc/conformance', query: { f: 'html' } },
  { method: 'GET', path: '/ogc/collections', query: { f: 'json' } },
  { method: 'GET', path: '/ogc/collections/:collectionId', params: { collectionId: 'fiber' }, query: { f: 'html' } },
  {
    method: 'GET', path: '/ogc/collections/:collectionId/items', params: { collectionId: 'sites' },
    query: { bbox: '106,10,106.2,10.2', limit: '2', offset: '1', datetime: '2026-01-01T00:00:00Z/..', f: 'json' },
    extraQuery: { limit: ['0', '-1', '1.5'], offset: ['-1', '2147483648000'], datetime: ['2026-02-30', '../..', '2026-01-01T25:00:00Z'], f: ['xml', 'JSON'] },
  },
  { method: 'GET', path: '/ogc/collections/:collectionId/items/:featureId', params: { collectionId: 'bts', featureId: 'VT-S1-4G' }, query: { f: 'json' } },
];

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

// ---------------------------------------------------------------------------
// The cases.

interface Case {
  label: string;
  method: string;
  /** Raw request target: already percent-encoded (or deliberately not). */
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Send the body chunked, without Content-Length. */
  chunked?: boolean;
  expectStatus?: number;
  /** Only "no 5xx and no change": a case a well-behaved server may also answer with a 2xx (a stale or garbled cookie). */
  anyStatus?: boolean;
  /** Who sends it: both by default. */
  only?: 'anonymous' | 'signed-in';
}

const enc = encodeURIComponent;
const nfdVietnamese = 'Cái Bè'.normalize('NFD');
const megabyte = 'x'.repeat(1_000_000);

function fillPath(ep: Endpoint, params: Record<string, string> = {}): string {
  return ep.path.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? enc(ep.params![name]!));
}
function queryText(query: Record<string, string> | undefined): string {
  return Object.entries(query ?? {}).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
}
function target(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** The endpoint's valid body, as bytes with its content type (none for a body-less endpoint). */
function validPayload(ep: Endpoint): { body?: Buffer; headers: Record<string, string> } {
  if (ep.upload) return { body: ep.upload(), headers: { 'content-type': 'application/octet-stream' } };
  if (ep.csv) return { body: Buffer.from(ep.csv()), headers: { 'content-type': 'text/csv' } };
  if (ep.body) return { body: json(ep.body()), headers: { 'content-type': 'application/json' } };
  return { headers: {} };
}

/** Malformed at the parser: refused whatever the endpoint (express.json runs before every route). */
const unparsableJson: [string, string | Buffer][] = [
  ['truncated JSON', '{"code":'],
  ['a missing value', '{"a":}'],
  ['single quotes', "{'a':1}"],
  ['a trailing comma', '{"a":1,}'],
  ['NaN', '{"a":NaN}'],
  ['Infinity', '{"a":Infinity}'],
  ['-Infinity', '{"a":-Infinity}'],
  ['trailing garbage', '{"a":1} x'],
  ['a raw NUL byte in a string', '{"a":"x\u0000y"}'],
  ['a raw newline in a string', '{"a":"x\ny"}'],
  ['a leading-zero number', '{"a":01}'],
  ['a hex number', '{"a":0x10}'],
  ['a comment', '{"a":1 /* c */}'],
];

function parserCases(ep: Endpoint, path: string): Case[] {
  const cases: Case[] = unparsableJson.map(([label, text]) => ({
    label: `JSON body: ${label}`, method: ep.method, path, headers: { 'content-type': 'application/json' }, body: Buffer.from(text),
  }));
  const tooLarge = Buffer.from(`{"code":"${'x'.repeat(BODY_LIMIT)}"}`);
  cases.push(
    { label: 'JSON body over the limit', method: ep.method, path, headers: { 'content-type': 'application/json' }, body: tooLarge, expectStatus: 413 },
    { label: 'JSON body over the limit, chunked', method: ep.method, path, headers: { 'content-type': 'application/json' }, body: tooLarge, chunked: true, expectStatus: 413 },
    { label: 'JSON declared latin1', method: ep.method, path, headers: { 'content-type': 'application/json; charset=latin1' }, body: Buffer.from('{}') },
    { label: 'JSON declared utf-16', method: ep.method, path, headers: { 'content-type': 'application/json; charset=utf-16' }, body: Buffer.from('{}') },
    { label: 'gzip that is not gzip', method: ep.method, path, headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: Buffer.from('{}') },
    { label: 'an unknown content encoding', method: ep.method, path, headers: { 'content-type': 'application/json', 'content-encoding': 'compress' }, body: Buffer.from('{}') },
  );
  return cases;
}

const unicodeIdentifiers = (v: string): [string, string][] => [
  ['with NUL', `${v}\u0000`],
  ['a lone high surrogate', '\ud800'],
  ['with a lone low surrogate', `${v}\udc00`],
  ['with an RTL override', `\u202E${v}`],
  ['with a combining mark', `${v}\u0301`],
  ['with a 4-byte emoji', `${v}\u{1F4E1}`],
  ['NFD Vietnamese', nfdVietnamese],
  ['empty', ''],
  ['a path traversal', '../../etc/passwd'],
  ['1 MB long', megabyte],
];
const unicodeFreeText = (v: string): [string, string][] => [
  ['with NUL', `${v}\u0000`],
  ['with a lone high surrogate', `${v}\ud800`],
  ['with a lone low surrogate', `\udc00${v}`],
  ['1 MB long', megabyte],
];

// Raw JSON text for values JSON.stringify cannot write (huge literals, non-JSON numbers).
const RAW = '\u0001raw:';
const raw = (text: string) => `${RAW}${text}`;
function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0001raw:([^"]*)"/g, '$1');
}
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const numberValues: [string, unknown][] = [
  ['a numeric string', '12'],
  ['a boolean', true],
  ['an array', [1]],
  ['an object', { v: 1 }],
  ['1e308', 1e308],
  ['-1e308', -1e308],
  ['1e309 (overflows to Infinity)', raw('1e309')],
  ['-1e309', raw('-1e309')],
  ['2^53 + 1', raw('9007199254740993')],
  ['a 400-digit integer', raw('9'.repeat(400))],
];
const booleanValues: [string, unknown][] = [['a string', 'true'], ['a number', 1], ['an array', []], ['an object', {}]];
const containerValues = (isArray: boolean): [string, unknown][] => [
  ['a string', 'x'],
  ['a number', 1],
  [isArray ? 'an object' : 'an array', isArray ? {} : []],
  [isArray ? 'an empty array' : 'an empty object', isArray ? [] : {}],
  ['nested 10,000 levels deep', raw(deepArray(10_000))],
];

interface Leaf {
  path: (string | number)[];
  value: unknown;
}
function leaves(value: unknown, path: (string | number)[] = []): Leaf[] {
  const here: Leaf[] = path.length ? [{ path, value }] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => leaves(v, [...path, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))];
  return here;
}
function withValue(body: Json, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as any;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path.at(-1)!] = value;
  return copy;
}
const lastName = (path: (string | number)[]) => [...path].reverse().find((k) => typeof k === 'string') ?? '';

/** Body cases of an endpoint that reads a JSON body. */
function jsonBodyCases(ep: Endpoint, path: string): Case[] {
  const valid = ep.body!();
  const validText = JSON.stringify(valid);
  const cases: Case[] = [];
  const send = (label: string, text: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }, extra: Partial<Case> = {}) =>
    cases.push({ label, method: ep.method, path, headers, body: typeof text === 'string' ? Buffer.from(text) : text, ...extra });

  // The body as a whole.
  for (const [label, text] of [
    ['a string', '"quyhoach"'],
    ['a number', '42'],
    ['null', 'null'],
    ['true', 'true'],
    ['an empty array', '[]'],
    ['an array holding the valid body', `[${validText}]`],
    ['an empty object', '{}'],
    ['an object nested 10,000 levels deep', deepObject(10_000)],
    ['an array nested 10,000 levels deep', deepArray(10_000)],
    ['the valid body with an unknown field', jsonText({ ...(valid as object), colour: 'red' })],
    ['the valid body with a __proto__ field', validText.replace(/^\{/, '{"__proto__":{"role":"admin","version":1},')],
    ['the valid body with a constructor field', validText.replace(/^\{/, '{"constructor":{"prototype":{}},')],
    ['the valid body with a NUL field name', validText.replace(/^\{/, '{"\\u0000":1,')],
    ['the valid body with a lone-surrogate field name', validText.replace(/^\{/, '{"\\ud800":1,')],
  ] as const) {
    send(`body is ${label}`, text);
  }
  send('the valid body as text/plain', validText, { 'content-type': 'text/plain' });
  send('the valid body without a content type', validText, {});
  send('the valid body as application/x-www-form-urlencoded', 'code=BAD&version=1', { 'content-type': 'application/x-www-form-urlencoded' });
  send('the valid body as multipart/form-data', '--b\r\nContent-Disposition: form-data; name="version"\r\n\r\n1\r\n--b--\r\n', {
    'content-type': 'multipart/form-data; boundary=b',
  });
  send('the valid body as application/xml', '<site><code>BAD</code></site>', { 'content-type': 'application/xml' });
  send('the valid body as application/merge-patch+json', validText, { 'content-type': 'application/merge-patch+json' });
  send('the valid body declared latin1', validText, { 'content-type': 'application/json; charset=latin1' });
  send('the valid body, gzip declared but not applied', validText, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
  send('an empty JSON body', '', { 'content-type': 'application/json' });
  // Invalid UTF-8 in the bytes: a stray 0xFF, and a lone surrogate encoded as UTF-8 would (WTF-8).
  const firstString = /"((?:[^"\\]|\\.)*)"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(validText);
  for (const [label, bytes] of [['a 0xFF byte', [0xff]], ['a UTF-8-encoded lone surrogate', [0xed, 0xa0, 0x80]]] as const) {
    const at = firstString ? firstString.index + firstString[0].length - 1 : 1;
    const text = firstString ? validText : `{"\u0000":0,${validText.slice(1)}`;
    send(`invalid UTF-8 in the body: ${label}`, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]));
  }

  // Each field (at any depth) given a value of the wrong type or shape.
  for (const leaf of leaves(valid)) {
    const name = lastName(leaf.path);
    const where = leaf.path.join('.');
    const values: [string, unknown][] = [];
    if (typeof leaf.value === 'string') {
      const free = ep.freeText?.includes(name);
      values.push(['a number', 123], ['a boolean', true], ['an array', [leaf.value]], ['an object', { value: leaf.value }]);
      values.push(...(free ? unicodeFreeText(leaf.value) : unicodeIdentifiers(leaf.value)));
    } else if (typeof leaf.value === 'number') {
      values.push(...numberValues);
    } else if (typeof leaf.value === 'boolean') {
      values.push(...booleanValues);
    } else if (leaf.value !== null && typeof leaf.value === 'object') {
      values.push(...containerValues(Array.isArray(leaf.value)));
      if (!Array.isArray(leaf.value)) values.push(['with an unknown field', { ...(leaf.value as object), colour: 'red' }]);
    }
    if (!ep.nullable?.includes(name) && leaf.value !== null) values.push(['null', null]);
    for (const value of ep.extraBody?.[name] ?? []) values.push([JSON.stringify(value), value]);
    for (const [label, value] of values) send(`${where} is ${label}`, jsonText(withValue(valid, leaf.path, value)));
  }
  return cases;
}

/** Body cases of the CSV import. */
function csvBodyCases(ep: Endpoint, path: string): Case[] {
  const valid = ep.csv!();
  const [header, row] = valid.trim().split('\n') as [string, string];
  const columns = header.split(',');
  const cells = row.split(',');
  const cases: Case[] = [];
  const send = (label: string, body: string | Buffer, contentType: string | null = 'text/csv', extra: Partial<Case> = {}) =>
    cases.push({ label, method: ep.method, path, headers: contentType ? { 'content-type': contentType } : {}, body: typeof body === 'string' ? Buffer.from(body) : body, ...extra });
  const withCell = (i: number, value: string | Buffer) => {
    const before = `${header}\n${cells.slice(0, i).map((c) => `${c},`).join('')}`;
    const after = `${cells.slice(i + 1).map((c) => `,${c}`).join('')}\n`;
    return Buffer.concat([Buffer.from(before), typeof value === 'string' ? Buffer.from(value) : value, Buffer.from(after)]);
  };
  columns.forEach((column, i) => {
    const v = cells[i]!;
    const values: [string, string | Buffer][] = [
      ['NaN', 'NaN'], ['Infinity', 'Infinity'], ['-Infinity', '-Infinity'], ['1e309', '1e309'], ['1e3', '1e3'], ['0x10', '0x10'],
      ['a 400-digit number', '9'.repeat(400)], ['fullwidth digits', '１０６'], ['with NUL', `${v}\u0000`],
      ['with a UTF-8-encoded lone surrogate', Buffer.concat([Buffer.from(v), Buffer.from([0xed, 0xa0, 0x80])])], ['with a 0xFF byte', Buffer.concat([Buffer.from(v), Buffer.from([0xff])])],
      ['with an RTL override', `\u202E${v}`], ['with a combining mark', `${v}\u0301`], ['with a 4-byte emoji', `${v}\u{1F4E1}`], ['NFD Vietnamese', nfdVietnamese],
      ['an unbalanced quote', `"${v}`], ['1 MB long', megabyte],
    ];
    if (column !== 'download_mbps') values.push(['empty', '']);
    // Operator names match ignoring diacritics ("Viettél" is Viettel), so a combining mark there is a fair spelling.
    if (column === 'operator') values.splice(values.findIndex(([label]) => label === 'with a combining mark'), 1);
    if (column === 'time') for (const d of ['0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-13-01', '9999-12-31T23:59:59-12:00', '2026-01-01T10:00:00+99:99']) values.push([d, d]);
    for (const [label, value] of values) send(`CSV ${column} is ${label}`, withCell(i, value));
  });
  send('an empty CSV', '');
  send('a CSV of only the header', `${header}\n`);
  send('a ragged CSV row', `${header}\n106.05,10.05,viettel\n`);
  send('a CSV without the required columns', 'a,b\n1,2\n');
  send('a CSV with a 1 MB header', `${megabyte}\n${row}\n`);
  // The import reads its body only for an account that may import: anonymous callers get their 401 first.
  const tooLarge = `${header}\n${`${row}\n`.repeat(Math.ceil(BODY_LIMIT / row.length))}`;
  send('a CSV over the body limit', tooLarge, 'text/csv', { expectStatus: 413, only: 'signed-in' });
  send('a CSV over the body limit, chunked', tooLarge, 'text/csv', { expectStatus: 413, chunked: true, only: 'signed-in' });
  send('a CSV over the body limit, anonymously', tooLarge, 'text/csv', { only: 'anonymous' });
  send('the CSV as JSON text with text/plain', JSON.stringify({ csv: valid }), 'text/plain');
  send('the CSV sent as application/json', JSON.stringify(valid), 'application/json');
  send('the CSV without a content type', valid, null);
  send('the CSV as application/octet-stream', valid, 'application/octet-stream');
  send('the CSV in an unknown charset', valid, 'text/csv; charset=x-unknown');
  send('the CSV declared utf-16', valid, 'text/csv; charset=utf-16');
  send('the CSV, gzip declared but not applied', valid, 'text/csv', { headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip' } });
  return cases;
}

/**
 * Body cases of the file import: files no reader can read. (A readable file with bad rows is
 * not bad input: it gets its row-by-row report, and its commit is refused — see imports-api.)
 */
function uploadBodyCases(ep: Endpoint, path: string): Case[] {
  const cases: Case[] = [];
  const send = (label: string, body: Buffer, contentType = 'application/octet-stream', extra: Partial<Case> = {}) =>
    cases.push({ label, method: ep.method, path, headers: { 'content-type': contentType }, body, ...extra, only: extra.only ?? 'signed-in' });
  const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
  send('an empty file', Buffer.alloc(0));
  send('random bytes', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 73 + 41) % 256)));
  send('a zip with nothing after its signature', Buffer.concat([zipHeader, Buffer.alloc(60)]));
  send('an old Excel 97 workbook', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
  send('KML with a DOCTYPE (entity expansion)', Buffer.from('<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaa">]><kml xmlns="http://www.opengis.net/kml/2.2"><Document>&a;</Document></kml>'));
  send('KML never closed', Buffer.from('<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>'));
  send('GeoJSON cut short', Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature",'));
  send('GeoJSON nested 10,000 levels deep', Buffer.from(`{"type":"FeatureCollection","features":${deepArray(10_000)}}`));
  send('a CSV of only its header', Buffer.from('Mã trạm,Nhà mạng\n'));
  send('a CSV with a header named twice', Buffer.from('Mã trạm,Mã trạm\nA,B\n'));
  send('a CSV in TCVN3 (ABC) bytes', Buffer.from([0x4d, 0xb8, 0x20, 0x74, 0x72, 0xb9, 0x6d, 0x0a, 0x54, 0x72, 0xb9, 0x6d, 0x0a]));
  send('a CSV in bytes that are no Vietnamese encoding', Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x80, 0x81, 0x8d, 0x2c, 0x9f, 0x0a]));
  // The file body has its own limit (HATANG_IMPORT_MAX_BYTES), read only for an account that may import.
  send('an upload over the limit', Buffer.alloc(IMPORT_LIMIT + 1, 0x61), 'application/octet-stream', { expectStatus: 413 });
  send('an upload over the limit, chunked', Buffer.alloc(IMPORT_LIMIT + 1, 0x61), 'application/octet-stream', { expectStatus: 413, chunked: true });
  return cases;
}

const pathValues: [string, string][] = [
  ['an encoded ../../etc/passwd', '..%2F..%2Fetc%2Fpasswd'],
  ['%2e%2e%2f', '%2e%2e%2f'],
  ['%2E%2E', '%2E%2E'],
  ['..', '..'],
  ['.', '.'],
  ['a raw ../../etc/passwd', '../../etc/passwd'],
  ['an encoded ..\\..\\', '..%5C..%5Cwindows'],
  ['an overlong-UTF-8 ../', '%C0%AE%C0%AE%2F'],
  ['an encoded NUL', '%00'],
  ['a code with an encoded NUL', 'S1%00'],
  ['an encoded NUL then ../', '%00..%2F'],
  ['a UTF-8-encoded lone surrogate', '%ED%A0%80'],
  ['an RTL override', `${enc('\u202E')}S1`],
  ['a combining mark', `S1${enc('\u0301')}`],
  ['a 4-byte emoji', enc('\u{1F4E1}')],
  ['NFD Vietnamese', enc(nfdVietnamese)],
  ['NFC Vietnamese', enc('Cái Bè')],
  ['a broken percent escape', '%E0%A4%A'],
  ['a lone %', '%'],
  ['%zz', '%zz'],
  ['10 kB long', 'x'.repeat(10_000)],
  ['SQL', enc("S1' OR 1=1--")],
  ['markup', enc('<script>')],
];

const queryValues = (v: string): [string, string][] => [
  ['empty', ''],
  ['an encoded NUL', `${enc(v)}%00`],
  ['a UTF-8-encoded lone surrogate', '%ED%A0%80'],
  ['an RTL override', `${enc('\u202E')}${enc(v)}`],
  ['a combining mark', `${enc(v)}${enc('\u0301')}`],
  ['a 4-byte emoji', `${enc(v)}${enc('\u{1F4E1}')}`],
  ['NFD Vietnamese', enc(nfdVietnamese)],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['-Infinity', '-Infinity'],
  ['1e309', '1e309'],
  ['1e3', '1e3'],
  ['0x10', '0x10'],
  ['a 400-digit number', '9'.repeat(400)],
  ['10 kB long', 'x'.repeat(10_000)],
  ['SQL', enc("' OR 1=1--")],
  ['an encoded ../../etc/passwd', '..%2F..%2Fetc%2Fpasswd'],
  ['a broken percent escape', '%E0%A4%A'],
];
const freeQueryValues: [string, string][] = [
  ['an encoded NUL', 'ab%00cd'],
  ['a control character', 'ab%01cd'],
  ['10 kB long', 'x'.repeat(10_000)],
];

function queryCases(ep: Endpoint, path: string, payload: { body?: Buffer; headers: Record<string, string> }): Case[] {
  const valid = queryText(ep.query);
  const and = (extra: string) => (valid ? `${valid}&${extra}` : extra);
  const cases: Case[] = [];
  const send = (label: string, query: string) => cases.push({ label, method: ep.method, path: target(path, query), ...payload });
  send('an unknown query parameter', and('colour=red'));
  send('lang sent twice', and('lang=vi&lang=en'));
  send('lang[] (array-valued)', and('lang[]=vi'));
  send('lang[0] (array-valued)', and('lang[0]=vi'));
  send('a __proto__ parameter', and('__proto__=x'));
  send('a parameter named NUL', and('%00=1'));
  send('1,000 parameters', and(Array.from({ length: 1000 }, (_, i) => `p${i}=${i}`).join('&')));
  send('1,000 copies of lang', and(Array.from({ length: 1000 }, () => 'lang=vi').join('&')));
  send('a 100 kB query string', and(`q=${'x'.repeat(100_000)}`));
  for (const [key, value] of Object.entries(ep.query ?? {})) {
    const others = queryText(Object.fromEntries(Object.entries(ep.query!).filter(([k]) => k !== key)));
    const withValue = (v: string) => (others ? `${others}&${enc(key)}=${v}` : `${enc(key)}=${v}`);
    send(`${key} sent twice`, and(`${enc(key)}=${enc(value)}`));
    send(`${key}[] (array-valued)`, `${others ? `${others}&` : ''}${enc(key)}[]=${enc(value)}`);
    const values = ep.freeQuery?.includes(key) ? freeQueryValues : queryValues(value);
    for (const [label, v] of [...values, ...(ep.extraQuery?.[key] ?? []).map((x): [string, string] => [x, enc(x)])]) send(`${key} is ${label}`, withValue(v));
  }
  return cases;
}

function casesOf(ep: Endpoint): Case[] {
  const path = fillPath(ep);
  const fullPath = target(path, queryText(ep.query));
  const payload = validPayload(ep);
  const cases: Case[] = [];
  cases.push(...parserCases(ep, fullPath));
  cases.push(...queryCases(ep, path, payload));
  for (const name of Object.keys(ep.params ?? {})) {
    for (const [label, value] of pathValues) {
      cases.push({ label: `path parameter ${name} is ${label}`, method: ep.method, path: target(fillPath(ep, { [name]: value }), queryText(ep.query)), ...payload });
    }
  }
  if (ep.body) cases.push(...jsonBodyCases(ep, fullPath));
  if (ep.csv) cases.push(...csvBodyCases(ep, fullPath));
  if (ep.upload) cases.push(...uploadBodyCases(ep, fullPath));
  // Credentials that are not: refused, never read as anonymous.
  for (const [label, authorization] of [
    ['a malformed bearer token', 'Bearer nope'],
    ['an unknown API token', `Bearer hat_AAAAAAAA_${'B'.repeat(43)}`],
    ['Basic credentials', 'Basic cXV5aG9hY2g6eA=='],
    ['a 10 kB bearer token', `Bearer ${'x'.repeat(10_000)}`],
  ]) {
    cases.push({ label: `Authorization: ${label}`, method: ep.method, path: fullPath, ...payload, headers: { ...payload.headers, authorization: authorization! }, only: 'anonymous' });
  }
  if (ep.method !== 'GET') {
    cases.push(
      { label: 'a write from another origin', method: ep.method, path: fullPath, ...payload, headers: { ...payload.headers, origin: 'https://evil.example' }, only: 'signed-in' },
      { label: 'an Origin that is not a URL', method: ep.method, path: fullPath, ...payload, headers: { ...payload.headers, origin: 'not a url' }, only: 'signed-in' },
      { label: 'a wrong CSRF token', method: ep.method, path: fullPath, ...payload, headers: { ...payload.headers, 'x-csrf-token': 'wrong' }, only: 'signed-in' },
    );
  }
  if (ep.versioned) {
    const unversioned = ep.body ? json({ ...(ep.body() as object), version: undefined }) : undefined;
    for (const ifMatch of ['abc', '"1", "2"', '*', 'W/"x"', '"9999999999"', '"-1"', `"${'9'.repeat(400)}"`]) {
      cases.push({ label: `If-Match: ${ifMatch.slice(0, 20)}`, method: ep.method, path: fullPath, headers: { 'content-type': 'application/json', 'if-match': ifMatch }, body: unversioned, only: 'signed-in' });
    }
    cases.push({ label: 'If-Match and body version disagree', method: ep.method, path: fullPath, headers: { 'content-type': 'application/json', 'if-match': '"1"' }, body: json({ ...(ep.body?.() as object), version: 2 }), only: 'signed-in' });
  }
  // A garbled or oversized session cookie is no session: never a 5xx, and it is cleared.
  for (const [label, cookie] of [['a broken percent escape', '%E0%A4%A'], ['an encoded NUL', '%00'], ['4 kB long', 'x'.repeat(4000)]]) {
    cases.push({ label: `session cookie is ${label}`, method: ep.method, path: fullPath, headers: { cookie: `hatang_session=${cookie}` }, anyStatus: true, only: 'anonymous' });
  }
  return cases;
}

// ---------------------------------------------------------------------------
// Sending them.

interface RawAnswer {
  status: number;
  type: string;
  text: string;
  body: any;
  setCookie: string[];
}

function send(agent: http.Agent, port: number, c: Case, actorHeaders: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const headers: Record<string, string> = { ...actorHeaders, ...(c.headers ?? {}) };
    // Explicitly chunked: Node's client sends a GET or DELETE body unframed otherwise.
    if (c.body) headers[c.chunked ? 'transfer-encoding' : 'content-length'] = c.chunked ? 'chunked' : String(c.body.length);
    const request = http.request({ host: '127.0.0.1', port, method: c.method, path: c.path, headers, agent }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
        const setCookie = response.headers['set-cookie'] ?? [];
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type'] ?? ''), text, body, setCookie });
      });
    });
    // A server may answer (413) and close before the whole body is sent: that answer counts.
    request.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (c.body && c.chunked) {
      for (let i = 0; i < c.body.length; i += 64 * 1024) request.write(c.body.subarray(i, i + 64 * 1024));
      request.end();
    } else {
      request.end(c.body);
    }
  });
}

const vietnamese = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/iu;

/** Why the answer is wrong for a bad request, or null when it is right. */
function wrongAnswer(c: Case, a: RawAnswer): string | null {
  if (a.status >= 500) return `${a.status} ${a.text.slice(0, 200)}`;
  if (c.anyStatus) return null;
  if (c.expectStatus && a.status !== c.expectStatus) return `${a.status}, expected ${c.expectStatus}: ${a.text.slice(0, 200)}`;
  if (a.status < 400) return `${a.status} (accepted): ${a.text.slice(0, 200)}`;
  if (!a.type.startsWith('application/problem+json')) return `${a.status} with content type "${a.type}": ${a.text.slice(0, 200)}`;
  const detail: unknown = a.body?.detail;
  if (typeof detail !== 'string' || detail.trim() === '') return `${a.status} without a detail: ${a.text.slice(0, 200)}`;
  if (!vietnamese.test(detail)) return `${a.status} with a detail not in Vietnamese: ${detail.slice(0, 200)}`;
  if (a.body.status !== a.status) return `${a.status} with status ${String(a.body.status)} in the body`;
  return null;
}

async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

// audit_log may gain login_failed entries (a bad sign-in is recorded, and throttles); nothing else.
// A session's expiry slides forward on use (at most once a minute): that is the valid part of a signed-in request.
const checksumOptions: ChecksumOptions = {
  where: { audit_log: "t.action <> 'login_failed'" },
  ignoreColumns: { sessions: ['last_seen_at', 'expires_at'] },
};

function summary(ep: Endpoint): string {
  return routeKey(ep.method, ep.path);
}

// ---------------------------------------------------------------------------

/** Every route the app serves, as "METHOD /path/template", from Express 5's router stack. */
function appRoutes(app: Express): string[] {
  interface Layer {
    route?: { path: string | RegExp | (string | RegExp)[]; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
    rawPath?: unknown;
  }
  const found: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods).filter((m) => layer.route!.methods[m])) {
          for (const p of paths) found.push(routeKey(method === '_all' ? 'ALL' : method, `${prefix}${String(p)}`));
        }
      } else if (Array.isArray(layer.handle?.stack)) {
        if (typeof layer.rawPath !== 'string') throw new Error(`cannot read the mount path of a router (rawPath is ${typeof layer.rawPath})`);
        walk(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : layer.rawPath));
      }
    }
  };
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  walk(router.stack, '');
  return found;
}

describe('the bad-input suite covers every route', () => {
  it('lists every route the app serves, and no route it does not', () => {
    const { config } = loadConfig({});
    const app = createApp({
      // Route modules only close over the database; nothing is queried while the app is built.
      knex: null as unknown as Knex,
      databaseKind: 'embedded',
      maxFeatures: 50_000,
      maxSearchLength: 100,
      bodyLimitBytes: BODY_LIMIT,
      coverage: coverageParamsFrom(config),
      sharing: sharingSettingsFrom(config),
      indicators: indicatorSettingsFrom(config),
      ...authSettingsFrom(config),
    });
    const served = [...new Set(appRoutes(app))].sort();
    const listed = [...new Set(endpoints.map(summary))].sort();
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((r) => !listed.includes(r)), 'routes without bad-input cases: add them to `endpoints`').toEqual([]);
    expect(listed.filter((r) => !served.includes(r)), 'listed endpoints the app does not serve').toEqual([]);
  });
});

describe.each(databaseTargets())('bad input against every endpoint on the $label database', ({ open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  let port: number;
  let agent: http.Agent;
  let planner: SignedInClient;
  let extra: Record<'admin' | 'inspector' | 'viettel', SignedInClient>;
  let baseline: TableChecksums;
  let auditEntries: number;
  const countAudit = async () =>
    (await db.knex.raw(`SELECT count(*)::int AS n FROM audit_log WHERE action <> 'login_failed'`)).rows[0].n as number;

  beforeAll(async () => {
    db = await open();
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db, { env: { HATANG_IMPORT_MAX_BYTES: String(IMPORT_LIMIT) } });
    port = Number(new URL(app.base).port);
    agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    const [p, admin, inspector, viettel] = await Promise.all([signIn(app, 'quyhoach'), signIn(app, 'quantri'), signIn(app, 'kiemtra'), signIn(app, 'viettel.kt')]);
    planner = p!;
    extra = { admin: admin!, inspector: inspector!, viettel: viettel! };
    // Real records for the endpoints that change one: the planner's API token 1 and the inspector's inspection 1.
    const token = await planner.request('POST', '/api/auth/tokens', { body: { name: 'Mã của kịch bản' } });
    const inspection = await inspector!.request('POST', '/api/hamlets/H1/inspections', { body: validInspection });
    if (token.body?.id !== 1 || inspection.body?.id !== 1) throw new Error(`setup: token ${token.text}, inspection ${inspection.text}`);
    // …and Viettel's proposal 1, open, for the decision and withdrawal endpoints.
    const proposal = await viettel!.request('POST', '/api/proposals', { body: { ...validProposal, siteKey: 'S4' } });
    if (proposal.body?.code !== firstProposalCode) throw new Error(`setup: proposal ${proposal.text}`);
    // …and the planner's import run 1, uploaded, for the import endpoints.
    const run = await planner.request('POST', '/api/imports?layer=bts&fileName=tram-thu.csv', { body: validImportCsv, headers: { 'content-type': 'text/csv' } });
    if (run.body?.id !== 1) throw new Error(`setup: import ${run.text}`);
    // …and the planner's target 1 and reported value 1, for the registry's edits and deletes.
    const registryTarget = await planner.request('POST', '/api/indicator-targets', { body: { indicator: 'site-sharing-ratio', year: 2025, value: 0.3 } });
    const registryValue = await planner.request('POST', '/api/reported-values', { body: { indicator: 'households-ftth', period: '2024', unit: 'C1', value: 0.4 } });
    if (registryTarget.body?.id !== 1 || registryValue.body?.id !== 1) throw new Error(`setup: target ${registryTarget.text}, reported value ${registryValue.text}`);
    baseline = await tableChecksums(db.knex, checksumOptions);
    auditEntries = await countAudit();
  });
  afterAll(async () => {
    agent?.destroy();
    await app?.close();
    await db?.close();
  });

  it('answers the valid form of every read endpoint with 200 (so each case below differs from a valid request by its one fault)', async () => {
    const failures: string[] = [];
    for (const ep of endpoints.filter((e) => e.method === 'GET')) {
      const who = ep.alsoAs ? extra[ep.alsoAs] : planner;
      const a = await send(agent, port, { label: 'valid', method: 'GET', path: target(fillPath(ep), queryText(ep.query)) }, { cookie: who.cookie });
      if (a.status !== 200) failures.push(`${summary(ep)}: ${a.status} ${a.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });

  it.each(endpoints.map((ep) => [summary(ep), ep] as const))('%s: every bad request gets a 4xx problem and changes no row', async (_name, ep) => {
    const cases = casesOf(ep);
    const actors: [string, Record<string, string>][] = [
      ['anonymous', {}],
      ['planner', { cookie: planner.cookie, 'x-csrf-token': planner.csrfToken }],
      ...(ep.alsoAs ? [[ep.alsoAs, { cookie: extra[ep.alsoAs].cookie, 'x-csrf-token': extra[ep.alsoAs].csrfToken }] as [string, Record<string, string>]] : []),
    ];
    const runs = actors.flatMap(([who, headers]) =>
      cases.filter((c) => !c.only || (c.only === 'anonymous') === (who === 'anonymous')).map((c) => ({ who, headers, c })),
    );
    const failures: string[] = [];
    // Checksums around each group of cases; a changed table names the group, whose cases are then listed.
    const groupSize = 80;
    for (let i = 0; i < runs.length; i += groupSize) {
      const group = runs.slice(i, i + groupSize);
      await inParallel(group, 8, async ({ who, headers, c }) => {
        let answer: RawAnswer;
        try {
          answer = await send(agent, port, c, headers);
        } catch (error) {
          failures.push(`[${who}] ${c.label}: no answer (${(error as Error).message})`);
          return;
        }
        const wrong = wrongAnswer(c, answer);
        if (wrong) failures.push(`[${who}] ${c.label}: ${wrong}`);
        if (c.label.startsWith('session cookie') && answer.status < 400 && !answer.setCookie.some((s) => s.startsWith('hatang_session=;'))) {
          failures.push(`[${who}] ${c.label}: the garbled cookie was not cleared`);
        }
      });
      const after = await tableChecksums(db.knex, checksumOptions);
      const changed = changedTables(baseline, after);
      if (changed.length) {
        failures.push(`rows changed in ${changed.join(', ')} by one of: ${group.map(({ who, c }) => `[${who}] ${c.label}`).join('; ')}`);
        baseline = after;
      }
    }
    const entries = await countAudit();
    if (entries !== auditEntries) failures.push(`${entries - auditEntries} audit entries other than login_failed were written`);
    auditEntries = entries;
    // Nobody was signed out or had their password changed on the way.
    const session = await send(agent, port, { label: 'session', method: 'GET', path: '/api/auth/session' }, { cookie: planner.cookie });
    if (session.body?.user?.username !== 'quyhoach') failures.push(`the planner is no longer signed in: ${session.text.slice(0, 200)}`);
    expect(failures, `${failures.length} of ${runs.length} requests`).toEqual([]);
  });

  it('accepts the valid form of every write (last, since it changes rows), so the faults above were all that was wrong', async () => {
    const writes = endpoints.filter((e) => e.method !== 'GET');
    const isLogout = (e: Endpoint) => e.path === '/api/auth/logout';
    const failures: string[] = [];
    for (const ep of [...writes.filter((e) => !isLogout(e)), ...writes.filter(isLogout)]) {
      const who = ep.alsoAs ? extra[ep.alsoAs] : planner;
      const c: Case = { label: 'valid', method: ep.method, path: target(fillPath(ep), queryText(ep.query)), ...validPayload(ep) };
      const a = await send(agent, port, c, { cookie: who.cookie, 'x-csrf-token': who.csrfToken });
      // A conflict with the state (a site still carrying BTS, a record not deleted, a version already moved on) comes after validation.
      if (a.status >= 300 && a.status !== 409) failures.push(`${summary(ep)}: ${a.status} ${a.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
  });
});
