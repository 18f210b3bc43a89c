import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tileBytes, type TileMethod } from '../../server/src/tiles/tile-queries.js';
import { tileLayerNames, type TileFilter, type TileLayerName } from '../../server/src/tiles/tile-layers.js';
import type { TileAddress } from '../../server/src/tiles/tile-address.js';
import { loadCoverageFixture } from '../fixtures/coverage-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

// The register fixture with the coverage fixture's footprints (test/fixtures/*),
// inside 106.0–106.2 E × 10.0–10.2 N. Web Mercator tile of (lon, lat) at zoom z:
//   x = (lon + 180) / 360 · 2^z,  y = (1 − ln(tan φ + sec φ) / π) / 2 · 2^z,
// the tile is the integer part, the pixel the fraction · 4096 (rounded).
// The province square spans tiles x 813–814, y 482–483 at z10; 3254–3256 ×
// 1931–1933 at z12; 13016–13025 × 7725–7734 at z14.

interface DecodedFeature {
  id: number | undefined;
  type: number;
  properties: Record<string, string | number | boolean>;
  rings: { x: number; y: number }[][];
}
interface DecodedTile {
  layers: string[];
  name?: string;
  extent?: number;
  version?: number;
  features: DecodedFeature[];
}

function decode(bytes: Uint8Array): DecodedTile {
  const tile = new VectorTile(new PbfReader(bytes));
  const layers = Object.keys(tile.layers);
  const layer = tile.layers[layers[0] ?? ''];
  if (!layer) return { layers, features: [] };
  const features: DecodedFeature[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    features.push({ id: f.id, type: f.type, properties: f.properties, rings: f.loadGeometry().map((ring) => ring.map((p) => ({ x: p.x, y: p.y }))) });
  }
  return { layers, name: layer.name, extent: layer.extent, version: layer.version, features };
}

/** Surveyor's formula on tile coordinates (y down): positive for an exterior ring (vector_tile.proto §4.3.4.4). */
const signedArea = (ring: { x: number; y: number }[]) =>
  ring.reduce((sum, p, i) => {
    const q = ring[(i + 1) % ring.length]!;
    return sum + (p.x * q.y - q.x * p.y);
  }, 0) / 2;

const tilesOver = (z: number, xs: [number, number], ys: [number, number]): TileAddress[] => {
  const out: TileAddress[] = [];
  for (let x = xs[0]; x <= xs[1]; x++) for (let y = ys[0]; y <= ys[1]; y++) out.push({ z, x, y });
  return out;
};
// Every tile over the fixture at z10 and z12, and a z14 row through S1 and H1.
const fixtureTiles: TileAddress[] = [
  ...tilesOver(10, [813, 814], [482, 483]),
  ...tilesOver(12, [3254, 3256], [1931, 1933]),
  ...tilesOver(14, [13017, 13019], [7732, 7732]),
];
const filters: Record<TileLayerName, TileFilter[]> = {
  sites: [{ scenario: 'current' }, { scenario: 'current', operators: ['vnpt'], statuses: ['on_air'] }],
  'shared-sites': [{ scenario: 'current' }, { scenario: 'planned', technologies: ['4G'] }],
  bts: [{ scenario: 'current' }, { scenario: 'current', operators: ['viettel'], technologies: ['4G', '2G'] }],
  fiber: [{ scenario: 'current' }, { scenario: 'current', kinds: ['access'] }],
  hamlets: [{ scenario: 'current' }, { scenario: 'planned' }],
  coverage: [{ scenario: 'current' }, { scenario: 'current', operators: ['*', 'viettel', 'vnpt'], technologyGroups: ['4G', '3G', 'broadband'] }],
  gaps: [{ scenario: 'current' }],
  districts: [{ scenario: 'current' }, { scenario: 'current', boundarySet: 'N' }],
  communes: [{ scenario: 'current' }, { scenario: 'current', boundarySet: 'N' }],
};

/**
 * The same tile from the two paths. Points: the same pixels. Lines: clipped by
 * GEOS's rectangle clipping in both, so the same vertices (checked within one
 * unit each, the rounding of a crossing point). Polygons: PostGIS clips them
 * with wagyu, the encoder path with ST_ClipByBox2D + ST_ReducePrecision, which
 * start a ring at another vertex and may round a point where an edge crosses
 * the buffer's border to the neighbouring unit; so each ring is compared by its
 * signed area (same sign: exterior rings positive, holes negative), within one
 * unit of area per unit of the ring's perimeter, and by its bounding box
 * within one unit.
 */
