import type { Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ImportFormat, ImportLayer } from '../../server/src/contracts/import-contracts.js';
import { resolveMapping, suggestMapping } from '../../server/src/imports/column-mapping.js';
import type { ImportTable } from '../../server/src/imports/import-table.js';
import { parseImportRows, type RowParseContext } from '../../server/src/imports/row-parsing.js';
import { parseWkt } from '../../server/src/imports/rows/wkt-geometry.js';

const operatorCodes: Record<string, string> = { viettel: 'viettel', vnpt: 'vnpt', 'vnpt vinaphone': 'vnpt', mobifone: 'mobifone', towerco: 'towerco' };
const context = (srid: number | null = null): RowParseContext => ({ srid, operatorCode: (name) => operatorCodes[name.toLowerCase()] });

/** A CSV-like table: the header is row 1, records from row 2. */
function table(columns: string[], rows: string[][], format: ImportFormat = 'csv', geometries: (Geometry | null)[] = []): ImportTable {
  const first = format === 'csv' || format === 'xlsx' ? 2 : 1;
  return {
    format,
    columns,
    rows: rows.map((cells, i) => ({ rowNo: first + i, cells: Object.fromEntries(columns.map((c, j) => [c, cells[j] ?? ''])), geometry: geometries[i] ?? null })),
    sheets: null,
    sheet: null,
    encoding: 'utf-8',
    declaredSrid: null,
    declaredCrsText: null,
  };
}

function parse(layer: ImportLayer, t: ImportTable, ctx = context()) {
  const { mapping } = resolveMapping(layer, t.columns, suggestMapping(layer, t.columns), undefined, t.rows.some((r) => r.geometry));
  return parseImportRows(layer, t, mapping, ctx);
}

const siteHeaders = ['Mã vị trí', 'Tên vị trí', 'Kinh độ', 'Vĩ độ', 'Loại cột', 'Độ cao cột (m)', 'Chủ sở hữu', 'Địa chỉ', 'Trạng thái'];
const site = (overrides: Partial<Record<string, string>> = {}) =>
  siteHeaders.map((h) => overrides[h] ?? ({
    'Mã vị trí': 'TG-001', 'Tên vị trí': 'Trạm Mỹ Tho 1', 'Kinh độ': `106°21'0"E`, 'Vĩ độ': `10°21'30.5"N`, 'Loại cột': 'Cột dây co',
    'Độ cao cột (m)': '42,5', 'Chủ sở hữu': 'Viettel', 'Địa chỉ': 'Ấp Bắc, xã Tân Mỹ Chánh', 'Trạng thái': 'Đang phát sóng',
  } as Record<string, string>)[h]!);

