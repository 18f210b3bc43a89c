import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../server/src/contracts/auth-contracts.js';
import type { ImportRun, RowProblem } from '../../server/src/contracts/import-contracts.js';
import { importUploadUrl } from '../../client/src/api/import-api.js';
import { exportFilterSummary } from '../../client/src/exports/export-filter-summary.js';
import { exportUrl, roundedBbox, type ExportRequest } from '../../client/src/exports/export-url.js';
import { crsChoiceOf, crsChoices, meridianText, tm3CrsValue } from '../../client/src/imports/crs-options.js';
import { fileSizeText } from '../../client/src/imports/import-formats.js';
import { importLayersFor, isImportFileName } from '../../client/src/imports/import-layers.js';
import { hasPositionSource, mappingFromRun, mappingReducer, mappingsDiffer, unmappedRequired, unusedColumns } from '../../client/src/imports/import-mapping.js';
import { nextProblemOrder, pageOf, sortProblems } from '../../client/src/imports/import-problem-order.js';
import { importRunReducer, initialImportRunState, type ImportFailure, type ImportRunState } from '../../client/src/imports/import-run-state.js';
import { makeI18n } from '../../client/src/i18n/i18n-context.js';
import { defaultViewState, emptyFilters, parseViewState, serializeViewState } from '../../client/src/url/view-state.js';

// Pure helpers of the import and export panels, on hand-made values.

function session(role: 'admin' | 'planner' | 'operator' | 'inspector', operator: string | null, permissions: string[]): SessionInfo {
  return {
    user: { username: 'u', displayName: 'U', role, operator, active: true, version: 1, createdAt: '', updatedAt: '' },
    csrfToken: 'x',
    permissions,
    anonymousRead: true,
    expiresAt: null,
  };
}

function run(over: Partial<ImportRun> = {}): ImportRun {
  return {
    id: 7,
    layer: 'bts',
    fileName: 'tram-viettel.csv',
    fileSize: 2048,
    format: 'csv',
    status: 'uploaded',
    createdAt: '2026-12-01T08:00:00Z',
    finishedAt: null,
    actor: 'quy-hoach',
    options: {},
    columns: ['Mã trạm', 'Công nghệ', 'Kinh độ', 'Vĩ độ', 'Ghi chú'],
    fields: [
      { key: 'code', vi: 'Mã trạm', en: 'BTS code', required: true },
      { key: 'technology', vi: 'Công nghệ', en: 'Technology', required: true },
      { key: 'lon', vi: 'Kinh độ', en: 'Longitude', required: 'position' },
      { key: 'lat', vi: 'Vĩ độ', en: 'Latitude', required: 'position' },
      { key: 'siteCode', vi: 'Mã vị trí', en: 'Site code', required: false },
    ],
    mapping: { code: 'Mã trạm', technology: 'Công nghệ', lon: 'Kinh độ', lat: 'Vĩ độ' },
    sheets: null,
    encoding: 'utf-8',
    crs: { srid: 4326, label: 'WGS 84', source: 'magnitude' },
    report: null,
    progress: null,
    counts: null,
    ...over,
  };
}

function problem(row: number, column: string | null, message: string): RowProblem {
  return { row, field: column === null ? null : column.toLowerCase(), column, messageKey: 'x', params: {}, message };
}

describe('who may import what', () => {
  it('offers a planner every layer, an operator its BTS and fiber, an inspector measurements, an admin and a visitor nothing', () => {
    expect(importLayersFor(session('planner', null, ['infrastructure.write', 'measurements.import']))).toEqual([
      'sites',
      'bts',
      'fiber',
      'hamlets',
      'population-clusters',
      'admin-units',
      'measurements',
    ]);
    // targets.edit (the planners' in server/src/auth/roles.ts) adds the reported indicator values, last.
    expect(importLayersFor(session('planner', null, ['infrastructure.write', 'measurements.import', 'targets.edit'])).slice(-2)).toEqual(['measurements', 'indicator-values']);
    expect(importLayersFor(session('operator', 'viettel', ['infrastructure.write', 'proposals.submit']))).toEqual(['bts', 'fiber']);
    expect(importLayersFor(session('inspector', null, ['measurements.import', 'inspections.record']))).toEqual(['measurements']);
    expect(importLayersFor(session('admin', null, ['users.manage', 'audit.read']))).toEqual([]);
    expect(importLayersFor({ user: null, csrfToken: null, permissions: [], anonymousRead: true, expiresAt: null })).toEqual([]);
    expect(importLayersFor(null)).toEqual([]);
  });

  it('accepts the file types of the picker whatever the case of the extension, and nothing else', () => {
    for (const name of ['a.csv', 'B.XLSX', 'ranh-gioi.geojson', 'x.json', 'tuyen.kml', 'tuyen.KMZ', 'shp.zip']) expect(isImportFileName(name)).toBe(true);
    for (const name of ['a.xls', 'a.shp', 'csv', 'a.csv.txt', '']) expect(isImportFileName(name)).toBe(false);
  });
});

