import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom, recomputeAllCoverage, recomputeCoverageForBts } from '../../server/src/coverage/coverage-recompute.js';
import { openDatabase, type Database } from '../../server/src/db/database.js';
import { preparedDemoDataDir, removeDataDir } from '../support/prepared-databases.js';

const params = coverageParamsFrom(loadConfig({}).config);

/**
 * Everything the coverage engine derives, in a comparable form. Shares and gap
 * areas are compared to 1e-6 of their value: they are computed from the union's
 * subdivided parts, and when an operator's union changes elsewhere its parts
 * are cut differently, which moves the results by ~1e-7 (snap-rounded cut
 * edges: a few hundredths of a m² on a km²), never a verdict or a person.
 */
async function snapshot(db: Database) {
  const verdicts = (
    await db.knex.raw(`SELECT hamlet_id, scenario, operator_code, tech_group, verdict, ref_covered, covered_share AS share,
                              population_covered FROM hamlet_coverage ORDER BY 1, 2, 3, 4`)
  ).rows;
  const gaps = (
    await db.knex.raw(`SELECT hamlet_id, scenario, part_no, area_m2 AS area, population_est AS pop FROM coverage_gaps ORDER BY 1, 2, 3`)
  ).rows;
  const unions = (
    await db.knex.raw(`SELECT scenario, operator_code, tech_group, round(area_m2::numeric, 3)::text AS area FROM coverage_unions ORDER BY 1, 2, 3`)
  ).rows;
  const footprints = (
    await db.knex.raw(`SELECT bts_id, sector_no, bts_status, round(range_m::numeric, 6)::text AS r, md5(ST_AsBinary(geom)) AS g
                         FROM coverage_footprints ORDER BY 1, 2`)
  ).rows;
  return { verdicts, gaps, unions, footprints };
}