describe('sites', () => {
  it('reads Vietnamese headers and values into typed fields and a point in WGS 84', () => {
    const r = parse('sites', table(siteHeaders, [site()]));
    expect(r).toMatchObject({ srid: 4326, crsSource: 'default', errors: [], warnings: [] });
    expect(r.rows).toHaveLength(1);
    const [row] = r.rows;
    expect(row!.row).toBe(2);
    expect(row!.key).toBe('TG-001');
    expect(row!.values).toMatchObject({
      code: 'TG-001', name: 'Trạm Mỹ Tho 1', structureType: 'guyed', heightM: 42.5, owner: 'viettel',
      address: 'Ấp Bắc, xã Tân Mỹ Chánh', status: 'on_air', lon: 106.35, x: null, y: null,
    });
    // 10°21'30.5" = 10 + 21/60 + 30.5/3600
    expect(row!.values.lat).toBeCloseTo(10.3584722, 7);
    expect(row!.geometry).toEqual({ type: 'Point', coordinates: [106.35, 10 + 21 / 60 + 30.5 / 3600] });
  });

  it('reads the canonical values and English synonyms as well', () => {
    const r = parse('sites', table(siteHeaders, [site({ 'Loại cột': 'monopole', 'Trạng thái': 'Planned' }), site({ 'Mã vị trí': 'TG-002', 'Loại cột': 'Cột tự đứng', 'Trạng thái': 'Đã phê duyệt' })]));
    expect(r.rows.map((x) => [x.values.structureType, x.values.status])).toEqual([['monopole', 'planned'], ['self_supporting', 'approved']]);
  });

  it('detects a swapped latitude and longitude, swaps them back and warns', () => {
    const r = parse('sites', table(siteHeaders, [site({ 'Kinh độ': '10.35', 'Vĩ độ': '106.35' }), site({ 'Mã vị trí': 'TG-002', 'Kinh độ': '10,4', 'Vĩ độ': '106,2' })]));
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.geometry)).toEqual([{ type: 'Point', coordinates: [106.35, 10.35] }, { type: 'Point', coordinates: [106.2, 10.4] }]);
    expect(r.warnings).toEqual([
      { row: 2, field: 'lat', column: 'Vĩ độ', messageKey: 'lat-lon-swapped', params: { column: 'Vĩ độ', value: '106.35', lon: 106.35, lat: 10.35 } },
      { row: 3, field: 'lat', column: 'Vĩ độ', messageKey: 'lat-lon-swapped', params: { column: 'Vĩ độ', value: '106,2', lon: 106.2, lat: 10.4 } },
    ]);
  });

  it('reports a duplicate code on the later rows, naming the first, and keeps only the first', () => {
    const r = parse('sites', table(siteHeaders, [site({ 'Mã vị trí': 'A' }), site({ 'Mã vị trí': 'B' }), site({ 'Mã vị trí': 'A' }), site({ 'Mã vị trí': 'A' })]));
    expect(r.errors).toEqual([
      { row: 4, field: 'code', column: 'Mã vị trí', messageKey: 'duplicate-key', params: { column: 'Mã vị trí', value: 'A', key: 'A', firstRow: 2 } },
      { row: 5, field: 'code', column: 'Mã vị trí', messageKey: 'duplicate-key', params: { column: 'Mã vị trí', value: 'A', key: 'A', firstRow: 2 } },
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 3]);
  });

  it('reports bad numbers with the column, the value and the allowed range', () => {
    const c = 'Độ cao cột (m)';
    const r = parse('sites', table(siteHeaders, [
      site({ 'Mã vị trí': 'A', [c]: 'abc' }),
      site({ 'Mã vị trí': 'B', [c]: '0' }),
      site({ 'Mã vị trí': 'C', [c]: '350' }),
      site({ 'Mã vị trí': 'D', [c]: '' }),
    ]));
    expect(r.errors).toEqual([
      { row: 2, field: 'heightM', column: c, messageKey: 'row-number-format', params: { column: c, value: 'abc' } },
      { row: 3, field: 'heightM', column: c, messageKey: 'row-number-range', params: { column: c, value: '0', range: '0 < x ≤ 300' } },
      { row: 4, field: 'heightM', column: c, messageKey: 'row-number-range', params: { column: c, value: '350', range: '0 < x ≤ 300' } },
      { row: 5, field: 'heightM', column: c, messageKey: 'row-value-required', params: { column: c, value: '' } },
    ]);
    expect(r.rows).toEqual([]);
  });

  it('reports an unknown operator, an unknown value, a bad code and a too long name', () => {
    const r = parse('sites', table(siteHeaders, [site({ 'Chủ sở hữu': 'Gtel', 'Loại cột': 'Cột gỗ', 'Mã vị trí': 'TG 001', 'Tên vị trí': 'x'.repeat(201) })]));
    expect(r.errors.map((e) => [e.field, e.messageKey, e.params])).toEqual([
      ['code', 'row-code-format', { column: 'Mã vị trí', value: 'TG 001', max: 32 }],
      ['name', 'row-text-too-long', { column: 'Tên vị trí', value: `${'x'.repeat(39)}…`, length: 201, max: 200 }],
      ['structureType', 'row-enum-value', { column: 'Loại cột', value: 'Cột gỗ', allowed: 'self_supporting, guyed, monopole, rooftop, camouflaged' }],
      ['owner', 'row-operator-unknown', { column: 'Chủ sở hữu', value: 'Gtel' }],
    ]);
  });

  it('reports degrees-minutes-seconds it cannot read, with the cell', () => {
    const r = parse('sites', table(siteHeaders, [site({ 'Vĩ độ': `10°61'0"N` }), site({ 'Mã vị trí': 'B', 'Kinh độ': `106°21'0"N` })]));
    expect(r.errors).toEqual([
      { row: 2, field: 'lat', column: 'Vĩ độ', messageKey: 'angle-minutes', params: { column: 'Vĩ độ', value: `10°61'0"N` } },
      { row: 3, field: 'lon', column: 'Kinh độ', messageKey: 'angle-hemisphere-axis', params: { column: 'Kinh độ', value: `106°21'0"N` } },
    ]);
  });

  it('reports each missing required column once, on the header row, and reads no row', () => {
    const headers = siteHeaders.filter((h) => h !== 'Loại cột' && h !== 'Vĩ độ');
    const r = parse('sites', table(headers, [headers.map(() => 'x')]));
    expect(r.errors).toEqual([
      { row: 1, field: 'structureType', column: null, messageKey: 'column-missing', params: { header: 'Loại cột', headerEn: 'Structure type' } },
      { row: 1, field: 'lat', column: null, messageKey: 'column-missing', params: { header: 'Vĩ độ', headerEn: 'Latitude' } },
    ]);
    expect(r.rows).toEqual([]);
  });

  it('reports no position columns at all as one file-level problem', () => {
    const headers = siteHeaders.filter((h) => h !== 'Kinh độ' && h !== 'Vĩ độ');
    const r = parse('sites', table(headers, []));
    expect(r.errors).toEqual([{ row: 1, field: null, column: null, messageKey: 'column-position-missing', params: {} }]);
  });
});

