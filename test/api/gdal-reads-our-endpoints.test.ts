import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';

// GDAL (Debian gdal-bin, which .ci/run installs) reads what we serve: the OGC
// API - Features endpoint through its OAPIF driver, and the GeoJSON and KML
// exports as files. Without ogrinfo these tests fail rather than skip: they are
// the interoperability the issue asks for. The app runs in process on the
// register fixture, so ogrinfo (a child process) must be awaited, never run
// synchronously: the server answers it on this thread.

const ogrinfoPath = '/usr/bin/ogrinfo';
const run = promisify(execFile);

/** ogrinfo's report; with `debug`, GDAL's debug log (stderr) after it, which names every HTTP request. */
async function ogrinfo(args: string[], debug = false): Promise<string> {
  if (!fs.existsSync(ogrinfoPath)) throw new Error(`${ogrinfoPath} is missing: install Debian's gdal-bin (.ci/run does)`);
  // GDAL_HTTP_TIMEOUT: a server that stopped answering fails the test instead of hanging it.
  const env = { ...process.env, GDAL_HTTP_TIMEOUT: '60', ...(debug ? { CPL_DEBUG: 'ON' } : {}) };
  const { stdout, stderr } = await run(ogrinfoPath, args, { encoding: 'utf8', timeout: 120_000, env });
  return debug ? `${stdout}\n${stderr}` : stdout;
}

/** `name (Type) = value` lines of ogrinfo -al, per feature. */
function featureFields(output: string): Record<string, string>[] {
  return output
    .split(/^OGRFeature\(/m)
    .slice(1)
    .map((block) => {
      const fields: Record<string, string> = {};
      for (const m of block.matchAll(/^ {2}([^\s(]+) \([^)]*\) = (.*)$/gm)) fields[m[1]!] = m[2]!;
      return fields;
    });
}

/** GDAL writes some coordinates as 106.0 and others as 106: compare them without the trailing .0. */
const plainNumbers = (output: string) => output.replace(/(\d)\.0(?=[ ,)])/g, '$1');

const featureCount = (output: string) => Number(/^Feature Count: (\d+)$/m.exec(output)?.[1]);