describe('the column mapping', () => {
  it('starts from the server mapping with every field present, unmapped ones as null', () => {
    expect(mappingFromRun(run())).toEqual({ code: 'Mã trạm', technology: 'Công nghệ', lon: 'Kinh độ', lat: 'Vĩ độ', siteCode: null });
  });

  it('moves a column to the field it is given, leaving the field that had it unmapped', () => {
    const start = mappingFromRun(run());
    const moved = mappingReducer(start, { type: 'assign', field: 'siteCode', column: 'Mã trạm' });
    expect(moved).toEqual({ code: null, technology: 'Công nghệ', lon: 'Kinh độ', lat: 'Vĩ độ', siteCode: 'Mã trạm' });
    expect(mappingsDiffer(start, moved)).toBe(true);
    expect(unmappedRequired(run().fields, moved).map((f) => f.key)).toEqual(['code']);
    expect(unusedColumns(run().columns, moved)).toEqual(['Ghi chú']);
    // "không dùng" unmaps only that field.
    const unused = mappingReducer(moved, { type: 'assign', field: 'lon', column: null });
    expect(unused).toEqual({ code: null, technology: 'Công nghệ', lon: null, lat: 'Vĩ độ', siteCode: 'Mã trạm' });
    expect(mappingReducer(unused, { type: 'reset', mapping: start })).toEqual(start);
  });

  it('counts an absent field as unmapped when comparing mappings', () => {
    expect(mappingsDiffer({ code: 'A', siteCode: null }, { code: 'A' })).toBe(false);
    expect(mappingsDiffer({ code: 'A' }, { code: 'B' })).toBe(true);
  });

  it('needs a position column in a table but not in a file with geometries', () => {
    const none = { code: 'Mã trạm', technology: 'Công nghệ', lon: null, lat: null, siteCode: null };
    expect(hasPositionSource(run(), none)).toBe(false);
    expect(hasPositionSource(run(), { ...none, lat: 'Vĩ độ' })).toBe(true);
    expect(hasPositionSource(run({ format: 'geojson' }), none)).toBe(true);
  });
});

describe('the row problems table', () => {
  const problems = [problem(5, 'Vĩ độ', 'Vĩ độ ngoài tỉnh'), problem(2, null, 'Mã trạm trùng'), problem(3, 'Công nghệ', 'Công nghệ không hợp lệ'), problem(2, 'Đầu', 'Thiếu giá trị')];

  it('sorts by row, then by column in Vietnamese order with rows without a column last, and turns round on a second click', () => {
    expect(sortProblems(problems, { key: 'row', descending: false }, 'vi').map((p) => p.row)).toEqual([2, 2, 3, 5]);
    expect(sortProblems(problems, { key: 'column', descending: false }, 'vi').map((p) => p.column)).toEqual(['Công nghệ', 'Đầu', 'Vĩ độ', null]);
    expect(sortProblems(problems, { key: 'column', descending: true }, 'vi').map((p) => p.column)).toEqual(['Vĩ độ', 'Đầu', 'Công nghệ', null]);
    expect(sortProblems(problems, { key: 'message', descending: false }, 'vi').map((p) => p.row)).toEqual([3, 2, 2, 5]);
    expect(nextProblemOrder({ key: 'row', descending: false }, 'row')).toEqual({ key: 'row', descending: true });
    expect(nextProblemOrder({ key: 'row', descending: true }, 'message')).toEqual({ key: 'message', descending: false });
  });

  it('pages ten at a time and clamps a page beyond the last', () => {
    const rows = Array.from({ length: 23 }, (_, i) => i + 1);
    expect(pageOf(rows, 0, 10)).toMatchObject({ page: 0, pageCount: 3, from: 1, to: 10 });
    expect(pageOf(rows, 2, 10)).toMatchObject({ items: [21, 22, 23], page: 2, from: 21, to: 23 });
    expect(pageOf(rows, 9, 10).page).toBe(2);
    expect(pageOf([], 0, 10)).toEqual({ items: [], page: 0, pageCount: 1, from: 0, to: 0 });
  });
});

