import type { Knex } from 'knex';
import { PROVINCE_2023, PROVINCE_2025 } from './demo-admin-catalogue.js';
import { BOUNDARY_SET_2023, BOUNDARY_SET_2025, DEMO_SOURCE, DEMO_SOURCE_DATE } from './demo-constants.js';
import type { DemoOperator } from './demo-operators.js';
import type { DemoPlan } from './demo-plan.js';
import type { LonLat } from './demo-plane-geometry.js';
import { ringToGeoJsonPolygon } from './province-shape.js';

/** A province's own unit in each boundary set (code, name, type). */
export interface ProvinceUnits {
  unit2023: { code: string; name: string; unitType: string };
  unit2025: { code: string; name: string; unitType: string };
}

/**
 * Writes a demo plan into an empty register inside the caller's transaction.
 * The plan carries seeds, not polygons: PostGIS draws the commune cells
 * (ST_VoronoiPolygons of the commune seeds, clipped to the province), the
 * districts (ST_Union of their communes), the 2025 communes (ST_Union of the
 * merged 2023 communes) and the hamlets (Voronoi cells of each commune's hamlet
 * seeds, clipped to the commune). Every value is a bound parameter.
 */
export async function writeDemoPlan(trx: Knex.Transaction, plan: DemoPlan, log: (msg: string) => void): Promise<void> {
  const operatorId = await writeOperatorsAndBoundarySets(trx, plan.operators);
  await writeProvincePlan(trx, plan, operatorId, { unit2023: PROVINCE_2023, unit2025: PROVINCE_2025 }, log);
}

