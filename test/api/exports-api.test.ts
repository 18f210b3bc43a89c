import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportValueLabels } from '../../server/src/exports/export-value-labels.js';
import { csvField } from '../../server/src/exports/csv-export-writer.js';
import { foldHeader, importFields } from '../../server/src/imports/import-fields.js';
import { databaseTargets, openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';

// Exports of the register fixture (test/fixtures/register-fixture.ts): every
// expected row below is read off the fixture's drawing by hand.

const BOM = '\uFEFF';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

async function download(app: InProcessApp, path: string): Promise<{ status: number; type: string; disposition: string | null; bytes: Buffer; text: string }> {
  const r = await fetch(app.base + path);
  const bytes = Buffer.from(await r.arrayBuffer());
  return { status: r.status, type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition'), bytes, text: bytes.toString('utf8') };
}

/** The CSV's lines without the BOM and the final CRLF. */
const csvLines = (text: string) => text.slice(BOM.length).replace(/\r\n$/, '').split('\r\n');

const siteHeaderVi = 'Mã vị trí,Tên vị trí,Kinh độ,Vĩ độ,Loại cột,Độ cao cột (m),Chủ sở hữu,Địa chỉ,Trạng thái';
const siteRows = [
  'S1,,106.05,10.05,Cột tự đứng,45,viettel,Địa chỉ S1,Đang phát sóng',
  'S2,,106.05,10.15,Cột trên mái nhà,12,viettel,Địa chỉ S2,Đang phát sóng',
  'S3,,106.15,10.1,Cột dây co,36,mobifone,Địa chỉ S3,Đã tháo dỡ',
  'S4,,106.15,10.15,Cột đơn thân,30,towerco,Địa chỉ S4,Đang phát sóng',
];
const btsHeaderVi =
  'Mã trạm,Mã vị trí,Nhà mạng,Kinh độ,Vĩ độ,Công nghệ,Băng tần (MHz),Độ cao anten (m),EIRP (dBm),Góc phương vị (độ),Độ rộng búp sóng (độ),Góc ngẩng (độ),Bán kính phủ sóng đặt tay (m),Môi trường truyền sóng,Trạng thái';
const btsRows = {
  'MB-S3-2G': 'MB-S3-2G,S3,mobifone,106.15,10.1,2G,900,28,58,,,,,,Đã tháo dỡ',
  'MB-S4-4G': 'MB-S4-4G,S4,mobifone,106.15,10.15,4G,2600,28,58,10/130/250,65/65/65,4/4/4,,,Đang phát sóng',
  'VN-S1-3G': 'VN-S1-3G,S1,vnpt,106.05,10.05,3G,2100,28,58,30/150/270,65/65/65,4/4/4,,,Đang phát sóng',
  'VN-S2-4G': 'VN-S2-4G,S2,vnpt,106.05,10.15,4G,1800,28,58,90,65,4,,,Quy hoạch',
  'VT-S1-2G': 'VT-S1-2G,S1,viettel,106.05,10.05,2G,900,28,58,0/120/240,65/65/65,4/4/4,,,Đang phát sóng',
  'VT-S1-4G': 'VT-S1-4G,S1,viettel,106.05,10.05,4G,1800,28,58,0/120/240,65/65/65,4/4/4,,,Đang phát sóng',
  'VT-S2-4G': 'VT-S2-4G,S2,viettel,106.05,10.15,4G,1800,28,58,90,65,4,,,Đang phát sóng',
};

describe('labels and cells of exported sheets', () => {
  it('writes every enum value as a Vietnamese label the field catalogue reads back to the same value', () => {
    let checked = 0;
    for (const [layer, fields] of Object.entries(importFields)) {
      // Reported values export their indicator as its code (table-export-reported-values.ts), which the importer reads as it is.
      if (layer === 'indicator-values') continue;
      for (const field of fields.filter((f) => f.type === 'enum')) {
        for (const value of field.values!) {
          const label = exportValueLabels[field.key]?.[value];
          expect(label, `${field.key}=${value} has a label`).toBeDefined();
          expect(field.valueSynonyms![foldHeader(label!)], `"${label}" reads back as ${field.key}=${value}`).toBe(value);
          checked++;
        }
      }
    }
    // status ×4 (sites, bts, fiber), structure 5, technology 4 ×2, environment 4, fiber kind 3, laying 2, level 3, unit type 10, hamlet kind 4, reference kind 2.
    expect(checked).toBe(12 + 5 + 8 + 4 + 3 + 2 + 3 + 10 + 4 + 2);
  });

  it('guards formula-like text with an apostrophe but leaves numbers, negative ones included, as they are', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+84 912')).toBe("'+84 912");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('+3')).toBe('+3');
    expect(csvField('Ấp "Mới", xã Đông\r\nB')).toBe('"Ấp ""Mới"", xã Đông\r\nB"');
    expect(csvField(null)).toBe('');
  });
});

describe.each(databaseTargets())('exports on the $label database (fixture)', ({ open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  beforeAll(async () => {
    db = await open();
    app = await startInProcessApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('exports the sites as UTF-8 CSV with a BOM, CRLF lines, the catalogue\'s Vietnamese headers and labels', async () => {
    const r = await download(app, '/api/exports/sites.csv');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/csv; charset=utf-8');
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.text.endsWith('\r\n')).toBe(true);
    expect(r.text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(csvLines(r.text)).toEqual([siteHeaderVi, ...siteRows]);
    expect(r.disposition).toBe(
      `attachment; filename="sites-${today}.csv"; filename*=UTF-8''${encodeURIComponent(`Vị trí trạm ${today}.csv`)}`,
    );
  });

  it('heads the columns in English with lang=en and keeps the Vietnamese labels the importer reads', async () => {
    const lines = csvLines((await download(app, '/api/exports/sites.csv?lang=en')).text);
    expect(lines[0]).toBe('Site code,Site name,Longitude,Latitude,Structure type,Height (m),Owner,Address,Status');
    expect(lines.slice(1)).toEqual(siteRows);
  });

  it('exports BTS with their sectors as azimuth, beamwidth and tilt lists in sector order', async () => {
    const lines = csvLines((await download(app, '/api/exports/bts.csv')).text);
    expect(lines).toEqual([btsHeaderVi, ...Object.values(btsRows)]);
  });

  it('exports fiber routes, hamlets and admin units with their shapes as WKT at 7 decimals', async () => {
    expect(csvLines((await download(app, '/api/exports/fiber.csv')).text)).toEqual([
      'Mã tuyến,Tên tuyến,Doanh nghiệp,Cấp tuyến,Hình thức lắp đặt,Số sợi,Trạng thái,Hình học (WKT)',
      'F1,Trục Đông–Tây,viettel,Trục,Ngầm,96,Đang phát sóng,"MULTILINESTRING((106 10.05,106.2 10.05))"',
      'F2,Nhánh Phường 1,vnpt,Truy nhập,Treo trên cột,12,Đang phát sóng,"MULTILINESTRING((106.02 10.12,106.08 10.18))"',
    ]);
    // The reference point is lon/lat; H3 has no polygon, so no WKT.
    expect(csvLines((await download(app, '/api/exports/hamlets.csv')).text)).toEqual([
      'Mã ấp,Tên ấp,Loại,Mã xã,Dân số,Số hộ,Kinh độ,Vĩ độ,Loại điểm tham chiếu,Hình học (WKT)',
      'H1,Ấp Mỹ Lợi,Ấp,C1,1000,260,106.05,10.05,Nhà văn hóa,"MULTIPOLYGON(((106 10,106.1 10,106.1 10.1,106 10.1,106 10)))"',
      'H2,Khu phố 1,Khu phố,C2,2000,500,106.05,10.15,Nhà văn hóa,"MULTIPOLYGON(((106 10.1,106.1 10.1,106.1 10.2,106 10.2,106 10.1)))"',
      'H3,Ấp Cái Bè,Ấp,C3,500,120,106.15,10.05,Nhà văn hóa,',
    ]);
    expect(csvLines((await download(app, '/api/exports/districts.csv')).text)).toEqual([
      'Mã đơn vị,Tên đơn vị,Cấp,Loại đơn vị,Mã đơn vị cấp trên,Hình học (WKT)',
      'D1,Huyện Tây,Cấp huyện,Huyện,P,"MULTIPOLYGON(((106 10,106.1 10,106.1 10.2,106 10.2,106 10)))"',
      'D2,Huyện Cái Bè,Cấp huyện,Huyện,P,"MULTIPOLYGON(((106.1 10,106.2 10,106.2 10.2,106.1 10.2,106.1 10)))"',
    ]);
    // Communes of the boundary set asked; without one, of the default set T.
    const defaultSet = csvLines((await download(app, '/api/exports/communes.csv')).text).map((l) => l.split(',').slice(0, 5).join(','));
    expect(defaultSet.slice(1)).toEqual(['C1,Xã Mỹ Phước,Cấp xã,Xã,D1', 'C2,Phường 1,Cấp xã,Phường,D1', 'C3,Thị trấn Cái Bè,Cấp xã,Thị trấn,D2']);
    const setN = csvLines((await download(app, '/api/exports/communes.csv?boundarySet=N')).text);
    expect(setN.slice(1)).toEqual(['NC1,Xã Hợp Nhất,Cấp xã,Xã,NP,"MULTIPOLYGON(((106 10,106.2 10,106.2 10.2,106 10.2,106 10)))"']);
  });

  it('exports population clusters by hamlet and number, points as lon/lat', async () => {
    expect(csvLines((await download(app, '/api/exports/population-clusters.csv')).text)).toEqual([
      'Mã ấp,Số thứ tự cụm,Dân số,Kinh độ,Vĩ độ,Hình học (WKT)',
      'H2,1,1500,106.04,10.16,',
      'H2,2,500,106.09,10.19,',
    ]);
    // Unit C1 holds no clusters' hamlet (H2 is in C2).
    expect(csvLines((await download(app, '/api/exports/population-clusters.csv?unit=C1')).text)).toHaveLength(1);
  });

  it('filters an export with the layer\'s own parameters: the bbox of the view, operator, status, unit', async () => {
    const codes = async (path: string) => csvLines((await download(app, path)).text).slice(1).map((l) => l.split(',')[0]);
    // West-south quarter 106.0–106.1 × 10.0–10.1: only S1.
    expect(await codes('/api/exports/sites.csv?bbox=106.0,10.0,106.1,10.1')).toEqual(['S1']);
    // Sites carrying a non-decommissioned VNPT BTS: S1 (3G on air), S2 (4G planned).
    expect(await codes('/api/exports/sites.csv?operator=vnpt')).toEqual(['S1', 'S2']);
    expect(await codes('/api/exports/bts.csv?operator=vnpt')).toEqual(['VN-S1-3G', 'VN-S2-4G']);
    // East half 106.1–106.2: the two MobiFone BTS on S3 and S4.
    expect(await codes('/api/exports/bts.csv?bbox=106.1,10.0,106.2,10.2')).toEqual(['MB-S3-2G', 'MB-S4-4G']);
    expect(await codes('/api/exports/bts.csv?operator=viettel&technology=4G&status=on_air')).toEqual(['VT-S1-4G', 'VT-S2-4G']);
    // F1 runs along 10.05 N: its bounding box misses the north half, where F2 lies.
    expect(await codes('/api/exports/fiber.csv?bbox=106.0,10.1,106.1,10.2')).toEqual(['F2']);
    expect(await codes('/api/exports/fiber.csv?kind=backbone')).toEqual(['F1']);
    expect(await codes('/api/exports/hamlets.csv?unit=D2')).toEqual(['H3']);
    expect(await codes('/api/exports/sites.csv?status=planned')).toEqual([]);
    const full = csvLines((await download(app, '/api/exports/bts.csv?operator=vnpt')).text);
    expect(full.slice(1)).toEqual([btsRows['VN-S1-3G'], btsRows['VN-S2-4G']]);
  });

  it('exports a derived layer\'s properties as they are: the shared sites', async () => {
    const lines = csvLines((await download(app, '/api/exports/shared-sites.csv')).text);
    expect(lines).toEqual([
      'code,name,structureType,heightM,owner,ownerName,status,address,operators,operatorCount,technologies,btsCount,shared,siteKey,inferred,btsCodes,lon,lat',
      'S1,,self_supporting,45,viettel,Viettel,on_air,Địa chỉ S1,viettel/vnpt,2,2G/3G/4G,3,true,S1,false,,106.05,10.05',
    ]);
  });

  it('streams the GeoJSON as RFC 7946 features with canonical keys and values', async () => {
    const r = await download(app, '/api/exports/bts.geojson');
    expect(r.type).toBe('application/geo+json; charset=utf-8');
    expect(r.disposition).toContain(`filename="bts-${today}.geojson"`);
    const fc = JSON.parse(r.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: any) => f.id)).toEqual(Object.keys(btsRows));
    expect(fc.features[1]).toEqual({
      type: 'Feature',
      id: 'MB-S4-4G',
      geometry: { type: 'Point', coordinates: [106.15, 10.15] },
      properties: {
        code: 'MB-S4-4G', siteCode: 'S4', operator: 'mobifone', technology: '4G', bandMHz: 2600, antennaHeightM: 28, eirpDbm: 58,
        azimuthsDeg: '10/130/250', beamwidthsDeg: '65/65/65', tiltsDeg: '4/4/4', radiusOverrideM: null, environmentOverride: null, status: 'on_air',
      },
    });
    // A hamlet's feature is its polygon; its reference point travels as lon/lat.
    const hamlets = JSON.parse((await download(app, '/api/exports/hamlets.geojson')).text);
    expect(hamlets.features[0].geometry.type).toBe('MultiPolygon');
    expect(hamlets.features[0].properties).toEqual({
      code: 'H1', name: 'Ấp Mỹ Lợi', kind: 'ap', communeCode: 'C1', population: 1000, households: 260, refKind: 'cultural_house', lon: 106.05, lat: 10.05,
    });
    expect(hamlets.features[2].geometry).toEqual({ type: 'Point', coordinates: [106.15, 10.05] });
  });

  it('writes an XLSX that reads back to the same rows: one Vietnamese sheet, bold frozen header, numbers as numbers', async () => {
    const r = await download(app, '/api/exports/bts.xlsx');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(r.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Trạm BTS']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(btsHeaderVi.split(','));
    expect(rows).toHaveLength(8);
    // Empty cells read back as undefined; numbers are numbers, not text.
    const asCsv = rows.slice(1).map((row) => btsHeaderVi.split(',').map((_h, i) => (row[i] === undefined ? '' : String(row[i]))).join(','));
    expect(asCsv).toEqual(Object.values(btsRows));
    expect(rows[2]![6]).toBe(2600);
    expect(rows[2]![3]).toBe(106.15);
  });

  it('writes KML 2.2 that @tmcw/togeojson reads back to the same features, names and fields', async () => {
    const r = await download(app, '/api/exports/fiber.kml');
    expect(r.type).toBe('application/vnd.google-earth.kml+xml; charset=utf-8');
    const doc = new DOMParser().parseFromString(r.text, 'text/xml');
    expect(doc.getElementsByTagName('Document')[0]!.getElementsByTagName('name')[0]!.textContent).toBe('Tuyến cáp quang');
    // Each Placemark is named by the code (what Google Earth shows); the record's own name is a field like the others.
    const placemarkNames = [...doc.getElementsByTagName('Placemark')].map((p) => p.getElementsByTagName('name')[0]!.textContent);
    expect(placemarkNames).toEqual(['F1', 'F2']);
    const fc = kmlToGeoJson(doc as unknown as Document);
    expect(fc.features[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[106, 10.05], [106.2, 10.05]] });
    expect(fc.features[0]!.properties).toMatchObject({
      code: 'F1', name: 'Trục Đông–Tây', operator: 'viettel', kind: 'backbone', laying: 'underground', cores: '96', status: 'on_air',
    });
    const sites = await download(app, '/api/exports/sites.kml');
    const s = kmlToGeoJson(new DOMParser().parseFromString(sites.text, 'text/xml') as unknown as Document);
    expect(s.features).toHaveLength(4);
    expect(s.features[3]!.properties).toMatchObject({ code: 'S4', name: '', owner: 'towerco', address: 'Địa chỉ S4', heightM: '30', structureType: 'monopole' });
    expect(s.features[3]!.geometry).toEqual({ type: 'Point', coordinates: [106.15, 10.15] });
  });

  it('pages a large export in code order without losing or repeating a row (2,345 measurements, pages of 1,000)', async () => {
    await db.knex.raw(
      `INSERT INTO field_measurements (batch, geom, operator_id, technology, signal_dbm, download_mbps, measured_at, source, source_date)
       SELECT 'dot-' || (n % 3), ST_SetSRID(ST_MakePoint(106.0 + n * 0.00005, 10.1), 4326), (SELECT id FROM operators WHERE code = CASE WHEN n % 2 = 0 THEN 'viettel' ELSE 'vnpt' END),
              '4G', -80 - (n % 40), CASE WHEN n % 5 = 0 THEN NULL ELSE 12.5 END, TIMESTAMPTZ '2026-11-20 09:30:00+07' + n * INTERVAL '1 second', 'test', DATE '2026-11-20'
         FROM generate_series(1, 2345) n`,
    );
    try {
      const lines = csvLines((await download(app, '/api/exports/measurements.csv')).text);
      expect(lines[0]).toBe('Nhà mạng,Công nghệ,Mức tín hiệu (dBm),Tốc độ tải xuống (Mbps),Thời gian đo,Đợt đo,Kinh độ,Vĩ độ');
      expect(lines).toHaveLength(2346);
      // n = 1: VNPT, -81 dBm, 12.5 Mbps, 09:30:01 Việt Nam time = 02:30:01 UTC, batch dot-1, lon 106.00005.
      expect(lines[1]).toBe('vnpt,4G,-81,12.5,2026-11-20T02:30:01Z,dot-1,106.00005,10.1');
      expect(lines[2345]).toBe('vnpt,4G,-105,,2026-11-20T03:09:05Z,dot-2,106.11725,10.1');
      const times = lines.slice(1).map((l) => l.split(',')[4]);
      expect(new Set(times).size).toBe(2345);
      const geojson = JSON.parse((await download(app, '/api/exports/measurements.geojson?operator=viettel')).text);
      expect(geojson.features).toHaveLength(1172);
      expect(geojson.features[0].properties).toEqual({
        operator: 'viettel', technology: '4G', signalDbm: -82, downloadMbps: 12.5, measuredAt: '2026-11-20T02:30:02Z', batch: 'dot-2',
      });
    } finally {
      await db.knex.raw(`DELETE FROM field_measurements WHERE source = 'test'`);
    }
  });

  it('guards formula-like text in CSV cells, leaves it as text in XLSX and escapes markup in KML', async () => {
    await db.knex.raw(
      `INSERT INTO site_records (code, name, geom, structure_type, height_m, owner_id, address, status, source, source_date)
       VALUES ('S9', '=HYPERLINK("http://x","<b>bấm</b> & xem")', ST_SetSRID(ST_MakePoint(106.19, 10.19), 4326), 'monopole', 20,
               (SELECT id FROM operators WHERE code = 'viettel'), '-12.5', 'planned', 'test', DATE '2026-11-20')`,
    );
    try {
      const lines = csvLines((await download(app, '/api/exports/sites.csv?status=planned')).text);
      expect(lines[1]).toBe(`S9,"'=HYPERLINK(""http://x"",""<b>bấm</b> & xem"")",106.19,10.19,Cột đơn thân,20,viettel,-12.5,Quy hoạch`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await download(app, '/api/exports/sites.xlsx?status=planned')).bytes as unknown as ArrayBuffer);
      const cell = workbook.worksheets[0]!.getRow(2).getCell(2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe('=HYPERLINK("http://x","<b>bấm</b> & xem")');
      const kml = (await download(app, '/api/exports/sites.kml?status=planned')).text;
      expect(kml).toContain('<Data name="name"><value>=HYPERLINK(&quot;http://x&quot;,&quot;&lt;b&gt;bấm&lt;/b&gt; &amp; xem&quot;)</value></Data>');
      const read = kmlToGeoJson(new DOMParser().parseFromString(kml, 'text/xml') as unknown as Document);
      expect(read.features[0]!.properties?.name).toBe('=HYPERLINK("http://x","<b>bấm</b> & xem")');
    } finally {
      await db.knex.raw(`DELETE FROM site_records WHERE code = 'S9'`);
    }
  });

  it('refuses an unknown layer or format with a 404 and an unknown or bad parameter with the layer route\'s own 400', async () => {
    const layer = await app.get('/api/exports/towers.csv');
    expect(layer.status).toBe(404);
    expect(layer.type).toContain('application/problem+json');
    expect(layer.body.detail).toContain('population-clusters');
    const format = await app.get('/api/exports/sites.shp?lang=en');
    expect(format.status).toBe(404);
    expect(format.body.detail).toBe('Cannot export the format "shp". Formats: geojson, csv, xlsx, kml.');
    expect((await app.get('/api/exports/sites')).status).toBe(404);
    for (const query of ['kind=backbone', 'bbox=106,10,105,11', 'operator=gmobile', 'technology=6G', 'unit=C9', 'boundarySet=X', 'status=on_air&status=planned', 'scenario=planned']) {
      const mine = await app.get(`/api/exports/sites.geojson?${query}`);
      const layers = await app.get(`/api/layers/sites?${query}`);
      expect(mine.status, query).toBe(400);
      expect(mine.body.detail, query).toBe(layers.body.detail);
    }
    const lang = await app.get('/api/exports/sites.csv?lang=fr');
    expect(lang.status).toBe(400);
    expect(lang.body.errors[0].parameter).toBe('lang');
  });
});

describe('exports of a closed map', () => {
  let db: TestDatabase;
  let app: InProcessApp;
  beforeAll(async () => {
    db = await openEmbeddedFixture();
    app = await startInProcessApp(db, { env: { HATANG_ANONYMOUS_READ: 'false' } });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('asks an anonymous visitor to sign in, as the map layers do', async () => {
    for (const path of ['/api/exports/sites.csv', '/api/layers/sites']) {
      const r = await app.get(path);
      expect(r.status, path).toBe(401);
      expect(r.type).toContain('application/problem+json');
    }
  });
});
