import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom, recomputeAllCoverage, recomputeCoverageForBts } from '../../server/src/coverage/coverage-recompute.js';
import { layerGeoJson } from '../../server/src/layers/layer-queries.js';
import { arrangeCoverageFixture } from '../fixtures/coverage-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

const params = coverageParamsFrom(loadConfig({}).config);

/**
 * The coverage fixture (test/fixtures/coverage-fixture.ts) plus one approved BTS:
 * VNPT's VN-S2-4G at S2 (106.05, 10.15), omni, 10 km.
 *   H2 (square 106.0–106.1 × 10.1–10.2, centred on it): its farthest corner is
 *     √(5.48² + 5.53²) ≈ 7.8 km away, so the circle covers all of it: planned
 *     share 1, covered, 2000 people; current stays lõm sóng, 1500 (share 0.75).
 *   H1 (square 106.045–106.055 × 10.045–10.055): its nearest point (106.05, 10.055)
 *     is 0.095° of latitude ≈ 10.5 km away: untouched, planned = current.
 *   H3 (106.14–106.16 × 10.04–10.06): ≈ 14 km away, untouched.
 * Uncovered parts: current H1, H2, H3; planned H1 and H3 only.
 */
async function approveVnptAtS2(knex: TestDatabase['knex']): Promise<number> {
  await knex.raw(`UPDATE bts SET status = 'approved', radius_override_m = 10000 WHERE code = 'VN-S2-4G'`);
  await knex.raw(`DELETE FROM bts_sectors WHERE bts_id = (SELECT id FROM bts WHERE code = 'VN-S2-4G')`);
  await knex.raw(`INSERT INTO bts_sectors (bts_id, sector_no, azimuth_deg, beamwidth_deg, tilt_deg)
                  SELECT id, 1, 0, 360, 0 FROM bts WHERE code = 'VN-S2-4G'`);
  return (await knex.raw(`SELECT id FROM bts WHERE code = 'VN-S2-4G'`)).rows[0].id as number;
}

async function verdicts(db: TestDatabase, scenario: string) {
  return (
    await db.knex.raw(
      `SELECT h.code, hc.verdict, hc.covered_share AS share, hc.population_covered AS "populationCovered"
         FROM hamlet_coverage hc JOIN hamlets h ON h.id = hc.hamlet_id
        WHERE hc.scenario = ? AND hc.operator_code = '*' AND hc.tech_group = 'broadband' ORDER BY h.code`,
      [scenario],
    )
  ).rows as { code: string; verdict: string; share: number; populationCovered: number }[];
}

async function gapHamlets(db: TestDatabase, scenario: string): Promise<string[]> {
  return (
    await db.knex.raw(
      `SELECT h.code FROM coverage_gaps g JOIN hamlets h ON h.id = g.hamlet_id WHERE g.scenario = ? ORDER BY h.code, g.part_no`,
      [scenario],
    )
  ).rows.map((r: { code: string }) => r.code);
}

/** Everything derived, per scenario, in a comparable form (shares to 1e-9). */
async function snapshot(db: TestDatabase) {
  const q = async (sql: string) => (await db.knex.raw(sql)).rows;
  return {
    unions: await q(`SELECT scenario, operator_code, tech_group, round(area_m2::numeric, 1)::text AS a FROM coverage_unions ORDER BY 1, 2, 3`),
    verdicts: await q(`SELECT hamlet_id, scenario, operator_code, tech_group, verdict, round(covered_share::numeric, 9)::text AS s,
                              population_covered FROM hamlet_coverage ORDER BY 1, 2, 3, 4`),
    gaps: await q(`SELECT hamlet_id, scenario, part_no, round(area_m2::numeric, 1)::text AS a FROM coverage_gaps ORDER BY 1, 2, 3`),
  };
}

