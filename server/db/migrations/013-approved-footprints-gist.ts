import type { Knex } from 'knex';

/**
 * A GiST index on the footprints of approved BTS only. After an edit the
 * recompute asks, for each of the few hamlets it touched and each union, whether
 * an approved footprint reaches it (hatang_hamlets_under_approved): through the
 * index of all footprints each probe met some 400 footprints of every status
 * and intersected them with the 8,000 approved ones (a BitmapAnd), 0.7 ms a
 * probe and over 100 ms a union nationally. Approved BTS are a few per cent of
 * the register, so the index is small and costs little on a full recompute.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`CREATE INDEX IF NOT EXISTS coverage_footprints_approved_geom ON coverage_footprints USING gist (geom) WHERE bts_status = 'approved'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS coverage_footprints_approved_geom');
}
