import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, PhysicalSiteProperties } from '../../server/src/contracts/layer-contracts.js';
import type { z } from 'zod';
import type { consolidationResponseSchema, SharingResponse } from '../../server/src/contracts/sharing-contracts.js';
import { openDemoInBrowser, type DemoInBrowser } from './demo-browser-session.js';
import { waitForMapIdle } from './headless-chromium.js';

// The sharing panel in the browser, on a copy of the demo province: the
// province's site sharing ratio shown is the API's numerator ÷ denominator; the
// scenario switch asks the server for the planned network; a consolidation
// candidate clicked in the table is flown to and ringed on the map; an inferred
// site opens with its BTS and how they were grouped.

type ConsolidationResponse = z.infer<typeof consolidationResponseSchema>;

const artifactsDir = path.resolve('test-artifacts');

let demo: DemoInBrowser | undefined;
let baseUrl: string;
let page: Page;
let pageErrors: string[] = [];
let foreignRequests: string[] = [];

async function getJson<T>(pathname: string): Promise<T> {
  const response = await fetch(new URL(pathname, baseUrl));
  if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
  return (await response.json()) as T;
}

function screenshot(name: string, testId?: string): Promise<unknown> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const target = testId ? page.getByTestId(testId) : page;
  return target.screenshot({ path: path.join(artifactsDir, name) });
}

