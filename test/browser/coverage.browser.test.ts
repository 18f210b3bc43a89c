import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HamletCoverageResponse } from '../../server/src/contracts/coverage-contracts.js';
import { startHatang, type RunningHatang } from '../../server/src/start-hatang.js';
import { verdictColours } from '../../client/src/map/map-palette.js';
import { preparedDemoDataDir, removeDataDir } from '../support/prepared-databases.js';
import { createTestAccounts } from '../support/test-accounts.js';
import { signInThroughUi, signOutThroughUi } from './browser-accounts.js';
import { launchHeadlessChromium, waitForMapIdle } from './headless-chromium.js';

// The coverage screens against the demo province: the hamlet choropleth, the
// hamlet coverage table, the hamlet inspector and the what-if tool. One page,
// opened on an operator and technology whose hamlets have all three verdicts.

const artifactsDir = path.resolve('test-artifacts');
const choice = { operator: 'vietnamobile', technology: '4G' };

let hatang: RunningHatang;
let dataDir: string;
let browser: Browser;
let page: Page;
let coverage: HamletCoverageResponse;
const pageErrors: string[] = [];

function screenshot(name: string): Promise<unknown> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  return page.screenshot({ path: path.join(artifactsDir, name) });
}

const mapIdle = () => waitForMapIdle(page);

