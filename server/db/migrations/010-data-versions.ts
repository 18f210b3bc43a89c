import type { Knex } from 'knex';

/**
 * Data versions: one counter per table the map's layers and tiles read, bumped
 * by a statement-level trigger on every INSERT, UPDATE, DELETE or TRUNCATE of
 * that table. A layer's or tile's ETag is a hash of its request and the
 * counters of the tables it reads (server/src/cache/data-versions.ts), so a
 * server answers 304 — or a cached answer — after one small read, without
 * running the layer query, and every server process on the same database
 * agrees on the tag.
 *
 * The bump is an UPDATE of the table's counter row, so it is transactional:
 * a reader sees the new counter exactly when it sees the new rows. Writers of
 * one table queue on its counter row until they commit (a writer's statements
 * run after the previous writer of that table commits).
 *
 * Counters start at a random value: a database created again from scratch
 * (the same rows of a seed, say) does not reuse the tags of the old one.
 */
export const versionedTables = [
  'operators',
  'boundary_sets',
  'admin_units',
  'hamlets',
  'site_records',
  'bts_records',
  'bts_sectors',
  'fiber_route_records',
  'physical_sites',
  'bts_physical_sites',
  'coverage_unions',
  'coverage_gaps',
  'hamlet_coverage',
] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE data_versions (
      table_name text PRIMARY KEY,
      version    bigint NOT NULL DEFAULT (floor(random() * 1e12))::bigint
    );
    COMMENT ON TABLE data_versions IS
      'Per-table change counters for cache validation: bumped once per writing statement by hatang_bump_data_version.';

    CREATE FUNCTION hatang_bump_data_version() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE data_versions SET version = version + 1 WHERE table_name = TG_TABLE_NAME;
      RETURN NULL;
    END
    $$;
    COMMENT ON FUNCTION hatang_bump_data_version() IS
      'Statement-level trigger: adds one to the data_versions counter of the table written (TG_TABLE_NAME).';
  `);
  for (const table of versionedTables) {
    await knex.raw(`
      INSERT INTO data_versions (table_name) VALUES ('${table}');
      CREATE TRIGGER ${table}_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION hatang_bump_data_version();
    `);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of versionedTables) await knex.raw(`DROP TRIGGER IF EXISTS ${table}_data_version ON ${table}`);
  await knex.raw('DROP FUNCTION IF EXISTS hatang_bump_data_version(); DROP TABLE IF EXISTS data_versions;');
}
