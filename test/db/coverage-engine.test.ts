import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageParamsFrom, recomputeAllCoverage } from '../../server/src/coverage/coverage-recompute.js';
import { loadConfig } from '../../server/src/config.js';
import { hataRange } from '../../server/src/coverage/range-model.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { arrangeCoverageFixture as arrange } from '../fixtures/coverage-fixture.js';

const params = coverageParamsFrom(loadConfig({}).config);

async function verdict(db: TestDatabase, hamlet: string, operator = '*', group = 'broadband') {
  return (
    await db.knex.raw(
      `SELECT hc.verdict, hc.covered_share AS share, hc.ref_covered AS "refCovered", hc.population_covered AS "populationCovered", hc.share_basis AS basis
         FROM hamlet_coverage hc JOIN hamlets h ON h.id = hc.hamlet_id
        WHERE h.code = ? AND hc.scenario = 'current' AND hc.operator_code = ? AND hc.tech_group = ?`,
      [hamlet, operator, group],
    )
  ).rows[0];
}

describe('Hata range in SQL', () => {
  it.each(databaseTargets())('equals the TypeScript model on the $label database', async ({ open }) => {
    const db = await open();
    try {
      for (const [f, hb, env] of [[1800, 30, 'urban'], [1800, 30, 'suburban'], [1800, 30, 'rural'], [900, 45, 'rural'], [2600, 25, 'urban']] as const) {
        const sql = (await db.knex.raw('SELECT hatang_range_km(?, ?, 1.5, ?, 140) AS km', [f, hb, env])).rows[0].km;
        const ts = hataRange({ frequencyMHz: f, baseHeightM: hb, environment: env, maplDb: 140 }).rangeKm;
        expect(Math.abs(sql - ts) / ts).toBeLessThan(1e-9);
      }
    } finally {
      await db.close();
    }
  });
});

describe.each(databaseTargets())('coverage engine on the $label database (hand-computed fixture)', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await arrange(db.knex);
    await recomputeAllCoverage(db.knex, params);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('builds an omni footprint of area π·d² and 120° sectors of a third of it (±1 %)', async () => {
    const rows = (
      await db.knex.raw(`SELECT b.code, f.sector_no, ST_Area(f.geom::geography) AS area, f.model, f.range_m
                           FROM coverage_footprints f JOIN bts b ON b.id = f.bts_id ORDER BY b.code, f.sector_no`)
    ).rows;
    const circle = Math.PI * 2000 ** 2;
    const omni = rows.find((r: any) => r.code === 'VT-S2-4G');
    expect(Math.abs(omni.area - circle) / circle).toBeLessThan(0.01);
    expect(omni).toMatchObject({ model: 'override', range_m: 2000 });
    const thirds = rows.filter((r: any) => r.code === 'VN-S1-3G');
    expect(thirds).toHaveLength(3);
    for (const t of thirds) expect(Math.abs(t.area - circle / 3) / (circle / 3)).toBeLessThan(0.01);
    expect(rows.map((r: any) => r.code)).toEqual(['MB-S4-4G', 'VN-S1-3G', 'VN-S1-3G', 'VN-S1-3G', 'VT-S1-4G', 'VT-S2-4G']);
  });

  it('gives a hamlet half inside a footprint a covered share of 0.5 and calls it lõm sóng', async () => {
    const v = await verdict(db, 'H1');
    expect(v.basis).toBe('area');
    expect(v.share).toBeGreaterThan(0.495);
    expect(v.share).toBeLessThan(0.505);
    expect(v).toMatchObject({ refCovered: true, verdict: 'lom_song', populationCovered: 500 });
  });

  it('measures the share over population clusters when the hamlet has them', async () => {
    expect(await verdict(db, 'H2')).toMatchObject({ basis: 'clusters', share: 0.75, refCovered: true, verdict: 'lom_song', populationCovered: 1500 });
  });

  it('calls a hamlet trắng sóng when its reference point is uncovered, even with 80 % of its area covered', async () => {
    const v = await verdict(db, 'H3');
    expect(v).toMatchObject({ refCovered: false, verdict: 'trang_song', basis: 'area', populationCovered: 400 });
    expect(v.share).toBeGreaterThan(0.79);
    expect(v.share).toBeLessThan(0.81);
  });

  it('keeps verdicts per operator and per technology', async () => {
    expect(await verdict(db, 'H3', 'mobifone')).toMatchObject({ verdict: 'trang_song' });
    expect(await verdict(db, 'H3', 'viettel')).toMatchObject({ verdict: 'trang_song', share: 0 });
    expect(await verdict(db, 'H1', 'vnpt', '3G')).toMatchObject({ verdict: 'trang_song', share: 0 });
    expect(await verdict(db, 'H1', 'viettel', '4G')).toMatchObject({ verdict: 'lom_song' });
    expect(await verdict(db, 'H1', '*', '2G')).toMatchObject({ verdict: 'trang_song', share: 0 });
    expect(await verdict(db, 'H2', '*', '3G')).toMatchObject({ verdict: 'trang_song', share: 0 });
  });

  it('lists the uncovered parts of each hamlet with area and estimated population', async () => {
    const gaps = (
      await db.knex.raw(`SELECT h.code, g.part_no, g.area_m2, g.population_est, ST_Area(h.geom::geography) AS hamlet_area
                           FROM coverage_gaps g JOIN hamlets h ON h.id = g.hamlet_id
                          WHERE g.scenario = 'current' ORDER BY h.code, g.part_no`)
    ).rows;
    expect(gaps.map((g: any) => [g.code, g.part_no])).toEqual([['H1', 1], ['H2', 1], ['H3', 1]]);
    const [h1, h2, h3] = gaps;
    expect(h1.area_m2 / h1.hamlet_area).toBeGreaterThan(0.495);
    expect(h1.area_m2 / h1.hamlet_area).toBeLessThan(0.505);
    expect(h1.population_est).toBeCloseTo(500, 0);
    expect(h2.population_est).toBe(500);
    expect(Math.abs(h2.area_m2 - (h2.hamlet_area - Math.PI * 2000 ** 2)) / h2.area_m2).toBeLessThan(0.01);
    expect(h3.area_m2 / h3.hamlet_area).toBeGreaterThan(0.19);
    expect(h3.area_m2 / h3.hamlet_area).toBeLessThan(0.21);
    expect(h3.population_est).toBeCloseTo(100, 0);
  });

  it('flips the verdict when the only covering BTS is removed, and back when it returns', async () => {
    await db.knex.raw(`UPDATE bts SET status = 'decommissioned' WHERE code = 'VT-S2-4G'`);
    await recomputeAllCoverage(db.knex, params);
    expect(await verdict(db, 'H2')).toMatchObject({ verdict: 'trang_song', share: 0, populationCovered: 0 });
    await db.knex.raw(`UPDATE bts SET status = 'on_air', radius_override_m = 10000 WHERE code = 'VT-S2-4G'`);
    await recomputeAllCoverage(db.knex, params);
    expect(await verdict(db, 'H2')).toMatchObject({ verdict: 'covered', share: 1, populationCovered: 2000 });
  });
});
