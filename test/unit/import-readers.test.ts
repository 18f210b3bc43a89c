import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../../server/src/http/http-problem.js';
import { translate } from '../../server/src/i18n/server-messages.js';
import type { ImportLimits } from '../../server/src/imports/import-table.js';
import { detectImportFormat, readImportFile } from '../../server/src/imports/readers/read-import-file.js';

const fixtures = fileURLToPath(new URL('../fixtures/import-files/', import.meta.url));
const fixture = (name: string) => readFileSync(`${fixtures}${name}`);
// 1 MiB of inflated zip content keeps the zip-bomb fixture (20 MiB of zeros) tiny.
const limits: ImportLimits = { maxFileBytes: 5 * 1024 * 1024, maxExpandedBytes: 1024 * 1024, maxRows: 1000 };
const read = (name: string, options: { sheet?: string | null; limits?: ImportLimits } = {}) =>
  readImportFile(fixture(name), name, { limits, ...options });
const readBytes = (bytes: Uint8Array | string, name: string, options: { sheet?: string | null; limits?: ImportLimits } = {}) =>
  readImportFile(Buffer.from(bytes), name, { limits, ...options });

async function problemOf(promise: Promise<unknown>): Promise<{ status: number; key: string; params: Record<string, string | number> }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpProblem) return { status: error.status, key: error.messageKey, params: error.params };
    throw error;
  }
  throw new Error('the file was read without a problem');
}

const btsColumns = ['Mã trạm', 'Mã vị trí', 'Nhà mạng', 'Công nghệ', 'Băng tần (MHz)', 'Độ cao anten (m)', 'EIRP (dBm)', 'Kinh độ', 'Vĩ độ', 'Trạng thái'];
const caiBe = {
  'Mã trạm': 'TG-CBE-014-3G', 'Mã vị trí': 'TG-CBE-014', 'Nhà mạng': 'VNPT-VinaPhone', 'Công nghệ': '3G', 'Băng tần (MHz)': '2100',
  'Độ cao anten (m)': '42', 'EIRP (dBm)': '56', 'Kinh độ': '106.0321', 'Vĩ độ': '10.4043', 'Trạng thái': 'Đang hoạt động',
};
const goCong = {
  'Mã trạm': 'TG-GCO-007-2G', 'Mã vị trí': 'TG-GCO-007', 'Nhà mạng': 'MobiFone', 'Công nghệ': '2G', 'Băng tần (MHz)': '900',
  'Độ cao anten (m)': '30', 'EIRP (dBm)': '54.2', 'Kinh độ': '106.6718', 'Vĩ độ': '10.3579', 'Trạng thái': 'Quy hoạch',
};

