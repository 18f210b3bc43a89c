import type { Knex } from 'knex';
import { tm3MeridiansDeg, tm3Srid } from '../../src/imports/vn2000-zones.js';

/**
 * Imports and their provenance, and the coordinate systems files arrive in.
 *
 * `import_runs` keeps each uploaded file (bytes, hash, who, when, options,
 * outcome) so a column mapping can be corrected and the file dry-run again
 * without uploading it twice, and so every imported row can name the run it
 * came from (`import_id`).
 *
 * The provincial VN-2000 TM-3 zones (scale 0.9999, false easting 500 km,
 * central meridian per province, e.g. Tiền Giang 105°45') are not in EPSG's
 * `spatial_ref_sys`: they are added here as SRIDs 910200–910900 with the same
 * `+towgs84` seven parameters EPSG:4756 carries (Quyết định 05/2007/QĐ-BTNMT).
 *
 * Population clusters get a number within their hamlet, their key for an
 * idempotent re-import; field measurements get a natural key for the same reason.
 */
export async function up(knex: Knex): Promise<void> {
  const towgs84 = (
    await knex.raw(`SELECT substring(proj4text from '\\+towgs84=[^ ]+') AS t FROM spatial_ref_sys WHERE srid = 4756`)
  ).rows[0]?.t as string | undefined;
  if (!towgs84) throw new Error('spatial_ref_sys has no EPSG:4756 (VN-2000)');
  // No auth_name: the embedded PostGIS then asks PROJ for 'auth:srid', fails, and
  // ST_Transform silently answers no row at all; with none it uses proj4text.
  for (const lon0 of tm3MeridiansDeg) {
    const srid = tm3Srid(lon0);
    await knex.raw(
      `INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) VALUES (?, NULL, NULL, NULL, ?)
       ON CONFLICT (srid) DO UPDATE SET proj4text = EXCLUDED.proj4text`,
      [srid, `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 ${towgs84} +units=m +no_defs`],
    );
  }
  await knex.raw(`
    CREATE TABLE import_runs (
      id           serial PRIMARY KEY,
      layer        text NOT NULL CHECK (layer IN ('sites', 'bts', 'fiber', 'admin-units', 'hamlets', 'population-clusters', 'measurements')),
      file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      file_size    integer NOT NULL CHECK (file_size >= 0),
      file_sha256  text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
      format       text NOT NULL CHECK (format IN ('csv', 'xlsx', 'geojson', 'kml', 'kmz', 'shapefile')),
      -- Dropped once the run is committed, cancelled or discarded: only provenance must last.
      file_bytes   bytea,
      options      jsonb NOT NULL DEFAULT '{}',
      status       text NOT NULL CHECK (status IN ('uploaded', 'running', 'committed', 'cancelled', 'failed')),
      actor_id     integer REFERENCES users (id),
      actor_name   text NOT NULL,
      actor_role   text,
      created_at   timestamptz NOT NULL DEFAULT now(),
      finished_at  timestamptz,
      -- What the reader found (columns, sheets, encoding, CRS, mapping) and the last dry run's report.
      detected     jsonb,
      report       jsonb,
      counts       jsonb,
      error        jsonb
    );
    CREATE INDEX import_runs_created ON import_runs (created_at DESC);

    ALTER TABLE site_records ADD COLUMN import_id integer REFERENCES import_runs (id);
    ALTER TABLE bts_records ADD COLUMN import_id integer REFERENCES import_runs (id);
    ALTER TABLE fiber_route_records ADD COLUMN import_id integer REFERENCES import_runs (id);
    CREATE OR REPLACE VIEW sites AS SELECT * FROM site_records WHERE deleted_at IS NULL;
    CREATE OR REPLACE VIEW bts AS SELECT * FROM bts_records WHERE deleted_at IS NULL;
    CREATE OR REPLACE VIEW fiber_routes AS SELECT * FROM fiber_route_records WHERE deleted_at IS NULL;
    ALTER TABLE admin_units ADD COLUMN import_id integer REFERENCES import_runs (id);
    ALTER TABLE hamlets ADD COLUMN import_id integer REFERENCES import_runs (id);
    ALTER TABLE population_clusters ADD COLUMN import_id integer REFERENCES import_runs (id);
    ALTER TABLE field_measurements ADD COLUMN import_id integer REFERENCES import_runs (id);

    ALTER TABLE population_clusters ADD COLUMN cluster_no integer;
    UPDATE population_clusters c SET cluster_no = n.no
      FROM (SELECT id, row_number() OVER (PARTITION BY hamlet_id ORDER BY id) AS no FROM population_clusters) n
     WHERE n.id = c.id;
    -- Writers that do not number their clusters get the next number of the hamlet.
    CREATE FUNCTION hatang_number_population_cluster() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.cluster_no IS NULL THEN
        SELECT coalesce(max(cluster_no), 0) + 1 INTO NEW.cluster_no FROM population_clusters WHERE hamlet_id = NEW.hamlet_id;
      END IF;
      RETURN NEW;
    END $$;
    COMMENT ON FUNCTION hatang_number_population_cluster() IS
      'Trigger: a population cluster inserted without cluster_no gets the next number of its hamlet (max + 1), its key for an idempotent re-import.';
    CREATE TRIGGER population_clusters_number BEFORE INSERT ON population_clusters
      FOR EACH ROW EXECUTE FUNCTION hatang_number_population_cluster();
    ALTER TABLE population_clusters ALTER COLUMN cluster_no SET NOT NULL,
      ADD CONSTRAINT population_clusters_hamlet_no UNIQUE (hamlet_id, cluster_no),
      ADD CONSTRAINT population_clusters_no_positive CHECK (cluster_no BETWEEN 1 AND 100000);

    -- The same operator, technology, instant and point is the same measurement.
    CREATE UNIQUE INDEX field_measurements_natural_key
      ON field_measurements (operator_id, technology, measured_at, ST_X(geom), ST_Y(geom));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP INDEX IF EXISTS field_measurements_natural_key;
    DROP TRIGGER IF EXISTS population_clusters_number ON population_clusters;
    DROP FUNCTION IF EXISTS hatang_number_population_cluster();
    ALTER TABLE population_clusters DROP CONSTRAINT IF EXISTS population_clusters_hamlet_no,
      DROP CONSTRAINT IF EXISTS population_clusters_no_positive, DROP COLUMN IF EXISTS cluster_no;
    ALTER TABLE field_measurements DROP COLUMN IF EXISTS import_id;
    ALTER TABLE population_clusters DROP COLUMN IF EXISTS import_id;
    ALTER TABLE hamlets DROP COLUMN IF EXISTS import_id;
    ALTER TABLE admin_units DROP COLUMN IF EXISTS import_id;
    DROP VIEW sites, bts, fiber_routes;
    ALTER TABLE site_records DROP COLUMN import_id;
    ALTER TABLE bts_records DROP COLUMN import_id;
    ALTER TABLE fiber_route_records DROP COLUMN import_id;
    CREATE VIEW sites AS SELECT * FROM site_records WHERE deleted_at IS NULL;
    CREATE VIEW bts AS SELECT * FROM bts_records WHERE deleted_at IS NULL;
    CREATE VIEW fiber_routes AS SELECT * FROM fiber_route_records WHERE deleted_at IS NULL;
    DROP TABLE IF EXISTS import_runs;
    DELETE FROM spatial_ref_sys WHERE srid BETWEEN 910200 AND 910900;
  `);
}
