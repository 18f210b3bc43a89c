import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HamletCoverageResponse } from '../../server/src/contracts/coverage-contracts.js';
import type { IndicatorUnitsResponse } from '../../server/src/contracts/indicator-contracts.js';
import type { CrosswalkResponse } from '../../server/src/contracts/indicator-registry-contracts.js';
import { loadIndicatorFixture } from '../fixtures/indicator-fixture.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { databaseTargets, openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { createTestAccounts, signIn } from '../support/test-accounts.js';
import type { ImportRun } from '../../server/src/contracts/import-contracts.js';

/*
 * Table exports of the indicator fixture (test/fixtures/indicator-fixture.ts,
 * values computed by hand in test/db/indicators.test.ts), current scenario:
 *   hamlets, broadband, any operator: H1 lõm sóng (share 0.5, 500 of 1000 people),
 *     H2 lõm sóng (0.75, 1500 of 2000), H3 trắng sóng (0.8 of its area, 400 of 500);
 *   population covered by 4G per commune: C1 500/1000 = 50 %, C2 1500/2000 = 75 %,
 *     C3 400/500 = 80 %; the province 2400/3500 = 68.57 %;
 *   site sharing (target 0.3 from HATANG_SHARING_TARGET): C2 0/1 → 0 %, below, gap −30 points;
 *     the province 1/3 → 33.33 %, met, gap +3.33 points.
 * Crosswalk N → T: NC1 (the whole square) onto C1, C2, C3. People by the hamlets'
 *   reference points: 1000 in C1, 2000 in C2, 500 in C3 → shares 2/7, 4/7, 1/7.
 *   Area: C3 (106.1–106.2 × 10.0–10.2) is exactly C1 + C2 (same latitude bands,
 *   same width) → share 0.5; C1 ≈ 0.1° × 109,621.5 m × 0.1° × 110,608.6 m
 *   ≈ 121.25 km², a hair over a quarter (cos 10.05° / (cos 10.05° + cos 10.15°) ÷ 2 = 0.25004).
 */

const BOM = '\uFEFF';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

interface Download {
  status: number;
  type: string;
  disposition: string | null;
  bytes: Buffer;
  text: string;
}

async function download(app: InProcessApp, path: string): Promise<Download> {
  const r = await fetch(app.base + path);
  const bytes = Buffer.from(await r.arrayBuffer());
  return { status: r.status, type: r.headers.get('content-type') ?? '', disposition: r.headers.get('content-disposition'), bytes, text: bytes.toString('utf8') };
}

/** The CSV's lines without the BOM and the final CRLF (no field of these tables holds a line break). */
const csvLines = (text: string) => text.slice(BOM.length).replace(/\r\n$/, '').split('\r\n');

/** One RFC 4180 line's fields: quoted fields may hold commas and doubled quotes. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let text = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (line[i] === '"') {
          break;
        } else {
          text += line[i++];
        }
      }
      fields.push(text);
      i += 2;
    } else {
      const end = line.indexOf(',', i);
      fields.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return fields;
}

type Cell = string | number | boolean | null;

/** Every sheet of an XLSX as rows of plain values (empty cells as null), with each cell's number format. */
async function readXlsx(bytes: Buffer): Promise<{ name: string; rows: Cell[][]; formats: (string | undefined)[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => {
    const width = ws.getRow(1).cellCount;
    const rows: Cell[][] = [];
    const formats: (string | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const cells: Cell[] = [];
      const fmts: (string | undefined)[] = [];
      for (let i = 1; i <= width; i++) {
        const cell = row.getCell(i);
        cells.push(cell.value === undefined || cell.value === null ? null : (cell.value as Cell));
        fmts.push(cell.numFmt);
      }
      rows.push(cells);
      formats.push(fmts);
    });
    return { name: ws.name, rows, formats };
  });
}

