import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitLevel } from '../../server/src/contracts/domain-enums.js';
import { crosswalk } from '../../server/src/boundaries/boundary-crosswalk.js';
import { computeUnitTable } from '../../server/src/indicators/indicator-unit-table.js';
import { takeSnapshot } from '../../server/src/indicators/indicator-snapshots.js';
import { computeIndicators, type IndicatorUnit } from '../../server/src/indicators/unit-indicators.js';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom } from '../../server/src/coverage/coverage-recompute.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';

/*
 * The register fixture (test/fixtures/register-fixture.ts) with a third boundary set
 * "M" (two levels), drawn so that one old commune is split:
 *   MP = the province square 106.0–106.2 × 10.0–10.2
 *   MA = 106.00–106.12 × 10.0–10.2,  MB = 106.12–106.20 × 10.0–10.2
 * Set T's communes: C1 = 106.0–106.1 × 10.0–10.1, C2 = 106.0–106.1 × 10.1–10.2, C3 = 106.1–106.2 × 10.0–10.2.
 * Hamlets: H1 (1000 people, reference point 106.05, 10.05, in C1), H2 (2000, 106.05, 10.15, in C2),
 *          H3 (500, 106.15, 10.05, in C3).
 *
 * By hand:
 *   In M, by reference point: H1, H2 → MA; H3 → MB.
 *   Crosswalk T → M: C1 → MA and C2 → MA whole (area and people share 1);
 *     C3 is cut at 106.12: the parts have the same latitude band, so their areas on the
 *     spheroid are in the ratio of their longitude widths, 0.02 : 0.08 → area shares 0.2 and 0.8;
 *     its people (H3) are all in MB → people shares 0 and 1.
 *     Area of C1 on the WGS 84 spheroid: 0.1° of longitude at 10.05° N = 10,962.15 m (N·cos φ·π/180
 *     = 109,621.5 m per degree), 0.1° of latitude ≈ 11,060.86 m (M·π/180 = 110,608.6 m per degree)
 *     → ≈ 121.25 km² (the rectangle's true area differs from that product by far less than 0.1 %).
 *   Crosswalk M → T: MA (width 0.12°) → C3 takes 0.02 of the 0.12° in both latitude bands: 1/6 of
 *     its area; C1 and C2 are the two bands' western 0.1°, and a band's area is in proportion to
 *     cos φ of its middle (to well under 1e-5 here): C1 = cos 10.05° / (1.2 · (cos 10.05° + cos 10.15°))
 *     = 0.984656 / 2.362807 = 0.416732, C2 = 0.984350 / 2.362807 = 0.416602 (not 5/12 each: the
 *     northern band is narrower on the ground); people: H1 1000 → C1, H2 2000 → C2 of 3000 → 1/3, 2/3, 0.
 *   Reported smartphone shares for 2024 entered for T's communes C1 = 0.5, C2 = 0.7:
 *     MA derived = (0.5 × 1000 + 0.7 × 2000) / 3000 = 1900 / 3000 = 0.63333…;
 *     MB: C3 has none → no value; MP: C1 and C2 hold 3000 of 3500 people = 85.7 % < 90 % → none.
 *     With C3 = 0.9 as well: MB = 0.9, MP = (500 + 1400 + 450) / 3500 = 0.671428…;
 *     with the province P = 0.6 too: MP = 0.6 (the coarsest admissible level wins).
 *   Within set T the same weights make a district or the province from its communes:
 *     D1 = C1 + C2 = 0.63333…; P = 0.671428… once C3 is there (before: 85.7 % of its people → none),
 *     and 0.6 once entered for P itself.
 */

const settings = { coverageTheta: 0.9, fiberReachM: 200, siteInferenceEpsM: 25 };
const square = (x0: number, y0: number, x1: number, y1: number) =>
  `MULTIPOLYGON(((${x0} ${y0}, ${x1} ${y0}, ${x1} ${y1}, ${x0} ${y1}, ${x0} ${y0})))`;

