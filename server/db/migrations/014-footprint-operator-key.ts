import type { Knex } from 'knex';

/**
 * A footprint's operator is a copy of its BTS's (rebuilt with the footprint
 * whenever the BTS changes), and the BTS's own foreign key already ties that
 * operator to the operators table: the footprints' second foreign key checked
 * nothing the first did not, and checking it cost a row lock on the operator
 * per footprint written (4.5 s of a national full recompute's 726,000).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE coverage_footprints DROP CONSTRAINT IF EXISTS coverage_footprints_operator_id_fkey');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE coverage_footprints ADD CONSTRAINT coverage_footprints_operator_id_fkey FOREIGN KEY (operator_id) REFERENCES operators (id)');
}
