import type { Knex } from 'knex';
import type { Actor } from '../auth/actor.js';
import type { ImportChangeKind, ImportLayer } from '../contracts/import-contracts.js';
import { importGeometryKinds } from './import-fields.js';
import { layerWriters, writtenColumns } from './layer-writers.js';
import type { ParsedRow, RowIssue } from './parsed-row.js';

/**
 * The database half of validation, in the import's transaction: the parsed
 * rows go into a temporary staging table (coordinates transformed to EPSG:4326
 * in PostGIS), are checked against the province and the register, and are
 * compared with what is stored (insert / update / unchanged). Nothing here
 * writes to a register table, so a dry run is this plus a rollback.
 */
export interface StagingOptions {
  layer: ImportLayer;
  srid: number;
  boundarySet: string;
  batch: string;
  /** Catalogue keys the file supplies (mapped columns, plus `$geometry` for GIS formats). */
  mapped: ReadonlySet<string>;
  actor: Pick<Actor, 'role' | 'operatorCode'> | null;
  /** Who imports, as provenance where a table keeps it (indicator_reported_values.updated_by). */
  actorName: string;
}

export interface StagedSummary {
  changes: Map<number, ImportChangeKind>;
  issues: RowIssue[];
  warnings: RowIssue[];
}

const geographic = new Set([4326, 4756]);
const chunkSize = 2000;

export async function stageRows(trx: Knex.Transaction, rows: readonly ParsedRow[], options: StagingOptions): Promise<void> {
  await trx.raw(`
    CREATE TEMP TABLE IF NOT EXISTS import_staging (
      row_no    integer PRIMARY KEY,
      key       text NOT NULL,
      v         jsonb NOT NULL,
      src       geometry,
      geom      geometry,
      ref       geometry,
      target_id integer,
      change    text,
      invalid   boolean NOT NULL DEFAULT false
    ) ON COMMIT DROP`);
  await trx.raw('TRUNCATE import_staging');
  const extra = { $boundarySet: options.boundarySet, $batch: options.batch, $actor: options.actorName };
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize).map((r) => {
      const v = { ...r.values, ...extra };
      const ref = refPoint(r.values);
      return { r: r.row, k: r.key, v, g: r.geometry ? JSON.stringify(r.geometry) : null, p: ref };
    });
    await trx.raw(
      `INSERT INTO import_staging (row_no, key, v, src, ref)
       SELECT (e->>'r')::integer, e->>'k', e->'v',
              CASE WHEN e->>'g' IS NOT NULL THEN ST_SetSRID(ST_GeomFromGeoJSON(e->>'g'), ?::integer) END,
              CASE WHEN e->'p' IS NOT NULL AND jsonb_typeof(e->'p') = 'array'
                   THEN ST_SetSRID(ST_MakePoint((e->'p'->>0)::float8, (e->'p'->>1)::float8), ?::integer) END
         FROM jsonb_array_elements(?::jsonb) e`,
      [options.srid, options.srid, JSON.stringify(chunk)],
    );
  }
  // One transform for the whole file, in PostGIS, through the SRID's proj4text: VN-2000 → WGS 84 with the
  // official seven parameters (Quyết định 05/2007/QĐ-BTNMT). By EPSG code, PROJ would pick a regional
  // transformation for the Mekong delta (EPSG:5194, ≈ 0.8 m from the official one in Tiền Giang).
  await trx.raw(
    `WITH p AS MATERIALIZED (SELECT proj4text AS proj FROM spatial_ref_sys WHERE srid = ?::integer)
     UPDATE import_staging SET
       geom = CASE WHEN src IS NULL THEN NULL WHEN ?::integer = 4326 THEN src ELSE ST_Transform(src, (SELECT proj FROM p), 4326) END,
       ref = CASE WHEN ref IS NULL THEN NULL WHEN ?::integer = 4326 THEN ref ELSE ST_Transform(ref, (SELECT proj FROM p), 4326) END
     WHERE src IS NOT NULL OR ref IS NOT NULL`,
    [options.srid, options.srid, options.srid],
  );
  await shapeGeometries(trx, options.layer);
}

/** Hamlets: a reference point given apart from the polygon (refX/refY), in the file's coordinates. */
function refPoint(values: ParsedRow['values']): [number, number] | null {
  return typeof values.refX === 'number' && typeof values.refY === 'number' ? [values.refX, values.refY] : null;
}

/**
 * Hamlets: a point in the file is the reference point; a polygon without one gets a point on its surface.
 * (Row parsing already made lines MultiLineString and polygons MultiPolygon, the tables' types.)
 */
async function shapeGeometries(trx: Knex.Transaction, layer: ImportLayer): Promise<void> {
  if (layer !== 'hamlets') return;
  await trx.raw(`
    UPDATE import_staging SET ref = coalesce(ref, geom), geom = NULL WHERE GeometryType(geom) = 'POINT';
    UPDATE import_staging SET ref = ST_PointOnSurface(geom) WHERE ref IS NULL AND geom IS NOT NULL`);
}