describe('incremental coverage recompute on the demo province (embedded)', () => {
  let dir: string;
  let db: Database;
  beforeAll(async () => {
    dir = preparedDemoDataDir();
    db = await openDatabase({ databaseUrl: '', dataDir: dir, statementTimeoutMs: 0 });
  });
  afterAll(async () => {
    await db?.close();
    if (dir) removeDataDir(dir);
  });

  // Two full recomputes of the province (both scenarios) and three snapshots of 60,000 verdicts: minutes on a busy machine.
  it('gives the same footprints, unions, verdicts and gaps as a full recompute after adding, moving, editing and removing BTS', { timeout: 240_000 }, async () => {
    const before = await snapshot(db);
    // Three on-air broadband BTS of different operators, far apart, in rural communes.
    const picked = (
      await db.knex.raw(`SELECT b.id, b.code FROM bts b JOIN operators o ON o.id = b.operator_id
                          WHERE b.status = 'on_air' AND b.technology IN ('3G', '4G') AND o.code IN ('viettel', 'vnpt', 'mobifone')
                          ORDER BY b.code LIMIT 3`)
    ).rows as { id: number; code: string }[];
    expect(picked).toHaveLength(3);
    const [moved, edited, removed] = [picked[0]!, picked[1]!, picked[2]!];
    await db.knex.raw('UPDATE bts SET geom = ST_Project(geom::geography, 3000, radians(45))::geometry WHERE id = ?', [moved.id]);
    await db.knex.raw('UPDATE bts SET antenna_height_m = 60, eirp_dbm = 63 WHERE id = ?', [edited.id]);
    await db.knex.raw(`UPDATE bts SET status = 'decommissioned' WHERE id = ?`, [removed.id]);
    const added = (
      await db.knex.raw(`INSERT INTO bts (code, site_id, operator_id, geom, technology, band_mhz, antenna_height_m, eirp_dbm, status, source, source_date)
                         SELECT 'TEST-NEW-4G', NULL, o.id, ST_SetSRID(ST_MakePoint(105.88, 10.47), 4326), '4G', 1800, 40, 61, 'on_air', 'test', '2026-11-27'
                           FROM operators o WHERE o.code = 'vietnamobile' RETURNING id`)
    ).rows[0] as { id: number };
    await db.knex.raw(`INSERT INTO bts_sectors (bts_id, sector_no, azimuth_deg, beamwidth_deg, tilt_deg)
                       SELECT ?, n, (n - 1) * 120, 65, 3 FROM generate_series(1, 3) n`, [added.id]);

    const summary = await recomputeCoverageForBts(db.knex, params, [moved.id, edited.id, removed.id, added.id]);
    expect(summary.allHamlets).toBe(false);
    expect(summary.hamlets).toBeGreaterThan(0);
    expect(summary.hamlets).toBeLessThan(1000);
    const incremental = await snapshot(db);
    // The change must be visible, or this test proves nothing.
    expect(incremental.footprints).not.toEqual(before.footprints);
    expect(incremental.unions).not.toEqual(before.unions);

    await recomputeAllCoverage(db.knex, params);
    const full = await snapshot(db);
    expect(incremental.footprints).toEqual(full.footprints);
    expect(incremental.unions).toEqual(full.unions);
    expect(incremental.gaps.map((g: any) => [g.hamlet_id, g.scenario, g.part_no])).toEqual(full.gaps.map((g: any) => [g.hamlet_id, g.scenario, g.part_no]));
    full.gaps.forEach((g: any, i: number) => {
      const other = incremental.gaps[i];
      const part = `gap ${g.hamlet_id}/${g.scenario}/${g.part_no}: ${JSON.stringify(other)} vs ${JSON.stringify(g)}`;
      expect(Math.abs(other.area - g.area), part).toBeLessThanOrEqual(1e-6 * g.area + 1e-6);
      // A polygon cluster's sliver in a gap turns the same ~1e-7 area noise into more on its people: a thousandth of a person.
      expect(Math.abs(other.pop - g.pop), part).toBeLessThanOrEqual(1e-6 * g.pop + 1e-3);
    });
    expect(incremental.verdicts.length).toBe(full.verdicts.length);
    for (let i = 0; i < full.verdicts.length; i++) {
      const { share: a, ...restA } = incremental.verdicts[i];
      const { share: b, ...restB } = full.verdicts[i];
      expect(restA).toEqual(restB);
      expect(Math.abs(a - b)).toBeLessThan(1e-6);
    }
  });

  it('keeps both scenarios equal to a full recompute when BTS are approved, go on air or an approved one moves', { timeout: 240_000 }, async () => {
    // Broadband BTS of the demo in the three states that matter to the planned scenario.
    const pick = async (status: string) =>
      (
        await db.knex.raw(`SELECT b.id FROM bts b WHERE b.status = ? AND b.technology IN ('3G', '4G')
                            AND EXISTS (SELECT 1 FROM bts_sectors s WHERE s.bts_id = b.id) ORDER BY b.code LIMIT 1`, [status])
      ).rows[0] as { id: number };
    const [planned, approved] = [await pick('planned'), await pick('approved')];
    const approvedToMove = (
      await db.knex.raw(`SELECT b.id FROM bts b WHERE b.status = 'approved' AND b.technology IN ('3G', '4G') AND b.id <> ?
                          AND EXISTS (SELECT 1 FROM bts_sectors s WHERE s.bts_id = b.id) ORDER BY b.code DESC LIMIT 1`, [approved.id])
    ).rows[0] as { id: number };
    expect([planned, approved, approvedToMove].every(Boolean)).toBe(true);
    const before = await snapshot(db);
    await db.knex.raw(`UPDATE bts SET status = 'approved' WHERE id = ?`, [planned.id]);
    await db.knex.raw(`UPDATE bts SET status = 'on_air' WHERE id = ?`, [approved.id]);
    await db.knex.raw('UPDATE bts SET geom = ST_Project(geom::geography, 4000, radians(200))::geometry WHERE id = ?', [approvedToMove.id]);

    const summary = await recomputeCoverageForBts(db.knex, params, [planned.id, approved.id, approvedToMove.id]);
    expect(summary.allHamlets).toBe(false);
    const incremental = await snapshot(db);
    const unionsOf = (snap: Awaited<ReturnType<typeof snapshot>>, scenario: string) => snap.unions.filter((u: any) => u.scenario === scenario);
    // Both scenarios moved: the newly approved BTS adds planned coverage, the one now on air current coverage.
    expect(unionsOf(incremental, 'planned')).not.toEqual(unionsOf(before, 'planned'));
    expect(unionsOf(incremental, 'current')).not.toEqual(unionsOf(before, 'current'));

    await recomputeAllCoverage(db.knex, params);
    const full = await snapshot(db);
    expect(incremental.footprints).toEqual(full.footprints);
    expect(incremental.unions).toEqual(full.unions);
    expect(incremental.gaps.map((g: any) => [g.hamlet_id, g.scenario, g.part_no])).toEqual(full.gaps.map((g: any) => [g.hamlet_id, g.scenario, g.part_no]));
    full.gaps.forEach((g: any, i: number) => {
      expect(Math.abs(incremental.gaps[i].area - g.area)).toBeLessThanOrEqual(1e-6 * g.area + 1e-6);
    });
    expect(incremental.verdicts.length).toBe(full.verdicts.length);
    for (let i = 0; i < full.verdicts.length; i++) {
      const { share: a, ...restA } = incremental.verdicts[i];
      const { share: b, ...restB } = full.verdicts[i];
      expect(restA).toEqual(restB);
      expect(Math.abs(a - b)).toBeLessThan(1e-6);
    }
  });
});
