import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmbeddedFixture, type TestDatabase } from '../support/prepared-databases.js';
import { startInProcessApp, type InProcessApp } from '../support/in-process-app.js';

let db: TestDatabase;
let app: InProcessApp;
beforeAll(async () => {
  db = await openEmbeddedFixture();
  app = await startInProcessApp(db);
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

async function expectProblem(path: string, status: number, detailPart: string | RegExp, headers: Record<string, string> = {}) {
  const r = await app.get(path, headers);
  expect(r.status, path).toBe(status);
  expect(r.type).toContain('application/problem+json');
  expect(r.body).toMatchObject({ status, type: expect.stringMatching(/^urn:hatang:problem:/), title: expect.any(String) });
  expect(r.body.detail).toMatch(detailPart);
  return r.body;
}

describe('bad input gets a clear problem+json answer, never a 500', () => {
  it.each([
    ['/api/layers/sites?bbox=1,2,3', 'bbox phải gồm 4 số'],
    ['/api/layers/sites?bbox=a,b,c,d', 'bbox phải gồm 4 số'],
    ['/api/layers/sites?bbox=106,10,105,11', 'bbox sai thứ tự'],
    ['/api/layers/sites?bbox=100,-95,110,10', 'bbox nằm ngoài phạm vi'],
    ['/api/layers/sites?bbox=NaN,1,2,3', 'bbox phải gồm 4 số'],
    ['/api/layers/sites?bbox=1e3,1,2,3', 'bbox phải gồm 4 số'],
    ['/api/layers/sites?operator=orange', 'Giá trị "orange" của tham số "operator" không hợp lệ'],
    ['/api/layers/bts?technology=6G', 'Giá trị "6G" của tham số "technology"'],
    ['/api/layers/sites?status=alive', 'tham số "status"'],
    ['/api/layers/fiber?laying=buried', 'tham số "laying"'],
    ['/api/layers/sites?colour=red', 'Tham số "colour" không dùng được'],
    ['/api/layers/hamlets?operator=viettel', 'Tham số "operator" không dùng được'],
    ['/api/layers/sites?unit=NOPE', 'Không có đơn vị hành chính mã "NOPE"'],
    ['/api/layers/sites?unit=C1&boundarySet=N', 'mã "C1" trong bộ ranh giới "N"'],
    ['/api/layers/sites?boundarySet=1999', 'Không có bộ ranh giới "1999"'],
    ["/api/layers/sites?unit=C1'%20OR%201=1--", 'không hợp lệ'],
    ['/api/layers/sites?status=on_air&status=planned', 'chỉ được gửi một lần'],
    ['/api/layers/sites?technology=', 'tham số "technology"'],
  ])('GET %s → 400', async (path, detail) => {
    await expectProblem(path, 400, detail);
  });

  it('answers an unknown layer with 404 naming the layers there are', async () => {
    const body = await expectProblem('/api/layers/towers', 404, 'Không có lớp bản đồ "towers"');
    expect(body.detail).toContain('sites, bts, shared-sites, fiber, hamlets, communes, districts');
  });

  it('answers an unknown site code with 404, and a malformed one with 400', async () => {
    await expectProblem('/api/sites/S99', 404, 'Không có vị trí trạm mã "S99"');
    await expectProblem('/api/sites/%3Cscript%3E', 400, 'không hợp lệ');
  });

  it('answers an unknown API path with 404', async () => {
    await expectProblem('/api/nothing-here', 404, 'Không có đường dẫn API');
  });

  it('answers in English when asked, by ?lang=en or Accept-Language', async () => {
    await expectProblem('/api/layers/sites?bbox=1,2&lang=en', 400, 'bbox must be 4 comma-separated');
    await expectProblem('/api/layers/sites?bbox=1,2', 400, 'bbox must be 4', { 'Accept-Language': 'en-GB,en;q=0.9' });
    await expectProblem('/api/layers/sites?bbox=1,2', 400, 'bbox phải gồm', { 'Accept-Language': 'vi-VN,en;q=0.5' });
  });

  it.each([
    ['', 'ít nhất 2 ký tự'],
    ['a', 'ít nhất 2 ký tự'],
    ['   ', 'ít nhất 2 ký tự'],
    ['x'.repeat(101), 'dài quá 100 ký tự'],
    ['abc%00def', 'ký tự điều khiển'],
  ])('refuses the search text %j', async (q, detail) => {
    await expectProblem(`/api/search?q=${q}`, 400, detail);
  });

  it('refuses a search limit out of range', async () => {
    await expectProblem('/api/search?q=ap&limit=0', 400, 'limit');
    await expectProblem('/api/search?q=ap&limit=5000', 400, 'limit');
    await expectProblem('/api/search?q=ap&limit=abc', 400, 'limit');
  });

  it.each([
    `'; DROP TABLE sites; --`,
    `" OR "1"="1`,
    '📡🗼 trạm',
    '%_%',
    '\\\\',
    '<img src=x onerror=alert(1)>',
  ])('treats the odd search text %j as plain characters', async (q) => {
    const r = await app.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual([]);
    const sites = await app.get('/api/layers/sites');
    expect(sites.body.features).toHaveLength(4);
  });
});