type CheckRow = { row_no: number; problem: string; a: string | null; b: string | null };

/**
 * Row checks only the database can make. Each finding is a row problem, except
 * repaired polygons and points just outside the boundary, which are warnings.
 */
export async function checkStagedRows(trx: Knex.Transaction, options: StagingOptions): Promise<StagedSummary> {
  const { layer } = options;
  const issues: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const add = (list: RowIssue[], rows: CheckRow[], messageKey: RowIssue['messageKey'], field: string | null, params: (r: CheckRow) => Record<string, string | number>) => {
    for (const r of rows) list.push({ row: r.row_no, field, column: null, messageKey, params: params(r) });
  };
  const q = async (sql: string, bindings: unknown[] = []) => (await trx.raw(sql, bindings as never)).rows as CheckRow[];

  if (layer === 'bts') {
    add(issues, await q(`SELECT row_no, 'unknown-site' AS problem, v->>'siteCode' AS a, NULL AS b FROM import_staging s
                          WHERE nullif(v->>'siteCode', '') IS NOT NULL AND NOT EXISTS (SELECT 1 FROM sites site WHERE site.code = s.v->>'siteCode')`),
      'import-unknown-site', 'siteCode', (r) => ({ code: r.a ?? '' }));
    await trx.raw(`UPDATE import_staging s SET geom = site.geom FROM sites site
                    WHERE s.geom IS NULL AND site.code = s.v->>'siteCode'`);
  }
  if (layer === 'hamlets') {
    add(issues, await q(`SELECT row_no, 'unknown-commune' AS problem, v->>'communeCode' AS a, v->>'$boundarySet' AS b FROM import_staging s
                          WHERE NOT EXISTS (SELECT 1 FROM admin_units c WHERE c.boundary_set = s.v->>'$boundarySet' AND c.level = 'commune' AND c.code = s.v->>'communeCode')`),
      'import-unknown-commune', 'communeCode', (r) => ({ code: r.a ?? '', boundarySet: r.b ?? '' }));
  }
  if (layer === 'population-clusters') {
    add(issues, await q(`SELECT row_no, 'unknown-hamlet' AS problem, v->>'hamletCode' AS a, NULL AS b FROM import_staging s
                          WHERE NOT EXISTS (SELECT 1 FROM hamlets h WHERE h.code = s.v->>'hamletCode')`),
      'import-unknown-hamlet', 'hamletCode', (r) => ({ code: r.a ?? '' }));
  }
  if (layer === 'admin-units') {
    add(issues, await q(`SELECT row_no, 'unknown-parent' AS problem, v->>'parentCode' AS a, v->>'$boundarySet' AS b FROM import_staging s
                          WHERE nullif(v->>'parentCode', '') IS NOT NULL
                            AND NOT EXISTS (SELECT 1 FROM admin_units p WHERE p.boundary_set = s.v->>'$boundarySet' AND p.code = s.v->>'parentCode')
                            AND NOT EXISTS (SELECT 1 FROM import_staging o WHERE o.v->>'code' = s.v->>'parentCode')`),
      'import-unknown-parent', 'parentCode', (r) => ({ code: r.a ?? '', boundarySet: r.b ?? '' }));
    if (options.mapped.has('level')) {
      add(issues, await q(`SELECT row_no, 'parent' AS problem, v->>'level' AS a, NULL AS b FROM import_staging s
                            WHERE (v->>'level' = 'province') = (nullif(v->>'parentCode', '') IS NOT NULL)`),
        'import-parent-level', 'parentCode', (r) => ({ level: r.a ?? '' }));
    }
  }

  if (layer === 'indicator-values') {
    add(issues, await q(`SELECT row_no, 'unknown-unit' AS problem, v->>'unit' AS a, v->>'$boundarySet' AS b FROM import_staging s
                          WHERE NOT EXISTS (SELECT 1 FROM admin_units u WHERE u.boundary_set = s.v->>'$boundarySet' AND u.code = s.v->>'unit')`),
      'import-unknown-unit', 'unit', (r) => ({ code: r.a ?? '', boundarySet: r.b ?? '' }));
    add(issues, await q(`SELECT row_no, 'unknown-period' AS problem, v->>'period' AS a, NULL AS b FROM import_staging s
                          WHERE NOT EXISTS (SELECT 1 FROM reporting_periods p WHERE p.code = s.v->>'period')`),
      'import-unknown-period', 'period', (r) => ({ period: r.a ?? '' }));
  }

  // Layers of figures (no geometry kinds) have nothing to place.
  if (importGeometryKinds[layer].length > 0) await checkPositions(trx, options, issues, warnings);
  if (options.actor?.role === 'operator') await checkOwnOperator(trx, options, issues);

  // Rows with a problem take no further part; the rest are compared with what is stored.
  const bad = [...new Set(issues.map((i) => i.row))];
  if (bad.length) await trx.raw('UPDATE import_staging SET invalid = true WHERE row_no = ANY (?::integer[])', [bad]);
  const changes = await diffStaged(trx, options);
  return { changes, issues, warnings };
}