describe('Vietnamese X/Y (VN-2000 planar)', () => {
  const headers = ['Mã vị trí', 'Tọa độ X', 'Tọa độ Y', 'Loại cột', 'Độ cao cột (m)', 'Chủ sở hữu', 'Trạng thái'];
  const rows = [
    ['A', '1.142.228,86', '557 975,80', 'guyed', '40', 'viettel', 'on_air'],
    // X and Y swapped: the value in the northing range is still the northing.
    ['B', '557975.80', '1142228.86', 'guyed', '40', 'viettel', 'on_air'],
  ];

  it('reads X as the northing and Y as the easting by magnitude, so swapped columns are read right', () => {
    const r = parse('sites', table(headers, rows), context(910545));
    expect(r).toMatchObject({ srid: 910545, crsSource: 'option', errors: [], warnings: [] });
    expect(r.rows.map((x) => x.geometry)).toEqual([
      { type: 'Point', coordinates: [557975.8, 1142228.86] },
      { type: 'Point', coordinates: [557975.8, 1142228.86] },
    ]);
    expect(r.rows[1]!.values).toMatchObject({ x: 1142228.86, y: 557975.8 });
  });

  it('asks for the coordinate system once when planar values come without one, and keeps no row', () => {
    const r = parse('sites', table(headers, rows));
    expect(r.srid).toBe(0);
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([{
      row: 1, field: null, column: null, messageKey: 'crs-required',
      params: { sample: '1142228.86, 557975.8', candidates: "VN2000-TM3:105.75 (VN-2000 / TM-3 105°45'), EPSG:5897 (VN-2000 / TM-3 105°), EPSG:3405 (VN-2000 / UTM 48N), EPSG:32648 (WGS 84 / UTM 48N)" },
    }]);
  });

  it('reads degree-sized X/Y as WGS 84 by magnitude', () => {
    const r = parse('sites', table(headers, [['A', '10,35', '106,35', 'guyed', '40', 'viettel', 'on_air']]));
    expect(r).toMatchObject({ srid: 4326, crsSource: 'magnitude', errors: [] });
    expect(r.rows[0]!.geometry).toEqual({ type: 'Point', coordinates: [106.35, 10.35] });
  });

  it('refuses a pair outside Vietnam\'s planar ranges', () => {
    const r = parse('sites', table(headers, [['A', '50000', '557975', 'guyed', '40', 'viettel', 'on_air']]), context(910545));
    expect(r.errors).toEqual([
      { row: 2, field: 'x', column: 'Tọa độ X', messageKey: 'row-planar-range', params: { column: 'Tọa độ X', value: '50000, 557975', x: 50000, y: 557975 } },
    ]);
  });

  it('refuses a planar option for a file whose positions are degrees', () => {
    const r = parse('sites', table(siteHeaders, [site()]), context(910545));
    expect(r.errors).toEqual([{ row: 1, field: null, column: null, messageKey: 'crs-degrees-columns', params: { crs: "VN-2000 / TM-3 105°45'" } }]);
    expect(r.rows).toEqual([]);
  });
});

