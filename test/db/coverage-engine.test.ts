import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coverageParamsFrom, recomputeAllCoverage } from '../../server/src/coverage/coverage-recompute.js';
import { loadConfig } from '../../server/src/config.js';
import { hataRange } from '../../server/src/coverage/range-model.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

const params = coverageParamsFrom(loadConfig({}).config);

/**
 * Footprints with radius overrides on the register fixture, so every answer is
 * computed by hand:
 *   VT-S1-4G at (106.05, 10.05): one 180° sector facing east (azimuth 90), 3 km.
 *     H1 becomes a 0.01° square centred on it, reference point 0.002° east:
 *     exactly its east half is covered → share 0.5, lõm sóng, 500 of 1000 people.
 *   VT-S2-4G at (106.05, 10.15): omni, 2 km. H2's clusters: 1500 people at
 *     (106.04, 10.16), 1.56 km away → covered; 500 at (106.09, 10.19), 6.2 km → not.
 *     Share 0.75, reference point (the site) covered → lõm sóng, 1500 people.
 *   MB-S4-4G moved to (106.144, 10.05): one 180° sector facing east, 5 km.
 *     H3 becomes the square 106.14–106.16 × 10.04–10.06 with its reference point at
 *     106.142 (west of the sector's edge): 80 % of its area is covered but the
 *     reference point is not → trắng sóng, share 0.8.
 *   VN-S1-3G moved to (106.15, 10.15), away from every hamlet: three 120° sectors of
 *     2 km, each a third of π·2².
 *   Everything else is off air.
 */
async function arrange(db: TestDatabase): Promise<void> {
  await db.knex.raw(`
    UPDATE bts SET status = 'decommissioned' WHERE code NOT IN ('VT-S1-4G', 'VT-S2-4G', 'MB-S4-4G', 'VN-S1-3G');
    UPDATE bts SET radius_override_m = 3000 WHERE code = 'VT-S1-4G';
    UPDATE bts SET radius_override_m = 2000 WHERE code = 'VT-S2-4G';
    UPDATE bts SET radius_override_m = 2000, geom = ST_SetSRID(ST_MakePoint(106.15, 10.15), 4326) WHERE code = 'VN-S1-3G';
    UPDATE bts SET radius_override_m = 5000, geom = ST_SetSRID(ST_MakePoint(106.144, 10.05), 4326) WHERE code = 'MB-S4-4G';
    DELETE FROM bts_sectors WHERE bts_id IN (SELECT id FROM bts WHERE code IN ('VT-S1-4G', 'VT-S2-4G', 'MB-S4-4G', 'VN-S1-3G'));
    INSERT INTO bts_sectors (bts_id, sector_no, azimuth_deg, beamwidth_deg, tilt_deg)
    SELECT id, 1, 90, 180, 0 FROM bts WHERE code IN ('VT-S1-4G', 'MB-S4-4G')
    UNION ALL SELECT id, 1, 0, 360, 0 FROM bts WHERE code = 'VT-S2-4G'
    UNION ALL SELECT id, n, (n - 1) * 120, 120, 0 FROM bts, generate_series(1, 3) n WHERE code = 'VN-S1-3G';
    UPDATE hamlets SET geom = ST_Multi(ST_MakeEnvelope(106.045, 10.045, 106.055, 10.055, 4326)),
                       ref_point = ST_SetSRID(ST_MakePoint(106.052, 10.05), 4326) WHERE code = 'H1';
    UPDATE hamlets SET geom = ST_Multi(ST_MakeEnvelope(106.14, 10.04, 106.16, 10.06, 4326)),
                       ref_point = ST_SetSRID(ST_MakePoint(106.142, 10.05), 4326) WHERE code = 'H3';
  `);
}

async function verdict(db: TestDatabase, hamlet: string, operator = '*', group = 'broadband') {
  return (
    await db.knex.raw(
      `SELECT hc.verdict, hc.covered_share AS share, hc.ref_covered AS "refCovered", hc.population_covered AS "populationCovered", hc.share_basis AS basis
         FROM hamlet_coverage hc JOIN hamlets h ON h.id = hc.hamlet_id
        WHERE h.code = ? AND hc.operator_code = ? AND hc.tech_group = ?`,
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
    await arrange(db);
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
                           FROM coverage_gaps g JOIN hamlets h ON h.id = g.hamlet_id ORDER BY h.code, g.part_no`)
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