/** Positions and shapes: present where needed, valid (polygons repaired with a warning), inside the province. */
async function checkPositions(trx: Knex.Transaction, options: StagingOptions, issues: RowIssue[], warnings: RowIssue[]): Promise<void> {
  const { layer } = options;
  const writer = layerWriters[layer];
  const add = (list: RowIssue[], rows: CheckRow[], messageKey: RowIssue['messageKey'], params: (r: CheckRow) => Record<string, string | number>) => {
    for (const r of rows) list.push({ row: r.row_no, field: null, column: null, messageKey, params: params(r) });
  };
  const q = async (sql: string, bindings: unknown[] = []) => (await trx.raw(sql, bindings as never)).rows as CheckRow[];
  // A row without a position is refused when the file carries positions, or when it would be a new record.
  add(issues, await q(`SELECT row_no, 'missing' AS problem, NULL AS a, NULL AS b FROM import_staging s
                        WHERE s.${layer === 'hamlets' ? 'ref' : 'geom'} IS NULL
                          AND (?::boolean OR NOT EXISTS (SELECT 1 FROM ${writer.table} t WHERE ${writer.match}))`, [positionMapped(options.mapped)]),
    'import-position-missing', () => ({}));
  // Polygons as surveyed often self-touch; repair them (ST_MakeValid) and say so rather than refuse the file.
  add(warnings, await q(`UPDATE import_staging SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3))
                          WHERE geom IS NOT NULL AND GeometryType(geom) LIKE '%POLYGON' AND NOT ST_IsValid(geom)
                          RETURNING row_no, 'repaired' AS problem, NULL AS a, NULL AS b`),
    'import-geometry-repaired', () => ({}));
  add(issues, await q(`SELECT row_no, 'invalid' AS problem, ST_IsValidReason(geom) AS a, NULL AS b FROM import_staging
                        WHERE geom IS NOT NULL AND (NOT ST_IsValid(geom) OR ST_IsEmpty(geom))`),
    'import-geometry-invalid', (r) => ({ reason: (r.a ?? '').slice(0, 80) }));

  if (layer !== 'admin-units') await checkInsideProvince(trx, options, issues, warnings);
}

const positionFields = ['lon', 'lat', 'x', 'y', 'wkt', '$geometry'];
function positionMapped(mapped: ReadonlySet<string>): boolean {
  return positionFields.some((f) => mapped.has(f));
}

/**
 * Points must lie in the province (the province units of the default boundary
 * set), within ≈1 km (0.01°) for generalised coastlines and borders. A point
 * outside whose flipped coordinates fall inside had latitude and longitude swapped.
 */
async function checkInsideProvince(trx: Knex.Transaction, options: StagingOptions, issues: RowIssue[], warnings: RowIssue[]): Promise<void> {
  const column = options.layer === 'hamlets' ? 'ref' : 'geom';
  const rows = (
    await trx.raw(
      `WITH province AS MATERIALIZED (
         SELECT ST_Union(u.geom) AS g FROM admin_units u JOIN boundary_sets b ON b.code = u.boundary_set AND b.is_default
          WHERE u.level = 'province')
       SELECT s.row_no, ST_X(ST_PointOnSurface(s.${column})) AS x, ST_Y(ST_PointOnSurface(s.${column})) AS y,
              ST_DWithin(p.g, s.${column}, 0.01) AS near,
              ?::boolean AND GeometryType(s.${column}) = 'POINT' AND ST_Intersects(p.g, ST_FlipCoordinates(s.${column})) AS swapped
         FROM import_staging s, province p
        WHERE p.g IS NOT NULL AND s.${column} IS NOT NULL AND NOT ST_Intersects(p.g, s.${column})`,
      [geographic.has(options.srid)],
    )
  ).rows as { row_no: number; x: number; y: number; near: boolean; swapped: boolean }[];
  for (const r of rows) {
    const params = { lon: round7(r.x), lat: round7(r.y) };
    if (r.near) warnings.push({ row: r.row_no, field: null, column: null, messageKey: 'import-near-province-edge', params });
    else if (r.swapped) issues.push({ row: r.row_no, field: null, column: null, messageKey: 'import-lat-lon-swapped', params });
    else issues.push({ row: r.row_no, field: null, column: null, messageKey: 'import-outside-province', params });
  }
}