describe('BTS', () => {
  const headers = ['Mã trạm', 'Mã vị trí', 'Nhà mạng', 'Kinh độ', 'Vĩ độ', 'Công nghệ', 'Băng tần (MHz)', 'Độ cao anten (m)', 'EIRP (dBm)', 'Góc phương vị', 'Độ rộng búp sóng', 'Góc ngẩng', 'Trạng thái'];

  it('reads sectors from lists: one beamwidth for all, one tilt per azimuth', () => {
    const r = parse('bts', table(headers, [['TG-4G-1', '', 'VNPT Vinaphone', '106.35', '10.36', 'LTE', '1800', '30', '59,5', '0/120/240', '65', '2;4;6', 'Đang phát sóng']]));
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.values).toMatchObject({
      code: 'TG-4G-1', siteCode: null, operator: 'vnpt', technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 59.5,
      azimuthsDeg: [0, 120, 240], beamwidthsDeg: [65, 65, 65], tiltsDeg: [2, 4, 6], status: 'on_air',
    });
  });

  it('gives a BTS without azimuths one omnidirectional sector, and one with azimuths the default 65° beamwidth', () => {
    const r = parse('bts', table(headers, [
      ['A', '', 'viettel', '106.35', '10.36', '2G', '900', '30', '50', '', '', '', 'on_air'],
      ['B', '', 'viettel', '106.35', '10.36', '3G', '2100', '30', '50', '0,120', '', '', 'on_air'],
    ]));
    expect(r.rows.map((x) => [x.values.azimuthsDeg, x.values.beamwidthsDeg, x.values.tiltsDeg])).toEqual([
      [[0], [360], [0]],
      [[0, 120], [65, 65], [0, 0]],
    ]);
  });

  it('refuses beamwidths that match neither one value nor one per azimuth, and azimuths out of range', () => {
    const r = parse('bts', table(headers, [
      ['A', '', 'viettel', '106.35', '10.36', '4G', '1800', '30', '50', '0/120/240', '60/60', '', 'on_air'],
      ['B', '', 'viettel', '106.35', '10.36', '4G', '1800', '30', '50', '0/120/360', '', '', 'on_air'],
    ]));
    expect(r.errors).toEqual([
      { row: 2, field: 'beamwidthsDeg', column: 'Độ rộng búp sóng', messageKey: 'row-sector-count', params: { column: 'Độ rộng búp sóng', value: '60/60', count: 2, sectors: 3 } },
      { row: 3, field: 'azimuthsDeg', column: 'Góc phương vị', messageKey: 'row-list-range', params: { column: 'Góc phương vị', value: '0/120/360', item: '360', range: '0 ≤ x < 360' } },
    ]);
  });

  it('refuses a band outside the database\'s range and accepts a BTS on a site without a position of its own', () => {
    const r = parse('bts', table(headers, [
      ['A', '', 'viettel', '106.35', '10.36', '4G', '180', '30', '50', '', '', '', 'on_air'],
      ['B', 'TG-001', 'viettel', '', '', '4G', '1800', '30', '50', '', '', '', 'on_air'],
      ['C', '', 'viettel', '', '', '4G', '1800', '30', '50', '', '', '', 'on_air'],
    ]));
    expect(r.errors).toEqual([
      { row: 2, field: 'bandMHz', column: 'Băng tần (MHz)', messageKey: 'row-number-range', params: { column: 'Băng tần (MHz)', value: '180', range: '400 ≤ x ≤ 6000' } },
      { row: 4, field: null, column: null, messageKey: 'row-position-missing', params: { column: '', value: '' } },
    ]);
    expect(r.rows.map((x) => [x.values.code, x.geometry])).toEqual([['B', null]]);
  });
});

