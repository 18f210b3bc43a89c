import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom } from '../../server/src/coverage/coverage-recompute.js';
import { hataRange } from '../../server/src/coverage/range-model.js';
import { candidateGains } from '../../server/src/colocation/candidate-gains.js';
import { findColocationCandidates } from '../../server/src/colocation/colocation-finder.js';
import { betterPick, planSites } from '../../server/src/colocation/site-planner.js';
import { inferSites } from '../../server/src/sharing/site-inference.js';
import { sharingSettingsFrom } from '../../server/src/sharing/sharing-settings.js';
import { finderRequest, loadColocationFixture } from '../fixtures/colocation-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

const { config } = loadConfig({});
const coverage = coverageParamsFrom(config);
const sharing = sharingSettingsFrom(config);

describe('the fixture ranges', () => {
  it('are the hand-computed Hata ranges: 667 m at 30 m and 579 m at 20 m (urban, MAPL 130 dB)', () => {
    expect(hataRange({ frequencyMHz: 1800, baseHeightM: 30, environment: 'urban', maplDb: 130 }).rangeKm).toBeCloseTo(0.667, 3);
    expect(hataRange({ frequencyMHz: 1800, baseHeightM: 20, environment: 'urban', maplDb: 130 }).rangeKm).toBeCloseTo(0.579, 3);
  });
});

