import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { inferSites } from '../../server/src/sharing/site-inference.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { loadSharingFixture, north, sharingFixture } from '../fixtures/sharing-fixture.js';

// Site inference on the hand-made sharing fixture (test/fixtures/sharing-fixture.ts: ε = 25 m).

const EPS = sharingFixture.epsM;

/** Everything inference wrote, independent of row ids, distances to 0.1 m. */
async function inferenceState(knex: Knex): Promise<{ sites: string[]; bts: string[]; conflicts: string[] }> {
  const sites = (
    await knex.raw(`SELECT site_key || ' ' || inferred || ' ' || ST_AsText(ST_SnapToGrid(geom, 1e-7)) AS r FROM physical_sites ORDER BY site_key COLLATE "C"`)
  ).rows.map((r: { r: string }) => r.r);
  const bts = (
    await knex.raw(`
      SELECT b.code || ' ' || p.site_key || ' ' || a.assignment || ' ' || round(a.distance_m::numeric, 1) AS r
        FROM bts_physical_sites a JOIN bts_records b ON b.id = a.bts_id JOIN physical_sites p ON p.id = a.physical_site_id
       ORDER BY b.code COLLATE "C"`)
  ).rows.map((r: { r: string }) => r.r);
  const conflicts = (
    await knex.raw(`
      SELECT kind || ' ' || array_to_string(site_codes, ',') || ' ' || array_to_string(bts_codes, ',') || ' ' || round(distance_m::numeric, 1)
             || ' ' || ST_AsText(ST_SnapToGrid(geom, 1e-7)) AS r
        FROM site_conflicts ORDER BY 1`)
  ).rows.map((r: { r: string }) => r.r);
  return { sites, bts, conflicts };
}

async function assignmentOf(knex: Knex, btsCode: string): Promise<{ site_key: string; assignment: string; distance_m: number } | undefined> {
  return (
    await knex.raw(
      `SELECT p.site_key, a.assignment, a.distance_m FROM bts_physical_sites a
         JOIN bts_records b ON b.id = a.bts_id JOIN physical_sites p ON p.id = a.physical_site_id WHERE b.code = ?`,
      [btsCode],
    )
  ).rows[0];
}

const btsId = async (knex: Knex, code: string) => (await knex.raw('SELECT id FROM bts_records WHERE code = ?', [code])).rows[0].id as number;
const siteId = async (knex: Knex, code: string) => (await knex.raw('SELECT id FROM site_records WHERE code = ?', [code])).rows[0].id as number;

