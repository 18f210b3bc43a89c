import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HamletCoverageResponse } from '../../server/src/contracts/coverage-contracts.js';
import type { IndicatorsResponse } from '../../server/src/contracts/indicator-contracts.js';
import type { BoundarySet } from '../../server/src/contracts/indicator-registry-contracts.js';
import { startDemoWithAccounts } from './demo-browser-session.js';
import { launchHeadlessChromium } from './headless-chromium.js';
import { expectedValueText, vi } from './expected-indicator-text.js';

// The printable report (screen=report) in headless Chromium on a copy of the
// demo province, for the 2023 boundaries (province – district – commune) and
// the 2025 ones (province – commune): its summary says what GET /api/indicators
// says, written the way the plan writes it; its unit table has one row per
// unit of the set's finest level (as GET /api/boundary-sets counts them); its
// map canvas holds a drawn province (pixels read back through the kept drawing
// buffer, which is also what lets the browser print it); printed, it is an A4
// PDF of several pages.

const artifactsDir = path.resolve('test-artifacts');

let demo: Awaited<ReturnType<typeof startDemoWithAccounts>> | undefined;
let browser: Browser | undefined;
let baseUrl: string;

async function getJson<T>(pathname: string): Promise<T> {
  const response = await fetch(new URL(pathname, baseUrl), { headers: { 'Accept-Language': 'vi' } });
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Opens the report and waits until it says every answer is in and its map has drawn. */
async function openReport(hash: string): Promise<{ page: Page; pageErrors: string[]; foreignRequests: string[] }> {
  const page = await browser!.newPage({ viewport: { width: 1200, height: 900 }, locale: 'vi-VN' });
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  const host = new URL(baseUrl).host;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== host) foreignRequests.push(request.url());
  });
  await page.goto(`${baseUrl}#${hash}`);
  await page.waitForFunction(() => document.body.dataset.reportReady === 'true' || document.body.dataset.reportError !== undefined, null, { timeout: 150_000 });
  const error = await page.evaluate(() => document.body.dataset.reportError ?? null);
  expect(error).toBeNull();
  return { page, pageErrors, foreignRequests };
}

/**
 * Share of the map canvas's pixels that are not the background colour, read
 * by copying the WebGL canvas into a 2D one: only a drawing buffer that is kept
 * after compositing (preserveDrawingBuffer) reads back drawn, as printing needs.
 */
function drawnShare(page: Page): Promise<{ share: number; width: number; height: number }> {
  return page.evaluate(() => {
    const map = window.__hatangChoropleths?.['report-map']?.map;
    if (!map) throw new Error('the report map is not exposed');
    const gl = map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = gl.width;
    copy.height = gl.height;
    const context = copy.getContext('2d')!;
    context.drawImage(gl, 0, 0);
    const { data } = context.getImageData(0, 0, copy.width, copy.height);
    // The style's background is the first layer's colour; a pixel counts as drawn when it differs from it clearly.
    const background = String(map.getPaintProperty('background', 'background-color'));
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = background;
    probe.fillRect(0, 0, 1, 1);
    const [br, bg, bb] = probe.getImageData(0, 0, 1, 1).data;
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      const alpha = data[i + 3]!;
      const far = Math.abs(data[i]! - br!) + Math.abs(data[i + 1]! - bg!) + Math.abs(data[i + 2]! - bb!) > 24;
      if (alpha > 0 && far) drawn++;
    }
    return { share: drawn / (copy.width * copy.height), width: copy.width, height: copy.height };
  });
}

/**
 * The page as printed (print media, A4's width of 794 CSS px) in one PNG.
 * Chromium's own full-page capture repeats the top of the page below about
 * 8,000 px (the compositor's largest texture), and the report of 172 communes
 * is longer than that: so the viewport is captured screen by screen while
 * scrolling and the strips are drawn into one canvas in a page of their own.
 */