const indicatorHeaderVi = [
  'Mã đơn vị', 'Tên đơn vị', 'Cấp', 'Đơn vị cấp trên', 'Bộ ranh giới', 'Mã chỉ tiêu', 'Tên chỉ tiêu', 'Nguồn', 'Tử số', 'Mẫu số',
  'Giá trị', 'Đơn vị tính', 'Chỉ tiêu kế hoạch', 'Chênh lệch', 'Đánh giá', 'Kỳ báo cáo', 'Kịch bản',
];
const levelVi = { province: 'Cấp tỉnh', district: 'Cấp huyện', commune: 'Cấp xã' } as const;
const sourceVi = { computed: 'Tính toán không gian', reported: 'Số liệu báo cáo' } as const;
const statusVi = { met: 'Đạt', below: 'Chưa đạt' } as const;
const scenarioVi = { current: 'Hiện trạng', planned: 'Kể cả trạm đã duyệt' } as const;

/** The long table's rows as the JSON of GET /api/indicators/units gives them (shares in 0–1, as the XLSX cells hold them). */
function expectedIndicatorRows(json: IndicatorUnitsResponse): Cell[][] {
  return json.units.flatMap((u) =>
    json.indicators.map((d) => {
      const v = u.values[d.code]!;
      const source = v.derivedFrom ? `${sourceVi[d.source]} (quy đổi từ bộ ranh giới ${v.derivedFrom})` : sourceVi[d.source];
      return [
        u.code, u.name, levelVi[u.level], u.parentName, json.boundarySet, d.code, d.name.vi, source, v.numerator, v.denominator,
        v.value, d.unitLabel.vi, v.target, v.value === null || v.target === null ? null : v.value - v.target,
        v.status ? statusVi[v.status] : null, v.period, scenarioVi[json.scenario],
      ];
    }),
  );
}

