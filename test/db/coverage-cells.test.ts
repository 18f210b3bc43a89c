import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom, recomputeAllCoverage, recomputeCoverageForBts } from '../../server/src/coverage/coverage-recompute.js';
import { layerGeoJson } from '../../server/src/layers/layer-queries.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

const params = coverageParamsFrom(loadConfig({}).config);

/**
 * Coverage unions are stored in 0.25° grid cells (hatang_union_cell_size). On
 * the register fixture, everything is taken off air but two BTS, and hamlet H1
 * is moved onto the cell edge at longitude 106.25:
 *   H1 = the square 106.24–106.26 × 10.10–10.12 (no clusters), reference point
 *     (106.255, 10.115), in the eastern cell.
 *   VT-S1-4G at (106.25, 10.11), on the edge: one 180° sector facing north, 5 km.
 *     It covers H1's northern half (both sides of the edge: its union is two
 *     pieces, one per cell) → share 0.5, reference point covered → lõm sóng,
 *     500 of 1000 people. The uncovered southern half is one part (the cell
 *     edge does not cut it): half of H1's area.
 *   VT-S2-4G approved at (106.245, 10.105), omni, 300 m: a 64-gon of area
 *     32 · sin(2π/64) · 0.3² = 0.28229 km², inside H1's south-west quarter and
 *     inside the western cell only (its box ends 0.0023° short of the edge), so
 *     the planned piece of the eastern cell is a copy of the current one.
 *     Planned share = 0.5 + 0.28229 / area(H1) ≈ 0.5 + 0.28229 / 4.8507 = 0.5582.
 */
async function arrange(knex: TestDatabase['knex']): Promise<void> {
  await knex.raw(`
    UPDATE bts SET status = 'decommissioned' WHERE code NOT IN ('VT-S1-4G', 'VT-S2-4G');
    UPDATE bts SET radius_override_m = 5000, geom = ST_SetSRID(ST_MakePoint(106.25, 10.11), 4326) WHERE code = 'VT-S1-4G';
    UPDATE bts SET status = 'approved', radius_override_m = 300, geom = ST_SetSRID(ST_MakePoint(106.245, 10.105), 4326) WHERE code = 'VT-S2-4G';
    DELETE FROM bts_sectors WHERE bts_id IN (SELECT id FROM bts WHERE code IN ('VT-S1-4G', 'VT-S2-4G'));
    INSERT INTO bts_sectors (bts_id, sector_no, azimuth_deg, beamwidth_deg, tilt_deg)
    SELECT id, 1, 0, 180, 0 FROM bts WHERE code = 'VT-S1-4G'
    UNION ALL SELECT id, 1, 0, 360, 0 FROM bts WHERE code = 'VT-S2-4G';
    DELETE FROM population_clusters WHERE hamlet_id = (SELECT id FROM hamlets WHERE code = 'H1');
    UPDATE hamlets SET geom = ST_Multi(ST_MakeEnvelope(106.24, 10.10, 106.26, 10.12, 4326)),
                       ref_point = ST_SetSRID(ST_MakePoint(106.255, 10.115), 4326), population = 1000 WHERE code = 'H1';
  `);
}

async function h1(db: TestDatabase, scenario: string) {
  return (
    await db.knex.raw(
      `SELECT hc.verdict, hc.covered_share AS share, hc.population_covered AS "populationCovered", ST_Area(h.geom::geography) AS "areaM2"
         FROM hamlet_coverage hc JOIN hamlets h ON h.id = hc.hamlet_id
        WHERE h.code = 'H1' AND hc.scenario = ? AND hc.operator_code = '*' AND hc.tech_group = 'broadband'`,
      [scenario],
    )
  ).rows[0] as { verdict: string; share: number; populationCovered: number; areaM2: number };
}

async function h1Gaps(db: TestDatabase, scenario: string) {
  return (
    await db.knex.raw(
      `SELECT g.part_no AS "partNo", g.area_m2 AS "areaM2" FROM coverage_gaps g JOIN hamlets h ON h.id = g.hamlet_id
        WHERE h.code = 'H1' AND g.scenario = ? ORDER BY g.part_no`,
      [scenario],
    )
  ).rows as { partNo: number; areaM2: number }[];
}

async function derived(db: TestDatabase) {
  const q = async (sql: string) => (await db.knex.raw(sql)).rows;
  return {
    unions: await q(`SELECT scenario, operator_code, tech_group, round(area_m2::numeric, 3)::text AS a FROM coverage_unions ORDER BY 1, 2, 3`),
    cells: await q(`SELECT scenario, operator_code, tech_group, cell, is_copy, round(area_m2::numeric, 3)::text AS a,
                           (SELECT count(*)::int FROM coverage_union_parts p WHERE p.scenario = c.scenario AND p.operator_code = c.operator_code
                               AND p.tech_group = c.tech_group AND p.cell = c.cell) AS parts
                      FROM coverage_union_cells c ORDER BY 1, 2, 3, 4`),
    verdicts: await q(`SELECT hamlet_id, scenario, operator_code, tech_group, verdict, round(covered_share::numeric, 9)::text AS s
                         FROM hamlet_coverage ORDER BY 1, 2, 3, 4`),
    gaps: await q(`SELECT hamlet_id, scenario, part_no, round(area_m2::numeric, 1)::text AS a FROM coverage_gaps ORDER BY 1, 2, 3`),
  };
}