describe.each(databaseTargets())('co-location finder and site planner on the $label database (hand-computed fixture)', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await loadColocationFixture(db.knex);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('ranks the structures by the population VNPT would newly cover, then by distance', async () => {
    const r = await findColocationCandidates(db.knex, coverage, sharing, finderRequest);
    expect(r.candidates.map((c) => [c.siteKey, c.populationNewlyCovered, Math.round(c.distanceM)])).toEqual([
      ['SUY-MB-G-4G', 2500, 332],
      ['B', 1200, 548],
      ['A', 800, 548],
      ['E', 800, 1644],
      ['C', 500, 664],
    ]);
    expect(r.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(r.atPoint).toEqual({ populationNewlyCovered: 2000, hamletsNewlyCovered: 2 });
  });

  it('excludes a structure that already carries the operator and one outside the radius', async () => {
    const r = await findColocationCandidates(db.knex, coverage, sharing, finderRequest);
    const keys = r.candidates.map((c) => c.siteKey);
    expect(keys).not.toContain('D');
    expect(keys).not.toContain('F');
    // Viettel is on A, B, D, E: only C and G are left for it.
    const viettel = await findColocationCandidates(db.knex, coverage, sharing, { ...finderRequest, operator: 'viettel' });
    expect(viettel.candidates.map((c) => c.siteKey).sort()).toEqual(['C', 'SUY-MB-G-4G']);
  });

  it('flags a structure without room, one lower than the antenna and an inferred one', async () => {
    const r = await findColocationCandidates(db.knex, coverage, sharing, finderRequest);
    const by = Object.fromEntries(r.candidates.map((c) => [c.siteKey, c]));
    expect(by.B).toMatchObject({ warnings: ['no_room'], tenants: ['mobifone', 'viettel'], tenantLimit: 2, structureType: 'monopole', owner: 'towerco' });
    expect(by.C).toMatchObject({ warnings: ['structure_lower_than_antenna'], heightM: 20, effectiveAntennaHeightM: 20 });
    expect(by['SUY-MB-G-4G']).toMatchObject({ warnings: ['structure_unknown'], inferred: true, siteCode: null, structureType: null, heightM: null });
    expect(by.A).toMatchObject({ warnings: [], tenants: ['viettel'], tenantLimit: 4, heightM: 40, effectiveAntennaHeightM: 30 });
  });

  it('counts a structure with only approved BTS as active in the planned scenario, not in the current one', async () => {
    const seen: Record<string, string[]> = {};
    await db.knex
      .transaction(async (trx) => {
        // K: an approved MobiFone monopole 332 m south of P (an approved proposal's records).
        await trx.raw(`INSERT INTO sites (code, geom, structure_type, height_m, owner_id, status, source, source_date)
                       VALUES ('K', ST_SetSRID(ST_MakePoint(106.05, 10.147), 4326), 'monopole', 30, (SELECT id FROM operators WHERE code = 'mobifone'), 'approved', 'test', '2026-01-01')`);
        await trx.raw(`INSERT INTO bts (code, site_id, operator_id, geom, technology, band_mhz, antenna_height_m, eirp_dbm, status, source, source_date)
                       SELECT 'MB-K-4G', s.id, s.owner_id, s.geom, '4G', 1800, 30, 60, 'approved', 'test', '2026-01-01' FROM sites s WHERE s.code = 'K'`);
        await inferSites(trx, config.siteInferenceEpsM);
        for (const scenario of ['current', 'planned'] as const) {
          seen[scenario] = (await findColocationCandidates(trx, coverage, sharing, { ...finderRequest, scenario })).candidates.map((c) => c.siteKey);
        }
        throw new Error('roll back');
      })
      .catch((error: Error) => {
        if (error.message !== 'roll back') throw error;
      });
    expect(seen.current).not.toContain('K');
    // K reaches only HD (232 m), which VNPT covers already: last, with nothing to add.
    expect(seen.planned).toEqual([...seen.current!, 'K']);
  });

  it('lists the newly covered hamlets with population and verdict before and after', async () => {
    const r = await findColocationCandidates(db.knex, coverage, sharing, finderRequest);
    const c = r.candidates.find((x) => x.siteKey === 'C')!;
    // At 20 m (579 m) C reaches HC's 500 people 300 m north, not its 300 people 620 m north.
    expect(c.newlyCoveredHamlets).toEqual([
      { code: 'HC', name: 'Khu phố HC', communeName: 'Phường 1', population: 800, populationCoveredBefore: 0, populationCoveredAfter: 500, verdictBefore: 'trang_song', verdictAfter: 'lom_song' },
    ]);
    expect(c.hamletsNewlyCovered).toBe(0);
    const g = r.candidates[0]!;
    expect(g.newlyCoveredHamlets.map((h) => [h.code, h.populationCoveredAfter - h.populationCoveredBefore, h.verdictAfter])).toEqual([
      ['HB', 1200, 'covered'],
      ['HA', 800, 'covered'],
      ['HC', 500, 'lom_song'],
    ]);
    expect(g.hamletsNewlyCovered).toBe(2);
    expect(g.footprint?.type).toBe('Polygon');
  });

  it('gains the population the coverage what-if finds for the same BTS, also where shares are areas of polygons', async () => {
    const points = [
      [106.155, 10.155], [106.158, 10.152], [106.174, 10.174], [106.178, 10.172], [106.05, 10.153], [106.05, 10.15],
    ];
    const radio = { technology: '4G' as const, bandMHz: 1800, eirpDbm: 60 };
    const gains = await candidateGains(db.knex, {
      operator: 'vnpt', radio, candidates: points.map(([lon, lat]) => ({ lon: lon!, lat: lat!, antennaHeightM: 30 })), scenario: 'current', params: coverage,
    });
    const found: number[] = [];
    for (const [lon, lat] of points) {
      const bts = [{ lon, lat, operator: 'vnpt', ...radio, antennaHeightM: 30 }];
      const whatIf = (await db.knex.raw(`SELECT hatang_what_if(?::jsonb, ?::jsonb, 'vnpt', '4G', 'current') AS r`, [JSON.stringify(bts), JSON.stringify(coverage)])).rows[0].r;
      found.push(Number((typeof whatIf === 'string' ? JSON.parse(whatIf) : whatIf).populationNewlyCovered));
    }
    expect(gains.map((g) => g.populationGain)).toEqual(found);
    // The points in C3 (suburban: 4G range 1.46 km at 30 m) each add people in HP or HQ, partly covered already or not.
    expect(found.slice(0, 4).every((n) => n > 0)).toBe(true);
    expect(found[4]).toBe(2500);
  });

  it('offers new-site points inside the uncovered parts only, one per part first (round-robin), a grid in large parts, capped', async () => {
    const points = (cap: number) =>
      db.knex
        .raw(
          `SELECT (SELECT h.code FROM hamlets h WHERE h.id = p.hamlet_id) AS hamlet, p.total_points,
                  ST_Distance(ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)::geography, ST_SetSRID(ST_MakePoint(106.15, 10.15), 4326)::geography) AS from_q
             FROM hatang_planner_new_site_points('vnpt', '4G', 200, 5000, (SELECT geom FROM admin_units WHERE boundary_set = 'T' AND code = 'C3'), ?, 'current') p`,
          [cap],
        )
        .then((r) => r.rows as { hamlet: string; total_points: number; from_q: number }[]);
    const all = await points(1000);
    // HP (1.2 km² less VNPT's quarter circle of 400 m) and HQ (1.2 km²) on a 200 m grid: about 30 points each.
    expect(all.length).toBeGreaterThan(40);
    expect(new Set(all.map((p) => p.hamlet))).toEqual(new Set(['HP', 'HQ']));
    expect(all.filter((p) => p.hamlet === 'HP').every((p) => p.from_q > 400)).toBe(true);
    const two = await points(2);
    expect(two.map((p) => p.hamlet).sort()).toEqual(['HP', 'HQ']);
    expect(Number(two[0]!.total_points)).toBe(all.length);
  });

  it('plans K = 1 as the best single structure and K = 2 by marginal gains, not standalone ones', async () => {
    const plan = (k: number) =>
      planSites(db.knex, coverage, sharing, { ...finderRequest, k }, { operator: 'vnpt', scenario: 'current', unitId: c1Id, radiusOverrideM: 1000 });
    const c1Id = (await db.knex.raw(`SELECT id FROM admin_units WHERE boundary_set = 'T' AND code = 'C1'`)).rows[0].id as number;
    const one = await plan(1);
    expect(one.picks.map((p) => [p.kind, p.siteKey, p.marginalGain, p.standaloneGain, p.cumulativeGain])).toEqual([['colocation', 'X', 1500, 1500, 1500]]);
    expect(one.totalGain).toBe(1500);
    const two = await plan(2);
    expect(two.picks.map((p) => [p.kind, p.siteKey, p.marginalGain, p.standaloneGain, p.cumulativeGain])).toEqual([
      ['colocation', 'X', 1500, 1500, 1500],
      ['colocation', 'Z', 900, 900, 2400],
    ]);
    expect(two.picks.map((p) => p.hamlets)).toEqual([['H1', 'H2'], ['H4']]);
    expect(two.candidatesConsidered).toEqual({ colocation: 3, newSite: 4, newSiteFound: 4, newSiteCap: 400 });
    // K = 3: Y and a new site at H3 both add H3's 200 people; the tie goes to co-location.
    const three = await plan(3);
    expect(three.picks.map((p) => [p.kind, p.siteKey, p.marginalGain, p.standaloneGain])).toEqual([
      ['colocation', 'X', 1500, 1500],
      ['colocation', 'Z', 900, 900],
      ['colocation', 'Y', 200, 1200],
    ]);
    // Nothing is left to add: K = 5 stops after three picks.
    expect((await plan(5)).picks).toHaveLength(3);
  });
});