describe('fiber, admin units, hamlets, clusters and measurements', () => {
  it('reads a WKT line into a MultiLineString and refuses a point or broken WKT', () => {
    const headers = ['Mã tuyến', 'Doanh nghiệp', 'Cấp tuyến', 'Hình thức lắp đặt', 'Số sợi', 'Trạng thái', 'WKT'];
    const r = parse('fiber', table(headers, [
      ['F1', 'vnpt', 'Trục', 'Cáp treo', '48', 'on_air', 'LINESTRING (106.30 10.35, 106.35 10.36)'],
      ['F2', 'vnpt', 'access', 'ngầm', '12', 'on_air', 'POINT (106.3 10.3)'],
      ['F3', 'vnpt', 'access', 'ngầm', '12', 'on_air', 'LINESTRING (106.3 10.3'],
    ]));
    expect(r.rows.map((x) => [x.values.kind, x.values.laying, x.values.cores, x.geometry])).toEqual([
      ['backbone', 'aerial', 48, { type: 'MultiLineString', coordinates: [[[106.3, 10.35], [106.35, 10.36]]] }],
    ]);
    expect(r.errors.map((e) => [e.row, e.messageKey, e.params])).toEqual([
      [3, 'row-geometry-kind', { column: 'WKT', value: 'Point', kind: 'Point', allowed: 'Line' }],
      [4, 'row-wkt-format', { column: 'WKT', value: 'LINESTRING (106.3 10.3' }],
    ]);
  });

  it('reads GeoJSON features with polygon geometries into MultiPolygons, numbering file-level problems 0', () => {
    const square: Geometry = { type: 'Polygon', coordinates: [[[106, 10], [106.1, 10], [106.1, 10.1], [106, 10], [106, 10]]] };
    const ok = parse('admin-units', table(['code', 'name', 'level', 'unitType', 'parentCode'], [['82', 'Tiền Giang', 'Tỉnh', 'Tỉnh', '']], 'geojson', [square]));
    expect(ok.errors).toEqual([]);
    expect(ok.rows[0]).toMatchObject({ row: 1, key: '82', values: { level: 'province', unitType: 'tinh', parentCode: null }, geometry: { type: 'MultiPolygon', coordinates: [square.coordinates] } });
    const missing = parse('admin-units', table(['code', 'name', 'unitType'], [['82', 'Tiền Giang', 'tinh']], 'geojson', [square]));
    expect(missing.errors).toEqual([{ row: 0, field: 'level', column: null, messageKey: 'column-missing', params: { header: 'Cấp', headerEn: 'Level' } }]);
  });

  it('keeps a hamlet\'s polygon as its geometry and its reference point apart, and checks households against population', () => {
    const headers = ['Mã ấp', 'Tên ấp', 'Loại', 'Mã xã', 'Dân số', 'Số hộ', 'Kinh độ', 'Vĩ độ', 'Loại điểm tham chiếu', 'WKT'];
    const r = parse('hamlets', table(headers, [
      ['AP-1', 'Ấp Bắc', 'Ấp', '28249', '1.234', '310', '106.05', '10.05', 'Nhà văn hóa', 'POLYGON ((106 10, 106.1 10, 106.1 10.1, 106 10))'],
      ['AP-2', 'Khu phố 1', 'KP', '28249', '500', '600', '106.05', '10.05', '', ''],
    ]));
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]!.values).toMatchObject({ kind: 'ap', population: 1234, households: 310, refKind: 'cultural_house', refX: 106.05, refY: 10.05 });
    expect(r.rows[0]!.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[[106, 10], [106.1, 10], [106.1, 10.1], [106, 10]]]] });
    expect(r.errors).toEqual([
      { row: 3, field: 'households', column: 'Số hộ', messageKey: 'row-households-exceed', params: { column: 'Số hộ', value: '600', households: 600, population: 500 } },
    ]);
  });

  it('keys population clusters by hamlet and number', () => {
    const r = parse('population-clusters', table(['Mã ấp', 'STT cụm', 'Dân số', 'lon', 'lat'], [['AP-1', '1', '120', '106.05', '10.05'], ['AP-1', '1', '80', '106.06', '10.05']]));
    expect(r.rows.map((x) => x.key)).toEqual(['AP-1|1']);
    expect(r.errors.map((e) => [e.row, e.messageKey, e.params.firstRow])).toEqual([[3, 'duplicate-key', 2]]);
  });

  it('reads measurement instants as Vietnamese Excel writes them (UTC+7) and ISO 8601, into UTC', () => {
    const headers = ['Nhà mạng', 'Công nghệ', 'Mức tín hiệu (dBm)', 'Thời gian đo', 'lon', 'lat'];
    const r = parse('measurements', table(headers, [
      ['viettel', '4G', '-95,5', '01/05/2024 08:30', '106.35', '10.36'],
      ['viettel', '4G', '-95', '2024-05-01T01:30:00Z', '106.36', '10.36'],
      ['viettel', '4G', '-95', '31/02/2024 08:30', '106.37', '10.36'],
      ['viettel', '4G', '-5', '2024-05-01 09:00', '106.38', '10.36'],
    ]));
    expect(r.rows.map((x) => [x.values.signalDbm, x.values.measuredAt, x.key])).toEqual([
      [-95.5, '2024-05-01T01:30:00.000Z', 'viettel|4G|2024-05-01T01:30:00.000Z|106.35|10.36'],
      [-95, '2024-05-01T01:30:00.000Z', 'viettel|4G|2024-05-01T01:30:00.000Z|106.36|10.36'],
    ]);
    expect(r.errors.map((e) => [e.row, e.field, e.messageKey])).toEqual([
      [4, 'measuredAt', 'row-instant-format'],
      [5, 'signalDbm', 'row-number-range'],
    ]);
  });
});

describe('parseWkt', () => {
  it('reads the five kinds, Z coordinates and both MULTIPOINT spellings', () => {
    expect(parseWkt('point z (1 2 3)')).toEqual({ type: 'Point', coordinates: [1, 2] });
    expect(parseWkt('MULTIPOINT ((1 2), (3 4))')).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('MULTIPOINT (1 2, 3 4)')).toEqual({ type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] });
    expect(parseWkt('MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))')).toEqual({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]], [[2, 2], [3, 3]]] });
    expect(parseWkt('MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))')).toEqual({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]]] });
  });

  it('refuses EMPTY, EWKT, unclosed rings, one-point lines and trailing text', () => {
    for (const text of ['POINT EMPTY', 'SRID=4326;POINT (1 2)', 'POLYGON ((0 0, 1 0, 1 1, 0 1))', 'LINESTRING (0 0)', 'POINT (1 2) x', 'CIRCLE (1 2)']) {
      expect(parseWkt(text)).toBeNull();
    }
  });
});