describe('reading a BTS list from CSV', () => {
  it('reads UTF-8 without BOM: the header is row 1, a blank line is skipped and the rows after it keep their own numbers', async () => {
    const table = await read('bts-utf8.csv');
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', sheets: null, sheet: null, declaredSrid: null, declaredCrsText: null });
    expect(table.columns).toEqual(btsColumns);
    expect(table.rows.map((r) => r.rowNo)).toEqual([2, 3, 5]);
    expect(table.rows[1]).toEqual({ rowNo: 3, cells: caiBe, geometry: null });
    expect(table.rows[2]!.cells).toEqual(goCong);
  });

  it('reads Excel\'s "CSV UTF-8" with its BOM and CRLF, recording utf-8-bom', async () => {
    const table = await read('bts-utf8-bom.csv');
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.columns).toEqual(btsColumns);
    expect(table.rows.map((r) => r.rowNo)).toEqual([2, 3, 4]);
    expect(table.rows[1]!.cells).toEqual(caiBe);
  });

  it('sniffs the semicolon of a Vietnamese Excel and keeps its decimal commas as typed', async () => {
    const table = await read('bts-semicolon.csv');
    expect(table.columns).toEqual(btsColumns);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[2]!.cells).toEqual({ ...goCong, 'EIRP (dBm)': '54,2', 'Kinh độ': '106,6718', 'Vĩ độ': '10,3579' });
  });

  it('converts Windows-1258 (tone marks as combining characters) to the same Unicode text as the UTF-8 file', async () => {
    const table = await read('bts-windows-1258.csv');
    expect(table.encoding).toBe('windows-1258');
    expect(table.columns).toEqual(btsColumns);
    expect(table.rows[1]!.cells).toEqual(caiBe);
    expect(table.rows[2]!.cells['Trạng thái']).toBe('Quy hoạch');
  });

  it('refuses TCVN3 (ABC) with the message telling how to convert it with Unikey', async () => {
    expect(await problemOf(read('bts-tcvn3.csv'))).toEqual({ status: 400, key: 'import-encoding-tcvn3', params: {} });
    expect(translate('vi', 'import-encoding-tcvn3')).toContain('Unikey');
    expect(translate('en', 'import-encoding-tcvn3')).toContain('Unikey');
  });

  it('converts Excel\'s "Unicode Text" (UTF-16 LE with BOM, tab-separated) and UTF-16 BE', async () => {
    const text = 'Mã trạm\tNhà mạng\r\nTG-MTH-001-4G\tViettel\r\n';
    const le = await readBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'bts.txt');
    expect(le).toMatchObject({ encoding: 'utf-16le', columns: ['Mã trạm', 'Nhà mạng'] });
    expect(le.rows).toEqual([{ rowNo: 2, cells: { 'Mã trạm': 'TG-MTH-001-4G', 'Nhà mạng': 'Viettel' }, geometry: null }]);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect((await readBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'bts.txt')).rows[0]!.cells['Nhà mạng']).toBe('Viettel');
  });

  it('refuses bytes that are neither UTF-8 nor Vietnamese in Windows-1258, naming the encodings it accepts', async () => {
    // "日本" in Shift-JIS: invalid UTF-8, and in Windows-1258 no Vietnamese letter.
    const shiftJis = Buffer.concat([Buffer.from('Mã,Tên\nA,'), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), Buffer.from('\n')]);
    expect(await problemOf(readBytes(shiftJis, 'x.csv'))).toEqual({ status: 400, key: 'import-encoding-unknown', params: {} });
    // UTF-8 with one damaged byte is not taken for a Windows-1258 or TCVN3 file.
    const damaged = Buffer.concat([Buffer.from('Mã trạm,Tên trạm\nTG-1,Trạm Mỹ Tho '), Buffer.from([0xb9]), Buffer.from('\n')]);
    expect(await problemOf(readBytes(damaged, 'x.csv'))).toEqual({ status: 400, key: 'import-encoding-unknown', params: {} });
    expect(translate('vi', 'import-encoding-unknown')).toContain('UTF-8 (có hoặc không có BOM), UTF-16 có BOM');
    expect(translate('en', 'import-encoding-unknown')).toContain('Windows-1258');
  });

  it('follows Excel\'s sep= line, trims cells, turns NFD into NFC and drops an unnamed column that is empty all the way down', async () => {
    const nfd = 'Mỹ Tho'.normalize('NFD');
    const table = await readBytes(`sep=;\nMã trạm ; Tên ;;\n TG-1 ;${nfd};;\n`, 'a.csv');
    expect(table.columns).toEqual(['Mã trạm', 'Tên']);
    expect(table.rows).toEqual([{ rowNo: 2, cells: { 'Mã trạm': 'TG-1', 'Tên': 'Mỹ Tho' }, geometry: null }]);
  });

  it('refuses a column that holds data under no name, naming it by number', async () => {
    expect(await problemOf(readBytes('Mã trạm,,Nhà mạng\nTG-1,x,Viettel\n', 'a.csv')))
      .toEqual({ status: 400, key: 'import-header-empty', params: { columns: '2' } });
  });

  it('refuses a duplicate header naming the name and both columns', async () => {
    expect(await problemOf(read('broken-duplicate-header.csv')))
      .toEqual({ status: 400, key: 'import-header-duplicate', params: { names: '"Mã trạm" (1, 3)' } });
  });

  it('refuses a row with more cells than the header, naming the row', async () => {
    expect(await problemOf(readBytes('a,b\n1,2\n3,4,5\n', 'a.csv')))
      .toEqual({ status: 400, key: 'import-csv-extra-cells', params: { row: 3, count: 3, columns: 2 } });
  });

  it('refuses broken quoting with the line it happened on', async () => {
    const problem = await problemOf(readBytes('a,b\n"x"y,2\n', 'a.csv'));
    expect(problem).toMatchObject({ status: 400, key: 'import-csv-unreadable', params: { line: 2 } });
  });

  it('refuses a header without rows and an empty file', async () => {
    expect(await problemOf(read('broken-empty.csv'))).toEqual({ status: 400, key: 'import-no-rows', params: { file: 'broken-empty.csv' } });
    expect(await problemOf(readBytes('', 'empty.csv'))).toEqual({ status: 400, key: 'import-file-empty', params: { file: 'empty.csv' } });
  });
});

