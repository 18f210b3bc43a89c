import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoverageFixture } from '../fixtures/coverage-fixture.js';
import { databaseTargets, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';
import { createTestAccounts, signIn, type SignedInClient } from '../support/test-accounts.js';

let db: TestDatabase;
let app: InProcessApp;
let inspector: SignedInClient;

const csv = (body: string, batch = 'dot-1') =>
  inspector.request('POST', `/api/measurements?batch=${batch}`, { body, headers: { 'content-type': 'text/csv' } });
const count = async () => (await db.knex.raw('SELECT count(*)::int AS n FROM field_measurements')).rows[0].n as number;

// With the coverage fixture: Viettel 4G covers 2 km around (106.05, 10.15) (H2's site);
// MobiFone 4G covers east of 106.144 around 10.05 (H3's reference point at 106.142 is not);
// VNPT 3G covers nothing near (106.03, 10.03). Edge thresholds: RSRP −115, RSCP −100 dBm.
const vietnameseCsv = [
  'Kinh độ,Vĩ độ,Nhà mạng,Công nghệ,Mức tín hiệu (dBm),Tốc độ tải xuống (Mbps),Thời gian',
  '106.05,10.151,Viettel,4G,-120,0.5,2026-11-20T09:30:00+07:00', // predicted covered, measured below
  '106.05,10.152,viettel,4G,-90,42.5,2026-11-20T09:31:00+07:00', // both covered
  '106.142,10.05,MobiFone,4G,-95,,2026-11-20T10:00:00+07:00', // predicted uncovered, measured above
  '106.03,10.03,VinaPhone,3G,-105,,2026-11-20 10:05', // both uncovered
].join('\n');

describe.each(databaseTargets())('field measurements on the $label database (hand-computed coverage fixture)', ({ open }) => {
  beforeAll(async () => {
    db = await open();
    await loadCoverageFixture(db.knex);
    await createTestAccounts(db.knex);
    app = await startInProcessApp(db);
    inspector = await signIn(app, 'kiemtra');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('imports a CSV with Vietnamese headers and counts the contradictions with the model', async () => {
    const r = await csv(vietnameseCsv);
    expect(r.status).toBe(201);
    expect(r.body).toEqual({ batch: 'dot-1', inserted: 4, contradictions: 2 });
  });

  it('serves each measurement with the model prediction, the measured verdict and the contradiction', async () => {
    const r = await app.get('/api/layers/measurements');
    expect(r.status).toBe(200);
    const props = r.body.features.map((f: any) => f.properties);
    expect(props.map((p: any) => [p.operator, p.hamletCode, p.predictedCovered, p.measuredCovered, p.contradiction])).toEqual([
      ['viettel', 'H2', true, false, 'predicted-covered-measured-below'],
      ['viettel', 'H2', true, true, null],
      ['mobifone', 'H3', false, true, 'predicted-uncovered-measured-above'],
      ['vnpt', null, false, false, null],
    ]);
    expect(props[0]).toMatchObject({ technology: '4G', signalDbm: -120, downloadMbps: 0.5, thresholdDbm: -115, measuredAt: '2026-11-20T02:30:00Z' });
    expect(props[3]).toMatchObject({ thresholdDbm: -100, downloadMbps: null });
    expect((await app.get('/api/layers/measurements?operator=viettel&technology=4G')).body.features).toHaveLength(2);
  });

  it('sums the checks per hamlet in the hamlet detail', async () => {
    expect((await app.get('/api/hamlets/H2')).body.measurements).toEqual({ total: 2, agree: 1, predictedCoveredMeasuredBelow: 1, predictedUncoveredMeasuredAbove: 0 });
    expect((await app.get('/api/hamlets/H3')).body.measurements).toEqual({ total: 1, agree: 0, predictedCoveredMeasuredBelow: 0, predictedUncoveredMeasuredAbove: 1 });
  });

  it('accepts English headers and a UTF-8 byte order mark', async () => {
    const before = await count();
    const r = await csv('\uFEFFlon,lat,operator,technology,signal_dbm,time\n106.05,10.15,vnpt,4G,-100,2026-11-21T08:00:00Z\n', 'dot-2');
    expect(r.status).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it.each([
    ['a missing column', 'lon,lat,operator,technology,time\n106,10,viettel,4G,2026-11-20T09:30:00Z', 'signal_dbm'],
    ['a value that is not a number', 'lon,lat,operator,technology,signal_dbm,time\n106,10,viettel,4G,strong,2026-11-20T09:30:00Z', 'row 2 signal_dbm'],
    ['a level out of range', 'lon,lat,operator,technology,signal_dbm,time\n106,10,viettel,4G,-300,2026-11-20T09:30:00Z', 'row 2 signal_dbm'],
    ['an unknown operator', 'lon,lat,operator,technology,signal_dbm,time\n106,10,Orange,4G,-90,2026-11-20T09:30:00Z', 'row 2 operator'],
    ['an unknown technology', 'lon,lat,operator,technology,signal_dbm,time\n106,10,viettel,6G,-90,2026-11-20T09:30:00Z', 'row 2 technology'],
    ['a bad time', 'lon,lat,operator,technology,signal_dbm,time\n106,10,viettel,4G,-90,hôm qua', 'row 2 time'],
    ['a latitude out of range', 'lon,lat,operator,technology,signal_dbm,time\n106,100,viettel,4G,-90,2026-11-20T09:30:00Z', 'row 2 lat'],
    ['a ragged row', 'lon,lat,operator,technology,signal_dbm,time\n106,10,viettel', 'csv'],
    ['only a header', 'lon,lat,operator,technology,signal_dbm,time\n', 'csv'],
  ])('refuses a file with %s, stores none of its rows, and names the place', async (_what, body, parameter) => {
    const before = await count();
    const good = 'lon,lat,operator,technology,signal_dbm,time\n106.05,10.15,viettel,4G,-90,2026-11-20T09:30:00Z\n';
    // A good row first: all or nothing means it is not stored either.
    const withGoodRow = body.startsWith('lon,lat,operator,technology,signal_dbm,time\n106,')
      ? good + body.split('\n').slice(1).join('\n')
      : body;
    const r = await csv(withGoodRow, 'bad');
    expect(r.status).toBe(400);
    expect(r.type).toContain('application/problem+json');
    expect(r.body.errors.map((e: any) => e.parameter).join('|')).toContain(parameter.replace('row 2', withGoodRow === body ? 'row 2' : 'row 3'));
    expect(await count()).toBe(before);
  });

  it('refuses a bad batch name and a filter value it does not know', async () => {
    expect((await csv(vietnameseCsv, '%01')).status).toBe(400);
    expect((await app.get('/api/layers/measurements?technology=6G')).status).toBe(400);
    expect((await app.get('/api/layers/measurements?bbox=1,2')).status).toBe(400);
  });
});
