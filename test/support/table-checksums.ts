import type { Knex } from 'knex';

/** Tables that are not the application's data: PostGIS's reference table and knex's bookkeeping. */
const notApplicationData = new Set(['spatial_ref_sys', 'knex_migrations', 'knex_migrations_lock']);

export interface ChecksumOptions {
  /** Per table, an SQL condition on `t` choosing the rows that count (e.g. audit_log without the login_failed entries). */
  where?: Record<string, string>;
  /** Per table, columns left out of the checksum (e.g. a session's sliding expiry, which a valid request moves). */
  ignoreColumns?: Record<string, string[]>;
}

/** `rows:md5` of each base table of the public schema, by table name. */
export type TableChecksums = Record<string, string>;

export async function applicationTables(knex: Knex): Promise<string[]> {
  const rows = (
    await knex.raw(`SELECT table_name AS name FROM information_schema.tables
                     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)
  ).rows as { name: string }[];
  return rows.map((r) => r.name).filter((name) => !notApplicationData.has(name));
}

/**
 * One md5 per table over all its rows, each row as text, in a stable order
 * (sorted by that text), so any inserted, deleted or changed row changes it.
 */
export async function tableChecksums(knex: Knex, options: ChecksumOptions = {}): Promise<TableChecksums> {
  const tables = await applicationTables(knex);
  const parts = tables.map((table) => {
    const ignored = options.ignoreColumns?.[table];
    const rowText = ignored?.length ? `(to_jsonb(t) - ARRAY[${ignored.map((c) => `'${c.replaceAll("'", "''")}'`).join(', ')}]::text[])::text` : 't::text';
    const where = options.where?.[table] ? `WHERE ${options.where[table]}` : '';
    const quoted = `"${table.replaceAll('"', '""')}"`;
    return `SELECT '${table.replaceAll("'", "''")}' AS name, count(*)::int AS n,
                   md5(coalesce(string_agg(${rowText}, '|' ORDER BY ${rowText}), '')) AS md5
              FROM ${quoted} t ${where}`;
  });
  if (parts.length === 0) return {};
  const rows = (await knex.raw(parts.join('\nUNION ALL\n'))).rows as { name: string; n: number; md5: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.md5}`]));
}

/** The tables whose checksum differs (or that appeared or disappeared) between two snapshots. */
export function changedTables(before: TableChecksums, after: TableChecksums): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((name) => before[name] !== after[name]);
}
