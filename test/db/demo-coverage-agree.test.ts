import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom, recomputeAllCoverage } from '../../server/src/coverage/coverage-recompute.js';
import { openDatabase, type Database } from '../../server/src/db/database.js';
import { migrate } from '../../server/src/db/migrate.js';
import { seedDemoProposals } from '../../server/src/demo/demo-proposals.js';
import { seedDemoProvince } from '../../server/src/demo/seed-demo-province.js';
import { sharingSettingsFrom } from '../../server/src/sharing/sharing-settings.js';
import { preparedDemoDataDir, removeDataDir } from '../support/prepared-databases.js';

// PGlite and PostgreSQL must reach the same verdict for every hamlet of the demo
// province, per operator and technology group. Runs in CI, where TEST_DATABASE_URL is required.
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl && process.env.CI) throw new Error('TEST_DATABASE_URL must be set in CI');

async function verdicts(db: Database) {
  return (
    await db.knex.raw(`SELECT h.code, hc.scenario AS sc, hc.operator_code AS op, hc.tech_group AS g, hc.verdict, hc.ref_covered AS ref,
                              hc.covered_share AS share, hc.population_covered AS pop
                         FROM hamlet_coverage hc JOIN hamlets h ON h.id = hc.hamlet_id ORDER BY 1, 2, 3, 4`)
  ).rows as { code: string; sc: string; op: string; g: string; verdict: string; ref: boolean; share: number; pop: number }[];
}

describe.runIf(Boolean(adminUrl))('coverage of the demo province on PGlite and PostgreSQL', () => {
  const name = `hatang_t_demo_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  let dir: string;
  let embedded: Database;
  let postgres: Database;
  beforeAll(async () => {
    dir = preparedDemoDataDir();
    embedded = await openDatabase({ databaseUrl: '', dataDir: dir, statementTimeoutMs: 0 });
    await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.raw(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    postgres = await openDatabase({ databaseUrl: url.toString(), dataDir: '', statementTimeoutMs: 0 });
    await migrate(postgres.knex);
    // The same register as the embedded template (test/support/test-templates.ts): the demo, its coverage and its
    // sample proposals, whose approved ones add approved BTS (the planned scenario).
    await seedDemoProvince(postgres.knex);
    const { config } = loadConfig({});
    const coverage = coverageParamsFrom(config);
    await recomputeAllCoverage(postgres.knex, coverage);
    await seedDemoProposals(postgres.knex, { coverage, sharing: sharingSettingsFrom(config) });
  });
  afterAll(async () => {
    await embedded?.close();
    if (dir) removeDataDir(dir);
    await postgres?.close();
    await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.destroy();
  });

  it('gives every hamlet the same verdict, reference-point test and population covered', async () => {
    const [a, b] = [await verdicts(embedded), await verdicts(postgres)];
    // Hamlets × scenarios (current, planned) × (any + 5 operators) × groups.
    expect(a.length).toBe(1000 * 2 * (1 + 5) * 5);
    // The demo has approved BTS: the planned scenario must differ from the current one somewhere, or
    // this compares two copies. Rows come ordered code, scenario (current < planned), operator, group.
    const perScenario = a.length / 2 / 1000;
    const changed = a.filter((r, i) => r.sc === 'planned' && Math.abs(r.share - a[i - perScenario]!.share) > 1e-6);
    expect(changed.length).toBeGreaterThan(0);
    expect(b.length).toBe(a.length);
    const key = (r: (typeof a)[number]) => `${r.code}/${r.sc}/${r.op}/${r.g}`;
    const differences = a
      .map((r, i) => [r, b[i]!] as const)
      .filter(([x, y]) => key(x) !== key(y) || x.verdict !== y.verdict || x.ref !== y.ref || x.pop !== y.pop || Math.abs(x.share - y.share) > 1e-6)
      .map(([x, y]) => ({ embedded: x, postgres: y }));
    expect(differences).toEqual([]);
  });

  it('finds the same uncovered parts with the same area and estimated population', async () => {
    const gaps = async (db: Database) =>
      (
        await db.knex.raw(`SELECT h.code, g.scenario, g.part_no, g.area_m2 AS area, g.population_est AS pop
                             FROM coverage_gaps g JOIN hamlets h ON h.id = g.hamlet_id ORDER BY 1, 2, 3`)
      ).rows as { code: string; scenario: string; part_no: number; area: number; pop: number }[];
    const [a, b] = [await gaps(embedded), await gaps(postgres)];
    expect(a.length).toBeGreaterThan(0);
    expect(a.some((g) => g.scenario === 'planned')).toBe(true);
    expect(b.map((g) => `${g.code}/${g.scenario}/${g.part_no}`)).toEqual(a.map((g) => `${g.code}/${g.scenario}/${g.part_no}`));
    // The embedded overlays snap to a 1e-9° grid (≤ 0.06 mm per vertex, hatang_overlay_grid) and a planned
    // union is one overlay more (current ∪ approved footprints): along a part's edge of a few hundred metres
    // that moves its area by up to a few hundredths of a m², against PostgreSQL's unsnapped overlay.
    a.forEach((g, i) => {
      const part = `${g.code}/${g.scenario}/${g.part_no}: ${JSON.stringify(g)} vs ${JSON.stringify(b[i])}`;
      expect(Math.abs(b[i]!.area - g.area), part).toBeLessThanOrEqual(1e-6 * g.area + 0.05);
      expect(Math.abs(b[i]!.pop - g.pop), part).toBeLessThanOrEqual(1e-6 * g.pop + 1e-3);
    });
  });

  it('holds the same sample proposals on both: one approved with its approved BTS, one rejected, the others open', async () => {
    const proposals = async (db: Database) =>
      (
        await db.knex.raw(`SELECT p.code, p.kind, p.status, o.code AS operator, p.site_key, (p.impact->>'populationNewlyCovered')::int AS gain,
                                  b.code AS bts, b.status AS bts_status
                             FROM proposals p JOIN operators o ON o.id = p.operator_id LEFT JOIN bts b ON b.id = p.created_bts_id
                            ORDER BY p.code`)
      ).rows as { code: string; kind: string; status: string; operator: string; site_key: string | null; gain: number; bts: string | null; bts_status: string | null }[];
    const [a, b] = [await proposals(embedded), await proposals(postgres)];
    expect(b).toEqual(a);
    expect(a.map((p) => p.status).sort()).toEqual(['approved', 'rejected', ...Array(a.length - 2).fill('submitted')].sort());
    const approved = a.find((p) => p.status === 'approved')!;
    expect(approved).toMatchObject({ bts: expect.stringMatching(new RegExp(`^${approved.code}-4G$`)), bts_status: 'approved' });
    expect(a.every((p) => p.gain > 0 || p.kind === 'new_site')).toBe(true);
  });
});