/** The register's shared part: the operators (one national set) and the two boundary sets. Returns operator ids by code. */
export async function writeOperatorsAndBoundarySets(trx: Knex.Transaction, operators: readonly DemoOperator[]): Promise<Map<string, number>> {
  const provenance = { source: DEMO_SOURCE, source_date: DEMO_SOURCE_DATE };
  const operatorRows = await trx('operators')
    .insert(
      operators.map((o) => ({
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
  await trx.raw(
    `INSERT INTO boundary_sets (code, name, levels, valid_from, is_default, source, source_date) VALUES
       (?, ?, ARRAY['province', 'district', 'commune'], '2023-01-01', true, ?, ?),
       (?, ?, ARRAY['province', 'commune'], '2025-07-01', false, ?, ?)`,
    [
      BOUNDARY_SET_2023, 'Địa giới hành chính 2023 (tỉnh – huyện – xã)', DEMO_SOURCE, DEMO_SOURCE_DATE,
      BOUNDARY_SET_2025, 'Địa giới hành chính từ 01/7/2025 (tỉnh – xã)', DEMO_SOURCE, DEMO_SOURCE_DATE,
    ],
  );
  return new Map<string, number>(operatorRows.map((r: { id: number; code: string }) => [r.code, r.id]));
}

/**
 * One province of a plan: its units in both boundary sets, hamlets, clusters,
 * sites, BTS and fibre. Its codes must not clash with the provinces already
 * written (a scaled register recodes every province but the first); the
 * checks count what this province added, not the table.
 */
export async function writeProvincePlan(
  trx: Knex.Transaction,
  plan: DemoPlan,
  operatorId: ReadonlyMap<string, number>,
  province: ProvinceUnits,
  log: (msg: string) => void,
): Promise<void> {
  const point = ([lon, lat]: LonLat) => trx.raw('ST_SetSRID(ST_MakePoint(?, ?), 4326)', [lon, lat]);
  let started = Date.now();
  const lap = (what: string) => {
    const now = Date.now();
    log(`  ${what} (${now - started} ms)`);
    started = now;
  };
  const before = await idWatermarks(trx);
  const expectAdded = async (what: keyof typeof ADDED_SQL, expected: number, label: string) => {
    const actual = Number((await trx.raw(ADDED_SQL[what], [before[ADDED_TABLE[what]]])).rows[0].n);
    if (actual !== expected) throw new Error(`demo generator: expected ${expected} ${label}, PostGIS built ${actual}`);
  };

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
  const province2023 = await insertProvince(BOUNDARY_SET_2023, province.unit2023);
  const province2025 = await insertProvince(BOUNDARY_SET_2025, province.unit2025);
  lap(`province ${province.unit2023.code}`);

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
  await expectAdded('communes2023', plan.communes.length, 'communes of 2023');
  await expectAdded('districts2023', plan.districts.length, 'districts of 2023');
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
  await expectAdded('communes2025', plan.communes2025.length, 'communes of 2025');
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
  await expectAdded('hamlets', plan.hamlets.length, 'hamlets');
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
  await expectAdded('clusters', clusters.length, 'population clusters');
  lap(`${clusters.length} population clusters`);
  await trx.raw(`DROP TABLE IF EXISTS demo_commune_seed, demo_commune_cell, demo_hamlet_seed`);

  // Sites, their BTS and sectors: one JSON array per few thousand rows, unpacked
  // by jsonb_to_recordset (one bound parameter, whatever the row count), rows
  // in plan order (`ord`) so ids come out as the plan lists them.
  const provenance = [DEMO_SOURCE, DEMO_SOURCE_DATE];
  // Structures nobody registered are not written: their BTS come without a site code.
  const registered = plan.sites.filter((s) => s.inRegister);
  for (const chunk of chunks(registered, 4000)) {
    await trx.raw(
      `INSERT INTO sites (code, name, geom, structure_type, height_m, owner_id, address, status, source, source_date)
       SELECT r.code, r.name, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.structure_type, r.height_m, r.owner_id, r.address, r.status, ?, ?::date
       FROM jsonb_to_recordset(?::jsonb) AS r(code text, name text, lon float8, lat float8, structure_type text,
              height_m numeric, owner_id integer, address text, status text, ord bigint)
       ORDER BY r.ord`,
      [
        ...provenance,
        JSON.stringify(
          chunk.map((s, ord) => ({
            ord, code: s.code, name: s.name, lon: s.location[0], lat: s.location[1], structure_type: s.structureType,
            height_m: s.heightM, owner_id: operatorId.get(s.ownerCode), address: s.address, status: s.status,
          })),
        ),
      ],
    );
  }
  const allBts = plan.sites.flatMap((s) => s.bts.map((b) => ({ site: s, bts: b })));
  for (const chunk of chunks(allBts, 4000)) {
    await trx.raw(
      `INSERT INTO bts (code, site_id, operator_id, geom, technology, band_mhz, antenna_height_m, eirp_dbm, status, source, source_date)
       SELECT r.code, s.id, r.operator_id, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326), r.technology, r.band_mhz,
              r.antenna_height_m, r.eirp_dbm, r.status, ?, ?::date
       FROM jsonb_to_recordset(?::jsonb) AS r(code text, site_code text, operator_id integer, lon float8, lat float8,
              technology text, band_mhz integer, antenna_height_m numeric, eirp_dbm numeric, status text, ord bigint)
       LEFT JOIN site_records s ON s.code = r.site_code
       ORDER BY r.ord`,
      [
        ...provenance,
        JSON.stringify(
          chunk.map(({ site, bts }, ord) => ({
            ord, code: bts.code, site_code: bts.withoutSiteCode ? null : site.code, operator_id: operatorId.get(bts.operatorCode),
            lon: bts.location[0], lat: bts.location[1], technology: bts.technology, band_mhz: bts.bandMhz,
            antenna_height_m: bts.antennaHeightM, eirp_dbm: bts.eirpDbm, status: bts.status,
          })),
        ),
      ],
    );
  }
  const sectors = allBts.flatMap(({ bts }) =>
    bts.sectors.map((s) => ({ bts_code: bts.code, sector_no: s.sectorNo, azimuth_deg: s.azimuthDeg, beamwidth_deg: s.beamwidthDeg, tilt_deg: s.tiltDeg })),
  );
  for (const chunk of chunks(sectors, 8000)) {
    await trx.raw(
      `INSERT INTO bts_sectors (bts_id, sector_no, azimuth_deg, beamwidth_deg, tilt_deg)
       SELECT b.id, r.sector_no, r.azimuth_deg, r.beamwidth_deg, r.tilt_deg
       FROM jsonb_to_recordset(?::jsonb) AS r(bts_code text, sector_no smallint, azimuth_deg numeric,
              beamwidth_deg numeric, tilt_deg numeric, ord bigint)
       JOIN bts_records b ON b.code = r.bts_code
       ORDER BY r.ord`,
      [JSON.stringify(chunk.map((s, ord) => ({ ...s, ord })))],
    );
  }
  await expectAdded('sites', registered.length, 'sites');
  await expectAdded('bts', allBts.length, 'BTS');
  await expectAdded('sectors', sectors.length, 'BTS sectors');
  lap(`${registered.length} sites, ${allBts.length} BTS (${allBts.filter((b) => b.bts.withoutSiteCode).length} without a site code), ${sectors.length} sectors`);

  for (const chunk of chunks(plan.fiberRoutes, 1500)) {
    await trx.raw(
      `INSERT INTO fiber_routes (code, name, operator_id, kind, laying, cores, geom, status, source, source_date)
       SELECT r.code, r.name, r.operator_id, r.kind, r.laying, r.cores, ST_SetSRID(ST_GeomFromGeoJSON(r.geom), 4326), r.status, ?, ?::date
       FROM jsonb_to_recordset(?::jsonb) AS r(code text, name text, operator_id integer, kind text, laying text,
              cores integer, geom text, status text, ord bigint)
       ORDER BY r.ord`,
      [
        ...provenance,
        JSON.stringify(
          chunk.map((r, ord) => ({
            ord, code: r.code, name: r.name, operator_id: operatorId.get(r.operatorCode), kind: r.kind, laying: r.laying, cores: r.cores,
            geom: JSON.stringify({ type: 'MultiLineString', coordinates: r.lines }), status: r.status,
          })),
        ),
      ],
    );
  }
  await expectAdded('fiberRoutes', plan.fiberRoutes.length, 'fibre routes');
  lap(`${plan.fiberRoutes.length} fibre routes`);
}

/**
 * What one province added, counted above the ids the tables held before it
 * (primary-key range scans: the cost does not grow with the register). The
 * sectors count by their BTS.
 */
const ADDED_SQL = {
  districts2023: `SELECT count(*) AS n FROM admin_units WHERE id > ? AND boundary_set = '${BOUNDARY_SET_2023}' AND level = 'district'`,
  communes2023: `SELECT count(*) AS n FROM admin_units WHERE id > ? AND boundary_set = '${BOUNDARY_SET_2023}' AND level = 'commune'`,
  communes2025: `SELECT count(*) AS n FROM admin_units WHERE id > ? AND boundary_set = '${BOUNDARY_SET_2025}' AND level = 'commune'`,
  hamlets: `SELECT count(*) AS n FROM hamlets WHERE id > ? AND NOT ST_IsEmpty(geom)`,
  clusters: `SELECT count(*) AS n FROM population_clusters WHERE id > ?`,
  sites: `SELECT count(*) AS n FROM site_records WHERE id > ?`,
  bts: `SELECT count(*) AS n FROM bts_records WHERE id > ?`,
  sectors: `SELECT count(*) AS n FROM bts_sectors WHERE bts_id > ?`,
  fiberRoutes: `SELECT count(*) AS n FROM fiber_route_records WHERE id > ?`,
} as const;

const ADDED_TABLE: Record<keyof typeof ADDED_SQL, keyof Watermarks> = {
  districts2023: 'admin_units', communes2023: 'admin_units', communes2025: 'admin_units', hamlets: 'hamlets',
  clusters: 'population_clusters', sites: 'site_records', bts: 'bts_records', sectors: 'bts_records', fiberRoutes: 'fiber_route_records',
};

interface Watermarks {
  admin_units: number;
  hamlets: number;
  population_clusters: number;
  site_records: number;
  bts_records: number;
  fiber_route_records: number;
}

async function idWatermarks(trx: Knex.Transaction): Promise<Watermarks> {
  const tables: (keyof Watermarks)[] = ['admin_units', 'hamlets', 'population_clusters', 'site_records', 'bts_records', 'fiber_route_records'];
  const row = (await trx.raw(`SELECT ${tables.map((t) => `(SELECT coalesce(max(id), 0) FROM ${t}) AS ${t}`).join(', ')}`)).rows[0] as Record<string, string>;
  return Object.fromEntries(tables.map((t) => [t, Number(row[t])])) as unknown as Watermarks;
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
