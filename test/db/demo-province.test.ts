import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { openDatabase } from '../../server/src/db/database.js';
import { DEFAULT_DEMO_SEED, buildDemoPlan } from '../../server/src/demo/demo-plan.js';
import { DEMO_INFERENCE_CASES } from '../../server/src/demo/demo-site-inference-cases.js';
import { DEMO_SOURCE, isRegisterEmpty, seedDemoProvince, type DemoSummary } from '../../server/src/demo/seed-demo-province.js';
import { openPostgresFixture, preparedDemoDataDir, removeDataDir } from '../support/prepared-databases.js';

// The demo province as PostGIS builds it from the generator's plan. The
// embedded database is a copy of the demo template the global setup seeded
// with the default seed (saves creating PGlite + PostGIS, ~15 s); PostgreSQL,
// when TEST_DATABASE_URL is set, gets a fresh database with the hand-made
// fixture, which the generator replaces (reset).

interface Target {
  label: string;
  open: () => Promise<{ knex: Knex; close: () => Promise<void> }>;
}

const targets: Target[] = [
  {
    label: 'embedded',
    open: async () => {
      const dir = preparedDemoDataDir();
      const db = await openDatabase({ databaseUrl: '', dataDir: dir, statementTimeoutMs: 0 });
      return {
        knex: db.knex,
        close: async () => {
          await db.close();
          removeDataDir(dir);
        },
      };
    },
  },
];
const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI: database tests run on PostgreSQL too');
if (postgresUrl) {
  targets.push({
    label: 'postgres',
    open: async () => {
      const db = await openPostgresFixture(postgresUrl);
      await seedDemoProvince(db.knex, { reset: true });
      return db;
    },
  });
}

/**
 * One number from a query's first row. Overlays below pass a precision grid
 * (1e-9°): without one, GEOS's exception-based fallback fails inside the
 * embedded (WASM) PostGIS and the statement silently returns no row.
 */
async function value(knex: Knex, sql: string, bindings: Knex.RawBinding[] = []): Promise<number> {
  const result = await knex.raw(sql, bindings);
  if (result.rows.length === 0) throw new Error(`no row from: ${sql}`);
  return Number(Object.values(result.rows[0] as object)[0]);
}

/** A digest of the register's content, geometry included, independent of row ids. */
async function contentDigest(knex: Knex): Promise<string> {
  const result = await knex.raw(`
    SELECT md5(concat_ws('#',
      (SELECT string_agg(concat_ws(' ', boundary_set, code, name, level, unit_type, md5(ST_AsText(geom))), '|' ORDER BY boundary_set, code) FROM admin_units),
      (SELECT string_agg(concat_ws(' ', code, name, population, households, ST_AsText(ref_point), md5(ST_AsText(geom))), '|' ORDER BY code) FROM hamlets),
      (SELECT string_agg(concat_ws(' ', h.code, c.population, ST_AsText(c.geom)), '|' ORDER BY h.code, ST_AsText(c.geom), c.population)
         FROM population_clusters c JOIN hamlets h ON h.id = c.hamlet_id),
      (SELECT string_agg(concat_ws(' ', code, name, ST_AsText(geom), structure_type, height_m, address, status), '|' ORDER BY code)
         FROM sites WHERE source NOT LIKE 'proposal:%'),
      (SELECT string_agg(concat_ws(' ', b.code, ST_AsText(b.geom), b.band_mhz, b.antenna_height_m, b.eirp_dbm, b.status,
                                   (SELECT string_agg(concat_ws(':', sector_no, azimuth_deg, beamwidth_deg, tilt_deg), ',' ORDER BY sector_no)
                                    FROM bts_sectors s WHERE s.bts_id = b.id)), '|' ORDER BY b.code)
         FROM bts b WHERE b.source NOT LIKE 'proposal:%'),
      (SELECT string_agg(concat_ws(' ', code, kind, laying, cores, ST_AsText(geom)), '|' ORDER BY code) FROM fiber_routes),
      (SELECT string_agg(concat_ws(' ', v.indicator_code, u.boundary_set, u.code, v.period_code, v.value, v.document), '|'
                         ORDER BY v.indicator_code, u.boundary_set, u.code, v.period_code)
         FROM indicator_reported_values v JOIN admin_units u ON u.id = v.unit_id),
      (SELECT string_agg(concat_ws(' ', indicator_code, target_year, value, document), '|' ORDER BY indicator_code, target_year) FROM indicator_targets)
    )) AS digest`);
  return String(result.rows[0].digest);
}