beforeAll(async () => {
  dataDir = preparedDemoDataDir();
  hatang = await startHatang({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', seedDemoWhenEmpty: false, adminPassword: 'quan-tri-dau-tien-1' });
  await createTestAccounts(hatang.database.knex);
  const response = await fetch(`${hatang.url}api/hamlets/coverage?operator=${choice.operator}&technology=${choice.technology}`);
  coverage = (await response.json()) as HamletCoverageResponse;
  browser = await launchHeadlessChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${hatang.url}#lang=vi&layers=districts,communes,hamlet-verdicts&covop=${choice.operator}&covtech=${choice.technology}`);
  await page.waitForFunction(() => window.__hatangReady === true, null, { timeout: 90_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hatang?.close();
  if (dataDir) removeDataDir(dataDir);
});

describe('the coverage screens', () => {
  it('colours each hamlet on the map by its verdict for the chosen operator and technology', async () => {
    // The demo province has hamlets of every verdict for this choice, or the test would prove little.
    expect(coverage.summary.covered).toBeGreaterThan(0);
    expect(coverage.summary.lomSong).toBeGreaterThan(0);
    expect(coverage.summary.trangSong).toBeGreaterThan(0);
    await page.waitForFunction(() => (window.__hatangMap?.queryRenderedFeatures({ layers: ['hamlet-verdicts'] }).length ?? 0) > 0, null, { timeout: 30_000 });
    await mapIdle();
    const rendered = await page.evaluate(() => {
      const toHex = (c: { r: number; g: number; b: number }) => `#${[c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
      return (window.__hatangMap?.queryRenderedFeatures({ layers: ['hamlet-verdicts'] }) ?? []).map((f) => ({
        code: String(f.properties.code),
        colour: toHex((f.layer.paint as Record<string, { r: number; g: number; b: number }>)['fill-color']!),
      }));
    });
    const verdictOf = new Map(coverage.rows.map((r) => [r.code, r.verdict]));
    const drawn = new Set(rendered.map((f) => f.code));
    expect(drawn.size).toBeGreaterThan(coverage.rows.length * 0.9);
    for (const feature of rendered) expect(feature.colour, feature.code).toBe(verdictColours[verdictOf.get(feature.code)!]);
    await screenshot('coverage-choropleth.png');
  });

  it('lists every hamlet in the coverage table, with the coverage ratio of covered hamlets to hamlets', async () => {
    await page.getByTestId('open-hamlet-table').click();
    const rows = page.getByTestId('hamlet-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(coverage.summary.hamlets);
    const ratio = page.getByTestId('hamlet-table').getByTestId('coverage-ratio-value');
    expect(Number(await ratio.getAttribute('data-ratio'))).toBeCloseTo(coverage.summary.covered / coverage.summary.hamlets, 12);
    const expectedPercent = `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format((100 * coverage.summary.covered) / coverage.summary.hamlets)}%`;
    expect(await ratio.textContent()).toBe(expectedPercent);
    expect(await page.getByTestId('hamlet-table').getByTestId('coverage-ratio-fraction').textContent()).toContain(
      `${new Intl.NumberFormat('vi-VN').format(coverage.summary.covered)} ấp phủ sóng ÷ ${new Intl.NumberFormat('vi-VN').format(coverage.summary.hamlets)} ấp`,
    );
    // Worst first by default: the first row has no signal.
    expect(await rows.first().getAttribute('data-verdict')).toBe('trang_song');

    await page.getByTestId('table-verdict-lom_song').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="hamlet-row"]').length === n, coverage.summary.lomSong);
    expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-verdict'))))).toEqual(new Set(['lom_song']));
    expect(decodeURIComponent(page.url())).toContain('verdict=lom_song');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('Mã ấp,"Tên ấp, khu phố","Xã, phường, thị trấn",')).toBe(true);
    expect(lines).toHaveLength(coverage.summary.lomSong + 1);
    expect(lines.slice(1).every((line) => line.includes(',Lõm sóng,'))).toBe(true);
    await screenshot('coverage-table.png');
  });

  it('opens the verdict matrix of a hamlet clicked on the map', async () => {
    // A point of the map that only a hamlet polygon covers (no reference point at this zoom).
    const target = await page.evaluate(() => {
      const map = window.__hatangMap;
      if (!map) return null;
      const canvas = map.getCanvas().getBoundingClientRect();
      for (let y = 0.3; y <= 0.7; y += 0.05) {
        for (let x = 0.3; x <= 0.7; x += 0.05) {
          const px = { x: canvas.width * x, y: canvas.height * y };
          const hit = map.queryRenderedFeatures([px.x, px.y], { layers: ['hamlet-verdicts', 'hamlet-ref-points'] });
          if (hit.length === 1 && hit[0]?.layer.id === 'hamlet-verdicts') return { code: String(hit[0].properties.code), x: canvas.left + px.x, y: canvas.top + px.y };
        }
      }
      return null;
    });
    expect(target).not.toBeNull();
    if (!target) return;
    await page.mouse.click(target.x, target.y);
    const matrix = page.getByTestId('verdict-matrix');
    await matrix.waitFor();
    expect(decodeURIComponent(page.url())).toContain(`sel=hamlets:${target.code}`);
    // Any operator and each mobile operator, × broadband, 2G, 3G, 4G, 5G.
    expect(await matrix.getByTestId('verdict-cell').count()).toBe(30);
    const current = matrix.locator('[data-testid="verdict-cell"][aria-pressed="true"]');
    expect(await current.getAttribute('data-verdict')).toBe(coverage.rows.find((r) => r.code === target.code)?.verdict);
    expect(await page.getByTestId('hamlet-verdict').textContent()).toMatch(/Phủ sóng|Lõm sóng|Trắng sóng/);
    await screenshot('coverage-hamlet-inspector.png');
  });

  it('shows the footprint of a hypothetical BTS and the hamlets it would change', async () => {
    await page.getByTestId('coverage-drawer').getByRole('button', { name: 'Đóng' }).click();
    // Gmobile has no broadband anywhere in the demo province, so a broadband BTS of its own changes hamlets wherever it stands.
    await page.getByTestId('coverage-operator').selectOption('gmobile');
    await page.getByTestId('coverage-group-broadband').click();
    await page.getByTestId('open-what-if').click();
    await page.getByTestId('what-if-place').click();
    const box = (await page.locator('.map-stage canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.5);
    await page.getByTestId('what-if-form').waitFor();
    await page.getByTestId('what-if-operator').selectOption('gmobile');
    await page.getByTestId('what-if-add').click();
    const result = page.getByTestId('what-if-result');
    await result.waitFor({ timeout: 60_000 });
    const newlyCovered = Number((await page.getByTestId('what-if-hamlets-newly-covered').textContent())?.replace(/\D/g, ''));
    expect(newlyCovered).toBeGreaterThan(0);
    expect(await page.getByTestId('what-if-changed-hamlet').count()).toBeGreaterThanOrEqual(newlyCovered);
    await mapIdle();
    expect(await page.evaluate(() => window.__hatangMap?.queryRenderedFeatures({ layers: ['what-if-footprints-fill'] }).length ?? 0)).toBeGreaterThan(0);
    await screenshot('coverage-what-if.png');

    await page.getByTestId('what-if-clear').click();
    await result.waitFor({ state: 'detached' });
    await mapIdle();
    expect(await page.evaluate(() => window.__hatangMap?.queryRenderedFeatures({ layers: ['what-if-footprints-fill'] }).length ?? -1)).toBe(0);
  });

  it('imports a field-measurement CSV from the panel, once signed in as an inspector, and draws its points with the contradictions', async () => {
    // A visitor is told to sign in; the inspector's account gets the import.
    expect(await page.getByTestId('measurement-import-input').count()).toBe(0);
    await page.getByTestId('measurement-import-sign-in').click();
    await signInThroughUi(page, 'kiemtra');
    await page.getByTestId('measurement-import-button').waitFor();
    const hamlets = (await (await fetch(`${hatang.url}api/layers/hamlets`)).json()) as { features: { properties: { refPoint: [number, number] } }[] };
    const rows = hamlets.features.slice(0, 40).map((f, i) => `${f.properties.refPoint[0]},${f.properties.refPoint[1]},Gmobile,4G,-90,12.5,2026-11-20T09:${String(i % 60).padStart(2, '0')}:00+07:00`);
    const csv = ['Kinh độ,Vĩ độ,Nhà mạng,Công nghệ,Mức tín hiệu (dBm),Tốc độ tải xuống (Mbps),Thời gian', ...rows].join('\n');
    await page.getByTestId('measurement-import-input').setInputFiles({ name: 'do-kiem-gmobile.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const result = page.getByTestId('measurement-import-result');
    await result.waitFor({ timeout: 60_000 });
    // Gmobile has no 4G footprint in the demo, so every point measured above the threshold contradicts the model.
    expect(await result.textContent()).toMatch(/40/);
    await page.waitForFunction(() => (window.__hatangMap?.queryRenderedFeatures({ layers: ['measurements'] }).length ?? 0) > 0, null, { timeout: 30_000 });
    const contradictions = await page.evaluate(() =>
      (window.__hatangMap?.queryRenderedFeatures({ layers: ['measurements'] }) ?? []).map((f) => f.properties.contradiction),
    );
    expect(contradictions.length).toBeGreaterThan(0);
    expect(new Set(contradictions)).toEqual(new Set(['predicted-uncovered-measured-above']));
    await mapIdle();
    await screenshot('coverage-measurements.png');
    await signOutThroughUi(page);
    await page.getByTestId('measurement-import-hint').waitFor();
  });

  it('throws no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