describe.each(databaseTargets())('boundary sets, crosswalk and reported figures on the $label database', ({ label, open }) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await open();
    await db.knex('boundary_sets').insert({
      code: 'M', name: 'Ranh giới thử tách xã', levels: ['province', 'commune'], valid_from: '2025-07-01', is_default: false,
      source: 'test', source_date: '2026-01-01',
    });
    const unit = (code: string, name: string, level: string, unitType: string, parent: string | null, wkt: string) =>
      db.knex.raw(
        `INSERT INTO admin_units (boundary_set, code, name, level, unit_type, parent_id, geom, source, source_date)
         VALUES ('M', ?, ?, ?, ?, (SELECT id FROM admin_units WHERE boundary_set = 'M' AND code = ?), ST_GeomFromText(?, 4326), 'test', DATE '2026-01-01')`,
        [code, name, level, unitType, parent, wkt],
      );
    await unit('MP', 'Tỉnh Tách', 'province', 'tinh', null, square(106.0, 10.0, 106.2, 10.2));
    await unit('MA', 'Xã Tây Mới', 'commune', 'xa', 'MP', square(106.0, 10.0, 106.12, 10.2));
    await unit('MB', 'Xã Đông Mới', 'commune', 'xa', 'MP', square(106.12, 10.0, 106.2, 10.2));
  });
  afterAll(async () => {
    await db?.close();
  });

  async function unitOf(boundarySet: string, code: string): Promise<IndicatorUnit> {
    return (
      await db.knex.raw(`SELECT id, code, name, level, boundary_set AS "boundarySet" FROM admin_units WHERE boundary_set = ? AND code = ?`, [boundarySet, code])
    ).rows[0];
  }

  async function table(boundarySet: string, level: UnitLevel, period: string | null = null) {
    const t = await computeUnitTable(db.knex, {
      boundarySet, level, scenario: 'current', period, parent: null, settings, configSharingTarget: 0.3,
    });
    return Object.fromEntries(t.units.map((u) => [u.code, u]));
  }

  const hamletsAndPeople = async (boundarySet: string, level: UnitLevel) =>
    Object.fromEntries(Object.entries(await table(boundarySet, level)).map(([code, u]) => [code, [u.hamlets, u.population]]));

  it('runs PostgreSQL without JIT, whose compiling of these functions\' plans took seconds (the embedded database has none)', async () => {
    const row = (await db.knex.raw("SELECT current_setting('jit') AS jit, pg_jit_available() AS available")).rows[0] as { jit: string; available: boolean };
    // PostgreSQL: our connections turn it off; PGlite is built without LLVM, so its 'on' can never compile.
    if (label === 'postgres') expect(row.jit).toBe('off');
    else expect(row.available).toBe(false);
  });

  it('assigns each hamlet to the units of every boundary set: by its commune in the default set, by its reference point elsewhere', async () => {
    expect(await hamletsAndPeople('T', 'commune')).toEqual({ C1: [1, 1000], C2: [1, 2000], C3: [1, 500] });
    expect(await hamletsAndPeople('T', 'district')).toEqual({ D1: [2, 3000], D2: [1, 500] });
    expect(await hamletsAndPeople('M', 'commune')).toEqual({ MA: [2, 3000], MB: [1, 500] });
    expect(await hamletsAndPeople('M', 'province')).toEqual({ MP: [3, 3500] });
  });

  it('gives the crosswalk T → M with shares of area and of people by hand, summing to 1 per old unit', async () => {
    const cw = await crosswalk(db.knex, 'T', 'M');
    expect(cw.from).toEqual({ boundarySet: 'T', level: 'commune' });
    expect(cw.to).toEqual({ boundarySet: 'M', level: 'commune' });
    const rows = Object.fromEntries(cw.rows.map((r) => [`${r.fromCode}>${r.toCode}`, r]));
    expect(Object.keys(rows)).toEqual(['C1>MA', 'C2>MA', 'C3>MA', 'C3>MB']);
    expect(rows['C1>MA']).toMatchObject({ areaShare: 1, population: 1000, populationShare: 1 });
    expect(rows['C1>MA']!.areaM2 / 121_250_000).toBeCloseTo(1, 3);
    expect(rows['C3>MA']!.areaShare).toBeCloseTo(0.2, 6);
    expect(rows['C3>MB']!.areaShare).toBeCloseTo(0.8, 6);
    expect([rows['C3>MA']!.populationShare, rows['C3>MB']!.populationShare]).toEqual([0, 1]);
    for (const old of ['C1', 'C2', 'C3']) {
      const mine = cw.rows.filter((r) => r.fromCode === old);
      expect(mine.reduce((s, r) => s + r.areaShare, 0)).toBeCloseTo(1, 12);
      expect(mine.reduce((s, r) => s + r.populationShare, 0)).toBeCloseTo(1, 12);
    }
  });

  it('gives the crosswalk the other way, M → T, from the new communes onto the old ones', async () => {
    const rows = Object.fromEntries((await crosswalk(db.knex, 'M', 'T')).rows.map((r) => [`${r.fromCode}>${r.toCode}`, r]));
    expect(Object.keys(rows)).toEqual(['MA>C1', 'MA>C2', 'MA>C3', 'MB>C3']);
    const cos = (deg: number) => Math.cos((deg * Math.PI) / 180);
    const bands = 1.2 * (cos(10.05) + cos(10.15));
    expect(rows['MA>C1']!.areaShare).toBeCloseTo(cos(10.05) / bands, 5);
    expect(rows['MA>C2']!.areaShare).toBeCloseTo(cos(10.15) / bands, 5);
    expect(rows['MA>C3']!.areaShare).toBeCloseTo(1 / 6, 6);
    expect([rows['MA>C1']!.populationShare, rows['MA>C2']!.populationShare, rows['MA>C3']!.populationShare]).toEqual([1 / 3, 2 / 3, 0]);
    expect(rows['MB>C3']).toMatchObject({ areaShare: 1, populationShare: 1, population: 500 });
  });

  it('derives a unit\'s reported figure from the other set\'s units, weighted by the people they share, only when they hold 90 % of its people', async () => {
    const put = (unit: string, value: number) =>
      db.knex.raw(
        `INSERT INTO indicator_reported_values (indicator_code, unit_id, period_code, value, document, updated_by, source, source_date)
         VALUES ('smartphone-subscription-share', (SELECT id FROM admin_units WHERE boundary_set = 'T' AND code = ?), '2024', ?, 'Báo cáo thử', 'test', 'test', DATE '2026-01-01')`,
        [unit, value],
      );
    const smartphone = async (boundarySet: string, level: UnitLevel, period: string | null = null) =>
      Object.fromEntries(Object.entries(await table(boundarySet, level, period)).map(([code, u]) => [code, u.values['smartphone-subscription-share']]));
    await put('C1', 0.5);
    await put('C2', 0.7);
    let m = await smartphone('M', 'commune');
    expect(m.MA!.value).toBeCloseTo(1900 / 3000, 12);
    expect(m.MA).toMatchObject({ period: '2024', derivedFrom: 'T', numerator: null, denominator: null });
    expect(m.MB).toMatchObject({ value: null, period: null, derivedFrom: null });
    expect((await smartphone('M', 'province')).MP!.value).toBeNull();
    expect((await smartphone('M', 'commune', '2023')).MA!.value).toBeNull();
    // Within set T: D1 = C1 + C2 from its communes; the province P has 3000 of 3500 people covered: none.
    expect((await smartphone('T', 'district')).D1).toMatchObject({ derivedFrom: 'T', period: '2024' });
    expect((await smartphone('T', 'district')).D1!.value).toBeCloseTo(1900 / 3000, 12);
    expect((await smartphone('T', 'province')).P!.value).toBeNull();
    await put('C3', 0.9);
    expect((await smartphone('T', 'province')).P).toMatchObject({ derivedFrom: 'T' });
    expect((await smartphone('T', 'province')).P!.value).toBeCloseTo(2350 / 3500, 12);
    m = await smartphone('M', 'commune');
    expect(m.MB).toMatchObject({ value: 0.9, derivedFrom: 'T' });
    expect((await smartphone('M', 'province')).MP!.value).toBeCloseTo(2350 / 3500, 12);
    await put('P', 0.6);
    expect((await smartphone('M', 'province')).MP!.value).toBeCloseTo(0.6, 12);
    // Entered for P itself: it wins over its communes' weighted figure for the same period.
    expect((await smartphone('T', 'province')).P).toMatchObject({ value: 0.6, derivedFrom: null });
    // In its own set a unit shows what was entered for it, never a derived figure.
    expect((await smartphone('T', 'commune')).C1).toMatchObject({ value: 0.5, derivedFrom: null });
    const cards = await computeIndicators(db.knex, { unit: await unitOf('M', 'MA'), scenario: 'current', settings, configSharingTarget: 0.3 });
    expect(cards.indicators.find((i) => i.code === 'smartphone-subscription-share')!.reported).toMatchObject({
      period: '2024', derivedFrom: 'T', document: 'Báo cáo thử',
    });
  });

  it('moves a hamlet\'s counts with it: its reference point moves it in the other set, its commune in the default set', async () => {
    // H3's reference point to (106.11, 10.05): still inside C3 (106.1–106.2) but now west of 106.12, in MA.
    await db.knex.raw(`UPDATE hamlets SET ref_point = ST_SetSRID(ST_MakePoint(106.11, 10.05), 4326) WHERE code = 'H3'`);
    expect(await hamletsAndPeople('M', 'commune')).toEqual({ MA: [3, 3500], MB: [0, 0] });
    expect(await hamletsAndPeople('T', 'commune')).toEqual({ C1: [1, 1000], C2: [1, 2000], C3: [1, 500] });
    const rows = Object.fromEntries((await crosswalk(db.knex, 'T', 'M')).rows.map((r) => [`${r.fromCode}>${r.toCode}`, r]));
    expect([rows['C3>MA']!.populationShare, rows['C3>MB']!.populationShare]).toEqual([1, 0]);
    expect(rows['C3>MA']!.areaShare).toBeCloseTo(0.2, 6);
    // The register moves H3 to commune C1 (its point unchanged): the default set's counts follow, set M's do not.
    await db.knex.raw(`UPDATE hamlets SET commune_id = (SELECT id FROM admin_units WHERE boundary_set = 'T' AND code = 'C1') WHERE code = 'H3'`);
    expect(await hamletsAndPeople('T', 'commune')).toEqual({ C1: [2, 1500], C2: [1, 2000], C3: [0, 0] });
    expect(await hamletsAndPeople('T', 'district')).toEqual({ D1: [3, 3500], D2: [0, 0] });
    expect(await hamletsAndPeople('M', 'commune')).toEqual({ MA: [3, 3500], MB: [0, 0] });
  });

  it('saves a snapshot of every unit of every set and level, and the trend reads it back', async () => {
    const { config } = loadConfig({});
    const actor = { userId: null, username: 'quyhoach', role: 'planner' } as never;
    const snapshot = await takeSnapshot(db.knex, { coverage: coverageParamsFrom(config), settings }, {
      label: 'Quý 4/2026', scenario: 'current', recompute: false, actor, clientIp: null,
    });
    // Units: T has P, D1, D2, C1, C2, C3 (6), N has NP, NC1 (2), M has MP, MA, MB (3): 11 × 6 computed indicators.
    expect(snapshot).toMatchObject({ label: 'Quý 4/2026', scenario: 'current', recomputed: false, takenBy: 'quyhoach', values: 66 });
    const c1 = await computeIndicators(db.knex, { unit: await unitOf('T', 'C1'), scenario: 'current', settings, configSharingTarget: 0.3 });
    const card = c1.indicators.find((i) => i.code === 'hamlets-mobile-broadband')!;
    expect(card.trend).toEqual([{ date: snapshot.date, value: card.value, kind: 'snapshot', label: 'Quý 4/2026' }]);
    const smartphone = c1.indicators.find((i) => i.code === 'smartphone-subscription-share')!;
    expect(smartphone.trend).toEqual([{ date: '2024-12-31', value: 0.5, kind: 'reported', label: '2024' }]);
    // The planned scenario has no snapshot yet: no trend there.
    const planned = await computeIndicators(db.knex, { unit: await unitOf('T', 'C1'), scenario: 'planned', settings, configSharingTarget: 0.3 });
    expect(planned.indicators.find((i) => i.code === 'hamlets-mobile-broadband')!.trend).toEqual([]);
  });
});
