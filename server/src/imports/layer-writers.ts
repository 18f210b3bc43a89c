import type { ImportLayer } from '../contracts/import-contracts.js';

/**
 * How each layer's staged rows (`import_staging`: `v` the typed values by
 * catalogue key, `geom`/`ref` in EPSG:4326) become rows of its table.
 *
 * A column whose field is not mapped keeps its value on update and takes the
 * column's default on insert, so importing a file with fewer columns never
 * blanks what it does not carry. A row is `unchanged` when every mapped column
 * equals what is stored (geometries within 1e-6° ≈ 0.1 m, the precision our
 * exports write), so re-importing a file, or one of our exports, writes nothing.
 */
export interface WriterColumn {
  col: string;
  /** Catalogue keys the column is made from; the column is written only when one of them is mapped. Empty: always written. */
  fields: readonly string[];
  /** SQL value from staging row `s`. */
  expr: string;
  /** SQL comparing the stored value `t` with `expr` (default: IS NOT DISTINCT FROM). */
  same?: (expr: string) => string;
  /** Insert only (a key column). */
  keyOnly?: boolean;
  /** Value of a new row when the file does not carry the column (a NOT NULL column without a database default). */
  insertDefault?: string;
}

export interface LayerWriter {
  table: string;
  /** Matches staging row `s` to stored row `t`. */
  match: string;
  /** Soft-deletable register tables: an import of a deleted code restores it. */
  softDelete: boolean;
  /** Tables with `version` (optimistic locking) and `updated_at`. */
  versioned: boolean;
  columns: readonly WriterColumn[];
}

const text = (key: string) => `nullif(s.v->>'${key}', '')`;
const num = (key: string) => `(s.v->>'${key}')::numeric`;
const int = (key: string) => `(s.v->>'${key}')::integer`;
const operatorId = (key: string) => `(SELECT o.id FROM operators o WHERE o.code = s.v->>'${key}')`;
/** Geometries equal to within ≈0.1 m; NPoints first so the Hausdorff distance runs only on look-alikes. */
const sameGeometry = (expr: string, col: string) =>
  `(t.${col} IS NOT DISTINCT FROM ${expr} OR (ST_NPoints(t.${col}) = ST_NPoints(${expr}) AND ST_HausdorffDistance(t.${col}, ${expr}) < 1e-6))`;
const geometryColumn = (col: string, fields: readonly string[], expr = 's.geom'): WriterColumn => ({
  col, fields, expr, same: () => sameGeometry(expr, col),
});
const position = ['lon', 'lat', 'x', 'y', 'wkt', '$geometry'];
const unitId = `(SELECT u.id FROM admin_units u WHERE u.boundary_set = s.v->>'$boundarySet' AND u.code = s.v->>'unit')`;

