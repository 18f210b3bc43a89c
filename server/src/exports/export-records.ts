import type { Knex } from 'knex';
import type { Bbox } from '../http/query-params.js';
import { layerGeoJson, type LayerFilter } from '../layers/layer-queries.js';
import type { DerivedLayer, RegisterLayer } from './export-layers.js';

/** One exported row: properties under canonical keys, and its position or shape. */
export interface ExportRecord {
  /** Code (or id) of the row: the GeoJSON feature id, the KML Placemark name. */
  key: string;
  properties: Record<string, unknown>;
  /** The lon/lat columns (degrees, 7 decimals) or null. */
  lon: number | null;
  lat: number | null;
  /** GeoJSON geometry text, or the WKT column's text when the rows were read for a table (null: none). */
  geometry: string | null;
}

interface SqlRow {
  sort_key: string;
  matched?: number;
  properties: Record<string, unknown> | string;
  lon: number | null;
  lat: number | null;
  geometry: string | null;
}

/** PostgreSQL's json arrives parsed from pg and, depending on the version, as text from PGlite. */
function record(row: SqlRow, key: (props: Record<string, unknown>, row: SqlRow) => string): ExportRecord {
  const properties = typeof row.properties === 'string' ? (JSON.parse(row.properties) as Record<string, unknown>) : row.properties;
  return { key: key(properties, row), properties, lon: row.lon, lat: row.lat, geometry: row.geometry };
}

const envelope = 'ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326)';
const bboxBindings = (bbox: Bbox | undefined) => (bbox ? [...bbox] : [null, null, null, null]);

export interface RegisterPageQuery {
  layer: Exclude<RegisterLayer, 'population-clusters' | 'measurements'>;
  boundarySet: string;
  ids?: number[] | null;
  /** Exact: && on the GiST index, then ST_Intersects. */
  bbox?: Bbox;
  code?: string;
  after?: string | null;
  offset?: number;
  limit: number;
  wkt: boolean;
}

const registerFunctions = {
  sites: 'hatang_export_sites',
  bts: 'hatang_export_bts',
  fiber: 'hatang_export_fiber',
  hamlets: 'hatang_export_hamlets',
} as const;

/** One page of register records with the count of all that match (an OGC items page, an export page). */
export async function registerPage(knex: Knex, q: RegisterPageQuery): Promise<{ records: ExportRecord[]; matched: number; lastKey: string | null }> {
  const common = `?::integer[], ${envelope}, ?::text, ?::text, ?::integer, ?::integer, ?::boolean`;
  const bindings = [q.ids ?? null, ...bboxBindings(q.bbox), q.code ?? null, q.after ?? null, q.offset ?? 0, q.limit, q.wkt];
  const sql =
    q.layer === 'communes' || q.layer === 'districts'
      ? `SELECT * FROM hatang_export_admin_units(?::text, ?::text, ${common})`
      : `SELECT * FROM ${registerFunctions[q.layer]}(${common})`;
  const pre = q.layer === 'communes' || q.layer === 'districts' ? [q.boundarySet, q.layer === 'communes' ? 'commune' : 'district'] : [];
  const rows = (await knex.raw(sql, [...pre, ...bindings] as Knex.RawBinding[])).rows as SqlRow[];
  return {
    records: rows.map((r) => record(r, (p) => String(p.code))),
    matched: rows[0]?.matched ?? (q.offset ? (await registerPage(knex, { ...q, offset: 0, limit: 1 })).matched : 0),
    lastKey: rows.at(-1)?.sort_key ?? null,
  };
}

/** The ids of the rows a map-layer filter chooses, by the layer's own SQL function, so an export cannot drift from the map. */
async function layerIds(knex: Knex, layer: RegisterLayer & ('sites' | 'bts' | 'fiber' | 'hamlets' | 'communes' | 'districts'), filter: LayerFilter): Promise<number[]> {
  const fc = JSON.parse(await layerGeoJson(knex, layer, filter)) as { features: { id: number }[] };
  return fc.features.map((f) => f.id);
}

export const exportPageSize = 1000;

/**
 * Every record of a register layer that the filter keeps, page after page in
 * code order (keyset: one short query per page, so on the embedded database's
 * single connection other requests run between pages).
 */
export async function* registerRecords(
  knex: Knex,
  layer: RegisterLayer,
  filter: LayerFilter,
  narrowed: boolean,
  wkt: boolean,
): AsyncGenerator<ExportRecord[]> {
  let after: string | null = null;
  if (layer === 'population-clusters' || layer === 'measurements') {
    for (;;) {
      const sql =
        layer === 'measurements'
          ? `SELECT * FROM hatang_export_measurements(${envelope}, ?::text[], ?::text[], ?::text, ?::integer, ?::boolean)`
          : `SELECT * FROM hatang_export_population_clusters(${envelope}, ?::integer, ?::text, ?::integer, ?::boolean)`;
      const bindings =
        layer === 'measurements'
          ? [...bboxBindings(filter.bbox), filter.operators ?? null, filter.technologies ?? null, after, exportPageSize, wkt]
          : [...bboxBindings(filter.bbox), filter.unitId, after, exportPageSize, wkt];
      const rows = (await knex.raw(sql, bindings as Knex.RawBinding[])).rows as SqlRow[];
      if (rows.length === 0) return;
      yield rows.map((r) =>
        record(r, (p) => (layer === 'measurements' ? r.sort_key : `${String(p.hamletCode)}-${String(p.clusterNo)}`)),
      );
      if (rows.length < exportPageSize) return;
      after = rows.at(-1)!.sort_key;
    }
  }
  const ids = narrowed ? await layerIds(knex, layer, filter) : null;
  if (ids && ids.length === 0) return;
  for (;;) {
    const page = await registerPage(knex, { layer, boundarySet: filter.boundarySet, ids, after, limit: exportPageSize, wkt });
    if (page.records.length === 0) return;
    yield page.records;
    if (page.records.length < exportPageSize) return;
    after = page.lastKey;
  }
}

/** GeoJSON and KML properties of a record; a hamlet's geometry is its polygon, so its reference point travels as lon/lat. */
export function geoProperties(layer: string, r: ExportRecord): Record<string, unknown> {
  return layer === 'hamlets' ? { ...r.properties, lon: r.lon, lat: r.lat } : r.properties;
}

interface LayerFeature {
  id?: string | number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
}

/** A derived layer's feature id for people and OGC: one string without a slash. */
export function derivedKey(layer: DerivedLayer, p: Record<string, unknown>): string {
  switch (layer) {
    case 'shared-sites':
      return String(p.siteKey);
    case 'coverage':
      return `${p.operator === '*' ? 'all' : String(p.operator)}-${String(p.technologyGroup)}`;
    case 'gaps':
      return `${String(p.hamletCode)}-${String(p.partNo)}`;
    case 'consolidation':
      return String(p.groupNo);
  }
}

/** A derived layer's features exactly as its map layer serves them (properties as they are). */
export async function derivedRecords(knex: Knex, layer: DerivedLayer, filter: LayerFilter): Promise<ExportRecord[]> {
  const fc = JSON.parse(await layerGeoJson(knex, layer, filter)) as { features: LayerFeature[] };
  return fc.features.map((f) => {
    const point = f.geometry?.type === 'Point' ? (f.geometry.coordinates as [number, number]) : null;
    return {
      key: derivedKey(layer, f.properties),
      properties: f.properties,
      lon: point ? point[0] : null,
      lat: point ? point[1] : null,
      geometry: f.geometry ? JSON.stringify(f.geometry) : null,
    };
  });
}
