import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHatang, type RunningHatang } from '../../server/src/start-hatang.js';
import { preparedDemoDataDir, removeDataDir } from '../support/prepared-databases.js';
import { launchHeadlessChromium, waitForMapIdle } from './headless-chromium.js';

// The whole client against the whole server, both on this machine: the server
// runs in process on a free loopback port over a copy of the demo database, and
// the page must never reach any other host (the basemap is offline).

const artifactsDir = path.resolve('test-artifacts');

let hatang: RunningHatang;
let dataDir: string;
let browser: Browser;
let page: Page;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];

/** Records requests to hosts other than the server's, and uncaught page errors. */
function watch(target: Page, serverHost: string): void {
  target.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.host !== serverHost) foreignRequests.push(request.url());
  });
  target.on('pageerror', (error) => pageErrors.push(error.message));
}

beforeAll(async () => {
  dataDir = preparedDemoDataDir();
  hatang = await startHatang({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', seedDemoWhenEmpty: false, adminPassword: 'quan-tri-dau-tien-1' });
  browser = await launchHeadlessChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  watch(page, new URL(hatang.url).host);
  await page.goto(hatang.url);
  await page.waitForFunction(() => window.__hatangReady === true, null, { timeout: 90_000 });
}, 180_000);

afterAll(async () => {
  if (page) {
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, 'map.png') }).catch(() => undefined);
  }
  await browser?.close();
  await hatang?.close();
  if (dataDir) removeDataDir(dataDir);
});

