import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageFixture } from '../fixtures/coverage-fixture.js';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';

let db: TestDatabase;
let app: InProcessApp;
beforeAll(async () => {
  db = await openEmbeddedFixture();
  await loadCoverageFixture(db.knex);
  app = await startInProcessApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

describe('coverage API (hand-computed coverage fixture)', () => {
  it('answers the range of the DESIGN worked example', async () => {
    const r = await app.get('/api/coverage/range?technology=4G&bandMHz=1800&antennaHeightM=30&environment=urban&maplDb=140');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ rangeKm: 1.282, model: 'cost231-hata', maplDb: 140, warnings: [] });
    const rural = await app.get('/api/coverage/range?technology=4G&bandMHz=1800&antennaHeightM=30&environment=rural&maplDb=140');
    expect(rural.body.rangeKm).toBeCloseTo(10.333, 2);
  });

  it('derives the MAPL from EIRP and the link budget, and flags the model validity', async () => {
    // 4G: MAPL = 60 − (−84) − 14 = 130 dB.
    const r = await app.get('/api/coverage/range?technology=4G&bandMHz=2600&antennaHeightM=25&eirpDbm=60');
    expect(r.body.maplDb).toBe(130);
    expect(r.body.warnings).toEqual(['antenna-height-below-model', 'frequency-above-model']);
  });

  it.each([
    ['technology=6G&bandMHz=1800&antennaHeightM=30&maplDb=140', 'technology'],
    ['technology=4G&bandMHz=1234&antennaHeightM=30&maplDb=140', 'bandMHz'],
    ['technology=4G&bandMHz=1800&antennaHeightM=0&maplDb=140', 'antennaHeightM'],
    ['technology=4G&bandMHz=1800&antennaHeightM=-5&maplDb=140', 'antennaHeightM'],
    ['technology=4G&bandMHz=1800&antennaHeightM=30&maplDb=abc', 'maplDb'],
    ['technology=4G&bandMHz=1800&antennaHeightM=30&maplDb=NaN', 'maplDb'],
    ['technology=4G&bandMHz=1800&antennaHeightM=30', 'maplDb'],
    ['technology=4G&bandMHz=18.5&antennaHeightM=30&maplDb=140', 'bandMHz'],
    ['technology=4G&antennaHeightM=30&maplDb=140', 'bandMHz'],
    ['technology=4G&bandMHz=1800&antennaHeightM=30&maplDb=140&environment=jungle', 'environment'],
  ])('answers bad range input %s with a 400 naming %s', async (query, parameter) => {
    const r = await app.get(`/api/coverage/range?${query}`);
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.body.errors[0].parameter).toBe(parameter);
  });

  it('lists one row per hamlet with its verdict, and the hamlet coverage ratio', async () => {
    const r = await app.get('/api/hamlets/coverage');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ operator: '*', technologyGroup: 'broadband', theta: 0.9 });
    expect(r.body.rows.map((x: any) => [x.code, x.verdict, x.populationCovered])).toEqual([
      ['H1', 'lom_song', 500],
      ['H2', 'lom_song', 1500],
      ['H3', 'trang_song', 400],
    ]);
    expect(r.body.summary).toEqual({ hamlets: 3, covered: 0, lomSong: 2, trangSong: 1, coverageRatio: 0, population: 3500, populationCovered: 2400 });
    const d1 = await app.get('/api/hamlets/coverage?unit=D1&verdict=lom_song');
    expect(d1.body.rows.map((x: any) => x.code)).toEqual(['H1', 'H2']);
    const mobifone = await app.get('/api/hamlets/coverage?operator=mobifone&technology=4G');
    expect(mobifone.body.rows.map((x: any) => x.verdict)).toEqual(['trang_song', 'trang_song', 'trang_song']);
  });

  it('shows a hamlet with its verdict per operator and technology and its gap parts', async () => {
    const r = await app.get('/api/hamlets/H2');
    expect(r.status).toBe(200);
    expect(r.body.hamlet).toMatchObject({ code: 'H2', name: 'Khu phố 1', population: 2000, clusters: 2, refPoint: [106.05, 10.15] });
    const any = r.body.verdicts.find((v: any) => v.operator === '*' && v.technologyGroup === 'broadband');
    expect(any).toMatchObject({ verdict: 'lom_song', coveredShare: 0.75, shareBasis: 'clusters', populationCovered: 1500 });
    expect(r.body.verdicts.filter((v: any) => v.operator === '*')).toHaveLength(5);
    expect(r.body.gaps).toHaveLength(1);
    expect(r.body.gaps[0].populationEstimate).toBe(500);
    expect((await app.get('/api/hamlets/NOPE')).status).toBe(404);
  });

  it('serves coverage unions and gaps as layers', async () => {
    const cov = await app.get('/api/layers/coverage');
    expect(cov.body.features.map((f: any) => f.id)).toEqual(['*/broadband']);
    const perOperator = await app.get('/api/layers/coverage?operator=viettel,mobifone&technology=4G');
    expect(perOperator.body.features.map((f: any) => f.id)).toEqual(['mobifone/4G', 'viettel/4G']);
    const gaps = await app.get('/api/layers/gaps');
    expect(gaps.body.features.map((f: any) => f.id)).toEqual(['H1/1', 'H2/1', 'H3/1']);
    expect(gaps.body.features[1].properties).toMatchObject({ hamletName: 'Khu phố 1', populationEstimate: 500 });
    expect((await app.get('/api/layers/coverage?technology=6G')).status).toBe(400);
    expect((await app.get('/api/layers/coverage?operator=orange')).status).toBe(400);
  });

  it('publishes the model parameters in use', async () => {
    const r = await app.get('/api/coverage/model');
    expect(r.body).toMatchObject({ theta: 0.9, minGapAreaM2: 5000, mobileHeightM: 1.5, footprints: 6 });
    expect(r.body.linkBudget.map((e: any) => e.technology)).toEqual(['2G', '3G', '4G', '5G']);
    // Kept by its data version (the footprints are rebuilt with their unions): 304 until the coverage changes.
    const etag = r.headers.get('etag');
    expect((await app.get('/api/coverage/model', { 'If-None-Match': etag! })).status).toBe(304);
    await db.knex.raw(`UPDATE data_versions SET version = version + 1 WHERE table_name = 'coverage_union_cells'`);
    const again = await app.get('/api/coverage/model', { 'If-None-Match': etag! });
    expect(again.status).toBe(200);
    expect(again.body.footprints).toBe(6);
  });
});