describe('reading a BTS list from XLSX', () => {
  it('reads the named sheet with its own row numbers, dates in ISO, rich text, hyperlinks and formula results as text', async () => {
    const table = await read('bts.xlsx', { sheet: 'BTS' });
    expect(table).toMatchObject({ format: 'xlsx', sheets: ['Ghi chú', 'BTS'], sheet: 'BTS', encoding: null, declaredSrid: null });
    expect(table.columns).toEqual([...btsColumns, 'Ngày phát sóng']);
    // The header is the first non-empty row, row 2.
    expect(table.rows.map((r) => r.rowNo)).toEqual([3, 4, 5]);
    expect(table.rows[0]!.cells).toMatchObject({ 'Mã trạm': 'TG-MTH-001-4G', 'Nhà mạng': 'Viettel', 'Kinh độ': '106.3612', 'Ngày phát sóng': '2021-03-15' });
    expect(table.rows[1]!.cells).toEqual({ ...caiBe, 'Ngày phát sóng': '2019-11-02T08:30:00Z' });
    expect(table.rows[2]!.cells).toEqual({ ...goCong, 'Ngày phát sóng': '' });
  });

  it('reads the first sheet when none is named', async () => {
    const table = await read('bts-first-sheet.xlsx');
    expect(table).toMatchObject({ sheets: ['Danh sách', 'Ghi chú'], sheet: 'Danh sách' });
    expect(table.rows.map((r) => r.rowNo)).toEqual([2, 3, 4]);
    expect(table.rows[1]!.cells).toEqual({ ...caiBe, 'Ngày phát sóng': '2019-11-02T08:30:00Z' });
    const noted = await read('bts.xlsx');
    expect(noted.sheet).toBe('Ghi chú');
    expect(noted.columns).toEqual(['Danh sách trạm BTS tỉnh Tiền Giang (dữ liệu mẫu cho kiểm thử)']);
  });

  it('refuses a sheet the workbook does not have, listing the ones it has', async () => {
    expect(await problemOf(read('bts.xlsx', { sheet: 'Trạm' })))
      .toEqual({ status: 400, key: 'import-sheet-unknown', params: { sheet: 'Trạm', sheets: '"Ghi chú", "BTS"' } });
  });

  it('writes numbers as Excel shows them: 15 significant digits, a point, no exponent', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Số');
    sheet.addRow(['a', 'b', 'c', 'd']);
    sheet.addRow([0.1 + 0.2, 0.00000015, 123456789012, -0.5]);
    const table = await readBytes(new Uint8Array(await workbook.xlsx.writeBuffer()), 'so.xlsx');
    expect(table.rows[0]!.cells).toEqual({ a: '0.3', b: '0.00000015', c: '123456789012', d: '-0.5' });
  });

  it('refuses a workbook typed in a TCVN3 font (.VnTime), whose cells hold "Tr¹m" for "Trạm"', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('BTS');
    sheet.addRow(['M· tr¹m', 'Nhµ m¹ng']);
    sheet.addRow(['TG-1', 'Viettel']);
    expect(await problemOf(readBytes(new Uint8Array(await workbook.xlsx.writeBuffer()), 'tcvn3.xlsx')))
      .toEqual({ status: 400, key: 'import-encoding-tcvn3', params: {} });
  });

  it('refuses an Excel 97–2003 .xls with 415, asking to save it as .xlsx or CSV', async () => {
    expect(await problemOf(read('legacy.xls'))).toEqual({ status: 415, key: 'import-xls-legacy', params: { file: 'legacy.xls' } });
    // The OLE signature decides, whatever the name says.
    expect(await problemOf(readBytes(fixture('legacy.xls'), 'bts.xlsx'))).toMatchObject({ status: 415, key: 'import-xls-legacy' });
    expect(translate('vi', 'import-xls-legacy', { file: 'a.xls' })).toContain('.xlsx');
  });
});