/** An operator's account imports only its own operator's BTS and fiber, and changes no other operator's record. */
async function checkOwnOperator(trx: Knex.Transaction, options: StagingOptions, issues: RowIssue[]): Promise<void> {
  const own = options.actor?.operatorCode ?? '';
  if (options.layer !== 'bts' && options.layer !== 'fiber') return; // other layers are refused to operators before reading
  const writer = layerWriters[options.layer];
  const rows = (
    await trx.raw(
      `SELECT s.row_no, coalesce(s.v->>'operator', '') AS operator, (SELECT o.code FROM operators o WHERE o.id = t.operator_id) AS stored
         FROM import_staging s LEFT JOIN ${writer.table} t ON ${writer.match}
        WHERE coalesce(s.v->>'operator', '') <> ? OR (t.id IS NOT NULL AND t.operator_id <> (SELECT o.id FROM operators o WHERE o.code = ?))`,
      [own, own],
    )
  ).rows as { row_no: number; operator: string; stored: string | null }[];
  for (const r of rows) {
    issues.push({ row: r.row_no, field: 'operator', column: null, messageKey: 'not-your-operator', params: { operator: r.stored ?? r.operator, own } });
  }
}

/** insert / update / unchanged per valid row, comparing only the columns the file carries. */
async function diffStaged(trx: Knex.Transaction, options: StagingOptions): Promise<Map<number, ImportChangeKind>> {
  const writer = layerWriters[options.layer];
  const compared = writtenColumns(writer, options.mapped).filter((c) => !c.keyOnly);
  const same = compared.map((c) => (c.same ? c.same(c.expr) : `t.${c.col} IS NOT DISTINCT FROM ${c.expr}`));
  if (options.layer === 'bts' && options.mapped.has('azimuthsDeg')) {
    same.push(`((s.v->>'$sectorsUnknown') IS NOT NULL OR ${storedSectors('t.id')} = ${stagedSectors})`);
  }
  if (writer.softDelete) same.push('t.deleted_at IS NULL');
  await trx.raw(
    `UPDATE import_staging s SET target_id = t.id,
            change = CASE WHEN ${same.length ? same.join(' AND ') : 'true'} THEN 'unchanged' ELSE 'update' END
       FROM ${writer.table} t WHERE NOT s.invalid AND ${writer.match}`,
  );
  await trx.raw(`UPDATE import_staging SET change = 'insert' WHERE NOT invalid AND change IS NULL`);
  const rows = (await trx.raw('SELECT row_no, change FROM import_staging WHERE NOT invalid')).rows as { row_no: number; change: ImportChangeKind }[];
  return new Map(rows.map((r) => [r.row_no, r.change]));
}

/** A BTS's sectors as `azimuth:beamwidth:tilt/…`, stored and staged alike, for the comparison. */
export function storedSectors(btsId: string): string {
  return `coalesce((SELECT string_agg(x.azimuth_deg::float8 || ':' || x.beamwidth_deg::float8 || ':' || x.tilt_deg::float8, '/' ORDER BY x.sector_no)
                     FROM bts_sectors x WHERE x.bts_id = ${btsId}), '')`;
}

/** Sector i: azimuth i; beamwidth i, or the single one given, or omni for one sector and 65° for several; tilt i, or the single one, or 0. */
export const stagedSectorRows = `
  SELECT a.n::integer AS sector_no, a.az::numeric AS azimuth_deg,
         coalesce((s.v->'beamwidthsDeg'->>(a.n::integer - 1))::numeric,
                  CASE WHEN jsonb_array_length(coalesce(s.v->'beamwidthsDeg', '[]')) = 1 THEN (s.v->'beamwidthsDeg'->>0)::numeric END,
                  CASE WHEN jsonb_array_length(s.v->'azimuthsDeg') = 1 THEN 360 ELSE 65 END) AS beamwidth_deg,
         coalesce((s.v->'tiltsDeg'->>(a.n::integer - 1))::numeric,
                  CASE WHEN jsonb_array_length(coalesce(s.v->'tiltsDeg', '[]')) = 1 THEN (s.v->'tiltsDeg'->>0)::numeric END, 0) AS tilt_deg
    FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(s.v->'azimuthsDeg') = 'array' AND jsonb_array_length(s.v->'azimuthsDeg') > 0
                                        THEN s.v->'azimuthsDeg' ELSE '[0]'::jsonb END) WITH ORDINALITY AS a(az, n)`;

const stagedSectors = `coalesce((SELECT string_agg(z.azimuth_deg::float8 || ':' || (CASE WHEN jsonb_typeof(s.v->'azimuthsDeg') = 'array' AND jsonb_array_length(s.v->'azimuthsDeg') > 0 THEN z.beamwidth_deg ELSE 360 END)::float8 || ':' || z.tilt_deg::float8, '/' ORDER BY z.sector_no)
                                  FROM (${stagedSectorRows}) z), '')`;

function round7(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}