describe('the steps of one import', () => {
  const failure = (during: ImportFailure['during']): ImportFailure => ({ during, message: 'Có 2 dòng lỗi', details: [] });

  it('goes from the upload to the review, and a refused commit comes back to the review with the reason', () => {
    let state: ImportRunState = importRunReducer(initialImportRunState, { type: 'upload-started', fileName: 'tram.csv' });
    expect(state).toEqual({ step: 'uploading', fileName: 'tram.csv' });
    state = importRunReducer(state, { type: 'run-received', run: run() });
    expect(state).toMatchObject({ step: 'review', checking: false, error: null });
    state = importRunReducer(state, { type: 'dry-run-started' });
    expect(state).toMatchObject({ step: 'review', checking: true });
    state = importRunReducer(state, { type: 'run-received', run: run({ options: { crs: 'EPSG:4326' } }) });
    expect(state).toMatchObject({ step: 'review', checking: false, run: { options: { crs: 'EPSG:4326' } } });
    state = importRunReducer(state, { type: 'commit-started' });
    expect(state.step).toBe('committing');
    state = importRunReducer(state, { type: 'request-failed', failure: failure('commit') });
    expect(state).toMatchObject({ step: 'review', error: { during: 'commit' } });
  });

  it('follows the progress to the end and lets no late event bring a finished run back', () => {
    let state: ImportRunState = { step: 'review', run: run(), checking: false, error: null };
    state = importRunReducer(state, { type: 'commit-started' });
    state = importRunReducer(state, { type: 'run-received', run: run({ status: 'running', progress: { phase: 'writing', done: 40, total: 100 } }) });
    expect(state).toMatchObject({ step: 'committing', cancelling: false, run: { progress: { done: 40 } } });
    state = importRunReducer(state, { type: 'cancel-started' });
    // Progress while the cancel is asked for keeps the cancelling flag.
    state = importRunReducer(state, { type: 'run-received', run: run({ status: 'running', progress: { phase: 'writing', done: 60, total: 100 } }) });
    expect(state).toMatchObject({ step: 'committing', cancelling: true, run: { progress: { done: 60 } } });
    state = importRunReducer(state, { type: 'run-received', run: run({ status: 'cancelled' }) });
    expect(state).toMatchObject({ step: 'finished', run: { status: 'cancelled' } });
    const late = importRunReducer(state, { type: 'run-received', run: run({ status: 'running', progress: { phase: 'writing', done: 80, total: 100 } }) });
    expect(late).toBe(state);
  });

  it('ignores answers about another run and sends an upload failure back to the file choice', () => {
    const review: ImportRunState = { step: 'review', run: run(), checking: false, error: null };
    expect(importRunReducer(review, { type: 'run-received', run: run({ id: 8 }) })).toBe(review);
    const uploading = importRunReducer(review, { type: 'upload-started', fileName: 'b.csv' });
    expect(importRunReducer(uploading, { type: 'request-failed', failure: failure('upload') })).toEqual({ step: 'choose', error: failure('upload') });
    expect(importRunReducer(review, { type: 'reset' })).toEqual(initialImportRunState);
  });
});

describe('coordinate systems and the upload link', () => {
  it('writes central meridians in degrees and minutes and offers every TM-3 zone once, Tiền Giang first', () => {
    expect(meridianText(105.75)).toBe("105°45'");
    expect(meridianText(104.5)).toBe("104°30'");
    expect(meridianText(102)).toBe('102°');
    const tm3 = crsChoices.filter((c) => c.kind === 'tm3-province' || c.kind === 'tm3-other');
    // 102° to 109° every quarter degree.
    expect(tm3).toHaveLength(29);
    expect(new Set(tm3.map((c) => c.value)).size).toBe(29);
    expect(crsChoices.map((c) => c.value).slice(0, 5)).toEqual(['', 'EPSG:4326', 'VN2000-TM3:105.75', 'EPSG:3405', 'EPSG:3406']);
    expect(tm3CrsValue(107.75)).toBe('VN2000-TM3:107.75');
    expect(crsChoiceOf('EPSG:9999').kind).toBe('auto');
  });

  it('names the layer and the file in the upload link and leaves empty options out', () => {
    expect(importUploadUrl({ layer: 'admin-units', fileName: 'ranh giới xã.zip', crs: null, sheet: '', boundarySet: '2025' })).toBe(
      '/api/imports?layer=admin-units&fileName=ranh+gi%E1%BB%9Bi+x%C3%A3.zip&boundarySet=2025',
    );
  });

  it('writes file sizes in bytes, kilobytes and megabytes', () => {
    const vi = makeI18n('vi');
    expect(fileSizeText(vi, 512)).toBe('512 B');
    expect(fileSizeText(vi, 2048)).toBe('2 kB');
    expect(fileSizeText(vi, 2.5 * 1024 * 1024)).toBe('2,5 MB');
  });
});