describe('reading GeoJSON', () => {
  it('reads properties as text columns (numbers and booleans as written, others as JSON) and keeps the geometry in 2D', async () => {
    const table = await read('sites.geojson');
    expect(table).toMatchObject({ format: 'geojson', encoding: 'utf-8', declaredSrid: null, declaredCrsText: null });
    expect(table.columns).toEqual(['Mã vị trí', 'Tên vị trí', 'Loại cột', 'Độ cao cột (m)', 'Chủ sở hữu', 'Địa chỉ', 'Trạng thái', 'Dùng chung', 'Nhà mạng trên trạm', 'Ghi chú']);
    expect(table.rows.map((r) => r.rowNo)).toEqual([1, 2, 3]);
    expect(table.rows[0]).toEqual({
      rowNo: 1,
      cells: {
        'Mã vị trí': 'TG-MTH-001', 'Tên vị trí': 'Trạm Mỹ Tho 1', 'Loại cột': 'Cột tự đứng', 'Độ cao cột (m)': '45', 'Chủ sở hữu': 'Viettel',
        'Địa chỉ': 'Phường 1, TP Mỹ Tho', 'Trạng thái': 'Đang hoạt động', 'Dùng chung': 'true', 'Nhà mạng trên trạm': '["Viettel","MobiFone"]', 'Ghi chú': '',
      },
      // The file's third coordinate (3.5 m) is dropped.
      geometry: { type: 'Point', coordinates: [106.3612, 10.3598] },
    });
    expect(table.rows[2]!.cells).toMatchObject({ 'Độ cao cột (m)': '30.5', 'Dùng chung': 'false', 'Nhà mạng trên trạm': '' });
  });

  it('reads LineStrings, Polygons and MultiPolygons with every position', async () => {
    const fiber = await read('fiber.geojson');
    expect(fiber.rows).toHaveLength(2);
    expect(fiber.rows[1]!.cells).toMatchObject({ 'Mã tuyến': 'TG-CQ-002', 'Số sợi': '24', 'Hình thức lắp đặt': 'Ngầm' });
    expect(fiber.rows[1]!.geometry).toEqual({ type: 'LineString', coordinates: [[106.0321, 10.4043], [106.0512, 10.3951], [106.0705, 10.3871], [106.0902, 10.3802]] });
    const communes = await read('communes.geojson');
    expect(communes.rows.map((r) => [r.cells['Mã đơn vị'], r.geometry?.type])).toEqual([['28249', 'Polygon'], ['28252', 'MultiPolygon']]);
    expect(communes.rows[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [[[106.36, 10.35], [106.38, 10.35], [106.38, 10.37], [106.36, 10.37], [106.36, 10.35]]] });
    const hamlets = await read('hamlets.geojson');
    expect(hamlets.columns).toEqual(['Mã ấp', 'Tên ấp', 'Loại', 'Mã xã', 'Dân số', 'Số hộ']);
    expect(hamlets.rows[1]!.cells).toEqual({ 'Mã ấp': '2824902', 'Tên ấp': 'Khu phố 2', 'Loại': 'Khu phố', 'Mã xã': '28249', 'Dân số': '2210', 'Số hộ': '553' });
  });

  it('takes the SRID of an old crs member, in its URN and short forms', async () => {
    const point = { type: 'Feature', properties: { code: 'A' }, geometry: { type: 'Point', coordinates: [566735.39, 1145713.67] } };
    for (const [name, srid] of [['urn:ogc:def:crs:EPSG::3405', 3405], ['EPSG:3405', 3405], ['urn:ogc:def:crs:OGC:1.3:CRS84', 4326], ['http://www.opengis.net/def/crs/EPSG/0/5897', 5897], ['VN-2000 kinh tuyến 105°45\'', null]] as const) {
      const table = await readBytes(JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [point] }), 'a.geojson');
      expect([table.declaredSrid, table.declaredCrsText]).toEqual([srid, name]);
    }
  });

  it('reads a lone Feature and a bare geometry as one row', async () => {
    const feature = await readBytes('{"type":"Feature","properties":{"Mã":"A"},"geometry":{"type":"Point","coordinates":[106.1,10.4]}}', 'a.json');
    expect(feature.rows).toEqual([{ rowNo: 1, cells: { 'Mã': 'A' }, geometry: { type: 'Point', coordinates: [106.1, 10.4] } }]);
    const bare = await readBytes('{"type":"LineString","coordinates":[[106.1,10.4],[106.2,10.5]]}', 'a.geojson');
    expect(bare.columns).toEqual([]);
    expect(bare.rows[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[106.1, 10.4], [106.2, 10.5]] });
  });

  it('refuses invalid JSON with the line and column of the error', async () => {
    expect(await problemOf(read('broken.geojson'))).toEqual({ status: 400, key: 'import-json-invalid', params: { position: 143, line: 4, column: 3 } });
    expect(translate('en', 'import-json-invalid', { position: 143, line: 4, column: 3 })).toBe(
      'The GeoJSON file is not valid JSON: error at line 4, column 3 (character 143).',
    );
  });

  it('refuses JSON that is not GeoJSON and geometries PostGIS would refuse', async () => {
    expect(await problemOf(readBytes('{"type":"Topology","objects":{}}', 'a.geojson')))
      .toEqual({ status: 400, key: 'import-geojson-not-geojson', params: { type: 'Topology' } });
    const line = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[106.1,10.4]]}}]}';
    expect(await problemOf(readBytes(line, 'a.geojson')))
      .toEqual({ status: 400, key: 'import-geojson-bad-geometry', params: { feature: 1, type: 'LineString' } });
    const openRing = '{"type":"Polygon","coordinates":[[[106.1,10.4],[106.2,10.4],[106.2,10.5],[106.1,10.5]]]}';
    expect(await problemOf(readBytes(openRing, 'a.geojson'))).toMatchObject({ status: 400, key: 'import-geojson-bad-geometry' });
    expect(await problemOf(readBytes('{"type":"FeatureCollection","features":[]}', 'a.geojson'))).toMatchObject({ status: 400, key: 'import-no-rows' });
  });
});