describe.each(databaseTargets())('indicator, hamlet coverage, crosswalk and reported-value exports on the $label database', ({ open }) => {
  let db: TestDatabase;
  let app: InProcessApp;
  beforeAll(async () => {
    db = await open();
    await loadIndicatorFixture(db.knex);
    // Two reported figures for the reported-values export: the province's smartphone share
    // (74.6 %, written in percent) and C1's mobile speed (31.25 Mbit/s, as it is).
    await db.knex.raw(
      `INSERT INTO indicator_reported_values (indicator_code, unit_id, period_code, value, document, note, updated_by, source, source_date)
       SELECT 'smartphone-subscription-share', id, '2023', 0.746, 'Kế hoạch 540/KH-UBND', NULL, 'test', 'test', DATE '2026-11-20'
         FROM admin_units WHERE boundary_set = 'T' AND code = 'P'
       UNION ALL
       SELECT 'mobile-broadband-speed', id, '2024', 31.25, NULL, 'Đo i-Speed, "quý 4"', 'test', 'test', DATE '2026-11-20'
         FROM admin_units WHERE boundary_set = 'T' AND code = 'C1'`,
    );
    app = await startInProcessApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('exports the indicators of a level as an XLSX whose rows are those of /api/indicators/units, shares as 0.00% cells', async () => {
    const json = (await app.get('/api/indicators/units?boundarySet=T&level=commune')).body as IndicatorUnitsResponse;
    const r = await download(app, '/api/exports/indicators.xlsx?boundarySet=T&level=commune');
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.disposition).toBe(
      `attachment; filename="chi-tieu-t-xa-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`Chỉ tiêu T cấp xã ${today}.xlsx`)}`,
    );
    const [sheet, definitions] = await readXlsx(r.bytes);
    expect(sheet!.name).toBe('Chỉ tiêu');
    expect(sheet!.rows[0]).toEqual(indicatorHeaderVi);
    // Three communes × the twelve indicators of the registry.
    expect(sheet!.rows).toHaveLength(1 + 3 * 12);
    expect(sheet!.rows.slice(1)).toEqual(expectedIndicatorRows(json));

    const row = (unit: string, indicator: string) => sheet!.rows.findIndex((x) => x[0] === unit && x[5] === indicator);
    const c2Sharing = row('C2', 'site-sharing-ratio');
    // C2: S2 carries only Viettel on air → 0 of 1 site shared, short of 0.3 by 30 points.
    expect(sheet!.rows[c2Sharing]).toEqual([
      'C2', 'Phường 1', 'Cấp xã', 'Huyện Tây', 'T', 'site-sharing-ratio', 'Tỷ lệ dùng chung vị trí trạm BTS', 'Tính toán không gian',
      0, 1, 0, '%', 0.3, -0.3, 'Chưa đạt', null, 'Hiện trạng',
    ]);
    expect(sheet!.formats[c2Sharing]!.slice(8, 14)).toEqual(['0', '0', '0.00%', undefined, '0.00%', '0.00%']);
    const c3People = sheet!.rows[row('C3', 'population-4g')]!;
    expect(c3People.slice(8, 11)).toEqual([400, 500, 0.8]);
    expect(sheet!.rows[row('C1', 'population-4g')]!.slice(8, 11)).toEqual([500, 1000, 0.5]);
    // C1's reported speed of 2024: Mbit/s as it is, under 0.00.
    const c1Speed = row('C1', 'mobile-broadband-speed');
    expect(sheet!.rows[c1Speed]!.slice(7, 16)).toEqual(['Số liệu báo cáo', null, null, 31.25, 'Mbit/s', null, null, null, '2024']);
    expect(sheet!.formats[c1Speed]![10]).toBe('0.00');
    // Every indicator with its definition, numerator and denominator, and the gap, status, scenario and settings.
    expect(definitions!.name).toBe('Định nghĩa');
    expect(definitions!.rows).toHaveLength(1 + 12 + 4);
    expect(definitions!.rows[1]![0]).toBe('hamlets-mobile-broadband: Tỷ lệ thôn, ấp, khu phố được phủ sóng băng rộng di động');
    expect(String(definitions!.rows[1]![1])).toContain('Mẫu số: Tổng số thôn, ấp, khu phố.');
    expect(definitions!.rows.at(-1)![1]).toBe(
      'θ = 0.9 (tỷ lệ dân số có sóng để ấp được tính là phủ sóng), r = 200 m (cáp quang đến ấp), ε = 25 m (ghép BTS không có mã vị trí).',
    );
  });

  it('exports every level of the set without a level, the province first, and the CSV in percent with a dot decimal', async () => {
    const r = await download(app, '/api/exports/indicators.csv?boundarySet=T');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/csv; charset=utf-8');
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(r.disposition).toContain(`filename="chi-tieu-t-moi-cap-${today}.csv"`);
    const lines = csvLines(r.text);
    expect(lines[0]).toBe(indicatorHeaderVi.join(','));
    // P, D1, D2, C1, C2, C3 × 12 indicators.
    expect(lines).toHaveLength(1 + 6 * 12);
    const units = [...new Set(lines.slice(1).map((l) => l.split(',')[0]))];
    expect(units).toEqual(['P', 'D1', 'D2', 'C1', 'C2', 'C3']);
    const line = (unit: string, indicator: string) => lines.find((l) => l.startsWith(`${unit},`) && csvFields(l)[5] === indicator);
    // 1 of 3 sites shared = 33.33 %, target 30 %, gap 3.33 points; 2400 of 3500 people = 68.57 %.
    expect(line('P', 'site-sharing-ratio')).toBe(
      'P,Tỉnh Thử,Cấp tỉnh,,T,site-sharing-ratio,Tỷ lệ dùng chung vị trí trạm BTS,Tính toán không gian,1,3,33.33,%,30,3.33,Đạt,,Hiện trạng',
    );
    expect(line('P', 'population-4g')).toBe(
      'P,Tỉnh Thử,Cấp tỉnh,,T,population-4g,Tỷ lệ dân số được phủ sóng 4G,Tính toán không gian,2400,3500,68.57,%,,,,,Hiện trạng',
    );
    // The province's reported smartphone share of 2023: 0.746 written as 74.6.
    expect(line('P', 'smartphone-subscription-share')).toBe(
      'P,Tỉnh Thử,Cấp tỉnh,,T,smartphone-subscription-share,Tỷ lệ thuê bao di động sử dụng điện thoại thông minh,Số liệu báo cáo,,,74.6,%,,,,2023,Hiện trạng',
    );
    // D1 = C1 + C2: 0 of 2 hamlets covered today.
    expect(csvFields(line('D1', 'hamlets-mobile-broadband')!).slice(8, 11)).toEqual(['0', '2', '0']);
  });

  it('heads the columns in English with lang=en, follows the scenario and drills down under a parent', async () => {
    const lines = csvLines((await download(app, '/api/exports/indicators.csv?boundarySet=T&parent=D1&scenario=planned&lang=en')).text);
    expect(lines[0]).toBe(
      'Unit code,Unit,Level,Parent unit,Boundary set,Indicator code,Indicator,Source,Numerator,Denominator,Value,Unit of measure,Target,Gap,Status,Reporting period,Scenario',
    );
    // Under D1: D1 itself, then its communes C1 and C2.
    expect([...new Set(lines.slice(1).map((l) => l.split(',')[0]))]).toEqual(['D1', 'C1', 'C2']);
    // Planned: S2 also carries VNPT's approved 4G → C2's one site shared, 100 %, met.
    expect(lines.find((l) => l.startsWith('C2,') && l.includes(',site-sharing-ratio,'))).toBe(
      'C2,Phường 1,Commune,Huyện Tây,T,site-sharing-ratio,BTS site sharing ratio,Computed spatially,1,1,100,%,30,70,Met,,Including approved stations',
    );
    const json = (await app.get('/api/indicators/units?boundarySet=N&level=commune&scenario=planned')).body as IndicatorUnitsResponse;
    const [sheet] = await readXlsx((await download(app, '/api/exports/indicators.xlsx?boundarySet=N&level=commune&scenario=planned')).bytes);
    expect(sheet!.rows.slice(1)).toEqual(expectedIndicatorRows(json));
    // NC1 holds the three hamlets: 1 of 3 covered in the planned scenario.
    expect(sheet!.rows.find((x) => x[0] === 'NC1' && x[5] === 'hamlets-mobile-broadband')!.slice(8, 11)).toEqual([1, 3, 1 / 3]);
  });

  it('exports the hamlet coverage table with the client\'s Vietnamese headers, the same rows as /api/hamlets/coverage', async () => {
    const r = await download(app, '/api/exports/hamlet-coverage.csv');
    expect(r.status).toBe(200);
    expect([...r.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(r.disposition).toBe(
      `attachment; filename="phu-song-ap-t-toan-tinh-${today}.csv"; filename*=UTF-8''${encodeURIComponent(`Phủ sóng ấp T toàn tỉnh ${today}.csv`)}`,
    );
    // Decoded as UTF-8, the diacritics are intact (NFC, as typed).
    expect(csvLines(r.text)).toEqual([
      'Mã ấp,"Tên ấp, khu phố","Xã, phường, thị trấn","Huyện, thị xã, thành phố",Dân số (người),Kết luận,Điểm tham chiếu có sóng,Tỷ lệ dân số có sóng (%),Cơ sở tính tỷ lệ,Dân số có sóng (người),Diện tích vùng lõm (m²)',
      expect.stringMatching(/^H1,Ấp Mỹ Lợi,Xã Mỹ Phước,Huyện Tây,1000,Lõm sóng,Có,50,Diện tích,500,\d+$/),
      expect.stringMatching(/^H2,Khu phố 1,Phường 1,Huyện Tây,2000,Lõm sóng,Có,75,Cụm dân cư,1500,\d+$/),
      expect.stringMatching(/^H3,Ấp Cái Bè,Thị trấn Cái Bè,Huyện Cái Bè,500,Trắng sóng,Không,80,Diện tích,400,\d+$/),
    ]);
    expect(r.text).toContain('Tỷ lệ');
    expect(r.text.normalize('NFC')).toBe(r.text);

    const json = (await app.get('/api/hamlets/coverage?unit=D1&scenario=planned')).body as HamletCoverageResponse;
    const [sheet, definitions] = await readXlsx((await download(app, '/api/exports/hamlet-coverage.xlsx?unit=D1&scenario=planned')).bytes);
    expect(sheet!.name).toBe('Phủ sóng ấp');
    const verdicts = { covered: 'Phủ sóng', lom_song: 'Lõm sóng', trang_song: 'Trắng sóng' } as const;
    const bases = { clusters: 'Cụm dân cư', area: 'Diện tích', point: 'Điểm tham chiếu' } as const;
    expect(sheet!.rows.slice(1)).toEqual(
      json.rows.map((h) => [
        h.code, h.name, h.communeName, h.districtName, h.population, verdicts[h.verdict], h.refCovered ? 'Có' : 'Không', h.coveredShare,
        bases[h.shareBasis], h.populationCovered, h.gapAreaM2,
      ]),
    );
    // Planned: VNPT's approved 10 km circle at S2 covers all of H2.
    expect(sheet!.rows.slice(1).map((x) => [x[0], x[5]])).toEqual([['H1', 'Lõm sóng'], ['H2', 'Phủ sóng']]);
    expect(sheet!.rows[1]![7]).toBeCloseTo(0.5, 6);
    expect(sheet!.rows[2]![7]).toBeCloseTo(1, 6);
    expect(sheet!.formats[1]![7]).toBe('0.00%');
    expect(definitions!.rows[1]![1]).toBe(
      'Công nghệ băng rộng (3G/4G/5G), mọi nhà mạng, kể cả trạm đã duyệt; bộ ranh giới T, đơn vị D1.',
    );
    expect(String(definitions!.rows[2]![1])).toContain('ít nhất 90% dân số');

    const en = csvLines((await download(app, '/api/exports/hamlet-coverage.csv?lang=en&verdict=trang_song&technology=4G')).text);
    expect(en).toEqual([
      'Hamlet code,Hamlet,Commune,District,Population (people),Verdict,Reference point covered,Population covered (%),Share measured over,People covered,Uncovered area (m²)',
      expect.stringMatching(/^H3,Ấp Cái Bè,Thị trấn Cái Bè,Huyện Cái Bè,500,No signal \(trắng sóng\),No,80,Area,400,\d+$/),
    ]);
  });

  it('exports the crosswalk with its shares in percent; the XLSX reads back to the JSON rows', async () => {
    const json = (await app.get('/api/boundary-sets/N/crosswalk/T')).body as CrosswalkResponse;
    const r = await download(app, '/api/exports/crosswalk.xlsx?from=N&to=T');
    expect(r.status).toBe(200);
    expect(r.disposition).toContain(`filename="bang-chuyen-doi-n-t-${today}.xlsx"`);
    const [sheet] = await readXlsx(r.bytes);
    expect(sheet!.rows[0]).toEqual([
      'Mã đơn vị cũ', 'Tên đơn vị cũ', 'Mã đơn vị mới', 'Tên đơn vị mới', 'Diện tích chung (m²)', 'Tỷ lệ diện tích (%)', 'Dân số chung (người)', 'Tỷ lệ dân số (%)',
    ]);
    expect(sheet!.rows.slice(1)).toEqual(json.rows.map((x) => [x.fromCode, x.fromName, x.toCode, x.toName, x.areaM2, x.areaShare, x.population, x.populationShare]));
    const rows = sheet!.rows.slice(1);
    expect(rows.map((x) => [x[0], x[2], x[6]])).toEqual([['NC1', 'C1', 1000], ['NC1', 'C2', 2000], ['NC1', 'C3', 500]]);
    expect(rows[0]![7]).toBeCloseTo(2 / 7, 12);
    expect(rows[1]![7]).toBeCloseTo(4 / 7, 12);
    expect(rows[2]![5]).toBeCloseTo(0.5, 6);
    expect(rows[0]![5]).toBeCloseTo(0.25004, 4);
    expect((rows[0]![4] as number) / 1e6).toBeCloseTo(121.25, 1);
    expect(sheet!.formats[1]!.slice(4)).toEqual(['0', '0.00%', '0', '0.00%']);

    const csv = csvLines((await download(app, '/api/exports/crosswalk.csv?from=N&to=T')).text);
    expect(csv[0]).toBe('Mã đơn vị cũ,Tên đơn vị cũ,Mã đơn vị mới,Tên đơn vị mới,Diện tích chung (m²),Tỷ lệ diện tích (%),Dân số chung (người),Tỷ lệ dân số (%)');
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 4).concat(l.split(',').slice(5)).join(','))).toEqual([
      'NC1,Xã Hợp Nhất,C1,Xã Mỹ Phước,25,1000,28.57',
      'NC1,Xã Hợp Nhất,C2,Phường 1,25,2000,57.14',
      'NC1,Xã Hợp Nhất,C3,Thị trấn Cái Bè,50,500,14.29',
    ]);
    // The other way each old commune lies wholly in NC1.
    const back = csvLines((await download(app, '/api/exports/crosswalk.csv?from=T&to=N&lang=en')).text);
    expect(back[0]).toBe('Old unit code,Old unit,New unit code,New unit,Shared area (m²),Area share (%),Shared population (people),Population share (%)');
    expect(back.slice(1).map((l) => l.split(',').filter((_v, i) => i !== 4).join(','))).toEqual([
      'C1,Xã Mỹ Phước,NC1,Xã Hợp Nhất,100,1000,100',
      'C2,Phường 1,NC1,Xã Hợp Nhất,100,2000,100',
      'C3,Thị trấn Cái Bè,NC1,Xã Hợp Nhất,100,500,100',
    ]);
  });

  it('exports the reported values in the layout the indicator-values importer reads, shares in percent', async () => {
    const r = await download(app, '/api/exports/reported-values.csv');
    expect(r.status).toBe(200);
    expect(r.disposition).toContain(`filename="so-lieu-bao-cao-t-${today}.csv"`);
    expect(csvLines(r.text)).toEqual([
      'Mã chỉ tiêu,Mã đơn vị hành chính,Tên đơn vị,Kỳ báo cáo,Giá trị,Văn bản nguồn,Ghi chú',
      'smartphone-subscription-share,P,Tỉnh Thử,2023,74.6,Kế hoạch 540/KH-UBND,',
      'mobile-broadband-speed,C1,Xã Mỹ Phước,2024,31.25,,"Đo i-Speed, ""quý 4"""',
    ]);
    const [sheet] = await readXlsx((await download(app, '/api/exports/reported-values.xlsx?lang=en&indicator=mobile-broadband-speed')).bytes);
    expect(sheet!.rows).toEqual([
      ['Indicator', 'Unit code', 'Unit name', 'Period', 'Value', 'Document', 'Note'],
      ['mobile-broadband-speed', 'C1', 'Xã Mỹ Phước', '2024', 31.25, null, 'Đo i-Speed, "quý 4"'],
    ]);
    // Set N has no figures of its own; a period narrows the rows.
    expect(csvLines((await download(app, '/api/exports/reported-values.csv?boundarySet=N')).text)).toHaveLength(1);
    expect(csvLines((await download(app, '/api/exports/reported-values.csv?period=2024')).text)).toHaveLength(2);
  });

  it('imports its own reported-values export back as unchanged rows (CSV and XLSX), and an edited value as one update', async () => {
    await createTestAccounts(db.knex);
    const planner = await signIn(app, 'quyhoach');
    const dryRun = async (fileName: string, body: Uint8Array | string): Promise<ImportRun> => {
      const r = await planner.request('POST', `/api/imports?layer=indicator-values&fileName=${fileName}`, { body, headers: { 'content-type': 'application/octet-stream' } });
      expect(r.status, r.text).toBe(201);
      return r.body as ImportRun;
    };
    const csv = await download(app, '/api/exports/reported-values.csv');
    expect((await dryRun('so-lieu.csv', csv.bytes)).report).toMatchObject({ rows: 2, valid: 2, invalid: 0, inserts: 0, updates: 0, unchanged: 2 });
    const xlsx = await download(app, '/api/exports/reported-values.xlsx');
    expect((await dryRun('so-lieu.xlsx', xlsx.bytes)).report).toMatchObject({ rows: 2, valid: 2, invalid: 0, inserts: 0, updates: 0, unchanged: 2 });
    // A planner corrects C1's speed in the file: one update, the share left as it was.
    const edited = csv.text.replace(',2024,31.25,', ',2024,32.5,');
    expect((await dryRun('so-lieu-sua.csv', edited)).report).toMatchObject({ rows: 2, invalid: 0, inserts: 0, updates: 1, unchanged: 1 });
  });

  it('refuses GeoJSON or KML of a table, and unknown sets, levels, units, indicators and periods, with a 400 problem', async () => {
    const format = await app.get('/api/exports/indicators.geojson?lang=en');
    expect(format.status).toBe(400);
    expect(format.type).toContain('application/problem+json');
    expect(format.body.detail).toBe('The table "indicators" exports as csv, xlsx only, not as "geojson" (a table has no geometry).');
    expect((await app.get('/api/exports/crosswalk.kml?from=N&to=T')).status).toBe(400);
    const cases: [string, string][] = [
      ['/api/exports/indicators.csv?boundarySet=X', 'boundarySet'],
      ['/api/exports/indicators.csv?boundarySet=N&level=district', 'level'],
      ['/api/exports/indicators.csv?level=ward', 'level'],
      ['/api/exports/indicators.csv?parent=C9', 'parent'],
      ['/api/exports/indicators.csv?parent=C1&level=district', 'level'],
      ['/api/exports/indicators.xlsx?period=2099', 'period'],
      ['/api/exports/indicators.csv?unit=C1', 'unit'],
      ['/api/exports/hamlet-coverage.csv?unit=C9', 'unit'],
      ['/api/exports/hamlet-coverage.xlsx?boundarySet=X', 'boundarySet'],
      ['/api/exports/hamlet-coverage.csv?verdict=covered,bad', 'verdict'],
      ['/api/exports/crosswalk.csv?from=N', 'to'],
      ['/api/exports/crosswalk.csv?from=X&to=T', 'from'],
      ['/api/exports/crosswalk.csv?from=T&to=T', 'to'],
      ['/api/exports/reported-values.csv?indicator=speed', 'indicator'],
      ['/api/exports/reported-values.csv?period=2023-Q5', 'period'],
      ['/api/exports/reported-values.csv?boundarySet=X', 'boundarySet'],
    ];
    for (const [path, parameter] of cases) {
      const answer = await app.get(path);
      expect(answer.status, path).toBe(400);
      expect(answer.type, path).toContain('application/problem+json');
      expect(answer.body.errors?.[0]?.parameter, path).toBe(parameter);
      // In Vietnamese by default.
      expect(answer.body.detail, path).toMatch(/[^\x00-\x7f]/);
    }
  });
});

describe('table exports of a closed map', () => {
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

  it('asks an anonymous visitor to sign in, as the indicators and the map layers do', async () => {
    for (const path of ['/api/exports/indicators.csv', '/api/exports/hamlet-coverage.xlsx', '/api/exports/crosswalk.csv?from=T&to=N', '/api/exports/reported-values.csv', '/api/indicators/units']) {
      const r = await app.get(path);
      expect(r.status, path).toBe(401);
      expect(r.type, path).toContain('application/problem+json');
    }
  });
});
