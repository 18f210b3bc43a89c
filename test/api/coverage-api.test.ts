import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config.js';
import { coverageParamsFrom, recomputeAllCoverage } from '../../server/src/coverage/coverage-recompute.js';
import { arrangeCoverageFixture } from '../fixtures/coverage-fixture.js';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';

let db: TestDatabase;
let app: InProcessApp;
beforeAll(async () => {
  db = await openEmbeddedFixture();
  await arrangeCoverageFixture(db.knex);
  await recomputeAllCoverage(db.knex, coverageParamsFrom(loadConfig({}).config));
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
    // 4G: MAPL = 60 − (−84) − 10 = 134 dB.
    const r = await app.get('/api/coverage/range?technology=4G&bandMHz=2600&antennaHeightM=25&eirpDbm=60');
    expect(r.body.maplDb).toBe(134);
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
  });
});
