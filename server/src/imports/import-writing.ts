import type { Knex } from 'knex';
import type { ImportLayer } from '../contracts/import-contracts.js';
import { recomputeAllCoverage, recomputeCoverageForBts, type CoverageParams } from '../coverage/coverage-recompute.js';
import { inferSites } from '../sharing/site-inference.js';
import { checkCancelled, reportProgress, type ImportJob } from './import-jobs.js';
import { stagedSectorRows } from './import-staging.js';
import { insertDefaults, layerWriters, writtenColumns } from './layer-writers.js';

export interface WriteOptions {
  layer: ImportLayer;
  mapped: ReadonlySet<string>;
  importId: number;
  fileName: string;
  coverage: CoverageParams;
  siteInferenceEpsM: number;
  job?: ImportJob;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

const batchRows = 5000;
/**
 * Past this many changed records, site inference runs over the whole register
 * instead of growing ε-closures around each one: one ST_ClusterDBSCAN pass
 * (≈ 0.5–1 s for the demo province) beats the incremental bookkeeping of
 * thousands of scopes (≈ 15 s for 20,000 new BTS on PostgreSQL). Both give the
 * same physical sites (test/db/site-inference.test.ts: incremental equals full).
 */
const fullInferenceAbove = 1000;

/**
 * Writes the staged rows marked insert or update (invalid ones were marked and
 * are skipped), in batches of row numbers so progress can be reported and a
 * cancel honoured between them — all inside the caller's transaction, so a
 * cancel or an error rolls everything back. Then rebuilds what depends on the
 * layer (coverage, site inference) in the same transaction.
 */
export async function writeStagedRows(trx: Knex.Transaction, options: WriteOptions): Promise<WriteCounts> {
  const writer = layerWriters[options.layer];
  const columns = writtenColumns(writer, options.mapped);
  const inserted = [...columns, ...insertDefaults(writer, options.mapped)];
  const counts = (
    await trx.raw(`SELECT count(*) FILTER (WHERE change = 'insert')::int AS inserted, count(*) FILTER (WHERE change = 'update')::int AS updated,
                          count(*) FILTER (WHERE change = 'unchanged')::int AS unchanged, min(row_no) AS lo, max(row_no) AS hi
                     FROM import_staging WHERE NOT invalid`)
  ).rows[0] as WriteCounts & { lo: number | null; hi: number | null };
  const total = counts.inserted + counts.updated;
  const previousOperators = await touchedOperators(trx, options.layer);
  let done = 0;
  reportProgress(options.job, { phase: 'writing', done, total });
  for (let lo = counts.lo ?? 0; counts.hi !== null && lo <= counts.hi; lo += batchRows) {
    checkCancelled(options.job);
    const hi = lo + batchRows - 1;
    const insertResult = await trx.raw(
      `INSERT INTO ${writer.table} (${inserted.map((c) => c.col).join(', ')}, source, source_date, import_id)
       SELECT ${inserted.map((c) => c.expr).join(', ')}, ?, current_date, ?
         FROM import_staging s WHERE s.change = 'insert' AND NOT s.invalid AND s.row_no BETWEEN ? AND ? ORDER BY s.row_no`,
      [options.fileName, options.importId, lo, hi],
    );
    const updatable = columns.filter((c) => !c.keyOnly);
    const sets = [
      ...updatable.map((c) => `${c.col} = ${c.expr}`),
      ...(writer.versioned ? ['version = t.version + 1', 'updated_at = now()'] : []),
      ...(writer.softDelete ? ['deleted_at = NULL'] : []),
      'source = ?', 'source_date = current_date', 'import_id = ?',
    ];
    const updated = await trx.raw(
      `UPDATE ${writer.table} t SET ${sets.join(', ')}
         FROM import_staging s WHERE s.change = 'update' AND NOT s.invalid AND t.id = s.target_id AND s.row_no BETWEEN ? AND ?`,
      [options.fileName, options.importId, lo, hi],
    );
    done += rowCount(insertResult) + rowCount(updated);
    reportProgress(options.job, { phase: 'writing', done, total });
  }
  await trx.raw(`UPDATE import_staging s SET target_id = t.id FROM ${writer.table} t WHERE s.change = 'insert' AND NOT s.invalid AND ${writer.match}`);
  if (options.layer === 'bts') await writeSectors(trx, options.mapped);
  if (options.layer === 'admin-units' && options.mapped.has('parentCode')) {
    // Parents can be later rows of the same file: link them once every unit exists.
    await trx.raw(`UPDATE admin_units t SET parent_id = (SELECT p.id FROM admin_units p WHERE p.boundary_set = t.boundary_set AND p.code = s.v->>'parentCode')
                     FROM import_staging s WHERE s.change IN ('insert', 'update') AND NOT s.invalid AND t.id = s.target_id`);
  }
  checkCancelled(options.job);
  // A big import changes the table's size many times over; the derived rebuilds below plan their joins
  // on its statistics, which would still describe the table before the import.
  if (total > fullInferenceAbove) await trx.raw(`ANALYZE ${writer.table}`);
  await rebuildDerived(trx, options, previousOperators);
  return { inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged };
}

function rowCount(result: { rowCount?: number | null; affectedRows?: number }): number {
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

/** Sectors of BTS whose file gives azimuths, and one omnidirectional sector for new BTS without them. */
async function writeSectors(trx: Knex.Transaction, mapped: ReadonlySet<string>): Promise<void> {
  const replaced = mapped.has('azimuthsDeg') ? `(s.change = 'insert' OR (s.change = 'update' AND (s.v->>'$sectorsUnknown') IS NULL))` : `s.change = 'insert'`;
  await trx.raw(`DELETE FROM bts_sectors x USING import_staging s WHERE NOT s.invalid AND ${replaced} AND x.bts_id = s.target_id`);
  await trx.raw(`
    INSERT INTO bts_sectors (bts_id, sector_no, azimuth_deg, beamwidth_deg, tilt_deg)
    SELECT s.target_id, z.sector_no, z.azimuth_deg,
           CASE WHEN jsonb_typeof(s.v->'azimuthsDeg') = 'array' AND jsonb_array_length(s.v->'azimuthsDeg') > 0 THEN z.beamwidth_deg ELSE 360 END,
           z.tilt_deg
      FROM import_staging s, LATERAL (${stagedSectorRows}) z
     WHERE NOT s.invalid AND ${replaced}`);
}

/** Operators of the BTS the import will change, as they are before it (an operator change rebuilds both unions). */
async function touchedOperators(trx: Knex.Transaction, layer: ImportLayer): Promise<string[]> {
  if (layer !== 'bts') return [];
  return (
    await trx.raw(`SELECT DISTINCT o.code FROM import_staging s JOIN bts_records b ON b.id = s.target_id JOIN operators o ON o.id = b.operator_id
                    WHERE s.change = 'update' AND NOT s.invalid`)
  ).rows.map((r: { code: string }) => r.code);
}

/**
 * What depends on the imported layer, rebuilt in the import's transaction:
 * BTS → their footprints, unions, hamlet verdicts and gaps, and site
 * inference; sites → inference; hamlets and population clusters → their
 * hamlets' verdicts and gaps; administrative units → everything (a commune's
 * type sets the radio environment of the range model).
 */
async function rebuildDerived(trx: Knex.Transaction, options: WriteOptions, previousOperators: string[]): Promise<void> {
  const changedIds = async () =>
    (await trx.raw(`SELECT target_id FROM import_staging WHERE change IN ('insert', 'update') AND NOT invalid AND target_id IS NOT NULL`)).rows.map(
      (r: { target_id: number }) => r.target_id,
    ) as number[];
  const json = JSON.stringify(options.coverage);
  const { layer } = options;
  if (layer === 'bts') {
    const ids = await changedIds();
    if (!ids.length) return;
    reportProgress(options.job, { phase: 'coverage', done: 0, total: ids.length });
    await recomputeCoverageForBts(trx, options.coverage, ids, previousOperators);
    checkCancelled(options.job);
    reportProgress(options.job, { phase: 'sites', done: 0, total: ids.length });
    await inferSites(trx, options.siteInferenceEpsM, ids.length > fullInferenceAbove ? undefined : { btsIds: ids, siteIds: [] });
  } else if (layer === 'sites') {
    const ids = await changedIds();
    if (!ids.length) return;
    reportProgress(options.job, { phase: 'sites', done: 0, total: ids.length });
    await inferSites(trx, options.siteInferenceEpsM, ids.length > fullInferenceAbove ? undefined : { btsIds: [], siteIds: ids });
  } else if (layer === 'hamlets' || layer === 'population-clusters') {
    const ids = await changedIds();
    if (!ids.length) return;
    const hamletIds = layer === 'hamlets'
      ? ids
      : ((await trx.raw('SELECT DISTINCT hamlet_id FROM population_clusters WHERE id = ANY (?::integer[])', [ids])).rows.map((r: { hamlet_id: number }) => r.hamlet_id) as number[]);
    reportProgress(options.job, { phase: 'coverage', done: 0, total: hamletIds.length });
    await trx.raw('SELECT hatang_recompute_hamlet_coverage(?::jsonb, ?::integer[])', [json, hamletIds]);
    await trx.raw('SELECT hatang_recompute_gaps(?::jsonb, ?::integer[])', [json, hamletIds]);
  } else if (layer === 'admin-units') {
    if (!(await changedIds()).length) return;
    reportProgress(options.job, { phase: 'coverage', done: 0, total: 1 });
    // Units change every footprint's environment: the whole coverage, as a full recompute (in this transaction).
    await recomputeAllCoverage(trx, options.coverage);
  }
}
