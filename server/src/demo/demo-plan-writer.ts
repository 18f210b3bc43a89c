import type { Knex } from 'knex';
import { PROVINCE_2023, PROVINCE_2025 } from './demo-admin-catalogue.js';
import { BOUNDARY_SET_2023, BOUNDARY_SET_2025, DEMO_SOURCE, DEMO_SOURCE_DATE } from './demo-constants.js';
import type { DemoPlan } from './demo-plan.js';
import type { LonLat } from './demo-plane-geometry.js';
import { ringToGeoJsonPolygon } from './province-shape.js';

/**
 * Writes a demo plan into an empty register inside the caller's transaction.
 * The plan carries seeds, not polygons: PostGIS draws the commune cells
 * (ST_VoronoiPolygons of the commune seeds, clipped to the province), the
 * districts (ST_Union of their communes), the 2025 communes (ST_Union of the
 * merged 2023 communes) and the hamlets (Voronoi cells of each commune's hamlet
 * seeds, clipped to the commune). Every value is a bound parameter.
 */
export async function writeDemoPlan(trx: Knex.Transaction, plan: DemoPlan, log: (msg: string) => void): Promise<void> {
  const provenance = { source: DEMO_SOURCE, source_date: DEMO_SOURCE_DATE };
  const point = ([lon, lat]: LonLat) => trx.raw('ST_SetSRID(ST_MakePoint(?, ?), 4326)', [lon, lat]);
  const geojson = (geometry: object) => trx.raw('ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)', [JSON.stringify(geometry)]);
  let started = Date.now();
  const lap = (what: string) => {
    const now = Date.now();
    log(`  ${what} (${now - started} ms)`);
    started = now;
  };

  const operatorRows = await trx('operators')
    .insert(
      plan.operators.map((o) => ({
        code: o.code,
        name: o.name,
        short_name: o.shortName,
        kind: o.kind,
        colour: o.colour,
        mnc: o.mnc,
        ...provenance,
      })),
    )
    .returning(['id', 'code']);
  const operatorId = new Map<string, number>(operatorRows.map((r: { id: number; code: string }) => [r.code, r.id]));

  await trx.raw(
    `INSERT INTO boundary_sets (code, name, levels, valid_from, is_default, source, source_date) VALUES
       (?, ?, ARRAY['province', 'district', 'commune'], '2023-01-01', true, ?, ?),
       (?, ?, ARRAY['province', 'commune'], '2025-07-01', false, ?, ?)`,
    [
      BOUNDARY_SET_2023, 'Địa giới hành chính 2023 (tỉnh – huyện – xã)', DEMO_SOURCE, DEMO_SOURCE_DATE,
      BOUNDARY_SET_2025, 'Địa giới hành chính từ 01/7/2025 (tỉnh – xã)', DEMO_SOURCE, DEMO_SOURCE_DATE,
    ],
  );

  const provinceGeoJson = ringToGeoJsonPolygon(plan.provinceRing);
  const insertProvince = async (set: string, unit: { code: string; name: string; unitType: string }) => {
    const result = await trx.raw(
      `INSERT INTO admin_units (boundary_set, code, name, level, unit_type, parent_id, geom, source, source_date)
       VALUES (?, ?, ?, 'province', ?, NULL, ST_Multi(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326))), ?, ?)
       RETURNING id`,
      [set, unit.code, unit.name, unit.unitType, provinceGeoJson, DEMO_SOURCE, DEMO_SOURCE_DATE],
    );
    return Number(result.rows[0].id);
  };
  const province2023 = await insertProvince(BOUNDARY_SET_2023, PROVINCE_2023);
  const province2025 = await insertProvince(BOUNDARY_SET_2025, PROVINCE_2025);
  lap('operators, boundary sets, provinces');

  // Communes 2023: Voronoi cells of the seeds, clipped to the province.
  await trx.raw(`DROP TABLE IF EXISTS demo_commune_seed, demo_commune_cell, demo_hamlet_seed`);
  await trx.raw(`CREATE TEMP TABLE demo_commune_seed (
      code text PRIMARY KEY, name text NOT NULL, unit_type text NOT NULL, district_code text NOT NULL,
      geom geometry(Point, 4326) NOT NULL) ON COMMIT DROP`);
  await trx.raw(`CREATE TEMP TABLE demo_commune_cell (code text PRIMARY KEY, district_code text NOT NULL,
      geom geometry(MultiPolygon, 4326) NOT NULL) ON COMMIT DROP`);
  await trx('demo_commune_seed').insert(
    plan.communes.map((c) => ({
      code: c.code,
      name: c.name,
      unit_type: c.unitType,
      district_code: plan.districts[c.districtIndex]!.code,
      geom: point(c.seed),
    })),
  );
  await trx.raw(
    `INSERT INTO demo_commune_cell (code, district_code, geom)
     SELECT s.code, s.district_code,
            ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(v.cell, p.geom, ?::float8)), 3))
     FROM (SELECT (ST_Dump(ST_VoronoiPolygons(
                     (SELECT ST_Collect(geom) FROM demo_commune_seed), 0,
                     (SELECT ST_Expand(geom, 0.2) FROM admin_units WHERE id = ?)))).geom AS cell) v
     JOIN demo_commune_seed s ON ST_Contains(v.cell, s.geom)
     CROSS JOIN (SELECT geom FROM admin_units WHERE id = ?) p`,
    [OVERLAY_GRID_DEG, province2023, province2023],
  );

  const districtValues = plan.districts.map(() => '(?::text, ?::text, ?::text)').join(', ');
  await trx.raw(
    `INSERT INTO admin_units (boundary_set, code, name, level, unit_type, parent_id, geom, source, source_date)
     SELECT ?, d.code, d.name, 'district', d.unit_type, ?,
            ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(c.geom, ?::float8)), 3)), ?, ?
     FROM (VALUES ${districtValues}) AS d(code, name, unit_type)
     JOIN demo_commune_cell c ON c.district_code = d.code
     GROUP BY d.code, d.name, d.unit_type`,
    [BOUNDARY_SET_2023, province2023, OVERLAY_GRID_DEG, DEMO_SOURCE, DEMO_SOURCE_DATE, ...plan.districts.flatMap((d) => [d.code, d.name, d.unitType])],
  );
  await trx.raw(
    `INSERT INTO admin_units (boundary_set, code, name, level, unit_type, parent_id, geom, source, source_date)
     SELECT ?, s.code, s.name, 'commune', s.unit_type, d.id, c.geom, ?, ?
     FROM demo_commune_seed s
     JOIN demo_commune_cell c ON c.code = s.code
     JOIN admin_units d ON d.boundary_set = ? AND d.level = 'district' AND d.code = s.district_code
     ORDER BY s.code`,
    [BOUNDARY_SET_2023, DEMO_SOURCE, DEMO_SOURCE_DATE, BOUNDARY_SET_2023],
  );
  await expectCount(trx, `SELECT count(*) AS n FROM admin_units WHERE boundary_set = ? AND level = 'commune'`, [BOUNDARY_SET_2023], plan.communes.length, 'communes of 2023');
  await expectCount(trx, `SELECT count(*) AS n FROM admin_units WHERE boundary_set = ? AND level = 'district'`, [BOUNDARY_SET_2023], plan.districts.length, 'districts of 2023');
  lap(`${plan.districts.length} districts and ${plan.communes.length} communes (2023)`);

  // Communes 2025: unions of the merged 2023 communes.
  const members = plan.communes2025.flatMap((g) => g.memberIndices.map((i) => [g.code, g.name, g.unitType, plan.communes[i]!.code]));
  await trx.raw(
    `INSERT INTO admin_units (boundary_set, code, name, level, unit_type, parent_id, geom, source, source_date)
     SELECT ?, g.code, g.name, 'commune', g.unit_type, ?,
            ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(c.geom, ?::float8)), 3)), ?, ?
     FROM (VALUES ${members.map(() => '(?::text, ?::text, ?::text, ?::text)').join(', ')}) AS g(code, name, unit_type, member_code)
     JOIN admin_units c ON c.boundary_set = ? AND c.level = 'commune' AND c.code = g.member_code
     GROUP BY g.code, g.name, g.unit_type
     ORDER BY g.code`,
    [BOUNDARY_SET_2025, province2025, OVERLAY_GRID_DEG, DEMO_SOURCE, DEMO_SOURCE_DATE, ...members.flat(), BOUNDARY_SET_2023],
  );
  await expectCount(trx, `SELECT count(*) AS n FROM admin_units WHERE boundary_set = ? AND level = 'commune'`, [BOUNDARY_SET_2025], plan.communes2025.length, 'communes of 2025');
  lap(`${plan.communes2025.length} communes (2025)`);

  // Hamlets: Voronoi cells of each commune's hamlet seeds, clipped to the commune.
  await trx.raw(`CREATE TEMP TABLE demo_hamlet_seed (
      code text PRIMARY KEY, name text NOT NULL, kind text NOT NULL, commune_code text NOT NULL,
      population integer NOT NULL, households integer NOT NULL,
      seed geometry(Point, 4326) NOT NULL, ref geometry(Point, 4326) NOT NULL) ON COMMIT DROP`);
  for (const chunk of chunks(plan.hamlets, 500)) {
    await trx('demo_hamlet_seed').insert(
      chunk.map((h) => ({
        code: h.code,
        name: h.name,
        kind: h.kind,
        commune_code: plan.communes[h.communeIndex]!.code,
        population: h.population,
        households: h.households,
        seed: point(h.seed),
        ref: point(h.refPoint),
      })),
    );
  }
  await trx.raw(
    `INSERT INTO hamlets (code, name, kind, commune_id, population, households, ref_point, ref_kind, geom, source, source_date)
     SELECT s.code, s.name, s.kind, v.commune_id, s.population, s.households, s.ref, 'cultural_house',
            ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(v.cell, c.geom, ?::float8)), 3)), ?, ?
     FROM (
       SELECT q.commune_id, q.commune_code, (ST_Dump(q.cells)).geom AS cell
       FROM (
         SELECT c.id AS commune_id, c.code AS commune_code,
                ST_VoronoiPolygons(ST_Collect(s.seed), 0, ST_Expand(c.geom, 0.05)) AS cells
         FROM demo_hamlet_seed s
         JOIN admin_units c ON c.boundary_set = ? AND c.level = 'commune' AND c.code = s.commune_code
         GROUP BY c.id
       ) q
     ) v
     JOIN admin_units c ON c.id = v.commune_id
     JOIN demo_hamlet_seed s ON s.commune_code = v.commune_code AND ST_Contains(v.cell, s.seed)
     ORDER BY s.code`,
    [OVERLAY_GRID_DEG, DEMO_SOURCE, DEMO_SOURCE_DATE, BOUNDARY_SET_2023],
  );
  await expectCount(trx, `SELECT count(*) AS n FROM hamlets WHERE NOT ST_IsEmpty(geom)`, [], plan.hamlets.length, 'hamlets');
  lap(`${plan.hamlets.length} hamlets`);

  // Population clusters; a polygon is clipped to its hamlet for safety (the plan keeps it inside).
  const clusters = plan.hamlets.flatMap((h) =>
    h.clusters.map((c) => [
      h.code,
      c.population,
      JSON.stringify(c.ring ? { type: 'Polygon', coordinates: [[...c.ring, c.ring[0]]] } : { type: 'Point', coordinates: c.point }),
    ]),
  );
  for (const chunk of chunks(clusters, 600)) {
    await trx.raw(
      `INSERT INTO population_clusters (hamlet_id, population, geom, source, source_date)
       SELECT h.id, v.population,
              CASE WHEN GeometryType(g.geom) = 'POINT' OR ST_Within(g.geom, h.geom) THEN g.geom
                   WHEN ST_IsEmpty(x.clipped) THEN h.ref_point
                   ELSE x.clipped END,
              ?, ?
       FROM (VALUES ${chunk.map(() => '(?::text, ?::integer, ?::text)').join(', ')}) AS v(code, population, geojson)
       JOIN hamlets h ON h.code = v.code
       CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_GeomFromGeoJSON(v.geojson), 4326) AS geom) g
       CROSS JOIN LATERAL (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Intersection(g.geom, h.geom, ?::float8)), 3)) AS clipped) x`,
      [DEMO_SOURCE, DEMO_SOURCE_DATE, ...chunk.flat(), OVERLAY_GRID_DEG],
    );
  }
  await expectCount(trx, `SELECT count(*) AS n FROM population_clusters`, [], clusters.length, 'population clusters');
  lap(`${clusters.length} population clusters`);
  await trx.raw(`DROP TABLE IF EXISTS demo_commune_seed, demo_commune_cell, demo_hamlet_seed`);

  // Sites, their BTS and sectors.
  const siteId = new Map<string, number>();
  // Structures nobody registered are not written: their BTS come without a site code.
  for (const chunk of chunks(plan.sites.filter((s) => s.inRegister), 400)) {
    const rows = await trx('sites')
      .insert(
        chunk.map((s) => ({
          code: s.code,
          name: s.name,
          geom: point(s.location),
          structure_type: s.structureType,
          height_m: s.heightM,
          owner_id: operatorId.get(s.ownerCode),
          address: s.address,
          status: s.status,
          ...provenance,
        })),
      )
      .returning(['id', 'code']);
    for (const r of rows as { id: number; code: string }[]) siteId.set(r.code, r.id);
  }
  const allBts = plan.sites.flatMap((s) => s.bts.map((b) => ({ site: s, bts: b })));
  const btsId = new Map<string, number>();
  for (const chunk of chunks(allBts, 500)) {
    const rows = await trx('bts')
      .insert(
        chunk.map(({ site, bts }) => ({
          code: bts.code,
          site_id: bts.withoutSiteCode ? null : siteId.get(site.code),
          operator_id: operatorId.get(bts.operatorCode),
          geom: point(bts.location),
          technology: bts.technology,
          band_mhz: bts.bandMhz,
          antenna_height_m: bts.antennaHeightM,
          eirp_dbm: bts.eirpDbm,
          status: bts.status,
          ...provenance,
        })),
      )
      .returning(['id', 'code']);
    for (const r of rows as { id: number; code: string }[]) btsId.set(r.code, r.id);
  }
  const sectors = allBts.flatMap(({ bts }) =>
    bts.sectors.map((s) => ({
      bts_id: btsId.get(bts.code),
      sector_no: s.sectorNo,
      azimuth_deg: s.azimuthDeg,
      beamwidth_deg: s.beamwidthDeg,
      tilt_deg: s.tiltDeg,
    })),
  );
  for (const chunk of chunks(sectors, 2000)) await trx('bts_sectors').insert(chunk);
  lap(`${siteId.size} sites, ${allBts.length} BTS (${allBts.filter((b) => b.bts.withoutSiteCode).length} without a site code), ${sectors.length} sectors`);

  for (const chunk of chunks(plan.fiberRoutes, 300)) {
    await trx('fiber_routes').insert(
      chunk.map((r) => ({
        code: r.code,
        name: r.name,
        operator_id: operatorId.get(r.operatorCode),
        kind: r.kind,
        laying: r.laying,
        cores: r.cores,
        geom: geojson({ type: 'MultiLineString', coordinates: r.lines }),
        status: r.status,
        ...provenance,
      })),
    );
  }
  lap(`${plan.fiberRoutes.length} fibre routes`);
}

/**
 * Overlays (intersection, union) run with a fixed precision grid of 1e-9° (0.1 mm):
 * OverlayNG's snap-rounding is then robust on its own. Without it, nearly
 * collinear edges make GEOS fall back on exceptions, which the embedded
 * PostGIS (WASM) cannot catch: the statement then silently returns no row.
 */
const OVERLAY_GRID_DEG = 1e-9;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

async function expectCount(trx: Knex.Transaction, sql: string, bindings: readonly unknown[], expected: number, what: string): Promise<void> {
  const result = await trx.raw(sql, bindings as Knex.RawBinding[]);
  const actual = Number(result.rows[0].n);
  if (actual !== expected) throw new Error(`demo generator: expected ${expected} ${what}, PostGIS built ${actual}`);
}
