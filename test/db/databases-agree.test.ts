import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerNames } from '../../server/src/contracts/layer-contracts.js';
import { layerGeoJson } from '../../server/src/layers/layer-queries.js';
import { loadCoverageFixture } from '../fixtures/coverage-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

// The same SQL must give the same answers on PGlite (PostgreSQL 18, PostGIS 3.6)
// and on PostgreSQL 15 + PostGIS 3.3. Runs in CI, where TEST_DATABASE_URL is required.
const targets = databaseTargets();

describe.runIf(targets.length === 2)('the embedded database and PostgreSQL agree', () => {
  const dbs: TestDatabase[] = [];
  beforeAll(async () => {
    for (const t of targets) {
      const db = await t.open();
      await loadCoverageFixture(db.knex);
      dbs.push(db);
    }
  });
  afterAll(async () => {
    for (const db of dbs) await db.close();
  });

  it.each(layerNames.map((l) => [l]))('on every feature of the %s layer', async (layer) => {
    const [a, b] = await Promise.all(
      dbs.map(async (db) => JSON.parse(await layerGeoJson(db.knex, layer, { unitId: null, boundarySet: 'T', limit: 1000 }))),
    );
    // The fixture has one shared site, one coverage union per key and no consolidation group (no two owners' sites within D).
    expect(a.features.length).toBeGreaterThan(['shared-sites', 'coverage'].includes(layer) ? 0 : layer === 'consolidation' ? -1 : 1);
    expect(b).toEqual(a);
  });

  it('on every hamlet verdict and gap', async () => {
    const [a, b] = await Promise.all(
      dbs.map(async (db) => (await db.knex.raw(`
        SELECT h.code, hc.scenario, hc.operator_code, hc.tech_group, hc.verdict, hc.ref_covered, round(hc.covered_share::numeric, 6) AS share,
               hc.population_covered FROM hamlet_coverage hc JOIN hamlets h ON h.id = hc.hamlet_id
         ORDER BY 1, 2, 3, 4`)).rows),
    );
    // 3 hamlets × 2 scenarios × (3 operators with BTS + *) × 5 groups.
    expect(a.length).toBe(3 * 2 * 5 * 4);
    expect(b).toEqual(a);
  });

  it('on search results', async () => {
    const [a, b] = await Promise.all(dbs.map(async (db) => (await db.knex.raw('SELECT * FROM hatang_search(?, 20)', ['a'])).rows));
    expect(a.length).toBeGreaterThan(3);
    expect(b).toEqual(a);
  });
});