describe('reading KML and KMZ', () => {
  it('reads Placemarks with name, description and both kinds of ExtendedData as columns, in WGS 84', async () => {
    for (const name of ['sites.kml', 'sites.kmz']) {
      const table = await read(name);
      expect(table).toMatchObject({ format: name.slice(-3), declaredSrid: 4326, declaredCrsText: null });
      expect(table.columns).toEqual(['name', 'description', 'Mã vị trí', 'Loại cột', 'Độ cao cột (m)', 'Chủ sở hữu', 'Trạng thái']);
      expect(table.rows.map((r) => r.rowNo)).toEqual([1, 2, 3]);
      // The third Placemark's attributes are SchemaData/SimpleData, kept as typed (not converted by the schema's float type).
      expect(table.rows[2]).toEqual({
        rowNo: 3,
        cells: {
          name: 'Trạm Gò Công 7', description: 'Phường 2, TX Gò Công', 'Mã vị trí': 'TG-GCO-007', 'Loại cột': 'Cột trên mái nhà',
          'Độ cao cột (m)': '30.5', 'Chủ sở hữu': 'MobiFone', 'Trạng thái': 'Quy hoạch',
        },
        geometry: { type: 'Point', coordinates: [106.6718, 10.3579] },
      });
    }
  });

  it('reads LineString Placemarks without their altitudes', async () => {
    const table = await read('fiber.kml');
    expect(table.columns).toEqual(['name', 'Mã tuyến', 'Doanh nghiệp', 'Cấp tuyến', 'Hình thức lắp đặt', 'Số sợi', 'Trạng thái']);
    expect(table.rows[0]!.cells).toMatchObject({ name: 'Tuyến trục Mỹ Tho – Chợ Gạo', 'Mã tuyến': 'TG-CQ-001', 'Số sợi': '48' });
    expect(table.rows[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[106.3612, 10.3598], [106.4, 10.37], [106.458, 10.356]] });
  });

  it('refuses malformed XML saying what is wrong', async () => {
    expect(await problemOf(read('broken.kml')))
      .toEqual({ status: 400, key: 'import-xml-invalid', params: { reason: 'Opening and ending tag mismatch: "Placemark" != "Document"' } });
  });

  it('refuses any DOCTYPE, so no entity can expand', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<kml><Placemark><name>&b;</name></Placemark></kml>';
    expect(await problemOf(readBytes(laughs, 'a.kml'))).toEqual({ status: 400, key: 'import-xml-doctype', params: {} });
  });

  it('refuses XML that is not KML and a KMZ without a .kml', async () => {
    expect(await problemOf(readBytes('<?xml version="1.0"?><gpx version="1.1"></gpx>', 'track.kml')))
      .toEqual({ status: 400, key: 'import-kml-not-kml', params: { root: 'gpx' } });
    const noKml = zipSync({ 'files/tram.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
    expect(await problemOf(readBytes(noKml, 'a.kmz'))).toEqual({ status: 400, key: 'import-kmz-no-kml', params: { file: 'a.kmz' } });
  });
});