describe.each(targets)('the demo province on the $label database', ({ open }) => {
  let db: { knex: Knex; close: () => Promise<void> };
  let knex: Knex;
  beforeAll(async () => {
    db = await open();
    knex = db.knex;
  }, 180_000);
  afterAll(async () => {
    await db?.close();
  });

  it('has the 11 district-level units and 160–180 communes of 2023, and a two-level 2025 set', async () => {
    expect(await value(knex, `SELECT count(*) FROM admin_units WHERE boundary_set = '2023' AND level = 'district'`)).toBe(11);
    const communes = await value(knex, `SELECT count(*) FROM admin_units WHERE boundary_set = '2023' AND level = 'commune'`);
    expect(communes).toBeGreaterThanOrEqual(160);
    expect(communes).toBeLessThanOrEqual(180);
    const communes2025 = await value(knex, `SELECT count(*) FROM admin_units WHERE boundary_set = '2025' AND level = 'commune'`);
    expect(communes2025).toBeGreaterThanOrEqual(50);
    expect(communes2025).toBeLessThanOrEqual(60);
    expect(await value(knex, `SELECT count(*) FROM admin_units WHERE boundary_set = '2025' AND level = 'district'`)).toBe(0);
    const area = await value(knex, `SELECT ST_Area(geom::geography) / 1e6 FROM admin_units WHERE boundary_set = '2023' AND level = 'province'`);
    expect(area).toBeGreaterThan(2556 * 0.99);
    expect(area).toBeLessThan(2556 * 1.01);
  });

  it('keeps every commune inside the province, without overlaps, and every district in one piece', async () => {
    const outside = await value(
      knex,
      `SELECT max(ST_Area(ST_Difference(c.geom, p.geom, 1e-9)::geography)) FROM admin_units c
       JOIN admin_units p ON p.boundary_set = c.boundary_set AND p.level = 'province' WHERE c.level = 'commune'`,
    );
    expect(outside).toBeLessThan(1000);
    for (const set of ['2023', '2025']) {
      const sum = await value(knex, `SELECT sum(ST_Area(geom::geography)) FROM admin_units WHERE boundary_set = ? AND level = 'commune'`, [set]);
      const union = await value(knex, `SELECT ST_Area(ST_Union(geom, 1e-9)::geography) FROM admin_units WHERE boundary_set = ? AND level = 'commune'`, [set]);
      expect(Math.abs(sum - union) / union).toBeLessThan(1e-4);
      expect(union / 1e6).toBeCloseTo(2556, -1);
    }
    expect(await value(knex, `SELECT max(ST_NumGeometries(geom)) FROM admin_units WHERE level = 'district'`)).toBe(1);
    expect(await value(knex, `SELECT count(*) FROM admin_units WHERE GeometryType(geom) <> 'MULTIPOLYGON' OR NOT ST_IsValid(geom)`)).toBe(0);
  });

  it('finds “Thị trấn Cái Bè” when searching for “cai be”', async () => {
    const result = await knex.raw(`SELECT name FROM admin_units WHERE hatang_fold(name) LIKE '%cai be%' ORDER BY name`);
    expect(result.rows.map((r: { name: string }) => r.name)).toContain('Thị trấn Cái Bè');
  });

  it('has about 1,000 hamlets holding the province’s 1,790,700 people', async () => {
    const hamlets = await value(knex, `SELECT count(*) FROM hamlets`);
    expect(hamlets).toBeGreaterThanOrEqual(900);
    expect(hamlets).toBeLessThanOrEqual(1100);
    const population = await value(knex, `SELECT sum(population) FROM hamlets`);
    expect(Math.abs(population - 1_790_700) / 1_790_700).toBeLessThan(0.01);
  });

  it('gives each hamlet clusters summing to its population, inside it, and a reference point inside it', async () => {
    expect(
      await value(
        knex,
        `SELECT count(*) FROM hamlets h
         WHERE population <> (SELECT coalesce(sum(population), 0) FROM population_clusters WHERE hamlet_id = h.id)`,
      ),
    ).toBe(0);
    expect(await value(knex, `SELECT count(*) FROM hamlets WHERE NOT ST_Contains(geom, ref_point)`)).toBe(0);
    expect(
      await value(knex, `SELECT count(*) FROM population_clusters c JOIN hamlets h ON h.id = c.hamlet_id WHERE NOT ST_CoveredBy(c.geom, h.geom)`),
    ).toBe(0);
    expect(
      await value(knex, `SELECT count(*) FROM hamlets h JOIN admin_units c ON c.id = h.commune_id WHERE ST_Area(ST_Difference(h.geom, c.geom, 1e-9)::geography) > 1`),
    ).toBe(0);
  });

  it('has BTS totals per technology within 10% of the 2023 figures', async () => {
    const expected: Record<string, number> = { '2G': 1290, '3G': 1814, '4G': 1873 };
    for (const [technology, n] of Object.entries(expected)) {
      const count = await value(knex, `SELECT count(*) FROM bts WHERE technology = ?`, [technology]);
      expect(Math.abs(count - n) / n).toBeLessThan(0.1);
    }
  });

  it('reports about 15 % of its BTS without a site code, and site inference puts every live BTS on a physical site', async () => {
    const uncoded = await value(knex, `SELECT count(*)::float / (SELECT count(*) FROM bts) FROM bts WHERE site_id IS NULL`);
    expect(uncoded).toBeGreaterThan(0.13);
    expect(uncoded).toBeLessThan(0.18);
    expect(
      await value(knex, `SELECT count(*) FROM bts b WHERE b.status <> 'decommissioned' AND NOT EXISTS (SELECT 1 FROM bts_physical_sites a WHERE a.bts_id = b.id)`),
    ).toBe(0);
  });

  it('holds the structures, conflicts and consolidation pairs its plan put there for site inference to find', async () => {
    expect(await value(knex, `SELECT count(*) FROM physical_sites WHERE inferred`)).toBe(DEMO_INFERENCE_CASES.inferredOnly);
    // Each inferred structure carries two operators' BTS, 5–15 m apart.
    expect(
      await value(knex, `SELECT count(*) FROM physical_sites p WHERE p.inferred AND
        (SELECT count(DISTINCT b.operator_id) FROM bts_physical_sites a JOIN bts b ON b.id = a.bts_id WHERE a.physical_site_id = p.id) = 2`),
    ).toBe(DEMO_INFERENCE_CASES.inferredOnly);
    expect(await value(knex, `SELECT count(*) FROM site_conflicts WHERE kind = 'code_spread'`)).toBe(DEMO_INFERENCE_CASES.misplacedBts);
    expect(await value(knex, `SELECT min(distance_m) FROM site_conflicts WHERE kind = 'code_spread'`)).toBeGreaterThan(150);
    expect(await value(knex, `SELECT count(*) FROM site_conflicts WHERE kind = 'codes_colocated'`)).toBe(DEMO_INFERENCE_CASES.colocatedPairs);
    const groups = await value(knex, `SELECT count(*) FROM hatang_consolidation_groups(100, '{on_air}', '2023')`);
    expect(groups).toBe(DEMO_INFERENCE_CASES.colocatedPairs + DEMO_INFERENCE_CASES.consolidationPairs);
  });

  it('shares 25–35% of the on-air sites between two or more operators', async () => {
    const ratio = await value(
      knex,
      `SELECT count(*) FILTER (WHERE n >= 2)::float / count(*) FROM
         (SELECT a.physical_site_id, count(DISTINCT b.operator_id) AS n FROM bts_physical_sites a JOIN bts b ON b.id = a.bts_id
           WHERE b.status = 'on_air' GROUP BY a.physical_site_id) s`,
    );
    // The plan shares exactly 30 % of its on-air structures; inference finds them again from the register.
    expect(ratio).toBeCloseTo(0.3, 3);
  });

  it('lays 10–30% of its fibre length underground', async () => {
    const share = await value(
      knex,
      `SELECT sum(ST_Length(geom::geography)) FILTER (WHERE laying = 'underground') / sum(ST_Length(geom::geography)) FROM fiber_routes`,
    );
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.3);
  });

  it('marks every row it wrote as demo data', async () => {
    // The embedded template also holds the demo's sample proposals (as a first start loads them): the records an
    // approved one created carry that proposal as their provenance, and nothing else does.
    for (const table of ['operators', 'boundary_sets', 'admin_units', 'hamlets', 'population_clusters', 'sites', 'bts', 'fiber_routes']) {
      const fromProposals = table === 'sites' || table === 'bts' ? ` AND source NOT LIKE 'proposal:%'` : '';
      expect(await value(knex, `SELECT count(*) FROM ${table} WHERE (source <> ? OR source_date <> '2026-01-01')${fromProposals}`, [DEMO_SOURCE])).toBe(0);
    }
    expect(
      await value(knex, `SELECT count(*) FROM bts WHERE source LIKE 'proposal:%' AND substr(source, 10) NOT IN (SELECT code FROM proposals WHERE status = 'approved')`),
    ).toBe(0);
  });

  it("holds the plan's 2023 figures for the province, a 2025 target per indicator marked as demo, and 2024 figures per commune", async () => {
    // Kế hoạch 540/KH-UBND's current state: 76,85 subscriptions/100 people, 74,6 % smartphones, 80 % adults with one,
    // 30 Mbit/s, 100 % of hamlets covered, 30 % of sites shared; shares stored in 0–1.
    const plan2023 = (
      await knex.raw(`SELECT v.indicator_code, v.value, v.document FROM indicator_reported_values v JOIN admin_units u ON u.id = v.unit_id
                       WHERE u.boundary_set = '2023' AND u.level = 'province' AND v.period_code = '2023' ORDER BY v.indicator_code`)
    ).rows.map((r: { indicator_code: string; value: number; document: string }) => [r.indicator_code, Number(r.value), r.document]);
    const doc = 'Kế hoạch 540/KH-UBND ngày 26/12/2023';
    expect(plan2023).toEqual([
      ['adults-with-smartphone', 0.8, doc],
      ['hamlets-mobile-broadband', 1, doc],
      ['mobile-broadband-speed', 30, doc],
      ['mobile-broadband-subscriptions', 76.85, doc],
      ['site-sharing-ratio', 0.3, doc],
      ['smartphone-subscription-share', 0.746, doc],
    ]);
    const targets = (await knex.raw(`SELECT indicator_code, unit_id, target_year, value, document, source FROM indicator_targets ORDER BY indicator_code`)).rows;
    expect(targets).toHaveLength(12);
    for (const t of targets) {
      expect(t).toMatchObject({ unit_id: null, target_year: 2025, source: DEMO_SOURCE });
      expect(t.document).toBe(t.indicator_code === 'site-sharing-ratio' ? 'Theo cấu hình HATANG_SHARING_TARGET' : 'Dữ liệu minh hoạ — không phải chỉ tiêu chính thức');
    }
    // The default HATANG_SHARING_TARGET.
    expect(Number(targets.find((t: { indicator_code: string }) => t.indicator_code === 'site-sharing-ratio').value)).toBe(0.3);
    // Three indicators for every 2023 commune in 2024, inside their ranges (urban or rural).
    const communes = await value(knex, `SELECT count(*) FROM admin_units WHERE boundary_set = '2023' AND level = 'commune'`);
    const per = (
      await knex.raw(`SELECT v.indicator_code, count(*)::int AS n, min(v.value) AS lo, max(v.value) AS hi, count(DISTINCT v.value)::int AS distinct_values
                        FROM indicator_reported_values v JOIN admin_units u ON u.id = v.unit_id
                       WHERE v.period_code = '2024' AND u.level = 'commune' AND u.boundary_set = '2023' AND v.document = 'Dữ liệu minh hoạ — không phải số liệu chính thức'
                       GROUP BY v.indicator_code ORDER BY v.indicator_code`)
    ).rows;
    expect(per.map((r: { indicator_code: string; n: number }) => [r.indicator_code, r.n])).toEqual([
      ['households-ftth', communes], ['mobile-broadband-subscriptions', communes], ['smartphone-subscription-share', communes],
    ]);
    const [ftth, subscriptions, smartphones] = per;
    expect(Number(ftth.lo)).toBeGreaterThanOrEqual(0.45);
    expect(Number(ftth.hi)).toBeLessThan(0.9);
    expect(Number(subscriptions.lo)).toBeGreaterThanOrEqual(60);
    expect(Number(subscriptions.hi)).toBeLessThan(110);
    expect(Number(smartphones.lo)).toBeGreaterThanOrEqual(0.68);
    expect(Number(smartphones.hi)).toBeLessThan(0.9);
    // Drawn, not constant.
    expect(subscriptions.distinct_values).toBeGreaterThan(communes / 2);
    expect(await value(knex, `SELECT count(*) FROM indicator_reported_values WHERE source <> ? OR updated_by <> ? OR source_date <> '2026-01-01'`, [DEMO_SOURCE, DEMO_SOURCE])).toBe(0);
  });

  it('puts the sites where the plan says', async () => {
    const plan = buildDemoPlan(DEFAULT_DEMO_SEED);
    const result = await knex.raw(`SELECT code, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM sites ORDER BY code`);
    // Structures nobody registered are found by site inference, not written.
    expect(result.rows.map((r: { code: string; lon: number; lat: number }) => [r.code, r.lon, r.lat])).toEqual(
      plan.sites.filter((s) => s.inRegister).map((s) => [s.code, s.location[0], s.location[1]]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('refuses to load over a register with data, and with reset rebuilds exactly the same province', async () => {
    expect(await isRegisterEmpty(knex)).toBe(false);
    await expect(seedDemoProvince(knex)).rejects.toThrow(/already holds data/);
    const before = await contentDigest(knex);
    const summary: DemoSummary = await seedDemoProvince(knex, { reset: true });
    expect(await contentDigest(knex)).toBe(before);
    expect(summary).toMatchObject({ seed: DEFAULT_DEMO_SEED, districts: 11, hamlets: await value(knex, `SELECT count(*) FROM hamlets`) });
    expect(summary.sharedSiteRatio).toBeGreaterThan(0.25);
  }, 120_000);
});
