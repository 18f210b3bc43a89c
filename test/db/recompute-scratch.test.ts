import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeAllCoverage } from '../../server/src/coverage/coverage-recompute.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

const params = { theta: 0.9, minGapAreaM2: 5000, mobileHeightM: 1.5, linkBudget: [] };

describe.each(databaseTargets())('recompute scratch work on the $label database', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('snaps a share summed from union parts to 0 or 1 within 1e-9, clamps it to 0..1, and reads NULL as 0', async () => {
    const row = (
      await db.knex.raw(`SELECT hatang_clamped_share(1 - 1e-10) AS near_one, hatang_clamped_share(1 - 1e-6) AS below_one,
                                hatang_clamped_share(0.5) AS half, hatang_clamped_share(1e-10) AS near_zero,
                                hatang_clamped_share(1.2) AS over, hatang_clamped_share(-0.1) AS under,
                                hatang_clamped_share(NULL) AS none`)
    ).rows[0];
    expect(row).toEqual({ near_one: 1, below_one: 1 - 1e-6, half: 0.5, near_zero: 0, over: 1, under: 0, none: 0 });
  });

  it('leaves no scratch table behind after a full recompute (they live only inside its transaction)', async () => {
    await recomputeAllCoverage(db.knex, params);
    const left = (
      await db.knex.raw(`SELECT relname FROM pg_class
                          WHERE relname LIKE 'coverage\\_scratch\\_%' OR relname LIKE 'hc\\_%'
                             OR relname = 'hamlet_coverage_build'`)
    ).rows;
    expect(left).toEqual([]);
  });

  it('puts in the verdicts table a full recompute built everything that the old one had: key, foreign key, checks, data version', async () => {
    const shape = async () =>
      (
        await db.knex.raw(`SELECT conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint
                            WHERE conrelid = 'hamlet_coverage'::regclass ORDER BY conname`)
      ).rows;
    const triggers = async () =>
      (await db.knex.raw(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'hamlet_coverage'::regclass AND NOT tgisinternal`)).rows;
    const version = async () =>
      (await db.knex.raw(`SELECT version FROM data_versions WHERE table_name = 'hamlet_coverage'`)).rows[0].version as string;
    const before = { shape: await shape(), triggers: await triggers(), version: await version() };
    expect(before.shape.map((c: { conname: string }) => c.conname)).toContain('hamlet_coverage_hamlet_id_fkey');
    await recomputeAllCoverage(db.knex, params);
    expect(await shape()).toEqual(before.shape);
    expect(await triggers()).toEqual(before.triggers);
    expect(await version()).not.toBe(before.version);
    // The foreign key still cascades: a hamlet deleted takes its verdicts along (and is put back by rolling back).
    await db.knex
      .transaction(async (trx) => {
        const { id, n } = (
          await trx.raw(`SELECT hamlet_id AS id, count(*)::int AS n FROM hamlet_coverage GROUP BY hamlet_id ORDER BY hamlet_id LIMIT 1`)
        ).rows[0];
        expect(n).toBeGreaterThan(0);
        await trx.raw('DELETE FROM population_clusters WHERE hamlet_id = ?', [id]);
        await trx.raw('DELETE FROM coverage_gaps WHERE hamlet_id = ?', [id]);
        await trx.raw('DELETE FROM hamlets WHERE id = ?', [id]);
        expect((await trx.raw('SELECT count(*)::int AS n FROM hamlet_coverage WHERE hamlet_id = ?', [id])).rows[0].n).toBe(0);
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
  });
});