describe('the site planner\'s choice between a co-location and a new site', () => {
  const colocation = (marginal: number) => ({ kind: 'colocation' as const, marginal, standalone: marginal });
  const newSite = (marginal: number) => ({ kind: 'new_site' as const, marginal, standalone: marginal });

  it('takes the co-location unless the new site adds more than the preference times as many people', () => {
    // Preference 1.5: a new site adding 1,000 people loses to a co-location adding 800 (1,000 / 1.5 = 667 < 800)
    // and wins over one adding 600 (667 > 600); at 1,200 against 800 the two are even and co-location wins the tie.
    expect(betterPick(colocation(800), newSite(1000), 1.5)).toBe(true);
    expect(betterPick(newSite(1000), colocation(600), 1.5)).toBe(true);
    expect(betterPick(colocation(800), newSite(1200), 1.5)).toBe(true);
    expect(betterPick(newSite(1200), colocation(800), 1.5)).toBe(false);
    // Preference 1: gains alone decide, ties to co-location.
    expect(betterPick(newSite(1000), colocation(800), 1)).toBe(true);
    expect(betterPick(colocation(900), newSite(900), 1)).toBe(true);
  });

  it('between two of a kind takes the larger marginal gain, then the larger standalone gain', () => {
    expect(betterPick(colocation(500), colocation(400), 1.5)).toBe(true);
    expect(betterPick({ kind: 'new_site', marginal: 300, standalone: 900 }, { kind: 'new_site', marginal: 300, standalone: 400 }, 1.5)).toBe(true);
  });
});
