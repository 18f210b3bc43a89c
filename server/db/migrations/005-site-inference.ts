import type { Knex } from 'knex';

/**
 * Physical sites (structures) as found by site inference (DESIGN §3): operators
 * report BTS, not structures. Every live, non-decommissioned site record is a
 * physical site of its own (an explicit site code always wins); BTS without a
 * site code are grouped with BTS of any operator, and with site records, within
 * ε metres (ST_ClusterDBSCAN in a metric CRS) — joining the site record of their
 * group when it has one, else forming an inferred site.
 *
 * These tables are derived: `hatang_infer_sites` rewrites them from the
 * register (everywhere, or around the BTS and sites an edit touched), never by
 * hand. Inferred sites have no structure type, height or owner.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE physical_sites (
      id          serial PRIMARY KEY,
      -- The site code for a site record; 'SUY-' || the smallest BTS code of the group for an inferred site.
      site_key    text NOT NULL UNIQUE,
      site_id     integer UNIQUE REFERENCES site_records (id) ON DELETE CASCADE,
      inferred    boolean NOT NULL,
      geom        geometry(Point, 4326) NOT NULL,
      CHECK (inferred = (site_id IS NULL))
    );
    CREATE INDEX physical_sites_geom_gist ON physical_sites USING gist (geom);

    -- Which physical site each live, non-decommissioned BTS stands on, and how that was decided:
    -- explicit (its own site code), joined (no code, within ε of a site record's group),
    -- inferred (no code, grouped with other uncoded BTS only).
    CREATE TABLE bts_physical_sites (
      bts_id           integer PRIMARY KEY REFERENCES bts_records (id) ON DELETE CASCADE,
      physical_site_id integer NOT NULL REFERENCES physical_sites (id) ON DELETE CASCADE,
      assignment       text NOT NULL CHECK (assignment IN ('explicit', 'joined', 'inferred')),
      distance_m       float8 NOT NULL CHECK (distance_m >= 0),
      -- Where the BTS stood when it was assigned: an incremental run starts its closure from the
      -- old position too, so BTS that were linked through it are regrouped after a move.
      geom             geometry(Point, 4326) NOT NULL
    );
    CREATE INDEX bts_physical_sites_site ON bts_physical_sites (physical_site_id);
    CREATE INDEX bts_physical_sites_geom_gist ON bts_physical_sites USING gist (geom);

    -- Register inconsistencies found by inference: a site code whose BTS stand more than ε
    -- from it or from one another (code_spread), two site codes within ε of one another (codes_colocated).
    CREATE TABLE site_conflicts (
      id          serial PRIMARY KEY,
      kind        text NOT NULL CHECK (kind IN ('code_spread', 'codes_colocated')),
      site_codes  text[] NOT NULL,
      bts_codes   text[] NOT NULL,
      distance_m  float8 NOT NULL,
      geom        geometry(Geometry, 4326) NOT NULL
    );
    CREATE INDEX site_conflicts_geom_gist ON site_conflicts USING gist (geom);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE IF EXISTS site_conflicts, bts_physical_sites, physical_sites');
}
