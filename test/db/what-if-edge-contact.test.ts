import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom, recomputeAllCoverage } from '../../server/src/coverage/coverage-recompute.js';
import { arrangeCoverageFixture } from '../fixtures/coverage-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

const params = coverageParamsFrom(loadConfig({}).config);

/**
 * What-if footprints that touch a hamlet only along an edge or at a corner, on
 * the coverage fixture plus, far from its BTS:
 *   HE: the square 106.300–106.304 × 10.305–10.309 in C1, 1000 people, reference
 *     point (106.3035, 10.307). On the spheroid the area of a lon/lat rectangle is
 *     proportional to its width in longitude, so a strip x ≥ 106.303 is exactly a
 *     quarter of it and x ≥ 106.302 exactly half.
 *   Two VNPT 4G BTS on air, 2 km, one 90° sector each:
 *     VN-Q-4G at (106.303, 10.300), azimuth 45 (bearings 0–90): its edge at bearing
 *       0 is the meridian 106.303, and every point of HE east of it is within
 *       1.0 km → the east quarter of HE is covered: share 0.25, reference point
 *       covered → lõm sóng, 250 people.
 *     VN-W-4G at (106.300, 10.300), azimuth 315 (bearings 270–360): everything west of
 *       the meridian 106.300, so it meets HE along its west edge only (a line).
 * The proposed BTS below are 90° sectors of 2 km whose edge at bearing 0 (or 360)
 * is the meridian of their site, placed against HE's edges or corner.
 */
async function arrangeEdgeFixture(knex: TestDatabase['knex']): Promise<void> {
  await arrangeCoverageFixture(knex);
  await knex.raw(`
    INSERT INTO hamlets (code, name, kind, commune_id, population, households, ref_point, ref_kind, geom, source, source_date)
    VALUES ('HE', 'Ấp Cạnh', 'ap', (SELECT id FROM admin_units WHERE boundary_set = 'T' AND code = 'C1'), 1000, 250,
            ST_SetSRID(ST_MakePoint(106.3035, 10.307), 4326), 'cultural_house',
            ST_Multi(ST_MakeEnvelope(106.300, 10.305, 106.304, 10.309, 4326)), 'test-fixture', DATE '2026-01-01');
    INSERT INTO bts (code, site_id, operator_id, geom, technology, band_mhz, antenna_height_m, eirp_dbm, status, radius_override_m, source, source_date)
    SELECT v.code, (SELECT id FROM sites WHERE code = 'S4'), (SELECT id FROM operators WHERE code = 'vnpt'),
           ST_SetSRID(ST_MakePoint(v.lon, 10.300), 4326), '4G', 1800, 28, 58, 'on_air', 2000, 'test-fixture', DATE '2026-01-01'
      FROM (VALUES ('VN-Q-4G', 106.303::float8), ('VN-W-4G', 106.300::float8)) v(code, lon);
    INSERT INTO bts_sectors (bts_id, sector_no, azimuth_deg, beamwidth_deg, tilt_deg)
    SELECT id, 1, CASE code WHEN 'VN-Q-4G' THEN 45 ELSE 315 END, 90, 0 FROM bts WHERE code IN ('VN-Q-4G', 'VN-W-4G');
  `);
  await recomputeAllCoverage(knex, params);
}

const sector = (lon: number, lat: number, azimuthDeg: number) => ({
  lon, lat, operator: 'viettel', technology: '4G', bandMHz: 1800, antennaHeightM: 30, radiusM: 2000,
  sectors: [{ azimuthDeg, beamwidthDeg: 90 }],
});
/** Touches HE along its east edge (x = 106.304, everything east of it). */
const alongEastEdge = sector(106.304, 10.3, 45);
/** Touches HE along its west edge (x = 106.300, everything west of it). */
const alongWestEdge = sector(106.3, 10.3, 315);
/** Touches HE at its north-east corner only (bearings 0–90 from that corner). */
const atNorthEastCorner = sector(106.304, 10.309, 45);
/** Covers the east half of HE (x ≥ 106.302). */
const eastHalf = sector(106.302, 10.3, 45);