describe('the export link', () => {
  const base: ExportRequest = {
    layer: 'sites',
    format: 'csv',
    scope: 'view',
    filters: { operators: ['vnpt', 'viettel'], technologies: ['4G'], statuses: [], unit: '82', boundarySet: '2023' },
    coverage: { operator: 'viettel', group: '4G' },
    scenario: 'current',
    bbox: [106.123456789, 10.2000001, 106.4, 10.5],
    lang: 'vi',
  };

  it('carries the layer filters and the view rounded outward for the current view', () => {
    expect(roundedBbox([106.123456789, 10.2000001, 106.400001, 10.5])).toEqual([106.12345, 10.2, 106.40001, 10.5]);
    expect(decodeURIComponent(exportUrl(base))).toBe('/api/exports/sites.csv?operator=viettel,vnpt&technology=4G&unit=82&boundarySet=2023&bbox=106.12345,10.2,106.4,10.5&lang=vi');
  });

  it('keeps only the boundary set for the whole province, and the coverage choice for the coverage layer', () => {
    expect(exportUrl({ ...base, scope: 'province' })).toBe('/api/exports/sites.csv?boundarySet=2023&lang=vi');
    expect(decodeURIComponent(exportUrl({ ...base, layer: 'coverage', format: 'geojson', scope: 'province', scenario: 'planned' }))).toBe(
      '/api/exports/coverage.geojson?operator=viettel&technology=4G&scenario=planned&lang=vi',
    );
  });

  it('filters measurements by the coverage choice and population clusters by the unit', () => {
    expect(exportUrl({ ...base, layer: 'measurements', format: 'kml', bbox: null })).toBe('/api/exports/measurements.kml?operator=viettel&technology=4G&lang=vi');
    expect(exportUrl({ ...base, layer: 'measurements', scope: 'province' })).toBe('/api/exports/measurements.csv?lang=vi');
    expect(exportUrl({ ...base, layer: 'population-clusters', format: 'xlsx', bbox: null, lang: 'en' })).toBe('/api/exports/population-clusters.xlsx?unit=82&boundarySet=2023&lang=en');
  });

  it('says in words which filters the view export applies to the layer', () => {
    const { t } = makeI18n('vi');
    const operators = [
      { code: 'viettel', name: 'Viettel', shortName: 'Viettel', colour: '#e00', kind: 'mobile' },
      { code: 'vnpt', name: 'VNPT', shortName: 'VNPT', colour: '#00e', kind: 'mobile' },
    ] as never;
    expect(exportFilterSummary(t, 'sites', base.filters, base.coverage, operators, 'Huyện Cái Bè')).toBe('Nhà mạng: VNPT, Viettel; Công nghệ: 4G; Đơn vị hành chính: Huyện Cái Bè');
    expect(exportFilterSummary(t, 'communes', base.filters, base.coverage, operators, null)).toBe('');
    expect(exportFilterSummary(t, 'sites', emptyFilters, base.coverage, operators, null)).toBe('');
  });
});

describe('the data tools in the link', () => {
  it('gives back the open data tool and the import panel part, and leaves the defaults out', () => {
    const view = { ...defaultViewState('vi'), dataTool: 'import' as const, importTab: 'history' as const };
    const hash = serializeViewState(view);
    expect(hash).toContain('data=import&imptab=history');
    expect(parseViewState(hash)).toEqual(view);
    expect(serializeViewState(defaultViewState('vi'))).not.toMatch(/data=|imptab/);
    expect(parseViewState('#data=delete&imptab=x')).toMatchObject({ dataTool: null, importTab: 'file' });
  });
});
