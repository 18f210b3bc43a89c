import type { Knex } from 'knex';

/**
 * The register: operators, administrative units (as data, per boundary set),
 * hamlets and their population clusters, sites, BTS with sectors, fiber routes.
 *
 * Geometry is stored in SRID 4326 with a GiST index on every geometry column;
 * metric work is done on geography or in a metric CRS by the SQL functions.
 * Editable rows carry `version` (optimistic locking) and `updated_at`; every
 * row carries provenance (`source`, `source_date`).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE EXTENSION IF NOT EXISTS postgis;
    CREATE EXTENSION IF NOT EXISTS unaccent;

    CREATE TABLE operators (
      id          serial PRIMARY KEY,
      code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
      name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      short_name  text NOT NULL CHECK (length(short_name) BETWEEN 1 AND 40),
      kind        text NOT NULL CHECK (kind IN ('mno', 'towerco')),
      colour      text NOT NULL CHECK (colour ~ '^#[0-9a-f]{6}$'),
      mnc         text CHECK (mnc ~ '^[0-9]{2,3}$'),
      version     integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      source      text NOT NULL,
      source_date date NOT NULL
    );

    CREATE TABLE boundary_sets (
      code        text PRIMARY KEY CHECK (code ~ '^[0-9A-Za-z_-]{1,32}$'),
      name        text NOT NULL,
      levels      text[] NOT NULL CHECK (cardinality(levels) BETWEEN 1 AND 4),
      valid_from  date NOT NULL,
      is_default  boolean NOT NULL DEFAULT false,
      source      text NOT NULL,
      source_date date NOT NULL
    );
    CREATE UNIQUE INDEX boundary_sets_one_default ON boundary_sets (is_default) WHERE is_default;

    CREATE TABLE admin_units (
      id           serial PRIMARY KEY,
      boundary_set text NOT NULL REFERENCES boundary_sets (code) ON UPDATE CASCADE,
      code         text NOT NULL CHECK (length(code) BETWEEN 1 AND 32),
      name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      level        text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
      unit_type    text NOT NULL CHECK (unit_type IN
                     ('tinh', 'thanh_pho_tw', 'thanh_pho', 'thi_xa', 'quan', 'huyen', 'phuong', 'xa', 'thi_tran', 'dac_khu')),
      parent_id    integer REFERENCES admin_units (id),
      geom         geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
      version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at   timestamptz NOT NULL DEFAULT now(),
      source       text NOT NULL,
      source_date  date NOT NULL,
      UNIQUE (boundary_set, code),
      CHECK ((level = 'province') = (parent_id IS NULL))
    );
    CREATE INDEX admin_units_geom_gist ON admin_units USING gist (geom);
    CREATE INDEX admin_units_parent ON admin_units (parent_id);

    CREATE TABLE hamlets (
      id           serial PRIMARY KEY,
      code         text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
      name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      kind         text NOT NULL CHECK (kind IN ('ap', 'khu_pho', 'to_dan_pho', 'thon')),
      commune_id   integer NOT NULL REFERENCES admin_units (id),
      population   integer NOT NULL CHECK (population >= 0),
      households   integer NOT NULL CHECK (households >= 0 AND households <= population),
      ref_point    geometry(Point, 4326) NOT NULL,
      ref_kind     text NOT NULL CHECK (ref_kind IN ('cultural_house', 'centre')),
      geom         geometry(MultiPolygon, 4326) CHECK (geom IS NULL OR ST_IsValid(geom)),
      version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at   timestamptz NOT NULL DEFAULT now(),
      source       text NOT NULL,
      source_date  date NOT NULL
    );
    CREATE INDEX hamlets_geom_gist ON hamlets USING gist (geom);
    CREATE INDEX hamlets_ref_point_gist ON hamlets USING gist (ref_point);
    CREATE INDEX hamlets_commune ON hamlets (commune_id);

    CREATE TABLE population_clusters (
      id           serial PRIMARY KEY,
      hamlet_id    integer NOT NULL REFERENCES hamlets (id) ON DELETE CASCADE,
      population   integer NOT NULL CHECK (population >= 0),
      geom         geometry(Geometry, 4326) NOT NULL
                     CHECK (GeometryType(geom) IN ('POINT', 'POLYGON', 'MULTIPOLYGON') AND ST_IsValid(geom)),
      version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at   timestamptz NOT NULL DEFAULT now(),
      source       text NOT NULL,
      source_date  date NOT NULL
    );
    CREATE INDEX population_clusters_geom_gist ON population_clusters USING gist (geom);
    CREATE INDEX population_clusters_hamlet ON population_clusters (hamlet_id);

    CREATE TABLE sites (
      id             serial PRIMARY KEY,
      code           text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
      name           text CHECK (length(name) <= 200),
      geom           geometry(Point, 4326) NOT NULL,
      structure_type text NOT NULL CHECK (structure_type IN
                       ('self_supporting', 'guyed', 'monopole', 'rooftop', 'camouflaged')),
      height_m       numeric(6, 1) NOT NULL CHECK (height_m > 0 AND height_m <= 300),
      owner_id       integer NOT NULL REFERENCES operators (id),
      address        text CHECK (length(address) <= 500),
      status         text NOT NULL CHECK (status IN ('planned', 'approved', 'on_air', 'decommissioned')),
      version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at     timestamptz NOT NULL DEFAULT now(),
      source         text NOT NULL,
      source_date    date NOT NULL
    );
    CREATE INDEX sites_geom_gist ON sites USING gist (geom);
    CREATE INDEX sites_owner ON sites (owner_id);

    CREATE TABLE bts (
      id                 serial PRIMARY KEY,
      code               text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
      site_id            integer REFERENCES sites (id),
      operator_id        integer NOT NULL REFERENCES operators (id),
      geom               geometry(Point, 4326) NOT NULL,
      technology         text NOT NULL CHECK (technology IN ('2G', '3G', '4G', '5G')),
      band_mhz           integer NOT NULL CHECK (band_mhz BETWEEN 400 AND 6000),
      antenna_height_m   numeric(6, 1) NOT NULL CHECK (antenna_height_m > 0 AND antenna_height_m <= 300),
      eirp_dbm           numeric(5, 1) NOT NULL CHECK (eirp_dbm BETWEEN 0 AND 90),
      radius_override_m  numeric(8, 1) CHECK (radius_override_m > 0 AND radius_override_m <= 50000),
      status             text NOT NULL CHECK (status IN ('planned', 'approved', 'on_air', 'decommissioned')),
      version            integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at         timestamptz NOT NULL DEFAULT now(),
      source             text NOT NULL,
      source_date        date NOT NULL
    );
    CREATE INDEX bts_geom_gist ON bts USING gist (geom);
    CREATE INDEX bts_site ON bts (site_id);
    CREATE INDEX bts_operator ON bts (operator_id);

    -- One row per sector; beamwidth 360 means an omnidirectional antenna.
    CREATE TABLE bts_sectors (
      bts_id         integer NOT NULL REFERENCES bts (id) ON DELETE CASCADE,
      sector_no      smallint NOT NULL CHECK (sector_no BETWEEN 1 AND 12),
      azimuth_deg    numeric(5, 1) NOT NULL CHECK (azimuth_deg >= 0 AND azimuth_deg < 360),
      beamwidth_deg  numeric(5, 1) NOT NULL CHECK (beamwidth_deg > 0 AND beamwidth_deg <= 360),
      tilt_deg       numeric(4, 1) NOT NULL DEFAULT 0 CHECK (tilt_deg BETWEEN -10 AND 20),
      PRIMARY KEY (bts_id, sector_no)
    );

    CREATE TABLE fiber_routes (
      id           serial PRIMARY KEY,
      code         text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
      name         text CHECK (length(name) <= 200),
      operator_id  integer NOT NULL REFERENCES operators (id),
      kind         text NOT NULL CHECK (kind IN ('backbone', 'distribution', 'access')),
      laying       text NOT NULL CHECK (laying IN ('aerial', 'underground')),
      cores        integer NOT NULL CHECK (cores BETWEEN 1 AND 1728),
      geom         geometry(MultiLineString, 4326) NOT NULL CHECK (ST_IsValid(geom) AND NOT ST_IsEmpty(geom)),
      status       text NOT NULL CHECK (status IN ('planned', 'approved', 'on_air', 'decommissioned')),
      version      integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at   timestamptz NOT NULL DEFAULT now(),
      source       text NOT NULL,
      source_date  date NOT NULL
    );
    CREATE INDEX fiber_routes_geom_gist ON fiber_routes USING gist (geom);
    CREATE INDEX fiber_routes_operator ON fiber_routes (operator_id);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS fiber_routes, bts_sectors, bts, sites, population_clusters, hamlets,
      admin_units, boundary_sets, operators CASCADE;
  `);
}
