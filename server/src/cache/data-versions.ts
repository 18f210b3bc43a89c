import type { Knex } from 'knex';
import type { LayerName } from '../contracts/layer-contracts.js';
import type { versionedTables } from '../../db/migrations/010-data-versions.js';
import type { versionedTablesOf012 } from '../../db/migrations/012-coverage-union-cells.js';

type VersionedTable = (typeof versionedTables)[number] | (typeof versionedTablesOf012)[number];

const radio: readonly VersionedTable[] = ['operators', 'site_records', 'bts_records', 'physical_sites', 'bts_physical_sites'];
const units: readonly VersionedTable[] = ['boundary_sets', 'admin_units'];

/**
 * The tables each layer's SQL reads (server/db/functions/1xx, 5xx and 9xx),
 * whose data_versions counters make its ETag. A layer limited to a unit reads
 * the units too. Listed by hand from the functions' FROM and JOIN clauses: a
 * table missing here would keep a stale answer cached until the process
 * restarts, so a layer function that reads a new table must add it here (and
 * to the data_versions rows and triggers of a migration, as 010 and 012 do).
 */
export const tablesOfLayer: Record<LayerName, readonly VersionedTable[]> = {
  sites: [...radio, ...units],
  'shared-sites': [...radio, ...units],
  consolidation: [...radio, ...units],
  bts: [...radio, 'bts_sectors', ...units],
  fiber: ['operators', 'fiber_route_records', ...units],
  hamlets: ['hamlets', 'hamlet_coverage', ...units],
  communes: ['hamlets', ...units],
  districts: ['hamlets', ...units],
  coverage: ['coverage_unions', 'coverage_union_cells'],
  gaps: ['coverage_gaps', 'hamlets', ...units],
};

/**
 * The current counters of `tables` as one text ("table:version,…"): a single
 * primary-key read, in the caller's transaction or not. Read it BEFORE the
 * data it validates: a write committed in between then only makes the answer
 * newer than its tag, never older.
 */
export async function dataVersionOf(knex: Knex, tables: readonly string[]): Promise<string> {
  const rows = (await knex.raw('SELECT table_name, version::text AS version FROM data_versions WHERE table_name = ANY (?::text[]) ORDER BY table_name', [
    [...tables],
  ])).rows as { table_name: string; version: string }[];
  return rows.map((r) => `${r.table_name}:${r.version}`).join(',');
}