describe.each(databaseTargets())('what-if of footprints touching a hamlet along an edge on the $label database', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await arrangeEdgeFixture(db.knex);
  });
  afterAll(async () => {
    await db?.close();
  });

  const whatIf = async (bts: object[]) => {
    const r = (await db.knex.raw(`SELECT hatang_what_if(?::jsonb, ?::jsonb, '*', 'broadband', 'current') AS r`,
      [JSON.stringify(bts), JSON.stringify(params)])).rows[0].r;
    return typeof r === 'string' ? JSON.parse(r) : r;
  };

  it('builds the fixture as described: bearing-0 edges on the meridian, HE a quarter covered with a line of contact', async () => {
    // The hand computations rest on ST_Project keeping the longitude at bearing 0 and 360:
    // the ring is the site, the arc's 19 vertices from the first bearing, the site.
    const edgeLons = (await db.knex.raw(
      `SELECT ST_X(ST_PointN(ST_ExteriorRing(hatang_sector_footprint(ST_SetSRID(ST_MakePoint(106.302, 10.3), 4326), 2000, 45, 90)), 2)) AS east,
              ST_X(ST_PointN(ST_ExteriorRing(hatang_sector_footprint(ST_SetSRID(ST_MakePoint(106.302, 10.3), 4326), 2000, 315, 90)), 20)) AS west`,
    )).rows[0];
    expect(edgeLons).toEqual({ east: 106.302, west: 106.302 });
    const stored = (await db.knex.raw(
      `SELECT hc.verdict, hc.covered_share AS share, hc.population_covered AS people FROM hamlet_coverage hc JOIN hamlets h ON h.id = hc.hamlet_id
        WHERE h.code = 'HE' AND hc.scenario = 'current' AND hc.operator_code = '*' AND hc.tech_group = 'broadband'`,
    )).rows[0];
    expect(stored.verdict).toBe('lom_song');
    expect(stored.share).toBeCloseTo(0.25, 9);
    expect(stored.people).toBe(250);
    // VN-W-4G's part of the stored union meets HE in a line: the what-ifs below overlay it.
    const contact = (await db.knex.raw(
      `SELECT ST_Dimension(ST_Intersection(p.geom, h.geom)) AS dim FROM coverage_union_parts p, hamlets h
        WHERE h.code = 'HE' AND p.scenario = 'current' AND p.operator_code = '*' AND p.tech_group = 'broadband' AND ST_Intersects(p.geom, h.geom)
        ORDER BY 1`,
    )).rows.map((r: { dim: number }) => r.dim);
    expect(contact).toEqual([1, 2]);
  });

  it('adds nobody for a footprint that only shares an edge with the hamlet', async () => {
    for (const bts of [alongEastEdge, alongWestEdge]) {
      expect(await whatIf([bts])).toMatchObject({ populationNewlyCovered: 0, hamletsNewlyCovered: 0, changedHamlets: [] });
    }
  });

  it('adds nobody for a footprint that only touches a corner of the hamlet', async () => {
    expect(await whatIf([atNorthEastCorner])).toMatchObject({ populationNewlyCovered: 0, hamletsNewlyCovered: 0, changedHamlets: [] });
  });

  it('adds the quarter between the stored coverage and an overlap of half the hamlet: 500 − 250 = 250 people', async () => {
    expect(await whatIf([eastHalf])).toMatchObject({ populationNewlyCovered: 250, hamletsNewlyCovered: 0, changedHamlets: [] });
  });

  it('counts only the overlap when the added footprints overlap half the hamlet and touch it along an edge or at a corner', async () => {
    // The added coverage meets HE in a polygon and a line (or a point): a collection of
    // mixed dimensions, which the overlay on the embedded database's grid refuses.
    for (const touching of [alongWestEdge, alongEastEdge, atNorthEastCorner]) {
      expect(await whatIf([eastHalf, touching])).toMatchObject({ populationNewlyCovered: 250, hamletsNewlyCovered: 0, changedHamlets: [] });
    }
  });

  it('turns HE covered when the added footprint covers all of it, its west edge still a line of contact', async () => {
    // Bearings 0–90 from (106.300, 10.300): x ≥ 106.300, HE's farthest corner 1.05 km away → share 1, 1000 − 250 = 750.
    const r = await whatIf([sector(106.3, 10.3, 45)]);
    expect(r).toMatchObject({ populationNewlyCovered: 750, hamletsNewlyCovered: 1 });
    expect(r.changedHamlets).toMatchObject([{ code: 'HE', before: 'lom_song', after: 'covered', coveredShareAfter: 1, populationCoveredAfter: 1000 }]);
  });
});