describe.each(databaseTargets())('site inference on the $label database', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await loadSharingFixture(db.knex);
    await inferSites(db.knex, EPS);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('counts 11 physical sites (6 site records, 5 inferred) and 9 explicit, 1 joined, 6 inferred BTS', async () => {
    const summary = await inferSites(db.knex, EPS);
    expect(summary).toMatchObject({ physicalSites: 11, inferredSites: 5, btsExplicit: 9, btsJoined: 1, btsInferred: 6, conflicts: 2 });
    const keys = (await db.knex.raw(`SELECT site_key FROM physical_sites ORDER BY site_key COLLATE "C"`)).rows.map((r: { site_key: string }) => r.site_key);
    expect(keys).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'SUY-MB-B', 'SUY-MB-Q', 'SUY-VN-A', 'SUY-VN-P1', 'SUY-VT-B']);
  });

  it('groups two BTS of different operators 10 m apart without site codes into one inferred site at their midpoint', async () => {
    const vt = await assignmentOf(db.knex, 'VT-A');
    const vn = await assignmentOf(db.knex, 'VN-A');
    expect(vt?.site_key).toBe('SUY-VN-A');
    expect(vn?.site_key).toBe('SUY-VN-A');
    expect(vt?.assignment).toBe('inferred');
    // Each stands 5 m from the centroid.
    expect(vt!.distance_m).toBeCloseTo(5, 0);
    expect(vn!.distance_m).toBeCloseTo(5, 0);
  });

  it('keeps two BTS 40 m apart without site codes on two sites (ε = 25 m)', async () => {
    expect((await assignmentOf(db.knex, 'VT-B'))?.site_key).toBe('SUY-VT-B');
    expect((await assignmentOf(db.knex, 'MB-B'))?.site_key).toBe('SUY-MB-B');
  });

  it('keeps a BTS with a site code on its own site although it stands 10 m from another site', async () => {
    const vn = await assignmentOf(db.knex, 'VN-S2-4G');
    expect(vn).toMatchObject({ site_key: 'S2', assignment: 'explicit' });
    expect(vn!.distance_m).toBeCloseTo(20, 0);
  });

  it('joins a BTS without a code to the nearest site record of its group', async () => {
    const mb = await assignmentOf(db.knex, 'MB-C');
    expect(mb).toMatchObject({ site_key: 'S1', assignment: 'joined' });
    expect(mb!.distance_m).toBeCloseTo(5, 0);
  });

  it('reports a site code whose BTS stand 300 m apart, and two site codes 8 m apart', async () => {
    const rows = (await db.knex.raw(`SELECT kind, site_codes, bts_codes, distance_m FROM site_conflicts ORDER BY kind`)).rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kind: 'code_spread', site_codes: ['S3'], bts_codes: ['MB-S3-4G', 'VT-S3-4G'] });
    expect(rows[0].distance_m).toBeGreaterThan(299);
    expect(rows[0].distance_m).toBeLessThan(301);
    expect(rows[1]).toMatchObject({ kind: 'codes_colocated', site_codes: ['S4', 'S5'], bts_codes: ['MB-S5-3G', 'VN-S5-4G', 'VT-S4-4G'] });
    expect(rows[1].distance_m).toBeCloseTo(8, 0);
    // The far BTS stays explicit on its site, ~300 m away.
    expect((await assignmentOf(db.knex, 'VT-S3-4G'))?.distance_m).toBeGreaterThan(299);
  });

  it('gives decommissioned sites and BTS no physical site', async () => {
    expect(await assignmentOf(db.knex, 'MB-S6-2G')).toBeUndefined();
    expect(await assignmentOf(db.knex, 'VT-S7-2G')).toBeUndefined();
  });

  it('keeps ids and keys when a full run finds nothing changed', async () => {
    const before = (await db.knex.raw('SELECT id, site_key FROM physical_sites ORDER BY id')).rows;
    await inferSites(db.knex, EPS);
    expect((await db.knex.raw('SELECT id, site_key FROM physical_sites ORDER BY id')).rows).toEqual(before);
  });

  /**
   * Applies a change, infers around it, and checks the tables equal those of a
   * full run afterwards; rolled back, so every case starts from the fixture.
   */
  async function incrementalEqualsFull(change: (trx: Knex.Transaction) => Promise<{ btsIds: number[]; siteIds: number[] }>) {
    const trx = await db.knex.transaction();
    try {
      const scope = await change(trx);
      await inferSites(trx, EPS, scope);
      const incremental = await inferenceState(trx);
      const ids = (await trx.raw('SELECT id, site_key FROM physical_sites ORDER BY id')).rows;
      await inferSites(trx, EPS);
      expect(await inferenceState(trx)).toEqual(incremental);
      // The full run found the same sites under the same ids: nothing to renumber.
      expect((await trx.raw('SELECT id, site_key FROM physical_sites ORDER BY id')).rows).toEqual(ids);
      return incremental;
    } finally {
      await trx.rollback();
    }
  }

  it('splits an inferred site when one BTS moves 50 m away, incrementally as a full run does', async () => {
    const state = await incrementalEqualsFull(async (trx) => {
      const id = await btsId(trx, 'VN-A');
      await trx.raw('UPDATE bts_records SET geom = ST_SetSRID(ST_MakePoint(106.02, ?), 4326) WHERE id = ?', [north(10.02, 50), id]);
      return { btsIds: [id], siteIds: [] };
    });
    expect(state.bts.filter((r) => r.startsWith('VN-A ') || r.startsWith('VT-A '))).toEqual(['VN-A SUY-VN-A inferred 0.0', 'VT-A SUY-VT-A inferred 0.0']);
  });

  it('merges two inferred sites when one BTS moves next to the other', async () => {
    const state = await incrementalEqualsFull(async (trx) => {
      const id = await btsId(trx, 'MB-B');
      await trx.raw('UPDATE bts_records SET geom = ST_SetSRID(ST_MakePoint(106.04, ?), 4326) WHERE id = ?', [north(10.02, 6), id]);
      return { btsIds: [id], siteIds: [] };
    });
    expect(state.sites.some((s) => s.startsWith('SUY-VT-B '))).toBe(false);
    expect(state.bts.filter((r) => r.startsWith('MB-B ') || r.startsWith('VT-B '))).toEqual(['MB-B SUY-MB-B inferred 3.0', 'VT-B SUY-MB-B inferred 3.0']);
  });

  it('leaves a site unshared when the joined BTS is deleted, and drops the inferred site of a deleted BTS', async () => {
    const state = await incrementalEqualsFull(async (trx) => {
      const ids = [await btsId(trx, 'MB-C'), await btsId(trx, 'MB-Q')];
      await trx.raw('UPDATE bts_records SET deleted_at = now() WHERE id = ANY (?::integer[])', [ids]);
      return { btsIds: ids, siteIds: [] };
    });
    expect(state.bts.some((r) => r.startsWith('MB-C '))).toBe(false);
    expect(state.sites.some((s) => s.startsWith('SUY-MB-Q '))).toBe(false);
  });

  it('regroups the BTS around a site that moves away, and clears the conflicts a moved site leaves', async () => {
    const state = await incrementalEqualsFull(async (trx) => {
      const s5 = await siteId(trx, 'S5');
      const carried = (await trx.raw('SELECT id FROM bts WHERE site_id = ?', [s5])).rows.map((r: { id: number }) => r.id);
      // As a site move through the API does: the site and its BTS move together, 500 m north.
      await trx.raw('UPDATE site_records SET geom = ST_Translate(geom, 0, ?) WHERE id = ?', [500 / sharingFixture.metresPerDegreeLat, s5]);
      await trx.raw('UPDATE bts_records SET geom = ST_Translate(geom, 0, ?) WHERE site_id = ?', [500 / sharingFixture.metresPerDegreeLat, s5]);
      return { btsIds: carried, siteIds: [s5] };
    });
    expect(state.conflicts.filter((c) => c.startsWith('codes_colocated'))).toEqual([]);
  });

  it('regroups a chain when its middle BTS moves away: the ends were linked only through its old position', async () => {
    const state = await incrementalEqualsFull(async (trx) => {
      await trx.raw(
        `INSERT INTO bts_records (code, operator_id, geom, technology, band_mhz, antenna_height_m, eirp_dbm, status, source, source_date)
         SELECT x.code, (SELECT id FROM operators WHERE code = x.op), ST_SetSRID(ST_MakePoint(106.09, x.lat), 4326), '4G', 1800, 30, 58, 'on_air', 'test', '2026-01-01'
           FROM (VALUES ('X1', 'viettel', 10.09::float8), ('X2', 'vnpt', ?::float8), ('X3', 'mobifone', ?::float8)) x(code, op, lat)`,
        [north(10.09, 20), north(10.09, 40)],
      );
      const ids = (await trx.raw(`SELECT id FROM bts_records WHERE code IN ('X1', 'X2', 'X3')`)).rows.map((r: { id: number }) => r.id);
      await inferSites(trx, EPS, { btsIds: ids });
      expect((await assignmentOf(trx as unknown as Knex, 'X3'))?.site_key).toBe('SUY-X1');
      const x2 = await btsId(trx, 'X2');
      await trx.raw('UPDATE bts_records SET geom = ST_Translate(geom, 0.01, 0) WHERE id = ?', [x2]);
      return { btsIds: [x2], siteIds: [] };
    });
    expect(state.bts.filter((r) => /^X\d /.test(r)).map((r) => r.split(' ').slice(0, 2).join(' '))).toEqual(['X1 SUY-X1', 'X2 SUY-X2', 'X3 SUY-X3']);
  });
});