async function post(path: string, body: unknown, raw = false) {
  return app.post(path, raw ? (body as string) : JSON.stringify(body));
}

describe('coverage what-if (hand-computed coverage fixture)', () => {
  // H2's second cluster (500 people at 106.09, 10.19) is 6.2 km from any BTS. An omni
  // 4G BTS of 1 km placed on it covers it: H2 goes from 0.75 (lõm sóng) to 1.0 (covered),
  // 500 more people covered, and the gap of H2 shrinks by the part of the 1 km
  // circle inside H2 (H2 spans to 106.1 / 10.2: the circle sticks out east and north).
  const onCluster = { lon: 106.09, lat: 10.19, operator: 'viettel', technology: '4G', bandMHz: 1800, antennaHeightM: 30, radiusM: 1000, sectors: [{ azimuthDeg: 0, beamwidthDeg: 360 }] };

  it('reports the hamlets whose verdict changes and the population newly covered, and saves nothing', async () => {
    const before = (await db.knex.raw('SELECT count(*)::int AS n FROM coverage_footprints')).rows[0].n;
    const r = await post('/api/coverage/what-if', { bts: [onCluster] });
    expect(r.status).toBe(200);
    expect(r.body.changedHamlets).toEqual([
      { code: 'H2', name: 'Khu phố 1', communeName: 'Phường 1', before: 'lom_song', after: 'covered',
        coveredShareBefore: 0.75, coveredShareAfter: 1, populationCoveredBefore: 1500, populationCoveredAfter: 2000 },
    ]);
    expect(r.body).toMatchObject({ operator: '*', technologyGroup: 'broadband', populationNewlyCovered: 500, hamletsNewlyCovered: 1 });
    expect(r.body.footprints.features).toHaveLength(1);
    expect(r.body.footprints.features[0].properties).toMatchObject({ btsIndex: 0, sectorNo: 1, rangeM: 1000, model: 'override' });
    // The circle (π km²) is clipped by H2's north and east edges 1.1 km away in each direction:
    // more than half and less than all of it lies in the gap.
    expect(r.body.gapAreaRemovedM2).toBeGreaterThan(0.5 * Math.PI * 1e6);
    expect(r.body.gapAreaRemovedM2).toBeLessThan(Math.PI * 1e6);
    expect((await db.knex.raw('SELECT count(*)::int AS n FROM coverage_footprints')).rows[0].n).toBe(before);
    const stored = (await app.get('/api/hamlets/H2')).body.verdicts.find((v: any) => v.operator === '*' && v.technologyGroup === 'broadband');
    expect(stored).toMatchObject({ verdict: 'lom_song' });
  });

  it('assesses one operator: a VNPT BTS does not change Viettel coverage', async () => {
    const r = await post('/api/coverage/what-if', { bts: [{ ...onCluster, operator: 'vnpt' }], operator: 'viettel', technologyGroup: '4G' });
    expect(r.body.changedHamlets).toEqual([]);
    expect(r.body.populationNewlyCovered).toBe(0);
  });

  it('builds the footprint from the link budget when given EIRP', async () => {
    const r = await post('/api/coverage/what-if', { bts: [{ ...onCluster, radiusM: undefined, eirpDbm: 60, environment: 'urban' }] });
    // MAPL 130 dB, 1800 MHz, hb 30 m, urban: 10^((130 − 136.197)/35.225) = 0.667 km.
    expect(r.body.footprints.features[0].properties.rangeM).toBeGreaterThan(662);
    expect(r.body.footprints.features[0].properties.rangeM).toBeLessThan(672);
  });

  it.each([
    [{}, 'bts'],
    [{ bts: [] }, 'bts'],
    [{ bts: [{ ...onCluster, technology: '6G' }] }, 'bts.0.technology'],
    [{ bts: [{ ...onCluster, bandMHz: 1234 }] }, 'bts.0.bandMHz'],
    [{ bts: [{ ...onCluster, sectors: [{ azimuthDeg: 360, beamwidthDeg: 65 }] }] }, 'bts.0.sectors.0.azimuthDeg'],
    [{ bts: [{ ...onCluster, sectors: [{ azimuthDeg: 10, beamwidthDeg: 0 }] }] }, 'bts.0.sectors.0.beamwidthDeg'],
    [{ bts: [{ ...onCluster, sectors: [{ azimuthDeg: 10, beamwidthDeg: 400 }] }] }, 'bts.0.sectors.0.beamwidthDeg'],
    [{ bts: [{ ...onCluster, antennaHeightM: 0 }] }, 'bts.0.antennaHeightM'],
    [{ bts: [{ ...onCluster, antennaHeightM: 'tall' }] }, 'bts.0.antennaHeightM'],
    [{ bts: [{ ...onCluster, radiusM: undefined }] }, 'bts.0'],
    [{ bts: [{ ...onCluster, maplDb: 'much' }] }, 'bts.0.maplDb'],
    [{ bts: [{ ...onCluster, operator: 'orange' }] }, 'bts.0.operator'],
    [{ bts: [onCluster], operator: 'orange' }, 'operator'],
    [{ bts: [{ ...onCluster, lat: 91 }] }, 'bts.0.lat'],
    [{ bts: [onCluster], extra: 1 }, 'extra'],
  ])('answers the bad body %j with a 400 naming %s', async (body, parameter) => {
    const r = await post('/api/coverage/what-if', body);
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.body.errors.map((e: any) => e.parameter)).toContain(parameter);
    expect(r.body.errors.every((e: any) => typeof e.message === 'string' && e.message.length > 0)).toBe(true);
  });

  it('answers malformed JSON with a 400 in Vietnamese', async () => {
    const r = await post('/api/coverage/what-if', '{"bts": [', true);
    expect(r.status).toBe(400);
    expect(r.body.detail).toContain('JSON hợp lệ');
  });
});
