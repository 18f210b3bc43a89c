import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { sharingRatioFor, operatorSharing, consolidationGroups } from '../../server/src/sharing/sharing-queries.js';
import { inferSites } from '../../server/src/sharing/site-inference.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { loadSharingFixture, sharingFixture } from '../fixtures/sharing-fixture.js';

// Sharing ratios, per-operator sharing and consolidation groups on the sharing
// fixture; every expected count is worked out in test/fixtures/sharing-fixture.ts.

interface Counts {
  sites: number;
  shared: number;
  pairs: number;
  bts: number;
  btsShared: number;
}

async function unitCounts(knex: Knex, set: string, level: string, statuses: string[]): Promise<Record<string, Counts>> {
  const rows = (await knex.raw('SELECT * FROM hatang_sharing_ratios(?, ?, ?::text[])', [set, level, statuses])).rows as Record<string, number | string>[];
  return Object.fromEntries(
    rows.map((r) => [
      r.code,
      { sites: Number(r.sites_active), shared: Number(r.sites_shared), pairs: Number(r.tenancies), bts: Number(r.bts_active), btsShared: Number(r.bts_shared) },
    ]),
  );
}

const c = (sites: number, shared: number, pairs: number, bts: number, btsShared: number): Counts => ({ sites, shared, pairs, bts, btsShared });

describe.each(databaseTargets())('sharing ratios on the $label database', ({ open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await loadSharingFixture(db.knex);
    await inferSites(db.knex, sharingFixture.epsM);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('counts sites, shared sites, (site, operator) pairs and BTS per commune, district and province on air', async () => {
    const current = ['on_air'];
    expect(await unitCounts(db.knex, 'T', 'commune', current)).toEqual({ C1: c(6, 3, 9, 9, 6), C2: c(2, 0, 2, 2, 0), C3: c(1, 1, 2, 2, 2) });
    expect(await unitCounts(db.knex, 'T', 'district', current)).toEqual({ D1: c(8, 3, 11, 11, 6), D2: c(1, 1, 2, 2, 2) });
    expect(await unitCounts(db.knex, 'T', 'province', current)).toEqual({ P: c(9, 4, 13, 13, 8) });
  });

  it('counts an approved BTS in the planned scenario only', async () => {
    const planned = ['on_air', 'approved'];
    expect(await unitCounts(db.knex, 'T', 'commune', planned)).toEqual({ C1: c(6, 3, 9, 9, 6), C2: c(2, 1, 3, 3, 2), C3: c(2, 1, 3, 3, 2) });
    expect(await unitCounts(db.knex, 'T', 'province', planned)).toEqual({ P: c(10, 5, 15, 15, 10) });
  });

  it('gives the site ratio, tenancy ratio and station share with their numerators and denominators', async () => {
    const current = await sharingRatioFor(db.knex, { boundarySet: 'T', unitCode: null, scenario: 'current' });
    expect(current).toEqual({
      siteRatio: { numerator: 4, denominator: 9, value: 4 / 9 },
      tenancyRatio: { numerator: 13, denominator: 9, value: 13 / 9 },
      stationShare: { numerator: 8, denominator: 13, value: 8 / 13 },
    });
    const planned = await sharingRatioFor(db.knex, { boundarySet: 'T', unitCode: 'C2', scenario: 'planned' });
    expect(planned.siteRatio).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(planned.stationShare).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect((await sharingRatioFor(db.knex, { boundarySet: 'T', unitCode: 'C2', scenario: 'current' })).siteRatio.numerator).toBe(0);
    // The two-level set counts the same sites in its one commune.
    expect((await sharingRatioFor(db.knex, { boundarySet: 'N', unitCode: 'NC1', scenario: 'current' })).siteRatio).toEqual({ numerator: 4, denominator: 9, value: 4 / 9 });
  });

  it('tells per operator how many of its sites are shared and with whom', async () => {
    expect(await operatorSharing(db.knex, 'T', 'current')).toEqual([
      { operator: 'viettel', operatorName: 'Viettel', sites: 6, sharedSites: 4, partners: [{ operator: 'mobifone', sites: 2 }, { operator: 'vnpt', sites: 2 }] },
      { operator: 'vnpt', operatorName: 'VNPT-VinaPhone', sites: 4, sharedSites: 2, partners: [{ operator: 'viettel', sites: 2 }] },
      { operator: 'mobifone', operatorName: 'MobiFone', sites: 3, sharedSites: 2, partners: [{ operator: 'viettel', sites: 2 }] },
    ]);
  });

  it('finds three consolidation groups of different owners within 100 m', async () => {
    const groups = await consolidationGroups(db.knex, { distanceM: sharingFixture.consolidationM, scenario: 'current', boundarySet: 'T' });
    expect(groups.map((g) => [g.sites.map((s) => s.siteKey), g.owners, g.structuresSaved, g.communeCode])).toEqual([
      [['S1', 'S2'], ['viettel', 'vnpt'], 1, 'C1'],
      [['S4', 'S5'], ['towerco', 'viettel'], 1, 'C2'],
      [['SUY-MB-B', 'SUY-VT-B'], ['mobifone', 'viettel'], 1, 'C1'],
    ]);
    expect(groups.map((g) => Math.round(g.spanM))).toEqual([30, 8, 40]);
    // At 35 m the 40 m pair falls apart.
    const tighter = await consolidationGroups(db.knex, { distanceM: 35, scenario: 'current', boundarySet: 'T' });
    expect(tighter.map((g) => g.sites[0]!.siteKey)).toEqual(['S1', 'S4']);
  });

  it('gives an inferred site of several operators no owner, and one of a single operator that operator', async () => {
    // SUY-VN-A (viettel + vnpt) and SUY-VT-B (viettel) are 2.19 km apart: at 3 km they group with C1's other sites.
    const wide = await consolidationGroups(db.knex, { distanceM: 3000, scenario: 'current', boundarySet: 'T' });
    const sites = Object.fromEntries(wide.flatMap((g) => g.sites).map((s) => [s.siteKey, s.owner]));
    expect(sites['SUY-VN-A']).toBeNull();
    expect(sites['SUY-VT-B']).toBe('viettel');
    expect(sites['S5']).toBe('towerco');
  });
});
