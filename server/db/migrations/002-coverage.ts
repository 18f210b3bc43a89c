import type { Knex } from 'knex';

/**
 * Derived coverage, recomputed from the register by the SQL functions
 * (hatang_recompute_coverage): footprints per on-air BTS sector, their unions
 * per operator and technology group (subdivided into indexed parts for fast
 * point and overlay tests), the verdict of every hamlet per operator and
 * group, and the uncovered parts of each hamlet for broadband from any operator.
 *
 * operator_code '*' means any operator; tech_group is a technology or
 * 'broadband' (3G, 4G or 5G).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE bts ADD COLUMN environment_override text
      CHECK (environment_override IN ('urban', 'dense_urban', 'suburban', 'rural'));

    CREATE TABLE coverage_footprints (
      bts_id       integer NOT NULL REFERENCES bts (id) ON DELETE CASCADE,
      sector_no    smallint NOT NULL,
      operator_id  integer NOT NULL REFERENCES operators (id),
      technology   text NOT NULL,
      environment  text NOT NULL CHECK (environment IN ('urban', 'dense_urban', 'suburban', 'rural')),
      mapl_db      float8 NOT NULL,
      range_m      float8 NOT NULL CHECK (range_m > 0),
      model        text NOT NULL CHECK (model IN ('okumura-hata', 'cost231-hata', 'override')),
      warnings     text[] NOT NULL DEFAULT '{}',
      geom         geometry(Polygon, 4326) NOT NULL,
      PRIMARY KEY (bts_id, sector_no)
    );
    CREATE INDEX coverage_footprints_geom_gist ON coverage_footprints USING gist (geom);

    CREATE TABLE coverage_unions (
      operator_code text NOT NULL,
      tech_group    text NOT NULL CHECK (tech_group IN ('2G', '3G', '4G', '5G', 'broadband')),
      geom          geometry(MultiPolygon, 4326) NOT NULL,
      area_m2       float8 NOT NULL,
      PRIMARY KEY (operator_code, tech_group)
    );

    CREATE INDEX coverage_unions_geom_gist ON coverage_unions USING gist (geom);

    CREATE TABLE coverage_union_parts (
      operator_code text NOT NULL,
      tech_group    text NOT NULL,
      geom          geometry(Polygon, 4326) NOT NULL,
      FOREIGN KEY (operator_code, tech_group) REFERENCES coverage_unions ON DELETE CASCADE
    );
    CREATE INDEX coverage_union_parts_geom_gist ON coverage_union_parts USING gist (geom);
    CREATE INDEX coverage_union_parts_key ON coverage_union_parts (operator_code, tech_group);

    CREATE TABLE hamlet_coverage (
      hamlet_id          integer NOT NULL REFERENCES hamlets (id) ON DELETE CASCADE,
      operator_code      text NOT NULL,
      tech_group         text NOT NULL,
      ref_covered        boolean NOT NULL,
      covered_share      float8 NOT NULL CHECK (covered_share BETWEEN 0 AND 1),
      share_basis        text NOT NULL CHECK (share_basis IN ('clusters', 'area', 'point')),
      population_covered integer NOT NULL CHECK (population_covered >= 0),
      verdict            text NOT NULL CHECK (verdict IN ('covered', 'lom_song', 'trang_song')),
      PRIMARY KEY (hamlet_id, operator_code, tech_group)
    );

    CREATE TABLE coverage_gaps (
      hamlet_id      integer NOT NULL REFERENCES hamlets (id) ON DELETE CASCADE,
      part_no        integer NOT NULL,
      area_m2        float8 NOT NULL,
      population_est float8 NOT NULL,
      geom           geometry(Polygon, 4326) NOT NULL,
      PRIMARY KEY (hamlet_id, part_no)
    );
    CREATE INDEX coverage_gaps_geom_gist ON coverage_gaps USING gist (geom);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS coverage_gaps, hamlet_coverage, coverage_union_parts, coverage_unions, coverage_footprints;
    ALTER TABLE bts DROP COLUMN IF EXISTS environment_override;
  `);
}