function expectSameTile(a: DecodedTile, b: DecodedTile, label: string): void {
  expect(b.layers, label).toEqual(a.layers);
  expect([b.name, b.extent, b.version], label).toEqual([a.name, a.extent, a.version]);
  expect(b.features.map((f) => [f.id, f.type, f.properties]), label).toEqual(a.features.map((f) => [f.id, f.type, f.properties]));
  a.features.forEach((fa, i) => {
    const fb = b.features[i]!;
    const where = `${label} feature ${i} (${String(fa.properties.code ?? fa.properties.hamletCode ?? fa.properties.operator)})`;
    if (fa.type === 1) {
      expect(fb.rings, where).toEqual(fa.rings);
    } else if (fa.type === 2) {
      expect(fb.rings.map((r) => r.length), where).toEqual(fa.rings.map((r) => r.length));
      fa.rings.forEach((ring, r) => ring.forEach((p, v) => {
        const q = fb.rings[r]![v]!;
        expect(Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y)), `${where} vertex ${r}.${v}`).toBeLessThanOrEqual(1);
      }));
    } else {
      expect(fb.rings.length, where).toBe(fa.rings.length);
      const byArea = (rings: { x: number; y: number }[][]) => [...rings].sort((p, q) => signedArea(q) - signedArea(p));
      const ra = byArea(fa.rings);
      const rb = byArea(fb.rings);
      ra.forEach((ring, r) => {
        const other = rb[r]!;
        const perimeter = ring.reduce((s, p, k) => s + Math.hypot(p.x - ring[(k + 1) % ring.length]!.x, p.y - ring[(k + 1) % ring.length]!.y), 0);
        expect(Math.sign(signedArea(other)), `${where} ring ${r} orientation`).toBe(Math.sign(signedArea(ring)));
        expect(Math.abs(signedArea(other) - signedArea(ring)), `${where} ring ${r} area`).toBeLessThanOrEqual(perimeter);
        for (const axis of ['x', 'y'] as const) {
          const span = (pts: { x: number; y: number }[]) => [Math.min(...pts.map((p) => p[axis])), Math.max(...pts.map((p) => p[axis]))];
          const [lo, hi] = span(ring);
          const [lo2, hi2] = span(other);
          expect(Math.abs(lo! - lo2!) + Math.abs(hi! - hi2!), `${where} ring ${r} ${axis} span`).toBeLessThanOrEqual(2);
        }
      });
    }
  });
}

const targets = databaseTargets();

