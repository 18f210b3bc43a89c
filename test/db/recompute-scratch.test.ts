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
      await db.knex.raw(`SELECT relname FROM pg_class WHERE relname LIKE 'coverage\\_scratch\\_%' OR relname LIKE 'hc\\_%'`)
    ).rows;
    expect(left).toEqual([]);
  });
});