/** "31,2%": a share as the Vietnamese page writes it (one decimal, comma, no decimal when whole). */
function viPercent(share: number): string {
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(share * 100)}%`;
}

/** Waits until the camera has stopped within `metres` of a point, then for the map's idle. */
async function waitForCameraAt(lon: number, lat: number, metres: number): Promise<void> {
  await page.waitForFunction(
    ([x, y, m]) => {
      const map = window.__hatangMap;
      if (!map || map.isMoving()) return false;
      const c = map.getCenter();
      const dy = (c.lat - y) * 111_320;
      const dx = (c.lng - x) * 111_320 * Math.cos((y * Math.PI) / 180);
      return Math.hypot(dx, dy) <= m;
    },
    [lon, lat, metres] as const,
    { timeout: 30_000 },
  );
  await waitForMapIdle(page);
}

beforeAll(async () => {
  demo = await openDemoInBrowser();
  baseUrl = demo.hatang.url;
  ({ page, pageErrors, foreignRequests } = demo);
}, 180_000);

afterAll(async () => {
  await demo?.close();
});

describe('the sharing panel', () => {
  it('shows the province site sharing ratio as the API computes it, numerator over denominator, with the target', async () => {
    await page.getByTestId('open-sharing-panel').click();
    const panel = page.getByTestId('sharing-panel');
    await panel.getByTestId('sharing-table').waitFor();
    const level = await panel.getByTestId('sharing-level').inputValue();
    const api = await getJson<SharingResponse>(`/api/sharing?level=${level}`);
    const { numerator, denominator } = api.province.siteRatio;
    expect(denominator).toBeGreaterThan(0);

    const cell = panel.getByTestId('sharing-province-site-ratio');
    expect(Number(await cell.getAttribute('data-numerator'))).toBe(numerator);
    expect(Number(await cell.getAttribute('data-denominator'))).toBe(denominator);
    const shown = await cell.textContent();
    expect(shown).toContain(viPercent(numerator / denominator));
    expect(shown).toContain(`${new Intl.NumberFormat('vi-VN').format(numerator)} / ${new Intl.NumberFormat('vi-VN').format(denominator)}`);
    // The left panel's section says the same.
    expect(await page.getByTestId('sharing-section-ratio').textContent()).toBe(viPercent(numerator / denominator));

    // Every unit of the level is a row and a bar; one unit's figures are the API's.
    const unit = api.units.find((u) => u.siteRatio.denominator > 0) ?? api.units[0]!;
    expect(await panel.locator('[data-testid^="sharing-row-"]').count()).toBe(api.units.length + 1);
    const row = panel.getByTestId(`sharing-row-${unit.code}`);
    const unitCell = row.locator('.ratio-cell').first();
    expect(Number(await unitCell.getAttribute('data-numerator'))).toBe(unit.siteRatio.numerator);
    expect(Number(await unitCell.getAttribute('data-denominator'))).toBe(unit.siteRatio.denominator);
    const target = page.getByTestId('sharing-chart-target');
    expect(Number(await target.getAttribute('data-target'))).toBe(api.target);
    expect(Number(await panel.getByTestId(`sharing-bar-${unit.code}`).getAttribute('data-value'))).toBeCloseTo(unit.siteRatio.value ?? 0, 12);
    await waitForMapIdle(page);
    await screenshot('sharing-units.png');
  });

  it('sorts the units by name and asks the server for the planned scenario when the switch is turned', async () => {
    const panel = page.getByTestId('sharing-panel');
    await panel.getByTestId('sharing-sort-name').click();
    expect(decodeURIComponent(page.url())).toContain('shsort=name&shdir=asc');
    const names = await panel.locator('[data-testid^="sharing-row-"]:not([data-testid="sharing-row-province"]) .sharing-table__name').allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator('vi', { sensitivity: 'base', numeric: true }).compare));

    const level = await panel.getByTestId('sharing-level').inputValue();
    const planned = await getJson<SharingResponse>(`/api/sharing?level=${level}&scenario=planned`);
    const answered = page.waitForResponse((r) => r.url().includes('/api/sharing?') && r.url().includes('scenario=planned') && r.ok());
    // The shared-site layer is vector tiles: its source is pointed at the planned scenario's tiles.
    const sharedSitesAnswered = page.waitForResponse((r) => r.url().includes('/tiles/shared-sites/') && r.url().includes('scenario=planned') && r.ok());
    await page.getByTestId('scenario-planned').click();
    await answered;
    await sharedSitesAnswered;
    expect(decodeURIComponent(page.url())).toContain('scenario=planned');
    const cell = panel.getByTestId('sharing-province-site-ratio');
    // Both figures: the two scenarios may share a numerator, so it alone does not tell the planned answer is drawn.
    await page.waitForFunction(
      ([n, d]) => {
        const el = document.querySelector('[data-testid="sharing-province-site-ratio"]');
        return el?.getAttribute('data-numerator') === String(n) && el?.getAttribute('data-denominator') === String(d);
      },
      [planned.province.siteRatio.numerator, planned.province.siteRatio.denominator],
    );
    expect(Number(await cell.getAttribute('data-denominator'))).toBe(planned.province.siteRatio.denominator);
    expect(await page.getByTestId('scenario-planned').getAttribute('aria-checked')).toBe('true');
    await page.getByTestId('scenario-current').click();
    expect(decodeURIComponent(page.url())).not.toContain('scenario=');
  });

  it('flies to a consolidation candidate clicked in the table and rings its sites on the map', async () => {
    const panel = page.getByTestId('sharing-panel');
    await panel.getByTestId('sharing-tab-consolidation').click();
    await panel.getByTestId('consolidation-table').waitFor();
    const api = await getJson<ConsolidationResponse>('/api/sharing/consolidation');
    expect(api.groups.length).toBeGreaterThan(0);
    expect(await panel.locator('[data-testid^="consolidation-row-"]').count()).toBe(api.groups.length);
    const group = api.groups[0]!;

    await panel.getByTestId(`consolidation-row-${group.id}`).click();
    expect(decodeURIComponent(page.url())).toContain(`group=${group.id}`);
    expect(await page.getByTestId('layer-toggle-consolidation').isChecked()).toBe(true);
    // The camera ends on the group (its sites are within D of one another: the fitted view's centre is within D of its point).
    await waitForCameraAt(group.lon, group.lat, api.distanceM);
    const ringed = await page.evaluate(() => window.__hatangMap!.queryRenderedFeatures({ layers: ['consolidation-highlight'] }).map((f) => f.properties.groupNo as number));
    expect(ringed.length).toBeGreaterThan(0);
    expect(new Set(ringed)).toEqual(new Set([group.id]));
    await screenshot('sharing-consolidation.png');
  });

  it('opens an inferred site with its operators, its BTS and the grouping rule with ε', async () => {
    const api = await getJson<SharingResponse>('/api/sharing');
    const sites = await getJson<FeatureCollection<PhysicalSiteProperties>>('/api/layers/shared-sites');
    const inferred = sites.features.find((f) => f.properties.inferred);
    expect(inferred).toBeDefined();
    const [lon, lat] = inferred!.geometry.coordinates as [number, number];
    const flown = page.evaluate(([x, y]) => window.__hatangMap!.jumpTo({ center: [x, y], zoom: 17 }), [lon, lat] as const);
    await flown;
    await waitForMapIdle(page);
    const point = await page.evaluate(([x, y]) => window.__hatangMap!.project([x, y]), [lon, lat] as const);
    const canvas = await page.locator('canvas.maplibregl-canvas').boundingBox();
    await page.mouse.click(canvas!.x + point.x, canvas!.y + point.y);
    const inspector = page.getByTestId('inspector');
    await inspector.getByTestId('inferred-rule').waitFor();
    expect(decodeURIComponent(page.url())).toContain(`sel=shared-sites:${inferred!.properties.siteKey}`);
    expect(await inspector.getByTestId('inferred-rule').textContent()).toContain(`ε = ${api.siteInferenceEpsM} m`);
    const members = inspector.getByTestId('inferred-members').locator('tbody tr');
    await members.first().waitFor();
    expect(await members.count()).toBe(inferred!.properties.btsCount);
    // Exactly the BTS inference grouped there (the layer names them).
    expect(inferred!.properties.btsCodes).toHaveLength(inferred!.properties.btsCount);
    const listed = await inspector.getByTestId('inferred-members').textContent();
    for (const code of inferred!.properties.btsCodes) expect(listed).toContain(code);
    await waitForMapIdle(page);
    await screenshot('sharing-inferred-site.png');
    expect(await page.getByTestId('shared-site-legend').textContent()).toContain(`Vị trí suy luận từ BTS không có mã trạm (ε = ${api.siteInferenceEpsM} m)`);
  });

  it('raised no page error and sent no request off the machine', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