describe.each(targets)('vector tiles on the $label database', ({ label, open }) => {
  let db: TestDatabase;
  const method: TileMethod = label === 'postgres' ? 'st_asmvt' : 'encoder';
  beforeAll(async () => {
    db = await open();
    await loadCoverageFixture(db.knex);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('puts S1 (106.05 E, 10.05 N) at the pixel computed from the Web Mercator formula', async () => {
    // z14: x = 286.05 / 360 · 16384 = 13018.4533 → tile 13018, pixel 0.4533 · 4096 = 1856.85 → 1857;
    // ln(tan 10.05° + sec 10.05°) = 0.1763120, y = (1 − 0.1763120 / π) / 2 · 16384 = 7732.2497 → tile 7732,
    // pixel 0.2497 · 4096 = 1022.85 → 1023.
    const tile = decode(await tileBytes(db.knex, method, 'sites', { z: 14, x: 13018, y: 7732 }, { scenario: 'current' }));
    const s1 = tile.features.find((f) => f.properties.code === 'S1');
    expect(s1?.rings).toEqual([[{ x: 1857, y: 1023 }]]);
    const id = (await db.knex.raw(`SELECT id FROM sites WHERE code = 'S1'`)).rows[0].id as number;
    expect(s1?.id).toBe(id);
    // On S1 after the coverage fixture: VT-S1-4G and VN-S1-3G on air (moved away, still S1's), VT-S1-2G decommissioned. No name.
    expect(s1?.properties).toEqual({
      code: 'S1', status: 'on_air', owner: 'viettel', structureType: 'self_supporting', heightM: 45,
      operators: 'viettel,vnpt', operatorCount: 2, technologies: '3G,4G', btsCount: 2, shared: true,
    });
  });

  it('names the tile\'s one layer after the layer, with extent 4096 and version 2', async () => {
    for (const layer of tileLayerNames) {
      const tile = decode(await tileBytes(db.knex, method, layer, { z: 10, x: 813, y: 483 }, { scenario: 'current' }));
      expect(tile.layers, layer).toEqual([layer]);
      expect([tile.extent, tile.version], layer).toEqual([4096, 2]);
    }
  });

  it('carries the communes and districts reaching a z10 tile, and one label point a unit inside its tile', async () => {
    // Set T (default): C1 106.0–106.1 × 10.0–10.1, C2 106.0–106.1 × 10.1–10.2, C3 106.1–106.2 × 10.0–10.2;
    // D1 = C1 + C2, D2 = C3. At z10 x(106.0) = 813.511, x(106.1) = 813.796, x(106.2) = 814.080;
    // y(10.2) = 482.830, y(10.1) = 483.116, y(10.0) = 483.402. So tile 813/483 holds C1, C2, C3;
    // 813/482 C2 and C3; 814/483 only C3 (and D2). ST_PointOnSurface of a square: its centre;
    // C1 (106.05, 10.05) y 483.26, C2 (106.05, 10.15) y 482.97, C3 (106.15, 10.1) x 813.94 y 483.12.
    const codes = async (layer: TileLayerName, tile: TileAddress, filter: TileFilter = { scenario: 'current' }) => {
      const t = decode(await tileBytes(db.knex, method, layer, tile, filter));
      const polygons = t.features.filter((f) => f.type === 3);
      const labels = t.features.filter((f) => f.type === 1);
      return { polygons: polygons.map((f) => f.properties.code).sort(), labels: labels.map((f) => f.properties.code).sort(), features: t.features };
    };
    const t813483 = await codes('communes', { z: 10, x: 813, y: 483 });
    expect(t813483.polygons).toEqual(['C1', 'C2', 'C3']);
    // C2's centre is at y 482.97, 0.03 of a tile (123 units) above the tile: beyond the 64-unit buffer.
    expect(t813483.labels).toEqual(['C1', 'C3']);
    expect((await codes('communes', { z: 10, x: 813, y: 482 })).polygons).toEqual(['C2', 'C3']);
    expect((await codes('communes', { z: 10, x: 813, y: 482 })).labels).toEqual(['C2']);
    expect(await codes('communes', { z: 10, x: 814, y: 483 })).toMatchObject({ polygons: ['C3'], labels: [] });
    expect(await codes('districts', { z: 10, x: 814, y: 483 })).toMatchObject({ polygons: ['D2'], labels: [] });
    expect(await codes('districts', { z: 10, x: 813, y: 483 })).toMatchObject({ polygons: ['D1', 'D2'], labels: ['D1', 'D2'] });
    // Polygons first (with the row id), then the label points (no id), as the hamlets' reference points.
    const c1 = t813483.features.find((f) => f.type === 3 && f.properties.code === 'C1')!;
    const c1Id = (await db.knex.raw(`SELECT id FROM admin_units WHERE boundary_set = 'T' AND code = 'C1'`)).rows[0].id as number;
    expect(c1.id).toBe(c1Id);
    expect(c1.properties).toEqual({
      code: 'C1', name: 'Xã Mỹ Phước', level: 'commune', unitType: 'xa', boundarySet: 'T', parentCode: 'D1', parentName: 'Huyện Tây',
    });
    const label = t813483.features.find((f) => f.type === 1 && f.properties.code === 'C1')!;
    expect(label.id).toBeUndefined();
    expect(label.properties).toEqual({ code: 'C1', name: 'Xã Mỹ Phước', unitType: 'xa', labelPoint: true });
    const kinds = t813483.features.map((f) => f.type);
    expect(kinds).toEqual([...kinds].sort((a, b) => b - a));
  });

  it('keeps the admin tiles to the unit and its descendants, to the boundary set, and empty below their minimum zoom', async () => {
    const codesOf = async (layer: TileLayerName, tile: TileAddress, filter: TileFilter) =>
      decode(await tileBytes(db.knex, method, layer, tile, filter)).features.filter((f) => f.type === 3).map((f) => f.properties.code).sort();
    const idOf = async (set: string, code: string) => (await db.knex.raw('SELECT id FROM admin_units WHERE boundary_set = ? AND code = ?', [set, code])).rows[0].id as number;
    const tile = { z: 10, x: 813, y: 483 };
    expect(await codesOf('communes', tile, { scenario: 'current', unitId: await idOf('T', 'D1') })).toEqual(['C1', 'C2']);
    expect(await codesOf('communes', tile, { scenario: 'current', unitId: await idOf('T', 'P') })).toEqual(['C1', 'C2', 'C3']);
    expect(await codesOf('communes', tile, { scenario: 'current', unitId: await idOf('T', 'C3') })).toEqual(['C3']);
    expect(await codesOf('districts', tile, { scenario: 'current', unitId: await idOf('T', 'D2') })).toEqual(['D2']);
    // Set N: the 2025 set, communes under the province, no district level.
    expect(await codesOf('communes', tile, { scenario: 'current', boundarySet: 'N' })).toEqual(['NC1']);
    expect(await codesOf('communes', tile, { scenario: 'current', boundarySet: 'N', unitId: await idOf('N', 'NP') })).toEqual(['NC1']);
    expect(await codesOf('districts', tile, { scenario: 'current', boundarySet: 'N' })).toEqual([]);
    // Minimum zooms: communes from z8, districts from z6. The province square at z8: x 203.4–203.5, y 120.7–120.9.
    expect(await codesOf('communes', { z: 8, x: 203, y: 120 }, { scenario: 'current' })).toEqual(['C1', 'C2', 'C3']);
    expect((await tileBytes(db.knex, method, 'communes', { z: 7, x: 101, y: 60 }, { scenario: 'current' })).length).toBe(0);
    expect(await codesOf('districts', { z: 6, x: 50, y: 30 }, { scenario: 'current' })).toEqual(['D1', 'D2']);
    expect((await tileBytes(db.knex, method, 'districts', { z: 5, x: 25, y: 15 }, { scenario: 'current' })).length).toBe(0);
  });

  it('gives zero bytes for a tile far outside the province (z10 over Hà Nội, 105.85 E 21.03 N: x 813, y 454)', async () => {
    // x = 285.85 / 360 · 1024 = 813.08; y = (1 − ln(tan 21.03° + sec 21.03°) / π) / 2 · 1024 = 454.8.
    for (const layer of tileLayerNames) {
      expect((await tileBytes(db.knex, method, layer, { z: 10, x: 813, y: 454 }, { scenario: 'current' })).length, layer).toBe(0);
    }
  });
});

describe.runIf(targets.length === 2)('the PostgreSQL tile (ST_AsMVT) and the embedded tile (encoder) agree', () => {
  const dbs: Partial<Record<'embedded' | 'postgres', TestDatabase>> = {};
  beforeAll(async () => {
    for (const t of targets) {
      const db = await t.open();
      await loadCoverageFixture(db.knex);
      dbs[t.label] = db;
    }
  });
  afterAll(async () => {
    for (const db of Object.values(dbs)) await db?.close();
  });

  it('hatang_mvt_geom answers as ST_AsMVTGeom on awkward geometries at the edges of a tile', async () => {
    // Drawn in the pixels of tile 10/813/483 (x right, y down, 0..4096; buffer to -64 and 4160) and
    // mapped to EPSG:3857 by the inverse of the tile's affine; no coordinate is a half pixel.
    const cases: [label: string, wkt: string][] = [
      ['a point inside', 'POINT(100.3 200.7)'],
      ['a point in the buffer', 'POINT(-63.6 4150.2)'],
      ['a point just beyond the buffer', 'POINT(-64.7 100.2)'],
      ['a multipoint whose points share a pixel', 'MULTIPOINT(10.1 10.2, 10.3 9.8, 500.4 600.3)'],
      ['a line in and out of the tile twice', 'LINESTRING(-500.2 100.1, 300.3 300.4, -300.1 900.2, 600.3 1200.4, 5000.1 1300.2)'],
      ['a line within one pixel', 'LINESTRING(100.1 100.1, 100.3 100.2)'],
      ['a line outside the buffer', 'LINESTRING(-900.3 -900.1, -100.2 -80.4)'],
      ['lines with collinear points', 'MULTILINESTRING((0.1 0.2, 1000.2 0.1, 2000.1 0.3), (10.4 3000.1, 10.2 5000.3))'],
      ['a polygon with a hole across the border', 'POLYGON((-1000.2 -1000.1, 2000.3 -1000.4, 2000.1 2000.2, -1000.3 2000.4, -1000.2 -1000.1), (-200.3 -200.1, 500.2 -200.3, 500.1 500.4, -200.4 500.2, -200.3 -200.1))'],
      ['a polygon over the whole tile', 'POLYGON((-9000.1 -9000.2, 9000.3 -9000.1, 9000.2 9000.4, -9000.4 9000.3, -9000.1 -9000.2))'],
      ['a polygon smaller than a pixel', 'POLYGON((100.1 100.1, 100.4 100.1, 100.4 100.3, 100.1 100.1))'],
      ['a sliver that collapses on the grid', 'POLYGON((0.1 500.1, 3000.2 500.3, 3000.3 500.4, 0.1 500.1))'],
      ['a multipolygon, one part outside', 'MULTIPOLYGON(((100.2 100.1, 900.3 100.4, 500.1 800.2, 100.2 100.1)), ((-5000.1 -5000.2, -4000.3 -5000.1, -4000.2 -4000.4, -5000.1 -5000.2)))'],
    ];
    const rows = (await dbs.postgres!.knex.raw(
      `WITH t AS (SELECT ST_TileEnvelope(10, 813, 483) AS b),
            k AS (SELECT b, (ST_XMax(b) - ST_XMin(b)) / 4096 AS sx, (ST_YMax(b) - ST_YMin(b)) / 4096 AS sy FROM t),
            g AS (SELECT c.label, ST_Affine(ST_GeomFromText(c.wkt, 3857), k.sx, 0, 0, -k.sy, ST_XMin(k.b), ST_YMax(k.b)) AS geom, k.b
                    FROM k, jsonb_to_recordset(?::jsonb) AS c(label text, wkt text)),
            r AS (SELECT label, ST_AsMVTGeom(geom, b, 4096, 64, true) AS a, hatang_mvt_geom(geom, b, 4096, 64) AS e FROM g)
       SELECT label, ST_AsText(a) AS a, CASE WHEN ST_IsEmpty(e) THEN NULL ELSE ST_AsText(e) END AS e,
              ST_Area(a) AS area_a, ST_Area(e) AS area_e, ST_Perimeter(a) AS perimeter,
              ST_HausdorffDistance(a, e) AS distance, ST_IsValid(e) AS valid
         FROM r`,
      [JSON.stringify(cases.map(([label, wkt]) => ({ label, wkt })))],
    )).rows as { label: string; a: string | null; e: string | null; area_a: number; area_e: number; perimeter: number; distance: number; valid: boolean }[];
    expect(rows.map((r) => r.label)).toEqual(cases.map(([label]) => label));
    for (const r of rows) {
      expect(r.e === null, `${r.label}: ${r.a} / ${r.e}`).toBe(r.a === null);
      if (r.a === null) continue;
      if (!r.a.includes('POLYGON')) {
        expect(r.e, r.label).toBe(r.a);
      } else {
        expect(r.valid, r.label).toBe(true);
        expect(Math.abs(r.area_e - r.area_a), r.label).toBeLessThanOrEqual(r.perimeter);
        expect(r.distance, r.label).toBeLessThanOrEqual(1.5);
      }
    }
    // Hand-checked: the first point rounds to (100, 201); the buffer keeps (-64, 4150) and drops x = -64.7 → -65;
    // the multipoint's first two points share (10, 10).
    expect(rows.slice(0, 4).map((r) => r.e)).toEqual(['POINT(100 201)', 'POINT(-64 4150)', null, 'MULTIPOINT((10 10),(500 600))']);
  });

  it('byte for byte on point and line tiles, so their ETags agree too', async () => {
    const compared: Record<string, number> = {};
    for (const layer of ['sites', 'shared-sites', 'bts', 'fiber'] as const) {
      for (const tile of fixtureTiles) {
        const a = Buffer.from(await tileBytes(dbs.postgres!.knex, 'st_asmvt', layer, tile, { scenario: 'current' }));
        const b = Buffer.from(await tileBytes(dbs.embedded!.knex, 'encoder', layer, tile, { scenario: 'current' }));
        expect(b.toString('hex'), `${layer} ${tile.z}/${tile.x}/${tile.y}`).toBe(a.toString('hex'));
        if (a.length > 0) compared[layer] = (compared[layer] ?? 0) + 1;
      }
    }
    // Tiles with features among the 16: S1, S2 and S4 with their BTS, the shared S1, F1 and F2.
    expect(Object.keys(compared).sort()).toEqual(['bts', 'fiber', 'shared-sites', 'sites']);
  });

  it.each(tileLayerNames.map((l) => [l]))('on every feature of the %s layer, in every tile over the fixture', async (layer) => {
    let features = 0;
    for (const filter of filters[layer]) {
      for (const tile of fixtureTiles) {
        const label = `${layer} ${tile.z}/${tile.x}/${tile.y} ${JSON.stringify(filter)}`;
        const fromPostgres = decode(await tileBytes(dbs.postgres!.knex, 'st_asmvt', layer, tile, filter));
        const fromEmbedded = decode(await tileBytes(dbs.embedded!.knex, 'encoder', layer, tile, filter));
        expectSameTile(fromPostgres, fromEmbedded, label);
        // PostgreSQL can run the encoder path too: the same rows, the same answer.
        expectSameTile(fromPostgres, decode(await tileBytes(dbs.postgres!.knex, 'encoder', layer, tile, filter)), `${label} (encoder on PostgreSQL)`);
        features += fromPostgres.features.length;
      }
    }
    expect(features, 'the tiles hold features to compare').toBeGreaterThan(1);
  });
});