describe('GDAL reads our endpoints (embedded fixture)', () => {
  let db: TestDatabase;
  let app: InProcessApp;
  let dir: string;
  beforeAll(async () => {
    db = await openEmbeddedFixture();
    app = await startInProcessApp(db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-gdal-'));
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function saveExport(file: string): Promise<string> {
    const r = await fetch(`${app.base}/api/exports/${file}`);
    expect(r.status, file).toBe(200);
    const target = path.join(dir, file);
    fs.writeFileSync(target, Buffer.from(await r.arrayBuffer()));
    return target;
  }

  describe('OGC API - Features (GDAL OAPIF driver)', () => {
    it('lists every collection with its Vietnamese title and geometry type', async () => {
      const out = await ogrinfo(['-ro', '-so', `OAPIF:${app.base}/ogc`]);
      expect(out).toContain("using driver `OAPIF' successful");
      const layers = [...out.matchAll(/^\d+: (\S+) \(title: ([^)]*\)?)\)/gm)].map((m) => [m[1], m[2]]);
      expect(layers.map(([id]) => id)).toEqual(['sites', 'bts', 'shared-sites', 'fiber', 'hamlets', 'communes', 'districts', 'gaps', 'coverage']);
      expect(out).toContain('1: sites (title: Vị trí trạm (cột anten)) (Point)');
      expect(out).toContain('4: fiber (title: Tuyến cáp quang) (Multi Line String)');
    });

    it('reads every site of a collection with its fields and extent', async () => {
      const out = await ogrinfo(['-ro', '-al', `OAPIF:${app.base}/ogc`, 'sites']);
      expect(featureCount(out)).toBe(4);
      expect(out).toContain('Extent: (106.050000, 10.050000) - (106.150000, 10.150000)');
      const sites = featureFields(out);
      expect(sites.map((s) => s.code)).toEqual(['S1', 'S2', 'S3', 'S4']);
      expect(sites[3]).toMatchObject({ owner: 'towerco', structureType: 'monopole', address: 'Địa chỉ S4', status: 'on_air' });
      expect(out).toContain('POINT (106.15 10.15)');
    });

    it('reads the hamlets with their Vietnamese names and BTS across several pages', async () => {
      const hamlets = featureFields(await ogrinfo(['-ro', '-al', `OAPIF:${app.base}/ogc`, 'hamlets']));
      expect(hamlets.map((h) => h.name)).toEqual(['Ấp Mỹ Lợi', 'Khu phố 1', 'Ấp Cái Bè']);
      // GDAL pages with its own limit (10 by default): ask for pages of 3 so the 7 BTS take three requests.
      const bts = await ogrinfo(['-ro', '-al', '-oo', 'PAGE_SIZE=3', `OAPIF:${app.base}/ogc`, 'bts'], true);
      expect(featureCount(bts)).toBe(7);
      // It followed our next links: offsets 3 and 6 after the first page.
      const fetched = [...bts.matchAll(/Fetch\((\S*\/collections\/bts\/items\S*)\)/g)].map((m) => new URL(m[1]!).searchParams.get('offset'));
      expect(fetched.filter((o) => o !== null)).toEqual(expect.arrayContaining(['3', '6']));
      expect(featureFields(bts).map((b) => b.code)).toEqual(['MB-S3-2G', 'MB-S4-4G', 'VN-S1-3G', 'VN-S2-4G', 'VT-S1-2G', 'VT-S1-4G', 'VT-S2-4G']);
    });
  });

  describe('exports read as files', () => {
    it('reads the GeoJSON export of the fiber routes with their Vietnamese names', async () => {
      const file = await saveExport('fiber.geojson');
      const out = await ogrinfo(['-ro', '-al', file]);
      expect(featureCount(out)).toBe(2);
      const routes = featureFields(out);
      expect(routes.map((r) => [r.code, r.name, r.cores])).toEqual([['F1', 'Trục Đông–Tây', '96'], ['F2', 'Nhánh Phường 1', '12']]);
      expect(plainNumbers(out)).toContain('MULTILINESTRING ((106 10.05,106.2 10.05))');
    });

    it('reads the KML export of the hamlets: names, fields and polygons', async () => {
      const file = await saveExport('hamlets.kml');
      const out = await ogrinfo(['-ro', '-al', file]);
      expect(featureCount(out)).toBe(3);
      const hamlets = featureFields(out);
      expect(hamlets.map((h) => h.code)).toEqual(['H1', 'H2', 'H3']);
      expect(hamlets.map((h) => h.population)).toEqual(['1000', '2000', '500']);
      // The layer is the KML Document, named in Vietnamese; the record's name field fills GDAL's Name.
      expect(out).toContain('Layer name: Ấp, khu phố');
      expect(hamlets.map((h) => h.Name)).toEqual(['Ấp Mỹ Lợi', 'Khu phố 1', 'Ấp Cái Bè']);
      expect(plainNumbers(out)).toContain('MULTIPOLYGON (((106 10,106.1 10,106.1 10.1,106 10.1,106 10)))');
      // H3 has no polygon: its Placemark is the reference point.
      expect(plainNumbers(out)).toContain('POINT (106.15 10.05)');
    });

    it('reads the GeoJSON export of the BTS with their sector lists', async () => {
      const out = await ogrinfo(['-ro', '-al', await saveExport('bts.geojson')]);
      expect(featureCount(out)).toBe(7);
      expect(featureFields(out)[1]).toMatchObject({ code: 'MB-S4-4G', azimuthsDeg: '10/130/250', bandMHz: '2600' });
    });
  });

  describe('vector tiles (GDAL MVT driver)', () => {
    it('decodes a sites tile: the layer, each feature\'s id and properties, and the pixels of S1 and S3', async () => {
      const r = await fetch(`${app.base}/tiles/sites/10/813/483.mvt`);
      expect(r.status).toBe(200);
      const file = path.join(dir, 'sites-10-813-483.mvt');
      fs.writeFileSync(file, Buffer.from(await r.arrayBuffer()));
      const out = await ogrinfo(['-ro', '-al', `MVT:${file}`]);
      expect(out).toContain("using driver `MVT' successful");
      expect(out).toContain('Layer name: sites');
      expect(featureCount(out)).toBe(2);
      const ids = (await db.knex.raw(`SELECT code, id FROM sites WHERE code IN ('S1', 'S3') ORDER BY code`)).rows as { code: string; id: number }[];
      const sites = featureFields(out);
      // S1 carries Viettel 4G and 2G and VNPT 3G on air; S3 is decommissioned with its one BTS.
      expect(sites[0]).toMatchObject({
        mvt_id: String(ids[0]!.id), code: 'S1', owner: 'viettel', status: 'on_air', heightM: '45',
        operators: 'viettel,vnpt', technologies: '2G,3G,4G', operatorCount: '2', btsCount: '3',
      });
      expect(sites[1]).toMatchObject({ mvt_id: String(ids[1]!.id), code: 'S3', status: 'decommissioned', operatorCount: '0', btsCount: '0' });
      // GDAL reads the boolean as an integer subtype (a type featureFields does not parse): S1 shared, S3 not.
      expect([...out.matchAll(/^ {2}shared \(Integer\(Boolean\)\) = (\d)$/gm)].map((m) => m[1])).toEqual(['1', '0']);
      // Tile coordinates (z10, 4096 units): S1 x = 286.05 / 360 · 1024 = 813.6533 → 0.6533 · 4096 = 2676.05,
      // y = (1 − ln(tan 10.05° + sec 10.05°) / π) / 2 · 1024 = 483.2656 → 1087.93; S3 (106.15, 10.1): 813.9378 → 3841.14,
      // ln(tan 10.1° + sec 10.1°) = 0.1771984 → 483.1212 → 496.26. A tile read without its z/x/y is shown y up: 4096 − y.
      expect(out).toContain(`POINT (2676 ${4096 - 1088})`);
      expect(out).toContain(`POINT (3841 ${4096 - 496})`);
    });
  });
});
