import type { Knex } from 'knex';

/**
 * Coverage unions stored per grid cell (hatang_union_cell_size(), 0.25°).
 *
 * A union was one MultiPolygon per (scenario, operator or *, technology
 * group): for the country, millions of vertices, and every change of one BTS
 * rebuilt its operator's whole-country union and the any-operator ones (more
 * than 30 s, past the API's statement limit, so an approval failed). Now a
 * union is the set of its cells' pieces — the union clipped to each cell —
 * and a change rebuilds only the cells its old and new footprints reach.
 *
 * coverage_unions keeps one row per union (the keys verdicts are written for,
 * and its whole area); coverage_union_cells holds the geometry; the subdivided
 * parts that every overlay test uses now belong to a cell. The pieces of a
 * union do not overlap (cells only share edges), so areas and intersection
 * areas still add up.
 *
 * The derived tables are emptied (the register is untouched): the next start
 * (or `npm run recompute`) computes coverage again, as after migration 006.
 */
/** Tables this migration gives a data_versions counter (see migration 010). */
export const versionedTablesOf012 = ['coverage_union_cells'] as const;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    TRUNCATE coverage_gaps, hamlet_coverage, coverage_union_parts, coverage_unions, coverage_footprints;

    DROP INDEX coverage_unions_geom_gist;
    ALTER TABLE coverage_unions DROP COLUMN geom;
    COMMENT ON TABLE coverage_unions IS
      'One row per coverage union (scenario, operator or * = any, technology group): area_m2 is the sum of its cells. Its geometry is in coverage_union_cells.';

    CREATE TABLE coverage_union_cells (
      scenario      text NOT NULL,
      operator_code text NOT NULL,
      tech_group    text NOT NULL,
      cell          integer NOT NULL,
      geom          geometry(MultiPolygon, 4326) NOT NULL,
      area_m2       float8 NOT NULL,
      -- A planned cell whose inputs hold no approved footprint is a copy of the current one.
      is_copy       boolean NOT NULL DEFAULT false,
      PRIMARY KEY (scenario, operator_code, tech_group, cell),
      FOREIGN KEY (scenario, operator_code, tech_group) REFERENCES coverage_unions ON DELETE CASCADE
    );
    CREATE INDEX coverage_union_cells_geom_gist ON coverage_union_cells USING gist (geom);
    -- The any-operator and broadband pieces are built from the other pieces of their cell.
    CREATE INDEX coverage_union_cells_cell ON coverage_union_cells (scenario, cell);
    COMMENT ON TABLE coverage_union_cells IS
      'A coverage union clipped to one grid cell (hatang_union_cell_box): MultiPolygon, EPSG:4326, area_m2 on the spheroid; cells without coverage have no row.';

    ALTER TABLE coverage_union_parts DROP CONSTRAINT coverage_union_parts_scenario_operator_code_tech_group_fkey;
    DROP INDEX coverage_union_parts_key;
    ALTER TABLE coverage_union_parts
      ADD COLUMN cell integer NOT NULL,
      ADD CONSTRAINT coverage_union_parts_cell_fkey FOREIGN KEY (scenario, operator_code, tech_group, cell) REFERENCES coverage_union_cells ON DELETE CASCADE;
    CREATE INDEX coverage_union_parts_key ON coverage_union_parts (scenario, operator_code, tech_group, cell);

    INSERT INTO data_versions (table_name) VALUES ('coverage_union_cells');
    CREATE TRIGGER coverage_union_cells_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON coverage_union_cells
      FOR EACH STATEMENT EXECUTE FUNCTION hatang_bump_data_version();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    TRUNCATE coverage_gaps, hamlet_coverage, coverage_union_parts, coverage_union_cells, coverage_unions, coverage_footprints;
    DROP INDEX coverage_union_parts_key;
    ALTER TABLE coverage_union_parts DROP CONSTRAINT coverage_union_parts_cell_fkey;
    ALTER TABLE coverage_union_parts DROP COLUMN cell,
      ADD FOREIGN KEY (scenario, operator_code, tech_group) REFERENCES coverage_unions ON DELETE CASCADE;
    CREATE INDEX coverage_union_parts_key ON coverage_union_parts (scenario, operator_code, tech_group);
    DROP TABLE coverage_union_cells;
    DELETE FROM data_versions WHERE table_name = 'coverage_union_cells';
    ALTER TABLE coverage_unions ADD COLUMN geom geometry(MultiPolygon, 4326) NOT NULL;
    CREATE INDEX coverage_unions_geom_gist ON coverage_unions USING gist (geom);
  `);
}
