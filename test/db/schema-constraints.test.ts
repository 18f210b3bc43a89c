import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/src/db/migrate.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

describe.each(databaseTargets())('schema on the $label database', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('re-running the migrations and function files changes nothing', async () => {
    const before = (await db.knex.raw('SELECT count(*)::int AS n FROM sites')).rows[0].n;
    await migrate(db.knex);
    await migrate(db.knex);
    expect((await db.knex.raw('SELECT count(*)::int AS n FROM sites')).rows[0].n).toBe(before);
    const fns = (await db.knex.raw(`SELECT count(*)::int AS n FROM pg_proc WHERE proname LIKE 'hatang\\_%' `)).rows[0].n;
    expect(fns).toBeGreaterThanOrEqual(8);
  });

  it('documents every SQL function with a comment', async () => {
    const undocumented = (
      await db.knex.raw(`SELECT proname FROM pg_proc WHERE proname LIKE 'hatang\\_%' AND obj_description(oid, 'pg_proc') IS NULL`)
    ).rows;
    expect(undocumented).toEqual([]);
  });

  it('has a GiST index on every geometry column of every table (views of live rows use their table\'s)', async () => {
    const rows = (
      await db.knex.raw(`
        SELECT c.f_table_name AS t, c.f_geometry_column AS g,
               EXISTS (SELECT 1 FROM pg_indexes i WHERE i.tablename = c.f_table_name
                        AND i.indexdef ILIKE '%USING gist (' || c.f_geometry_column || ')%') AS indexed
          FROM geometry_columns c
          JOIN pg_class k ON k.relname = c.f_table_name AND k.relkind = 'r'
         WHERE c.f_table_schema = current_schema()`)
    ).rows as { t: string; g: string; indexed: boolean }[];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => !r.indexed)).toEqual([]);
    expect(rows.every((r) => r)).toBe(true);
  });

  const rejected: [string, string][] = [
    ['a site of height 0', `UPDATE sites SET height_m = 0 WHERE code = 'S1'`],
    ['an unknown site status', `UPDATE sites SET status = 'alive' WHERE code = 'S1'`],
    ['an unknown structure type', `UPDATE sites SET structure_type = 'tree' WHERE code = 'S1'`],
    ['a 6G BTS', `UPDATE bts SET technology = '6G' WHERE code = 'VT-S1-4G'`],
    ['a band of 50 MHz', `UPDATE bts SET band_mhz = 50 WHERE code = 'VT-S1-4G'`],
    ['an azimuth of 360°', `UPDATE bts_sectors SET azimuth_deg = 360 WHERE sector_no = 1`],
    ['more households than people', `UPDATE hamlets SET households = population + 1 WHERE code = 'H1'`],
    ['a negative population', `UPDATE population_clusters SET population = -1`],
    ['a line as a population cluster', `UPDATE population_clusters SET geom = ST_GeomFromText('LINESTRING(106 10,106.1 10.1)', 4326)`],
    ['a self-intersecting commune', `UPDATE admin_units SET geom = ST_GeomFromText('MULTIPOLYGON(((106 10,106.1 10.1,106.1 10,106 10.1,106 10)))', 4326) WHERE code = 'C1'`],
    ['a point stored in another SRID', `UPDATE sites SET geom = ST_SetSRID(ST_MakePoint(600000, 1100000), 3405) WHERE code = 'S1'`],
    ['a province with a parent', `UPDATE admin_units SET parent_id = (SELECT id FROM admin_units WHERE code = 'D1') WHERE code = 'P'`],
    ['a fiber route of unknown laying', `UPDATE fiber_routes SET laying = 'buried'`],
    ['an operator colour that is not #rrggbb', `UPDATE operators SET colour = 'red'`],
    ['a duplicate site code', `UPDATE sites SET code = 'S2' WHERE code = 'S1'`],
  ];
  it.each(rejected)('refuses %s and leaves the row as it was', async (_what, sql) => {
    const snapshot = async () => (await db.knex.raw(`SELECT md5(string_agg(s::text, '|' ORDER BY s.id)) AS h FROM sites s`)).rows[0].h;
    const before = await snapshot();
    await expect(db.knex.raw(sql)).rejects.toThrow();
    expect(await snapshot()).toBe(before);
  });
});