async function printedPageScreenshot(page: Page, file: string): Promise<void> {
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const strips: { top: number; png: string }[] = [];
  for (let y = 0; y < height; y += 1123) {
    const top = Math.max(0, Math.min(y, height - 1123));
    await page.evaluate((v) => window.scrollTo(0, v), top);
    strips.push({ top, png: (await page.screenshot()).toString('base64') });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  const canvasPage = await browser!.newPage({ viewport: { width: 400, height: 300 } });
  const stitched = await canvasPage.evaluate(
    async ({ strips, height }) => {
      const canvas = document.createElement('canvas');
      canvas.width = 794;
      canvas.height = height;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      for (const strip of strips) {
        const image = new Image();
        image.src = `data:image/png;base64,${strip.png}`;
        await image.decode();
        context.drawImage(image, 0, strip.top);
      }
      return canvas.toDataURL('image/png').split(',')[1]!;
    },
    { strips, height },
  );
  await canvasPage.close();
  fs.writeFileSync(file, Buffer.from(stitched, 'base64'));
}

/** Pages of a PDF as Chromium writes it: one "/Type /Page" object each ("/Type /Pages" is the tree, not a page). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

beforeAll(async () => {
  demo = await startDemoWithAccounts();
  baseUrl = demo.hatang.url;
  browser = await launchHeadlessChromium();
  fs.mkdirSync(artifactsDir, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('the printable report', () => {
  it('for the 2023 province: the summary is GET /api/indicators as the plan writes it, one table row per commune, a drawn map, an A4 PDF of several pages', async () => {
    const { page, pageErrors, foreignRequests } = await openReport('lang=vi&screen=report&rbs=2023');
    const api = await getJson<IndicatorsResponse>('/api/indicators?boundarySet=2023');
    expect(api.unit.level).toBe('province');

    // Title block: the set's province, its boundaries, the demo notice (the demo says it is one).
    await expect(page.getByTestId('report-title').textContent()).resolves.toBe('BÁO CÁO CHỈ TIÊU HẠ TẦNG SỐ');
    expect(await page.getByTestId('report-unit').textContent()).toBe(api.unit.name);
    expect(await page.locator('.report-heading__parent').textContent()).toBe(`UBND ${api.unit.name}`);
    expect(await page.getByTestId('report-boundary-set').textContent()).toBe('Địa giới hành chính 2023 (tỉnh – huyện – xã)');
    expect(await page.getByTestId('report-demo').isVisible()).toBe(true);

    // 1. Every indicator, in the API's order, with the API's value written the plan's way.
    const summaryRows = page.getByTestId('report-summary').locator('tbody tr');
    expect(await summaryRows.count()).toBe(api.indicators.length);
    expect(api.indicators.length).toBe(12);
    for (const indicator of api.indicators) {
      const row = page.getByTestId(`report-summary-${indicator.code}`);
      expect(await row.getByTestId('report-summary-value').textContent(), indicator.code).toBe(expectedValueText(indicator, indicator.value));
      const status = await row.getByTestId('report-summary-status').getAttribute('data-status');
      expect(status, indicator.code).toBe(indicator.status ?? (indicator.target === null ? 'no-target' : 'no-value'));
      if (indicator.numerator !== null && indicator.denominator !== null) {
        const fraction = await row.getByTestId('report-summary-fraction').textContent();
        expect(fraction, indicator.code).toContain(`${vi(indicator.numerator, 0)}/${vi(indicator.denominator, 0)}`);
      }
    }

    // 4. One row per commune of the 2023 set, counted by the boundary sets' own answer.
    const sets = await getJson<{ boundarySets: BoundarySet[] }>('/api/boundary-sets');
    const set2023 = sets.boundarySets.find((s) => s.code === '2023')!;
    const communes = set2023.units.commune!;
    expect(communes).toBeGreaterThan(100);
    expect(await page.getByTestId('report-unit-row').count()).toBe(communes);
    // The bar charts compare the level below the province: the 2023 districts.
    expect(await page.locator('[data-testid^="report-chart-svg-hamlets-mobile-broadband-bar-"]').count()).toBe(set2023.units.district);

    // 5. The trắng sóng and lõm sóng hamlets the API lists for the set.
    const hamlets = await getJson<HamletCoverageResponse>('/api/hamlets/coverage?verdict=trang_song,lom_song&boundarySet=2023');
    expect(await page.getByTestId('report-hamlet-row').count()).toBe(hamlets.rows.length);

    // 6. θ, r and ε from the answer's settings.
    const parameters = await page.getByTestId('report-parameters').textContent();
    expect(parameters).toContain(`θ = ${vi(api.settings.coverageTheta, 2)}`);
    expect(parameters).toContain(`r = ${vi(api.settings.fiberReachM, 0)} m`);

    // 2. The map: most of its canvas is the province's communes in their class colours.
    const drawn = await drawnShare(page);
    expect(drawn.width).toBeGreaterThan(300);
    expect(drawn.share).toBeGreaterThan(0.2);

    await printedPageScreenshot(page, path.join(artifactsDir, 'report-a4.png'));
    expect(await page.getByTestId('report-print').isVisible()).toBe(false);
    // Printing at the page's content width did not resize the map: its canvas is still drawn.
    expect((await drawnShare(page)).share).toBeGreaterThan(0.2);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: path.join(artifactsDir, 'report.pdf') });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);

    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  }, 300_000);

  it('for the 2025 province: the new province, one row per 2025 commune, the charts over the same communes, a drawn map', async () => {
    const { page, pageErrors, foreignRequests } = await openReport('lang=vi&screen=report&rbs=2025');
    const api = await getJson<IndicatorsResponse>('/api/indicators?boundarySet=2025');
    expect(await page.getByTestId('report-unit').textContent()).toBe(api.unit.name);
    expect(await page.getByTestId('report-boundary-set').textContent()).toBe('Địa giới hành chính từ 01/7/2025 (tỉnh – xã)');
    for (const indicator of api.indicators) {
      const value = await page.getByTestId(`report-summary-${indicator.code}`).getByTestId('report-summary-value').textContent();
      expect(value, indicator.code).toBe(expectedValueText(indicator, indicator.value));
    }
    const sets = await getJson<{ boundarySets: BoundarySet[] }>('/api/boundary-sets');
    const set2025 = sets.boundarySets.find((s) => s.code === '2025')!;
    const communes = set2025.units.commune!;
    expect(set2025.units.district ?? 0).toBe(0);
    expect(await page.getByTestId('report-unit-row').count()).toBe(communes);
    // No district level: the charts compare the same communes as the table.
    expect(await page.locator('[data-testid^="report-chart-svg-hamlets-mobile-broadband-bar-"]').count()).toBe(communes);
    expect((await drawnShare(page)).share).toBeGreaterThan(0.2);

    await printedPageScreenshot(page, path.join(artifactsDir, 'report-a4-2025.png'));
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: path.join(artifactsDir, 'report-2025.pdf') });
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  }, 300_000);

  it('reads in English with lang=en and goes back to the map from its toolbar', async () => {
    const { page, pageErrors } = await openReport('lang=en&screen=report&rbs=2025');
    expect(await page.getByTestId('report-title').textContent()).toBe('DIGITAL INFRASTRUCTURE INDICATORS REPORT');
    expect(await page.getByTestId('report-boundary-set').textContent()).toBe('Boundaries 2025 (province – commune)');
    await page.getByTestId('report-back').click();
    await page.waitForFunction(() => window.__hatangReady === true, null, { timeout: 90_000 });
    expect(page.url()).not.toContain('screen=report');
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 300_000);
});
