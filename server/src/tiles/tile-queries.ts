import type { Knex } from 'knex';
import { activeStatusesOf } from '../contracts/sharing-contracts.js';
import { encodeMvt, type MvtValue } from './mvt-encoder.js';
import type { TileGeometry } from './mvt-geometry.js';
import type { TileAddress } from './tile-address.js';
import { clusteredRowsSql, isClusteredTile } from './tile-clusters.js';
import { TILE_BUFFER, TILE_EXTENT, type TileFilter, type TileLayerName } from './tile-layers.js';

/**
 * How a tile is made from its layer's rows (hatang_tile_<layer>: id, geom in
 * EPSG:3857, ord, props): 'st_asmvt' by PostGIS on PostgreSQL; 'encoder' on the
 * embedded database, whose PostGIS has no protobuf — hatang_mvt_geom does what
 * ST_AsMVTGeom does, and mvt-encoder.ts what ST_AsMVT does. Both read the same
 * rows, so a feature's properties are the same whichever database serves it.
 */
export type TileMethod = 'st_asmvt' | 'encoder';

interface RowSource {
  /** The call of the layer's row function, z/x/y first. */
  call: string;
  bindings(tile: TileAddress, f: TileFilter): Knex.RawBinding[];
}

const list = (values: readonly string[] | undefined) => (values ? [...values] : null);

// Function names are fixed here: no identifier comes from the request.
const rowSources: Record<TileLayerName, RowSource> = {
  sites: {
    call: 'hatang_tile_sites(?::integer, ?::integer, ?::integer, ?::text[], ?::text[], ?::text[], ?::integer)',
    bindings: (t, f) => [t.z, t.x, t.y, list(f.operators), list(f.technologies), list(f.statuses), f.unitId ?? null],
  },
  'shared-sites': {
    call: 'hatang_tile_shared_sites(?::integer, ?::integer, ?::integer, ?::text[], ?::text[], ?::text[], ?::text[], ?::integer)',
    bindings: (t, f) => [t.z, t.x, t.y, list(f.operators), list(f.technologies), list(f.statuses), [...activeStatusesOf[f.scenario]], f.unitId ?? null],
  },
  bts: {
    call: 'hatang_tile_bts(?::integer, ?::integer, ?::integer, ?::text[], ?::text[], ?::text[], ?::integer)',
    bindings: (t, f) => [t.z, t.x, t.y, list(f.operators), list(f.technologies), list(f.statuses), f.unitId ?? null],
  },
  fiber: {
    call: 'hatang_tile_fiber(?::integer, ?::integer, ?::integer, ?::text[], ?::text[], ?::text[], ?::text[], ?::integer)',
    bindings: (t, f) => [t.z, t.x, t.y, list(f.operators), list(f.statuses), list(f.kinds), list(f.layings), f.unitId ?? null],
  },
  hamlets: {
    call: 'hatang_tile_hamlets(?::integer, ?::integer, ?::integer, ?::text, ?::text, ?::text, ?::integer)',
    bindings: (t, f) => [t.z, t.x, t.y, f.scenario, f.operators?.[0] ?? null, f.technologyGroups?.[0] ?? null, f.unitId ?? null],
  },
  coverage: {
    call: 'hatang_tile_coverage(?::integer, ?::integer, ?::integer, ?::text[], ?::text[], ?::text)',
    bindings: (t, f) => [t.z, t.x, t.y, list(f.operators), list(f.technologyGroups), f.scenario],
  },
  gaps: {
    call: 'hatang_tile_gaps(?::integer, ?::integer, ?::integer, ?::text, ?::integer)',
    bindings: (t, f) => [t.z, t.x, t.y, f.scenario, f.unitId ?? null],
  },
  districts: {
    call: 'hatang_tile_districts(?::integer, ?::integer, ?::integer, ?::text, ?::integer)',
    bindings: (t, f) => [t.z, t.x, t.y, f.boundarySet ?? null, f.unitId ?? null],
  },
  communes: {
    call: 'hatang_tile_communes(?::integer, ?::integer, ?::integer, ?::text, ?::integer)',
    bindings: (t, f) => [t.z, t.x, t.y, f.boundarySet ?? null, f.unitId ?? null],
  },
};

const envelope = 'ST_TileEnvelope(?::integer, ?::integer, ?::integer)';

/** The tile's rows as a FROM item (aliased by the caller) and its bindings: clustered below the cluster zoom. */
function rowsOf(layer: TileLayerName, tile: TileAddress, filter: TileFilter): { from: string; bindings: Knex.RawBinding[] } {
  const source = rowSources[layer];
  const bindings = source.bindings(tile, filter);
  if (!isClusteredTile(layer, tile)) return { from: source.call, bindings };
  return { from: `(${clusteredRowsSql(source.call)})`, bindings: [tile.z, tile.x, tile.y, ...bindings] };
}

async function tileByPostgis(knex: Knex, layer: TileLayerName, tile: TileAddress, filter: TileFilter): Promise<Uint8Array> {
  const rows = rowsOf(layer, tile, filter);
  // ST_AsMVT takes every column but geom and id as a property: the jsonb column's members.
  const sql = `
    SELECT ST_AsMVT(t, ?::text, ${TILE_EXTENT}, 'geom', 'id') AS tile FROM (
      SELECT r.id, ST_AsMVTGeom(r.geom, ${envelope}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom, r.props
        FROM ${rows.from} r ORDER BY r.ord) t
     WHERE t.geom IS NOT NULL`;
  const bindings = [layer, tile.z, tile.x, tile.y, ...rows.bindings];
  const row = (await knex.raw(sql, bindings)).rows[0] as { tile: Uint8Array | null };
  return new Uint8Array(row.tile ?? []);
}

interface TileRow {
  id: number | null;
  geometry: string;
  props: Record<string, MvtValue | null>;
}

async function tileByEncoder(knex: Knex, layer: TileLayerName, tile: TileAddress, filter: TileFilter): Promise<Uint8Array> {
  const source = rowsOf(layer, tile, filter);
  // OFFSET 0 keeps each subquery's columns computed once a row: the row function's
  // geometry (ST_Transform) and the tile geometry (used by the filter and the answer);
  // it also lets hatang_mvt_geom be inlined, its arguments being plain columns.
  const sql = `
    SELECT g.id, ST_AsGeoJSON(g.geom, 0, 0) AS geometry, g.props FROM (
      SELECT r.id, r.ord, r.props, hatang_mvt_geom(r.geom, e.bounds, ${TILE_EXTENT}, ${TILE_BUFFER}) AS geom
        FROM (SELECT * FROM ${source.from} r0 OFFSET 0) r
       CROSS JOIN (SELECT ${envelope} AS bounds OFFSET 0) e
      OFFSET 0) g
     WHERE g.geom IS NOT NULL AND NOT ST_IsEmpty(g.geom)
     ORDER BY g.ord`;
  const rows = (await knex.raw(sql, [...source.bindings, tile.z, tile.x, tile.y])).rows as TileRow[];
  return encodeMvt([
    {
      name: layer,
      extent: TILE_EXTENT,
      features: rows.map((r) => ({ id: r.id, geometry: JSON.parse(r.geometry) as TileGeometry, properties: r.props })),
    },
  ]);
}

/** The tile's bytes (zero bytes when no feature is in it), made with `method`. */
export function tileBytes(knex: Knex, method: TileMethod, layer: TileLayerName, tile: TileAddress, filter: TileFilter): Promise<Uint8Array> {
  return method === 'st_asmvt' ? tileByPostgis(knex, layer, tile, filter) : tileByEncoder(knex, layer, tile, filter);
}
