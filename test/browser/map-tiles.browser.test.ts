import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHatang, type RunningHatang } from '../../server/src/start-hatang.js';
import { preparedDemoDataDir, removeDataDir } from '../support/prepared-databases.js';
import { launchHeadlessChromium, waitForMapIdle } from './headless-chromium.js';

// What the map draws from the vector tiles over the demo province: the unit
// filter, the hamlets' reference points and verdict colours, the panel's counts
// of the tiled layers, the labels of the clusters, and where hamlets cluster.

const artifactsDir = path.resolve('test-artifacts');
const vi = new Intl.NumberFormat('vi-VN');

let hatang: RunningHatang;
let dataDir: string;
let browser: Browser;
const pageErrors: string[] = [];

interface Fc {
  numberReturned: number;
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}
const api = async (pathAndQuery: string): Promise<Fc> => (await (await fetch(`${hatang.url}${pathAndQuery.replace(/^\//, '')}`)).json()) as Fc;

/** A page on a view of the app, ready (first idle after the initial layers), and its requests' paths. */
async function open(hash: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname + new URL(request.url()).search));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${hatang.url}#${hash}`);
  await page.waitForFunction(() => window.__hatangReady === true, null, { timeout: 90_000 });
  await waitForMapIdle(page);
  return { page, requests };
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, name) });
}

