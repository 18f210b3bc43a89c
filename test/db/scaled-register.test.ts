import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { planProvince, type PlannedProvince } from '../../server/src/demo/scaled/plan-province.js';
import { provinceSlots } from '../../server/src/demo/scaled/province-slots.js';
import { seedScaledRegister, type ScaledSummary } from '../../server/src/demo/scaled/seed-scaled-register.js';
import { openPostgresFixture, type TestDatabase } from '../support/prepared-databases.js';

// A register of two provinces (scale 2) on PostgreSQL only: loading it takes
// ~15 s there and several times that on the embedded database (PGlite runs
// PostGIS as WASM, one core), twice for the determinism check, which is more
// than this file may add to CI. The embedded database loads the same plans
// through the same writer as the demo province, which its own tests cover.

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI: database tests run on PostgreSQL too');

/** A digest of the register's content, geometry included, independent of row ids. */
async function contentDigest(knex: Knex): Promise<string> {
  const result = await knex.raw(`
    SELECT md5(concat_ws('#',
      (SELECT string_agg(concat_ws(' ', boundary_set, code, name, level, unit_type, md5(ST_AsText(geom))), '|' ORDER BY boundary_set, code) FROM admin_units),
      (SELECT string_agg(concat_ws(' ', code, name, population, md5(ST_AsText(geom))), '|' ORDER BY code) FROM hamlets),
      (SELECT string_agg(concat_ws(' ', code, name, ST_AsText(geom), height_m, address, status), '|' ORDER BY code) FROM sites),
      (SELECT string_agg(concat_ws(' ', code, ST_AsText(geom), band_mhz, antenna_height_m, status), '|' ORDER BY code) FROM bts),
      (SELECT string_agg(concat_ws(' ', code, kind, laying, md5(ST_AsText(geom))), '|' ORDER BY code) FROM fiber_routes),
      (SELECT string_agg(concat_ws(' ', v.indicator_code, u.code, v.period_code, v.value), '|' ORDER BY v.indicator_code, u.boundary_set, u.code, v.period_code)
         FROM indicator_reported_values v JOIN admin_units u ON u.id = v.unit_id),
      (SELECT count(*) FROM physical_sites)
    )) AS digest`);
  return String(result.rows[0].digest);
}

async function value(knex: Knex, sql: string, bindings: Knex.RawBinding[] = []): Promise<number> {
  return Number(Object.values((await knex.raw(sql, bindings)).rows[0] as object)[0]);
}

describe.runIf(postgresUrl)('a register of two provinces (scale 2) on PostgreSQL', () => {
  let db: TestDatabase;
  let summary: ScaledSummary;
  let firstDigest: string;
  let plans: PlannedProvince[];
  beforeAll(async () => {
    db = await openPostgresFixture(postgresUrl!);
    summary = await seedScaledRegister(db.knex, { scale: 2, reset: true });
    firstDigest = await contentDigest(db.knex);
    plans = provinceSlots(2).map((slot) => planProvince(2, 20231226, slot));
  }, 240_000);
  afterAll(async () => {
    await db?.close();
  });

  it('holds exactly what the two provinces’ plans hold', () => {
    const sum = (f: (p: PlannedProvince) => number) => plans.reduce((n, p) => n + f(p), 0);
    expect(summary.provinces).toBe(2);
    expect(summary.districts).toBe(sum((p) => p.plan.districts.length));
    expect(summary.communes).toBe(sum((p) => p.plan.communes.length));
    expect(summary.communes2025).toBe(sum((p) => p.plan.communes2025.length));
    expect(summary.hamlets).toBe(sum((p) => p.plan.hamlets.length));
    expect(summary.population).toBe(sum((p) => p.plan.hamlets.reduce((n, h) => n + h.population, 0)));
    expect(summary.sites).toBe(sum((p) => p.plan.sites.filter((s) => s.inRegister).length));
    expect(summary.bts).toBe(sum((p) => p.plan.sites.reduce((n, s) => n + s.bts.length, 0)));
    expect(summary.fiberRoutes).toBe(sum((p) => p.plan.fiberRoutes.length));
    // Province 1 is the demo province: its figures are the demo's.
    expect(plans[0]!.plan.sites).toHaveLength(2000);
    expect(plans[0]!.plan.hamlets).toHaveLength(1000);
  });

  it('gives the two provinces distinct codes and places that do not overlap, in both boundary sets', async () => {
    const { knex } = db;
    for (const set of ['2023', '2025']) {
      expect(await value(knex, `SELECT count(DISTINCT code) FROM admin_units WHERE boundary_set = ? AND level = 'province'`, [set])).toBe(2);
      const overlap = await value(
        knex,
        `SELECT coalesce(max(ST_Area(ST_Intersection(a.geom, b.geom, 1e-9)::geography)), 0)
           FROM admin_units a JOIN admin_units b ON b.boundary_set = a.boundary_set AND b.level = 'province' AND b.id > a.id
          WHERE a.boundary_set = ? AND a.level = 'province'`,
        [set],
      );
      expect(overlap).toBe(0);
    }
    // No commune code is used twice, in either set or across them.
    expect(await value(knex, `SELECT count(*) - count(DISTINCT code) FROM admin_units WHERE level = 'commune'`)).toBe(0);
    // Every commune lies in its own province: its hamlets, sites and BTS too.
    const misplacedHamlets = await value(
      knex,
      `SELECT count(*) FROM hamlets h JOIN admin_units c ON c.id = h.commune_id JOIN admin_units d ON d.id = c.parent_id
         JOIN admin_units p ON p.id = d.parent_id WHERE NOT ST_Intersects(p.geom, h.ref_point)`,
    );
    expect(misplacedHamlets).toBe(0);
    const sitesOutside = await value(
      knex,
      `SELECT count(*) FROM sites s WHERE NOT EXISTS (SELECT 1 FROM admin_units p WHERE p.boundary_set = '2023' AND p.level = 'province' AND ST_Intersects(p.geom, s.geom))`,
    );
    expect(sitesOutside).toBe(0);
    expect(await value(knex, `SELECT count(*) FROM sites WHERE code LIKE 'TGG%'`)).toBe(plans[0]!.plan.sites.filter((s) => s.inRegister).length);
    expect(await value(knex, `SELECT count(*) FROM sites WHERE code LIKE 'P01%'`)).toBe(plans[1]!.plan.sites.filter((s) => s.inRegister).length);
    // Inference found every province's structures: no physical site spans two provinces' codes.
    expect(summary.physicalSites).toBeGreaterThan(summary.sites * 0.95);
  });

  it('is the same register, row for row, when loaded again from the same seed', async () => {
    await seedScaledRegister(db.knex, { scale: 2, reset: true });
    expect(await contentDigest(db.knex)).toBe(firstDigest);
  }, 180_000);
});
