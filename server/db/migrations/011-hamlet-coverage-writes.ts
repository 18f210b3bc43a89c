import type { Knex } from 'knex';

/**
 * hamlet_coverage holds one row per hamlet × union × scenario: 4.8 million
 * rows for the country, every one rewritten by a full recompute. Its second
 * index (scenario, operator_code, tech_group) has some sixty distinct keys, so
 * each inserted row lands in one of a few huge runs of equal keys: it cost
 * about as much as the primary key on every write (measured: 150,000 verdicts
 * inserted in 3.8 s with the primary key alone, 6.9 s with both). Every reader
 * reaches verdicts by hamlet (the primary key's leading column) or reads a
 * union's verdicts whole, where a scan is as good, so the index goes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS hamlet_coverage_key');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX IF NOT EXISTS hamlet_coverage_key ON hamlet_coverage (scenario, operator_code, tech_group)');
}