describe.each(databaseTargets())('coverage unions in grid cells on the $label database (hand-computed fixture)', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await arrange(db.knex);
    await recomputeAllCoverage(db.knex, params);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('stores the sector that straddles the cell edge as one piece per cell, each with its parts', async () => {
    const cells = (
      await db.knex.raw(`SELECT cell, ST_XMin(geom) AS xmin, ST_XMax(geom) AS xmax, is_copy AS "isCopy",
                                (SELECT count(*)::int FROM coverage_union_parts p WHERE p.scenario = c.scenario AND p.operator_code = c.operator_code
                                    AND p.tech_group = c.tech_group AND p.cell = c.cell) AS parts
                           FROM coverage_union_cells c
                          WHERE scenario = ? AND operator_code = 'viettel' AND tech_group = '4G' ORDER BY cell`, ['current'])
    ).rows as { cell: number; xmin: number; xmax: number; isCopy: boolean; parts: number }[];
    // Column (106.25 + 180) / 0.25 = 1145 starts at the edge; row (10.11 + 90) / 0.25 = 400.
    expect(cells.map((c) => c.cell)).toEqual([114400400, 114500400]);
    expect(cells[0]!.xmax).toBeCloseTo(106.25, 12);
    expect(cells[1]!.xmin).toBeCloseTo(106.25, 12);
    for (const c of cells) expect(c.parts).toBeGreaterThan(0);
  });

  it('adds up the covered area of H1 from both cells: share 0.5, lõm sóng, 500 people', async () => {
    const current = await h1(db, 'current');
    expect(current.verdict).toBe('lom_song');
    expect(Math.abs(current.share - 0.5)).toBeLessThan(1e-3);
    expect(current.populationCovered).toBe(500);
  });

  it('keeps the uncovered southern half one part across the cell edge', async () => {
    const gaps = await h1Gaps(db, 'current');
    const { areaM2 } = await h1(db, 'current');
    expect(gaps).toHaveLength(1);
    expect(Math.abs(gaps[0]!.areaM2 / areaM2 - 0.5)).toBeLessThan(1e-3);
  });

  it('adds the approved circle in the western cell and keeps the copied eastern piece (with its parts) in the planned scenario', async () => {
    const { areaM2 } = await h1(db, 'current');
    expect(Math.abs(areaM2 - 4.8507e6) / 4.8507e6).toBeLessThan(1e-3);
    const planned = await h1(db, 'planned');
    const expected = 0.5 + 0.28229e6 / areaM2;
    expect(Math.abs(planned.share - expected)).toBeLessThan(1e-3);
    expect(planned.verdict).toBe('lom_song');
    expect(planned.populationCovered).toBe(Math.round(expected * 1000));
    const pieces = (
      await db.knex.raw(`SELECT cell, is_copy AS "isCopy" FROM coverage_union_cells
                          WHERE scenario = 'planned' AND operator_code = '*' AND tech_group = 'broadband' ORDER BY cell`)
    ).rows;
    expect(pieces).toEqual([{ cell: 114400400, isCopy: false }, { cell: 114500400, isCopy: true }]);
    // The planned gap is the southern half less the circle: one part with a hole.
    const gaps = await h1Gaps(db, 'planned');
    expect(gaps).toHaveLength(1);
    expect(Math.abs(gaps[0]!.areaM2 - (areaM2 / 2 - 0.28229e6)) / areaM2).toBeLessThan(1e-3);
  });

  it('serves the union as one polygon in the coverage layer: the cell edge dissolves', async () => {
    const layer = JSON.parse(
      await layerGeoJson(db.knex, 'coverage', { unitId: null, boundarySet: 'T', limit: 100, operators: ['viettel'], technologyGroups: ['4G'] }),
    );
    expect(layer.features).toHaveLength(1);
    const geometry = layer.features[0].geometry;
    expect(geometry.type).toBe('MultiPolygon');
    expect(geometry.coordinates).toHaveLength(1);
    // Half of π · 5² (the 36 arc chords of 5° take 0.25 %).
    expect(Math.abs(layer.features[0].properties.areaKm2 - (Math.PI * 25) / 2) / ((Math.PI * 25) / 2)).toBeLessThan(0.005);
  });

  it('rebuilds only the cells a change reaches, with the same result as a full recompute', async () => {
    const westOnly = (await db.knex.raw(`SELECT id FROM bts WHERE code = 'VT-S2-4G'`)).rows[0].id as number;
    // The approved BTS goes on air: only the western cell's pieces are rebuilt.
    await db.knex.raw(`UPDATE bts SET status = 'on_air' WHERE id = ?`, [westOnly]);
    const eastBefore = (
      await db.knex.raw(`SELECT operator_code, tech_group, md5(ST_AsBinary(geom)) AS g FROM coverage_union_cells
                          WHERE scenario = 'current' AND cell = 114500400 ORDER BY 1, 2`)
    ).rows;
    await recomputeCoverageForBts(db.knex, params, [westOnly]);
    const incremental = await derived(db);
    const eastAfter = (
      await db.knex.raw(`SELECT operator_code, tech_group, md5(ST_AsBinary(geom)) AS g FROM coverage_union_cells
                          WHERE scenario = 'current' AND cell = 114500400 ORDER BY 1, 2`)
    ).rows;
    expect(eastAfter).toEqual(eastBefore);
    const current = await h1(db, 'current');
    expect(Math.abs(current.share - (0.5 + 0.28229e6 / current.areaM2))).toBeLessThan(1e-3);
    await recomputeAllCoverage(db.knex, params);
    expect(incremental).toEqual(await derived(db));
  });
});
