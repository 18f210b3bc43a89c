import type { Knex } from 'knex';

/**
 * Field measurements (đo kiểm thực địa): drive or walk tests of one operator's
 * network, a signal level per point (RxLev for 2G, RSCP for 3G, RSRP for 4G,
 * SS-RSRP for 5G, dBm) and optionally a download speed, imported in batches.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE field_measurements (
      id            serial PRIMARY KEY,
      batch         text NOT NULL CHECK (length(batch) BETWEEN 1 AND 100),
      geom          geometry(Point, 4326) NOT NULL,
      operator_id   integer NOT NULL REFERENCES operators (id),
      technology    text NOT NULL CHECK (technology IN ('2G', '3G', '4G', '5G')),
      signal_dbm    numeric(5, 1) NOT NULL CHECK (signal_dbm BETWEEN -160 AND -10),
      download_mbps numeric(8, 2) CHECK (download_mbps >= 0 AND download_mbps <= 10000),
      measured_at   timestamptz NOT NULL,
      source        text NOT NULL,
      source_date   date NOT NULL
    );
    CREATE INDEX field_measurements_geom_gist ON field_measurements USING gist (geom);
    CREATE INDEX field_measurements_batch ON field_measurements (batch);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS field_measurements');
}