describe.each(databaseTargets())('coverage scenarios on the $label database (hand-computed fixture)', ({ open }) => {
  let db: TestDatabase;
  let current: Awaited<ReturnType<typeof verdicts>>;
  let currentCoverageLayer: string;
  beforeAll(async () => {
    db = await open();
    await arrangeCoverageFixture(db.knex);
    await recomputeAllCoverage(db.knex, params);
    current = await verdicts(db, 'current');
    currentCoverageLayer = await layerGeoJson(db.knex, 'coverage', { unitId: null, boundarySet: 'T', limit: 100 });
    await approveVnptAtS2(db.knex);
    await recomputeAllCoverage(db.knex, params);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('gives planned and current the same verdicts while nothing is approved', () => {
    // Before the approval the fixture has no approved BTS: current is what the engine test computes.
    expect(current.map((v) => [v.code, v.verdict, v.populationCovered])).toEqual([
      ['H1', 'lom_song', 500],
      ['H2', 'lom_song', 1500],
      ['H3', 'trang_song', 400],
    ]);
  });

  it('covers H2 in the planned scenario with the approved BTS and leaves the current scenario as it was', async () => {
    expect((await verdicts(db, 'current')).map((v) => [v.code, v.verdict, v.populationCovered])).toEqual(
      current.map((v) => [v.code, v.verdict, v.populationCovered]),
    );
    const planned = await verdicts(db, 'planned');
    expect(planned.map((v) => [v.code, v.verdict, v.populationCovered])).toEqual([
      ['H1', 'lom_song', 500],
      ['H2', 'covered', 2000],
      ['H3', 'trang_song', 400],
    ]);
    expect(planned[1]!.share).toBe(1);
  });

  it('copies the current rows of hamlets no approved footprint touches', async () => {
    const rows = (
      await db.knex.raw(`SELECT h.code, count(*)::int AS n,
                                bool_and(p.verdict = c.verdict AND p.covered_share = c.covered_share AND p.population_covered = c.population_covered) AS same
                           FROM hamlet_coverage p
                           JOIN hamlet_coverage c ON c.hamlet_id = p.hamlet_id AND c.scenario = 'current'
                                                 AND c.operator_code = p.operator_code AND c.tech_group = p.tech_group
                           JOIN hamlets h ON h.id = p.hamlet_id
                          WHERE p.scenario = 'planned' GROUP BY h.code ORDER BY h.code`)
    ).rows;
    // 3 operators with BTS (viettel, vnpt, mobifone; the tower company has none) + * = 4 keys × 5 groups = 20 rows per hamlet.
    expect(rows).toEqual([
      { code: 'H1', n: 20, same: true },
      { code: 'H2', n: 20, same: false },
      { code: 'H3', n: 20, same: true },
    ]);
  });

  it('drops the uncovered part of H2 from the planned gaps only', async () => {
    expect(await gapHamlets(db, 'current')).toEqual(['H1', 'H2', 'H3']);
    expect(await gapHamlets(db, 'planned')).toEqual(['H1', 'H3']);
    const planned = JSON.parse(await layerGeoJson(db.knex, 'gaps', { unitId: null, boundarySet: 'T', limit: 100, scenario: 'planned' }));
    expect(planned.features.map((f: any) => f.properties.hamletCode)).toEqual(['H1', 'H3']);
    const cur = JSON.parse(await layerGeoJson(db.knex, 'gaps', { unitId: null, boundarySet: 'T', limit: 100 }));
    expect(cur.features.map((f: any) => f.properties.hamletCode)).toEqual(['H1', 'H2', 'H3']);
  });

  it('adds the approved circle to the planned coverage layer and leaves the current layer unchanged', async () => {
    expect(await layerGeoJson(db.knex, 'coverage', { unitId: null, boundarySet: 'T', limit: 100 })).toBe(currentCoverageLayer);
    const vnpt4g = async (scenario: 'current' | 'planned') =>
      JSON.parse(
        await layerGeoJson(db.knex, 'coverage', { unitId: null, boundarySet: 'T', limit: 100, operators: ['vnpt'], technologyGroups: ['4G'], scenario }),
      ).features;
    // Current: VNPT has no 4G on air (its empty union is not served).
    expect(await vnpt4g('current')).toEqual([]);
    const [planned] = await vnpt4g('planned');
    // π · 10² = 314.16 km² (the 72-gon arc chords take ±1 %).
    expect(planned.properties).toMatchObject({ operator: 'vnpt', technologyGroup: '4G', scenario: 'planned' });
    expect(Math.abs(planned.properties.areaKm2 - Math.PI * 100) / (Math.PI * 100)).toBeLessThan(0.01);
  });

  it('serves each hamlet with its broadband verdict of the scenario asked for', async () => {
    const layer = async (scenario: 'current' | 'planned') =>
      JSON.parse(await layerGeoJson(db.knex, 'hamlets', { unitId: null, boundarySet: 'T', limit: 100, scenario })).features.map(
        (f: any) => [f.properties.code, f.properties.verdict],
      );
    expect(await layer('current')).toEqual([['H1', 'lom_song'], ['H2', 'lom_song'], ['H3', 'trang_song']]);
    expect(await layer('planned')).toEqual([['H1', 'lom_song'], ['H2', 'covered'], ['H3', 'trang_song']]);
  });

  it('assesses a what-if against the scenario asked for', async () => {
    // A hypothetical VNPT 4G circle of 10 km at S2: against current it covers H2 (lõm sóng → covered,
    // 2000 − 1500 = 500 people); against planned, H2 is already covered: nothing changes.
    const bts = JSON.stringify([{ lon: 106.05, lat: 10.15, operator: 'vnpt', technology: '4G', bandMHz: 1800, antennaHeightM: 30, radiusM: 10000,
      sectors: [{ azimuthDeg: 0, beamwidthDeg: 360 }] }]);
    const whatIf = async (scenario: string) =>
      (await db.knex.raw(`SELECT hatang_what_if(?::jsonb, ?::jsonb, '*', 'broadband', ?) AS r`, [bts, JSON.stringify(params), scenario])).rows[0].r;
    const cur = await whatIf('current');
    expect(cur).toMatchObject({ scenario: 'current', populationNewlyCovered: 500, hamletsNewlyCovered: 1 });
    expect(cur.changedHamlets.map((h: any) => [h.code, h.before, h.after])).toEqual([['H2', 'lom_song', 'covered']]);
    expect(await whatIf('planned')).toMatchObject({ scenario: 'planned', populationNewlyCovered: 0, hamletsNewlyCovered: 0, changedHamlets: [] });
  });

  it('gives the same results incrementally and from scratch when the approved BTS goes on air, moves, and is withdrawn', async () => {
    const id = (await db.knex.raw(`SELECT id FROM bts WHERE code = 'VN-S2-4G'`)).rows[0].id as number;
    const steps = [
      `UPDATE bts SET status = 'on_air' WHERE id = ${id}`,
      `UPDATE bts SET status = 'approved', geom = ST_SetSRID(ST_MakePoint(106.15, 10.06), 4326) WHERE id = ${id}`,
      `UPDATE bts SET status = 'planned' WHERE id = ${id}`,
      `UPDATE bts SET status = 'approved', geom = ST_SetSRID(ST_MakePoint(106.05, 10.15), 4326) WHERE id = ${id}`,
    ];
    for (const step of steps) {
      await db.knex.raw(step);
      await recomputeCoverageForBts(db.knex, params, [id]);
      const incremental = await snapshot(db);
      await recomputeAllCoverage(db.knex, params);
      expect(incremental, step).toEqual(await snapshot(db));
    }
    // Back where the other tests started.
    expect((await verdicts(db, 'planned')).map((v) => v.verdict)).toEqual(['lom_song', 'covered', 'trang_song']);
  });
});
