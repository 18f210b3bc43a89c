import type { Knex } from 'knex';

/**
 * Coverage per scenario (contracts/sharing-contracts.ts): 'current' = on-air BTS,
 * 'planned' = on-air plus approved BTS (approved proposals become approved BTS).
 *
 * Footprints stay one row per BTS sector, now for approved BTS too; the BTS's
 * status is kept on the footprint (bts_status) so a union knows its scenarios
 * without a join. Unions, their parts, hamlet verdicts and uncovered parts get
 * a scenario column in their keys.
 *
 * Everything here is derived: the old rows are dropped rather than converted
 * (they lack the planned scenario), and the server recomputes coverage at
 * start-up when hamlet_coverage is empty (start-hatang.ts), as `npm run
 * recompute` does on demand.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    TRUNCATE coverage_gaps, hamlet_coverage, coverage_union_parts, coverage_unions, coverage_footprints;

    ALTER TABLE coverage_footprints
      ADD COLUMN bts_status text NOT NULL CHECK (bts_status IN ('on_air', 'approved'));
    CREATE INDEX coverage_footprints_approved ON coverage_footprints (operator_id, technology) WHERE bts_status = 'approved';

    ALTER TABLE coverage_union_parts DROP CONSTRAINT coverage_union_parts_operator_code_tech_group_fkey;
    DROP INDEX coverage_union_parts_key;
    ALTER TABLE coverage_unions DROP CONSTRAINT coverage_unions_pkey;
    ALTER TABLE coverage_unions
      ADD COLUMN scenario text NOT NULL CHECK (scenario IN ('current', 'planned')),
      ADD PRIMARY KEY (scenario, operator_code, tech_group);
    ALTER TABLE coverage_union_parts
      ADD COLUMN scenario text NOT NULL,
      ADD FOREIGN KEY (scenario, operator_code, tech_group) REFERENCES coverage_unions ON DELETE CASCADE;
    CREATE INDEX coverage_union_parts_key ON coverage_union_parts (scenario, operator_code, tech_group);

    ALTER TABLE hamlet_coverage DROP CONSTRAINT hamlet_coverage_pkey;
    ALTER TABLE hamlet_coverage
      ADD COLUMN scenario text NOT NULL CHECK (scenario IN ('current', 'planned')),
      ADD PRIMARY KEY (hamlet_id, scenario, operator_code, tech_group);
    CREATE INDEX hamlet_coverage_key ON hamlet_coverage (scenario, operator_code, tech_group);

    ALTER TABLE coverage_gaps DROP CONSTRAINT coverage_gaps_pkey;
    ALTER TABLE coverage_gaps
      ADD COLUMN scenario text NOT NULL CHECK (scenario IN ('current', 'planned')),
      ADD PRIMARY KEY (hamlet_id, scenario, part_no);
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    TRUNCATE coverage_gaps, hamlet_coverage, coverage_union_parts, coverage_unions, coverage_footprints;
    ALTER TABLE coverage_gaps DROP CONSTRAINT coverage_gaps_pkey;
    ALTER TABLE coverage_gaps DROP COLUMN scenario, ADD PRIMARY KEY (hamlet_id, part_no);
    DROP INDEX hamlet_coverage_key;
    ALTER TABLE hamlet_coverage DROP CONSTRAINT hamlet_coverage_pkey;
    ALTER TABLE hamlet_coverage DROP COLUMN scenario, ADD PRIMARY KEY (hamlet_id, operator_code, tech_group);
    DROP INDEX coverage_union_parts_key;
    ALTER TABLE coverage_union_parts DROP CONSTRAINT coverage_union_parts_scenario_operator_code_tech_group_fkey;
    ALTER TABLE coverage_union_parts DROP COLUMN scenario;
    ALTER TABLE coverage_unions DROP CONSTRAINT coverage_unions_pkey;
    ALTER TABLE coverage_unions DROP COLUMN scenario, ADD PRIMARY KEY (operator_code, tech_group);
    ALTER TABLE coverage_union_parts
      ADD FOREIGN KEY (operator_code, tech_group) REFERENCES coverage_unions ON DELETE CASCADE;
    CREATE INDEX coverage_union_parts_key ON coverage_union_parts (operator_code, tech_group);
    DROP INDEX coverage_footprints_approved;
    ALTER TABLE coverage_footprints DROP COLUMN bts_status;
  `);
}