describe('reading zipped Shapefiles', () => {
  it('reads VN-2000 TM-3 105°45\' coordinates as stored, the SRID from the .prj and a Windows-1258 DBF without .cpg', async () => {
    const table = await read('sites-vn2000-tm3.zip');
    expect(table).toMatchObject({ format: 'shapefile', encoding: 'windows-1258', declaredSrid: 910545, sheets: ['sites-vn2000-tm3'], sheet: 'sites-vn2000-tm3' });
    expect(table.declaredCrsText).toMatch(/^PROJCS\["unknown".*PARAMETER\["Central_Meridian",105\.75\]/);
    expect(table.columns).toEqual(['MA_VI_TRI', 'TEN', 'LOAI_COT', 'DO_CAO_COT', 'CHU_SO_HUU', 'TRANG_THAI', 'NGAY_LD']);
    expect(table.rows.map((r) => r.rowNo)).toEqual([1, 2, 3]);
    expect(table.rows[0]!.cells).toEqual({
      MA_VI_TRI: 'TG-MTH-001', TEN: 'Trạm Mỹ Tho 1', LOAI_COT: 'Cột tự đứng', DO_CAO_COT: '45', CHU_SO_HUU: 'Viettel', TRANG_THAI: 'Đang hoạt động', NGAY_LD: '2019-06-15',
    });
    // ogr2ogr's easting/northing of Mỹ Tho (106.3612, 10.3598) in 910545: not reprojected by the reader.
    expect(table.rows[0]!.geometry).toEqual({ type: 'Point', coordinates: [566735.3888914398, 1145713.6665204335] });
    expect(table.rows[2]!.cells).toMatchObject({ TEN: 'Trạm Gò Công 7', DO_CAO_COT: '30.5', NGAY_LD: '2024-02-29' });
  });

  // Cái Bè (106.0321, 10.4043) in EPSG:3405 with the official seven parameters (its proj4text), by ogr2ogr.
  it('reads a shapefile in a sub-folder with its UTF-8 .cpg, in EPSG:3405', async () => {
    const table = await read('sites-utm48.zip');
    expect(table).toMatchObject({ encoding: 'utf-8', declaredSrid: 3405, sheet: 'sites-utm48' });
    expect(table.rows[1]!.cells).toMatchObject({ MA_VI_TRI: 'TG-CBE-014', TEN: 'Trạm Cái Bè 14', LOAI_COT: 'Cột dây co' });
    expect(table.rows[1]!.geometry).toEqual({ type: 'Point', coordinates: [612780.7893008746, 1150409.2480106622] });
  });

  it('refuses a shapefile without its .shp, naming what is missing', async () => {
    expect(await problemOf(read('broken-missing-shp.zip')))
      .toEqual({ status: 400, key: 'import-shapefile-missing', params: { layer: 'sites-utm48', missing: '.shp' } });
  });

  it('asks which layer when the zip holds two, and reads the one the sheet option names', async () => {
    const entries = (await import('../../server/src/imports/readers/zip-archive.js'));
    const source = fixture('sites-utm48.zip');
    const files: Record<string, Uint8Array> = {};
    const budget = { fileName: 'x', maxExpandedBytes: 1 << 20, used: 0 };
    for (const e of entries.listZipEntries(source, 'x')) {
      const data = entries.readZipEntry(source, e, budget);
      files[e.name.replace('sites-utm48/sites-utm48', 'tram')] = data;
      files[e.name.replace('sites-utm48/sites-utm48', 'cot')] = data;
    }
    const twoLayers = zipSync(files);
    expect(await problemOf(readBytes(twoLayers, 'two.zip')))
      .toEqual({ status: 400, key: 'import-shapefile-many-layers', params: { count: 2, layers: '"tram", "cot"' } });
    const table = await readBytes(twoLayers, 'two.zip', { sheet: 'cot' });
    expect(table).toMatchObject({ sheets: ['tram', 'cot'], sheet: 'cot', declaredSrid: 3405 });
    expect(await problemOf(readBytes(twoLayers, 'two.zip', { sheet: 'ap' })))
      .toEqual({ status: 400, key: 'import-shapefile-unknown-layer', params: { layer: 'ap', layers: '"tram", "cot"' } });
  });
});

describe('refusing damaged archives and files over the limits', () => {
  it('refuses a truncated zip as damaged', async () => {
    expect(await problemOf(read('broken-corrupt.zip'))).toEqual({ status: 400, key: 'import-zip-corrupt', params: { file: 'broken-corrupt.zip' } });
  });

  it('refuses a zip bomb with 413 from its declared size', async () => {
    expect(await problemOf(read('broken-zip-bomb.zip'))).toEqual({ status: 413, key: 'import-zip-too-large', params: { file: 'broken-zip-bomb.zip', max: '1 MB' } });
  });

  it('stops inflating a zip bomb that lies about its size as soon as the real output passes the limit', async () => {
    const lying = Buffer.from(fixture('broken-zip-bomb.zip'));
    // Every central directory entry now declares 100 bytes.
    for (let p = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
      lying.writeUInt32LE(100, p + 24);
    }
    expect(await problemOf(readBytes(lying, 'lying.zip'))).toEqual({ status: 413, key: 'import-zip-too-large', params: { file: 'lying.zip', max: '1 MB' } });
  });

  it('checks the declared sizes before inflating: a small zip declaring 2 GB is refused', async () => {
    const boasting = Buffer.from(fixture('sites-utm48.zip'));
    const p = boasting.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    boasting.writeUInt32LE(2_000_000_000, p + 24);
    expect(await problemOf(readBytes(boasting, 'sites.zip'))).toMatchObject({ status: 413, key: 'import-zip-too-large' });
  });

  it('refuses a file over the upload limit with 413 before reading it', async () => {
    expect(await problemOf(read('bts-utf8.csv', { limits: { ...limits, maxFileBytes: 100 } })))
      .toEqual({ status: 413, key: 'import-file-too-large', params: { file: 'bts-utf8.csv', size: '394 B', max: '100 B' } });
  });

  it('refuses more data rows than the limit with 413, blank lines not counted', async () => {
    const two = { ...limits, maxRows: 2 };
    expect(await problemOf(read('bts-utf8.csv', { limits: two }))).toEqual({ status: 413, key: 'import-too-many-rows', params: { max: 2 } });
    expect(await problemOf(read('sites.geojson', { limits: two }))).toEqual({ status: 413, key: 'import-too-many-rows', params: { max: 2 } });
    expect((await read('bts-utf8.csv', { limits: { ...limits, maxRows: 3 } })).rows).toHaveLength(3);
  });

  it('refuses a format it does not read with 415, and a lone .shp asking for the zipped set', async () => {
    expect(await problemOf(readBytes('%PDF-1.7', 'ke-hoach.pdf'))).toEqual({ status: 415, key: 'import-format-unknown', params: { file: 'ke-hoach.pdf' } });
    expect(await problemOf(readBytes(new Uint8Array([0, 0, 0x27, 0x0a]), 'tram.shp')))
      .toEqual({ status: 415, key: 'import-shapefile-not-zipped', params: { file: 'tram.shp' } });
  });
});

describe('damaged copies of every fixture', () => {
  it('give a table or a 4xx problem, never another error: cut at 12 points, or with one of 12 bytes inverted', async () => {
    const names = readdirSync(fixtures).filter((n) => /\.(csv|xlsx|xls|geojson|kml|kmz|zip)$/.test(n));
    expect(names.length).toBeGreaterThanOrEqual(24);
    const failures: string[] = [];
    for (const name of names) {
      const bytes = fixture(name);
      const variants = Array.from({ length: 12 }, (_, k) => bytes.subarray(0, Math.floor((bytes.length * (k + 1)) / 13)));
      for (let k = 0; k < 12; k++) {
        const flipped = Buffer.from(bytes);
        const at = (k * 7919) % flipped.length;
        flipped[at] = flipped[at]! ^ 0xff;
        variants.push(flipped);
      }
      for (const [i, variant] of variants.entries()) {
        try {
          await readImportFile(variant, name, { limits });
        } catch (error) {
          if (!(error instanceof HttpProblem) || error.status >= 500) failures.push(`${name} #${i}: ${String(error)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('detecting the format', () => {
  it('goes by content before the extension', () => {
    expect(detectImportFormat('tram.txt', fixture('sites.kml'))).toBe('kml');
    expect(detectImportFormat('tram.dat', fixture('sites.geojson'))).toBe('geojson');
    expect(detectImportFormat('tram.kmz', fixture('sites-utm48.zip'))).toBe('shapefile');
    expect(detectImportFormat('tram.zip', fixture('sites.kmz'))).toBe('kmz');
    expect(detectImportFormat('tram.zip', fixture('bts.xlsx'))).toBe('xlsx');
    expect(detectImportFormat('tram.xls', fixture('bts.xlsx'))).toBe('xlsx');
    expect(detectImportFormat('tram.csv', fixture('bts-utf8.csv'))).toBe('csv');
    // A damaged zip goes by its extension, whose reader then says it is damaged.
    expect(detectImportFormat('tram.zip', fixture('broken-corrupt.zip'))).toBe('shapefile');
  });
});

describe('the messages of the file readers', () => {
  it('have Vietnamese and English texts with the same placeholders', async () => {
    const { vi, en } = await import('../../server/src/i18n/messages-import-files.js');
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
      expect(vi[key], key).not.toBe(en[key]);
    }
  });
});