describe('the map client', () => {
  it('draws the province sites on an offline basemap', async () => {
    const rendered = await page.evaluate(() => window.__hatangMap?.queryRenderedFeatures({ layers: ['sites'] }).length ?? 0);
    expect(rendered).toBeGreaterThan(0);
    expect(await page.getByTestId('demo-notice').textContent()).toContain('Dữ liệu minh họa tổng hợp, không phải số liệu thật');
  });

  it('hides fiber routes when their layer is switched off', async () => {
    const before = await page.evaluate(() => window.__hatangMap?.queryRenderedFeatures({ layers: ['fiber'] }).length ?? 0);
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('layer-toggle-fiber').click();
    await waitForMapIdle(page);
    const after = await page.evaluate(() => {
      const map = window.__hatangMap;
      return { visibility: map?.getLayoutProperty('fiber', 'visibility'), rendered: map?.queryRenderedFeatures({ layers: ['fiber'] }).length ?? -1 };
    });
    expect(after).toEqual({ visibility: 'none', rendered: 0 });
    expect(page.url()).not.toMatch(/layers=[^&]*fiber/);
  });

  it('shows a clicked site with its BTS in the inspector', async () => {
    // A site with BTS, alone under its own pixel (no other site within 8 px), inside the canvas.
    const target = await page.evaluate(() => {
      const map = window.__hatangMap;
      if (!map) return null;
      const canvas = map.getCanvas().getBoundingClientRect();
      const sites = map.queryRenderedFeatures({ layers: ['sites'] });
      const points = sites.map((f) => {
        const [lon, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
        return { code: String(f.properties.code), btsCount: Number(f.properties.btsCount), at: map.project([lon, lat]) };
      });
      const margin = 40;
      for (const p of points) {
        if (p.btsCount < 1) continue;
        if (p.at.x < margin || p.at.y < margin || p.at.x > canvas.width - margin || p.at.y > canvas.height - margin) continue;
        const crowded = points.some((q) => q !== p && Math.hypot(q.at.x - p.at.x, q.at.y - p.at.y) < 8);
        if (!crowded) return { code: p.code, x: canvas.left + p.at.x, y: canvas.top + p.at.y };
      }
      return null;
    });
    expect(target).not.toBeNull();
    if (!target) return;
    await page.mouse.click(target.x, target.y);
    const inspector = page.getByTestId('inspector');
    await inspector.waitFor();
    await page.getByTestId('inspector-bts-row').first().waitFor();
    expect(await page.getByTestId('inspector-bts-row').count()).toBeGreaterThanOrEqual(1);
    expect(await inspector.textContent()).toContain(target.code);
    expect(decodeURIComponent(page.url())).toContain(`sel=sites:${target.code}`);
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, 'map-site-inspector.png') });
  });

  it('finds "Cái Bè" when searching without diacritics, and flies to it', async () => {
    await page.getByTestId('search-input').fill('cai be');
    const result = page.getByTestId('search-result').filter({ hasText: 'Cái Bè' }).first();
    await result.waitFor();
    const name = (await result.textContent()) ?? '';
    expect(name).toContain('Cái Bè');
    await result.click();
    await page.waitForFunction(() => /[#&]sel=(districts|communes|hamlets|sites):/.test(window.location.hash));
    await waitForMapIdle(page);
    await page.getByTestId('inspector').filter({ hasText: 'Cái Bè' }).waitFor();
  });

  it('keeps the view in the URL and restores it from a link', async () => {
    const hash = new URL(page.url()).hash;
    expect(hash).toMatch(/lang=vi/);
    expect(hash).toMatch(/map=\d+(\.\d+)?\/\d+(\.\d+)?\/\d+(\.\d+)?/);
    expect(hash).toMatch(/layers=[a-z-,]*sites/);
    expect(hash).toMatch(/sel=/);

    const selection = new URLSearchParams(hash.slice(1)).get('sel') ?? '';
    const link = `${hatang.url}#lang=en&map=12.00/10.35000/106.36000&layers=districts,communes,hamlets,sites&technology=4G&sel=${selection}`;
    const second = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    watch(second, new URL(hatang.url).host);
    try {
      await second.goto(link);
      await second.waitForFunction(() => window.__hatangReady === true, null, { timeout: 90_000 });
      const view = await second.evaluate(() => {
        const map = window.__hatangMap;
        const center = map?.getCenter();
        return {
          zoom: map?.getZoom(),
          lon: center?.lng,
          lat: center?.lat,
          fiber: map?.getLayoutProperty('fiber', 'visibility'),
          sites: map?.getLayoutProperty('sites', 'visibility'),
          lang: document.documentElement.lang,
          technologyPressed: document.querySelector('[data-testid="filter-technology-4G"]')?.getAttribute('aria-pressed'),
        };
      });
      expect(view.zoom).toBeCloseTo(12, 1);
      expect(view.lon).toBeCloseTo(106.36, 3);
      expect(view.lat).toBeCloseTo(10.35, 3);
      expect(view.fiber).toBe('none');
      expect(view.sites).toBe('visible');
      expect(view.lang).toBe('en');
      expect(view.technologyPressed).toBe('true');
      // The selection comes back too: the inspector shows the same feature.
      await second.getByTestId('inspector').filter({ hasText: 'Cái Bè' }).waitFor();
    } finally {
      await second.close();
    }
  });

  it('draws the sites from vector tiles, clustered when zoomed out, and a click on a cluster zooms in on it', async () => {
    // The large layers come as tiles of the server, never as whole-layer GeoJSON.
    const sources = await page.evaluate(() => ['sites', 'bts', 'fiber', 'hamlets', 'coverage', 'gaps', 'shared-sites'].map((id) => window.__hatangMap?.getSource(id)?.type));
    expect(sources).toEqual(['vector', 'vector', 'vector', 'vector', 'vector', 'vector', 'vector']);
    const atProvince = await page.evaluate(() => (window.__hatangMap?.queryRenderedFeatures({ layers: ['sites-clusters'] }) ?? []).length);
    await page.evaluate(() => window.__hatangMap?.jumpTo({ center: [106.2, 10.4], zoom: 7.5 }));
    await waitForMapIdle(page);
    const zoomedOut = await page.evaluate(() => {
      const map = window.__hatangMap!;
      const canvas = map.getCanvas().getBoundingClientRect();
      const clusters = map.queryRenderedFeatures({ layers: ['sites-clusters'] }).map((f) => {
        const [lon, lat] = (f.geometry as unknown as { coordinates: [number, number] }).coordinates;
        const at = map.project([lon, lat]);
        return { count: Number(f.properties.point_count), x: canvas.left + at.x, y: canvas.top + at.y, lon, lat };
      });
      // A point near a tile's edge is in both tiles' buffers: counted once, by code.
      const singles = new Set(map.queryRenderedFeatures({ layers: ['sites'] }).map((f) => String(f.properties.code))).size;
      return { clusters, singles };
    });
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, 'map-clusters-z6.png') });
    // At z7.5 a 32 px cell is ~20 km: the province's ~2,000 sites are a few clusters of 2 or more, and every
    // site of the province (all in view) is in exactly one cluster or drawn alone.
    const allSites = await page.evaluate(async () => ((await (await fetch('/api/layers/sites')).json()) as { numberReturned: number }).numberReturned);
    expect(zoomedOut.clusters.length).toBeGreaterThan(5);
    expect(zoomedOut.clusters.every((c) => c.count >= 2)).toBe(true);
    expect(zoomedOut.clusters.reduce((sum, c) => sum + c.count, 0) + zoomedOut.singles).toBe(allSites);
    expect(atProvince).toBe(0);
    const biggest = zoomedOut.clusters.reduce((a, b) => (b.count > a.count ? b : a));
    const selectionBefore = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('sel');
    await page.mouse.click(biggest.x, biggest.y);
    await page.waitForFunction(() => !window.__hatangMap!.isMoving() && window.__hatangMap!.getZoom() > 9.4);
    const after = await page.evaluate(() => ({ zoom: window.__hatangMap!.getZoom(), center: window.__hatangMap!.getCenter() }));
    expect(after.zoom).toBeCloseTo(9.5, 1);
    expect(after.center.lng).toBeCloseTo(biggest.lon, 2);
    expect(after.center.lat).toBeCloseTo(biggest.lat, 2);
    // A cluster is no feature to select: the selection is unchanged.
    expect(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('sel')).toBe(selectionBefore);
    await page.getByTestId('legend-clusters').waitFor({ state: 'attached' });
    expect(await page.getByTestId('legend-clusters').textContent()).toContain('Cụm 2–9 điểm');
  });

  it('sends no request to any host but the local server, and throws no page error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