export const layerWriters: Readonly<Record<ImportLayer, LayerWriter>> = {
  sites: {
    table: 'site_records',
    match: `t.code = s.v->>'code'`,
    softDelete: true,
    versioned: true,
    columns: [
      { col: 'code', fields: [], expr: `s.v->>'code'`, keyOnly: true },
      { col: 'name', fields: ['name'], expr: text('name') },
      geometryColumn('geom', position),
      { col: 'structure_type', fields: ['structureType'], expr: `s.v->>'structureType'` },
      { col: 'height_m', fields: ['heightM'], expr: num('heightM') },
      { col: 'owner_id', fields: ['owner'], expr: operatorId('owner') },
      { col: 'address', fields: ['address'], expr: text('address') },
      { col: 'status', fields: ['status'], expr: `s.v->>'status'` },
    ],
  },
  bts: {
    table: 'bts_records',
    match: `t.code = s.v->>'code'`,
    softDelete: true,
    versioned: true,
    columns: [
      { col: 'code', fields: [], expr: `s.v->>'code'`, keyOnly: true },
      { col: 'site_id', fields: ['siteCode'], expr: `(SELECT site.id FROM sites site WHERE site.code = s.v->>'siteCode')` },
      { col: 'operator_id', fields: ['operator'], expr: operatorId('operator') },
      // Without coordinates a BTS stands at its site's point (filled into s.geom by the checks).
      geometryColumn('geom', [...position, 'siteCode']),
      { col: 'technology', fields: ['technology'], expr: `s.v->>'technology'` },
      { col: 'band_mhz', fields: ['bandMHz'], expr: int('bandMHz') },
      { col: 'antenna_height_m', fields: ['antennaHeightM'], expr: num('antennaHeightM') },
      { col: 'eirp_dbm', fields: ['eirpDbm'], expr: num('eirpDbm') },
      { col: 'radius_override_m', fields: ['radiusOverrideM'], expr: num('radiusOverrideM') },
      { col: 'environment_override', fields: ['environmentOverride'], expr: text('environmentOverride') },
      { col: 'status', fields: ['status'], expr: `s.v->>'status'` },
    ],
  },
  fiber: {
    table: 'fiber_route_records',
    match: `t.code = s.v->>'code'`,
    softDelete: true,
    versioned: true,
    columns: [
      { col: 'code', fields: [], expr: `s.v->>'code'`, keyOnly: true },
      { col: 'name', fields: ['name'], expr: text('name') },
      { col: 'operator_id', fields: ['operator'], expr: operatorId('operator') },
      { col: 'kind', fields: ['kind'], expr: `s.v->>'kind'` },
      { col: 'laying', fields: ['laying'], expr: `s.v->>'laying'` },
      { col: 'cores', fields: ['cores'], expr: int('cores') },
      geometryColumn('geom', ['wkt', '$geometry']),
      { col: 'status', fields: ['status'], expr: `s.v->>'status'` },
    ],
  },
  'admin-units': {
    table: 'admin_units',
    match: `t.boundary_set = s.v->>'$boundarySet' AND t.code = s.v->>'code'`,
    softDelete: false,
    versioned: true,
    columns: [
      { col: 'boundary_set', fields: [], expr: `s.v->>'$boundarySet'`, keyOnly: true },
      { col: 'code', fields: [], expr: `s.v->>'code'`, keyOnly: true },
      { col: 'name', fields: ['name'], expr: `s.v->>'name'` },
      { col: 'level', fields: ['level'], expr: `s.v->>'level'` },
      { col: 'unit_type', fields: ['unitType'], expr: `s.v->>'unitType'` },
      // Parents may come later in the same file: set after every unit of the file exists (see the pipeline).
      {
        col: 'parent_id', fields: ['parentCode'],
        expr: `(SELECT p.id FROM admin_units p WHERE p.boundary_set = s.v->>'$boundarySet' AND p.code = s.v->>'parentCode')`,
        same: () => `(SELECT p.code FROM admin_units p WHERE p.id = t.parent_id) IS NOT DISTINCT FROM nullif(s.v->>'parentCode', '')`,
      },
      geometryColumn('geom', ['wkt', '$geometry']),
    ],
  },
  hamlets: {
    table: 'hamlets',
    match: `t.code = s.v->>'code'`,
    softDelete: false,
    versioned: true,
    columns: [
      { col: 'code', fields: [], expr: `s.v->>'code'`, keyOnly: true },
      { col: 'name', fields: ['name'], expr: `s.v->>'name'` },
      { col: 'kind', fields: ['kind'], expr: `s.v->>'kind'` },
      {
        col: 'commune_id', fields: ['communeCode'],
        expr: `(SELECT c.id FROM admin_units c WHERE c.boundary_set = s.v->>'$boundarySet' AND c.level = 'commune' AND c.code = s.v->>'communeCode')`,
      },
      { col: 'population', fields: ['population'], expr: int('population') },
      { col: 'households', fields: ['households'], expr: int('households') },
      geometryColumn('ref_point', ['lon', 'lat', 'x', 'y', '$geometry', 'wkt'], 's.ref'),
      { col: 'ref_kind', fields: ['refKind'], expr: `coalesce(nullif(s.v->>'refKind', ''), 'centre')`, insertDefault: `'centre'` },
      geometryColumn('geom', ['wkt', '$geometry']),
    ],
  },
  'population-clusters': {
    table: 'population_clusters',
    match: `t.hamlet_id = (SELECT h.id FROM hamlets h WHERE h.code = s.v->>'hamletCode') AND t.cluster_no = (s.v->>'clusterNo')::integer`,
    softDelete: false,
    versioned: true,
    columns: [
      { col: 'hamlet_id', fields: [], expr: `(SELECT h.id FROM hamlets h WHERE h.code = s.v->>'hamletCode')`, keyOnly: true },
      { col: 'cluster_no', fields: [], expr: int('clusterNo'), keyOnly: true },
      { col: 'population', fields: ['population'], expr: int('population') },
      geometryColumn('geom', position),
    ],
  },
  measurements: {
    table: 'field_measurements',
    match: `t.operator_id = ${operatorId('operator')} AND t.technology = s.v->>'technology'
            AND t.measured_at = (s.v->>'measuredAt')::timestamptz AND ST_X(t.geom) = ST_X(s.geom) AND ST_Y(t.geom) = ST_Y(s.geom)`,
    softDelete: false,
    versioned: false,
    columns: [
      { col: 'operator_id', fields: [], expr: operatorId('operator'), keyOnly: true },
      { col: 'technology', fields: [], expr: `s.v->>'technology'`, keyOnly: true },
      { col: 'measured_at', fields: [], expr: `(s.v->>'measuredAt')::timestamptz`, keyOnly: true },
      { col: 'geom', fields: [], expr: 's.geom', keyOnly: true },
      { col: 'batch', fields: [], expr: `coalesce(nullif(s.v->>'batch', ''), s.v->>'$batch')` },
      { col: 'signal_dbm', fields: ['signalDbm'], expr: num('signalDbm') },
      { col: 'download_mbps', fields: ['downloadMbps'], expr: num('downloadMbps') },
    ],
  },
  // The figure is already in the indicator's measure (row parsing: a share in 0–1). The unit is the
  // import's boundary set's unit of that code; staging refuses codes the set does not have.
  'indicator-values': {
    table: 'indicator_reported_values',
    match: `t.indicator_code = s.v->>'indicator' AND t.unit_id = ${unitId} AND t.period_code = s.v->>'period'`,
    softDelete: false,
    versioned: true,
    columns: [
      { col: 'indicator_code', fields: [], expr: `s.v->>'indicator'`, keyOnly: true },
      { col: 'unit_id', fields: [], expr: unitId, keyOnly: true },
      { col: 'period_code', fields: [], expr: `s.v->>'period'`, keyOnly: true },
      { col: 'value', fields: ['value'], expr: `(s.v->>'value')::float8` },
      { col: 'document', fields: ['document'], expr: text('document') },
      { col: 'note', fields: ['note'], expr: text('note') },
      // Who wrote the figure, on insert and on every update; who imports is no difference of content.
      { col: 'updated_by', fields: [], expr: `s.v->>'$actor'`, same: () => 'true' },
    ],
  },
};

/** Columns a new row needs although the file does not carry them, with their values. */
export function insertDefaults(writer: LayerWriter, mapped: ReadonlySet<string>): WriterColumn[] {
  const written = new Set(writtenColumns(writer, mapped).map((c) => c.col));
  return writer.columns.filter((c) => c.insertDefault && !written.has(c.col)).map((c) => ({ ...c, expr: c.insertDefault! }));
}

/** The columns an import writes: keys always, the rest when one of their fields is mapped (or the file has geometries). */
export function writtenColumns(writer: LayerWriter, mapped: ReadonlySet<string>): WriterColumn[] {
  return writer.columns.filter((c) => c.fields.length === 0 || c.fields.some((f) => mapped.has(f)));
}