beforeAll(async () => {
  dataDir = preparedDemoDataDir();
  hatang = await startHatang({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', seedDemoWhenEmpty: false, adminPassword: 'quan-tri-dau-tien-1' });
  browser = await launchHeadlessChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hatang?.close();
  if (dataDir) removeDataDir(dataDir);
});

describe('the map on vector tiles', () => {
  it('draws districts and communes from their tiles, labels the communes from the tiles\' label points, and never loads the whole unit layers', async () => {
    const communes = await api('/api/layers/communes');
    const { page, requests } = await open('lang=vi&layers=districts,communes');
    try {
      // Centre on the first commune's box at z10 (communes' tiles start at z8, their names at z10).
      const list = (await (await fetch(`${hatang.url}api/admin-units?level=commune`)).json()) as { units: { bbox: [number, number, number, number] }[] };
      const [w, s, e, n] = list.units[0]!.bbox;
      const centre: [number, number] = [(w + e) / 2, (s + n) / 2];
      await page.evaluate((at) => window.__hatangMap!.jumpTo({ center: at, zoom: 10 }), centre);
      await waitForMapIdle(page);
      await page.waitForFunction(() => document.querySelectorAll('.map-labels--communes .map-label').length > 3, null, { timeout: 10_000 });
      const drawn = await page.evaluate(() => [...new Set(window.__hatangMap!.queryRenderedFeatures({ layers: ['communes-fill'] }).map((f) => String(f.properties.code)))]);
      const labels = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.map-labels--communes .map-label')].map((e) => ({ code: e.dataset.code, name: e.textContent })));
      const byCode = new Map(communes.features.map((f) => [String(f.properties.code), String(f.properties.name)]));
      expect(drawn.length).toBeGreaterThan(3);
      expect(drawn.every((code) => byCode.has(code))).toBe(true);
      // One label a commune, with its Vietnamese name.
      expect(new Set(labels.map((l) => l.code)).size).toBe(labels.length);
      for (const l of labels) expect(l.name).toBe(byCode.get(l.code!));
      // Names never overlap: a commune name that would touch another, or a district's, is left out.
      const boxes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.map-labels--communes .map-label, .map-labels--districts .map-label')]
          .filter((e) => e.style.visibility !== 'hidden' && !e.closest('[hidden]'))
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { commune: !!e.closest('.map-labels--communes'), text: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          }),
      );
      // This view is dense: some names are shown, some left out.
      expect(boxes.filter((b) => b.commune).length).toBeGreaterThan(3);
      expect(boxes.filter((b) => b.commune).length).toBeLessThan(labels.length);
      const overlapping = boxes.flatMap((a, i) =>
        boxes.slice(i + 1).filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).map((b) => `${a.text} / ${b.text}`),
      );
      expect(overlapping).toEqual([]);
      expect(requests.some((r) => r.startsWith('/tiles/communes/10/'))).toBe(true);
      expect(requests.some((r) => r.startsWith('/tiles/districts/10/'))).toBe(true);
      expect(requests.filter((r) => /^\/api\/layers\/(communes|districts)(\?|$)/.test(r) && !r.includes('unit='))).toEqual([]);
      // The panel counts them from GET /api/layers/{layer}/count.
      await page.waitForFunction((n) => document.querySelector('[data-testid="layer-count-communes"]')?.textContent === n, vi.format(communes.numberReturned));
      await screenshot(page, 'map-tiles-commune-labels-z10.png');
      // A click on a commune opens it in the inspector, the commune loaded by itself (?unit=), with its population.
      const target = await page.evaluate((at) => window.__hatangMap!.project(at), centre);
      const hit = await page.evaluate(({ x, y }) => window.__hatangMap!.queryRenderedFeatures([x, y], { layers: ['communes-fill'] }).map((f) => String(f.properties.code))[0] ?? null, target);
      expect(hit).not.toBeNull();
      const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
      await page.mouse.click(canvas.x + target.x, canvas.y + target.y);
      await page.waitForFunction((code) => window.location.hash.includes(`sel=communes:${code}`), hit);
      await page.getByTestId('inspector').getByText(byCode.get(hit!)!).first().waitFor({ timeout: 10_000 });
      expect(requests.some((r) => r.startsWith('/api/layers/communes?') && r.includes(`unit=${hit}`))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('limits the tiled sites to the unit of the panel\'s filter, and counts them in the panel with what the count means', async () => {
    const districts = await api('/api/layers/districts');
    const district = districts.features[0]!.properties.code as string;
    const inUnit = await api(`/api/layers/sites?unit=${district}`);
    const all = await api('/api/layers/sites');
    expect(inUnit.numberReturned).toBeGreaterThan(0);
    expect(inUnit.numberReturned).toBeLessThan(all.numberReturned);
    const { page, requests } = await open(`lang=vi&layers=districts,communes,sites&unit=${district}`);
    try {
      // The whole unit in view at z≥9 (no clusters): every site drawn is one of the unit's.
      await page.evaluate(() => window.__hatangMap!.setZoom(Math.max(window.__hatangMap!.getZoom(), 9.2)));
      await waitForMapIdle(page);
      const drawn = await page.evaluate(() => [...new Set(window.__hatangMap!.queryRenderedFeatures({ layers: ['sites'] }).map((f) => String(f.properties.code)))]);
      const unitCodes = new Set(inUnit.features.map((f) => String(f.properties.code)));
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.filter((code) => !unitCodes.has(code))).toEqual([]);
      expect(requests.some((r) => r.startsWith('/tiles/sites/') && r.includes(`unit=${district}`))).toBe(true);
      const count = page.getByTestId('layer-count-sites');
      await page.waitForFunction((n) => document.querySelector('[data-testid="layer-count-sites"]')?.textContent === n, vi.format(inUnit.numberReturned));
      expect(await count.getAttribute('title')).toContain('không chỉ trong khung nhìn');
      await screenshot(page, 'map-tiles-unit-filter.png');
    } finally {
      await page.close();
    }
  });

  it('loads the communes of the chosen district only for the unit picker, also for a commune given by a link', async () => {
    const districts = (await (await fetch(`${hatang.url}api/admin-units?level=district`)).json()) as { units: { code: string }[] };
    const district = districts.units[0]!.code;
    const ofDistrict = (await (await fetch(`${hatang.url}api/admin-units?level=commune&parent=${district}`)).json()) as { units: { code: string; parentCode: string }[] };
    expect(ofDistrict.units.length).toBeGreaterThan(1);
    expect(new Set(ofDistrict.units.map((u) => u.parentCode))).toEqual(new Set([district]));
    const communeLists = (requests: string[]) => requests.filter((r) => r.startsWith('/api/admin-units?') && r.includes('level=commune'));
    const options = (page: Page) => page.getByTestId('filter-commune').locator('option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));

    const { page, requests } = await open('lang=vi&layers=districts,communes,sites');
    try {
      // Opening the map asks for no commune list; the district chosen, for its communes only.
      expect(communeLists(requests)).toEqual([]);
      await page.getByTestId('filter-district').selectOption(district);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="filter-commune"] option').length === n + 1, ofDistrict.units.length);
      expect(communeLists(requests)).toEqual([`/api/admin-units?level=commune&parent=${district}`]);
      expect((await options(page)).sort()).toEqual(ofDistrict.units.map((u) => u.code).sort());
      const commune = ofDistrict.units[1]!.code;
      await page.getByTestId('filter-commune').selectOption(commune);
      await page.waitForFunction((c) => location.hash.includes(`unit=${c}`), commune);
      expect(await page.getByTestId('filter-district').inputValue()).toBe(district);
      expect(communeLists(requests)).toHaveLength(1);
    } finally {
      await page.close();
    }

    // A link to a commune: its district (from the commune's own row) and the district's communes.
    const commune = ofDistrict.units[0]!.code;
    const linked = await open(`lang=vi&layers=districts,communes,sites&unit=${commune}`);
    try {
      await linked.page.waitForFunction((c) => (document.querySelector('[data-testid="filter-commune"]') as HTMLSelectElement | null)?.value === c, commune);
      expect(await linked.page.getByTestId('filter-district').inputValue()).toBe(district);
      expect((await options(linked.page)).sort()).toEqual(ofDistrict.units.map((u) => u.code).sort());
      expect(communeLists(linked.requests)).toEqual([`/api/admin-units?level=commune&parent=${district}`]);
    } finally {
      await linked.page.close();
    }
  });

  it('counts every tiled layer shown under the filters, and the hamlets with a verdict for the coverage choice', async () => {
    const { page } = await open('lang=vi&layers=districts,communes,sites,bts,fiber,hamlets,hamlet-verdicts,gaps&technology=4G');
    try {
      const sites = await api('/api/layers/sites?technology=4G');
      const bts = await api('/api/layers/bts?technology=4G');
      const fiber = await api('/api/layers/fiber');
      const gaps = await api('/api/layers/gaps');
      const hamlets = (await (await fetch(`${hatang.url}api/hamlets/coverage`)).json()) as { summary: { hamlets: number; covered: number } };
      for (const [layer, n] of [['sites', sites.numberReturned], ['bts', bts.numberReturned], ['fiber', fiber.numberReturned], ['gaps', gaps.numberReturned], ['hamlet-verdicts', hamlets.summary.hamlets]] as const) {
        await page.waitForFunction(([id, text]) => document.querySelector(`[data-testid="layer-count-${id}"]`)?.textContent === text, [layer, vi.format(n)] as const);
        expect(await page.getByTestId(`layer-count-${layer}`).getAttribute('title'), layer).toBeTruthy();
      }
      // The panel's coverage ratio comes from the hamlets' count: covered ÷ hamlets of GET /api/hamlets/coverage's summary.
      const ratio = page.getByTestId('coverage-section').getByTestId('coverage-ratio-value');
      expect(Number(await ratio.getAttribute('data-ratio'))).toBeCloseTo(hamlets.summary.covered / hamlets.summary.hamlets, 12);
    } finally {
      await page.close();
    }
  });

  it('draws the hamlets\' reference points from the tiles, and colours hamlets by the verdict in their tiles without loading every hamlet\'s row', async () => {
    const coverage = (await (await fetch(`${hatang.url}api/hamlets/coverage?operator=viettel&technology=4G`)).json()) as { rows: { code: string; verdict: string }[] };
    const { page, requests } = await open('lang=vi&layers=districts,communes,hamlet-verdicts&covop=viettel&covtech=4G');
    try {
      const atStart = await page.evaluate(() => {
        const map = window.__hatangMap!;
        const toHex = (c: { r: number; g: number; b: number }) => `#${[c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('')}`;
        return map.queryRenderedFeatures({ layers: ['hamlet-verdicts'] }).map((f) => ({
          code: String(f.properties.code),
          colour: toHex((f.layer.paint as Record<string, { r: number; g: number; b: number }>)['fill-color']!),
        }));
      });
      const verdictOf = new Map(coverage.rows.map((r) => [r.code, r.verdict]));
      const colours: Record<string, string> = { covered: '#2f9e5b', lom_song: '#f08c00', trang_song: '#d63a3a' };
      expect(new Set(atStart.map((f) => f.code)).size).toBeGreaterThan(coverage.rows.length * 0.9);
      for (const f of atStart) expect(f.colour, f.code).toBe(colours[verdictOf.get(f.code)!]);
      expect(new Set(atStart.map((f) => f.colour)).size).toBeGreaterThan(1);
      // The hamlet tiles carry the coverage choice; no request for every hamlet's row.
      expect(requests.some((r) => r.startsWith('/tiles/hamlets/') && r.includes('operator=viettel') && r.includes('technology=4G'))).toBe(true);
      expect(requests.filter((r) => r.startsWith('/api/hamlets/coverage'))).toEqual([]);

      // Zoomed in on a hamlet (z12): its reference point is drawn, from the same tiles.
      const hamlet = coverage.rows[0]!.code;
      const detail = (await (await fetch(`${hatang.url}api/hamlets/${hamlet}`)).json()) as { hamlet: { refPoint: [number, number] } };
      await page.evaluate(([lon, lat]) => window.__hatangMap!.jumpTo({ center: [lon!, lat!], zoom: 12.5 }), detail.hamlet.refPoint);
      await waitForMapIdle(page);
      const refs = await page.evaluate(() => window.__hatangMap!.queryRenderedFeatures({ layers: ['hamlet-ref-points'] }).map((f) => ({ code: String(f.properties.code), refPoint: f.properties.refPoint, type: f.geometry.type })));
      expect(refs.map((r) => r.code)).toContain(hamlet);
      expect(refs.every((r) => r.refPoint === true && r.type === 'Point')).toBe(true);
      await screenshot(page, 'map-tiles-ref-points.png');
      // The hamlet table lists the rows: only now are they loaded.
      await page.getByTestId('open-hamlet-table').click();
      await page.getByTestId('hamlet-row').first().waitFor();
      expect(requests.filter((r) => r.startsWith('/api/hamlets/coverage')).length).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('labels the clusters in view with their number of points, Vietnamese style, and keeps hamlets as polygons at z8.6', async () => {
    const { page } = await open('lang=vi&layers=districts,communes,sites,hamlets');
    try {
      // z4.5 (z4 tiles: a 32 px cell is ~150 km): the province's ~2,000 sites fall in one or two clusters.
      await page.evaluate(() => window.__hatangMap!.jumpTo({ center: [106.2, 10.4], zoom: 4.5 }));
      await waitForMapIdle(page);
      // The labels follow the sources' tile loads (rebuilt once a burst of loads pauses): wait until they have caught up
      // with what is drawn, i.e. the largest cluster drawn (top-most at its place) is labelled first.
      const labelState = () => {
        const map = window.__hatangMap!;
        // One label a place: where a site cluster lies over a hamlet cluster, the top one (the sites) is labelled.
        const topAtPlace = new Map<string, number>();
        for (const f of map.queryRenderedFeatures({ layers: ['sites-clusters', 'hamlets-clusters'] })) {
          const at = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
          const key = `${Math.round(at.x)}/${Math.round(at.y)}`;
          if (!topAtPlace.has(key)) topAtPlace.set(key, Number(f.properties.point_count));
        }
        const clusters = [...topAtPlace.values()];
        const labels = [...document.querySelectorAll<HTMLElement>('.map-labels--clusters .map-cluster-label')].map((e) => ({ text: e.textContent, count: Number(e.dataset.count) }));
        return { clusters, labels };
      };
      let state = await page.evaluate(labelState);
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; state = await page.evaluate(labelState)) {
        if (state.labels.length > 0 && state.labels[0]!.count === Math.max(...state.clusters)) break;
        await page.waitForTimeout(100);
      }
      await screenshot(page, 'map-tiles-cluster-labels.png');
      expect(state.labels.length).toBeGreaterThan(0);
      expect(state.labels.length).toBeLessThanOrEqual(300);
      for (const label of state.labels) expect(label.text).toBe(vi.format(label.count));
      // The largest cluster in view (top-most at its place) is labelled; with ~2,000 sites, some label reads with a thousands dot.
      expect(state.labels[0]!.count).toBe(Math.max(...state.clusters));
      expect(state.labels.some((l) => /^\d{1,3}(\.\d{3})+$/.test(l.text ?? '')), JSON.stringify(state.labels)).toBe(true);

      // Closer in (z6.5), the clusters split and the labels follow them.
      await page.evaluate(() => window.__hatangMap!.jumpTo({ center: [106.2, 10.4], zoom: 6.5 }));
      await waitForMapIdle(page);
      await page.waitForFunction(() => document.querySelectorAll('.map-labels--clusters .map-cluster-label').length > 2);
      await screenshot(page, 'map-tiles-cluster-labels-z6.5.png');

      // A province in view at z8.6: hamlet polygons, no hamlet cluster (sites still cluster below z9).
      await page.evaluate(() => window.__hatangMap!.jumpTo({ center: [106.2, 10.4], zoom: 8.6 }));
      await waitForMapIdle(page);
      const at86 = await page.evaluate(() => {
        const map = window.__hatangMap!;
        return {
          hamletClusters: map.queryRenderedFeatures({ layers: ['hamlets-clusters'] }).length,
          hamletPolygons: map.queryRenderedFeatures({ layers: ['hamlets-fill'] }).length,
          siteClusters: map.queryRenderedFeatures({ layers: ['sites-clusters'] }).length,
        };
      });
      expect(at86.hamletClusters).toBe(0);
      expect(at86.hamletPolygons).toBeGreaterThan(100);
      expect(at86.siteClusters).toBeGreaterThan(0);
      await screenshot(page, 'map-tiles-hamlets-z8.6.png');
    } finally {
      await page.close();
    }
  });

  it('throws no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
