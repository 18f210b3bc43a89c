import fs from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRun } from '../../server/src/contracts/import-contracts.js';
import type { FeatureCollection, SiteProperties } from '../../server/src/contracts/layer-contracts.js';
import { signInThroughUi } from './browser-accounts.js';
import { openDemoInBrowser, type DemoInBrowser } from './demo-browser-session.js';
import { waitForMapIdle } from './headless-chromium.js';

// The import and export panels in the browser, on a copy of the demo province,
// as the planner: a CSV of three new sites whose height column has a header
// the server does not know ("Cao trụ (m)") is uploaded; the report counts
// every row as an error until the column is mapped by hand, then three
// inserts, previewed on the map in the insert colour; the commit writes them
// and the sites layer grows by three. A file with three bad rows of four shows
// the row problems, and its all-or-nothing commit is refused with nothing
// written. The same file again is three unchanged rows; a cancel while it
// writes says nothing was written. The export panel's CSV of the province has
// the new sites.

const artifactsDir = path.resolve('test-artifacts');
const fixtures = path.resolve('test/fixtures/import-files/browser');
const newSites = ['TG-NHAP-001', 'TG-NHAP-002', 'TG-NHAP-003'];

let demo: DemoInBrowser | undefined;
let baseUrl: string;
let page: Page;
let pageErrors: string[] = [];
let foreignRequests: string[] = [];
let sitesBefore: number;

function screenshot(name: string): Promise<unknown> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  return page.screenshot({ path: path.join(artifactsDir, name) });
}

async function sitesOnServer(): Promise<FeatureCollection<SiteProperties>> {
  const response = await fetch(new URL('/api/layers/sites', baseUrl));
  if (!response.ok) throw new Error(`sites: ${response.status}`);
  return (await response.json()) as FeatureCollection<SiteProperties>;
}

async function countOf(testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).getAttribute('data-value'));
}

async function upload(file: string): Promise<void> {
  const panel = page.getByTestId('import-panel');
  await panel.getByTestId('import-layer').selectOption('sites');
  await panel.getByTestId('import-file-input').setInputFiles(path.join(fixtures, file));
  await panel.getByTestId('import-file-chosen').waitFor();
  await panel.getByTestId('import-upload').click();
  await panel.getByTestId('import-report').waitFor();
}

beforeAll(async () => {
  demo = await openDemoInBrowser(async (hatang) => {
    baseUrl = hatang.url;
    sitesBefore = (await sitesOnServer()).numberReturned;
  });
  ({ page, pageErrors, foreignRequests } = demo);
  await signInThroughUi(page, 'quyhoach');
}, 180_000);

afterAll(async () => {
  await demo?.close();
});

describe('importing sites as the planner', () => {
  it('offers the import from the data tools over the map, with the layers in Vietnamese and the coordinate systems explained', async () => {
    expect(sitesBefore).toBeGreaterThan(0);
    await page.getByTestId('open-import').click();
    const panel = page.getByTestId('import-panel');
    await panel.waitFor();
    expect(decodeURIComponent(page.url())).toContain('data=import');
    const layers = await panel.getByTestId('import-layer').locator('option').allTextContents();
    expect(layers).toEqual(['Vị trí trạm (cột anten)', 'Trạm BTS', 'Tuyến cáp quang', 'Ấp, khu phố', 'Cụm dân cư của ấp', 'Đơn vị hành chính', 'Kết quả đo kiểm thực địa', 'Số liệu chỉ tiêu báo cáo']);
    await panel.getByTestId('import-crs').selectOption('VN2000-TM3:105.75');
    expect(await panel.getByTestId('import-crs-hint').textContent()).toContain("kinh tuyến trục 105°45' của Tiền Giang");
    await panel.getByTestId('import-crs').selectOption('');
    await screenshot('import-file-form.png');
  });

  it('counts every row as an error while the height has no column, and three inserts once it is mapped by hand', async () => {
    await upload('sites-new.csv');
    const panel = page.getByTestId('import-panel');
    expect(await panel.getByTestId('import-encoding').textContent()).toContain('UTF-8');
    expect(await panel.getByTestId('import-crs-detected').getAttribute('data-srid')).toBe('4326');
    // "Cao trụ (m)" is no synonym of the height: unmapped, marked, and no row can be written.
    expect(await panel.getByTestId('import-mapping-heightM').inputValue()).toBe('');
    expect(await panel.getByTestId('import-mapping-missing').textContent()).toContain('Độ cao cột (m)');
    expect(await countOf('import-count-inserts')).toBe(0);
    expect(await countOf('import-count-invalid')).toBe(3);

    await panel.getByTestId('import-mapping-heightM').selectOption('Cao trụ (m)');
    // The report is that of the old mapping until checked again: the write waits.
    expect(await panel.getByTestId('import-commit-button').isDisabled()).toBe(true);
    const checked = page.waitForResponse((r) => /\/api\/imports\/\d+\/dry-run/.test(r.url()) && r.status() === 200);
    await panel.getByTestId('import-recheck').click();
    await checked;
    await page.waitForFunction(() => document.querySelector('[data-testid="import-count-inserts"]')?.getAttribute('data-value') === '3');
    expect(await countOf('import-count-updates')).toBe(0);
    expect(await countOf('import-count-unchanged')).toBe(0);
    expect(await countOf('import-count-invalid')).toBe(0);
    expect(await panel.getByTestId('import-mapping-heightM').inputValue()).toBe('Cao trụ (m)');
    expect(await panel.getByTestId('import-commit-button').isDisabled()).toBe(false);
  });

  it('previews the three new sites on the map in the insert colour', async () => {
    // The view is fitted to the preview: wait until the camera has stopped.
    await page.waitForFunction(() => {
      const map = window.__hatangMap;
      return map !== undefined && !map.isMoving() && map.getLayer('import-preview-points') !== undefined;
    });
    await waitForMapIdle(page);
    const shown = await page.evaluate(() => {
      const map = window.__hatangMap!;
      return {
        changes: map.queryRenderedFeatures({ layers: ['import-preview-points'] }).map((f) => f.properties.change as string),
        colour: JSON.stringify(map.getPaintProperty('import-preview-points', 'circle-color')),
      };
    });
    expect(shown.changes).toEqual(['insert', 'insert', 'insert']);
    // Insert green, update amber, unchanged grey.
    expect(shown.colour).toContain('"insert","#16a34a","update","#d97706","#94a3b8"');
    await screenshot('import-report.png');
  });

  it('writes the sites, says what it wrote, and the sites layer grows by three after the reload', async () => {
    const panel = page.getByTestId('import-panel');
    expect(await panel.getByTestId('import-mode-all-or-nothing').isChecked()).toBe(true);
    await panel.getByTestId('import-commit-button').click();
    const finished = panel.getByTestId('import-finished');
    await finished.waitFor({ timeout: 60_000 });
    expect(await finished.getAttribute('data-status')).toBe('committed');
    expect(await countOf('import-result-inserted')).toBe(3);
    expect(await countOf('import-result-skipped')).toBe(0);
    // The preview is emptied once the data are written: the sites layer shows them now.
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.__hatangMap!.queryRenderedFeatures({ layers: ['import-preview-points'] }).length)).toBe(0);

    // The reload raises the tiles' v: the browser fetches them again instead of reusing its copies.
    const reloaded = page.waitForResponse((r) => /\/tiles\/sites\/\d+\/\d+\/\d+\.mvt\?(.*&)?v=[1-9]/.test(r.url()) && r.ok());
    await panel.getByTestId('import-reload-layers').click();
    await reloaded;
    // Close enough that no site is clustered (from z9), all three in view.
    await page.evaluate(() => window.__hatangMap?.jumpTo({ center: [106.35, 10.38], zoom: 9.3 }));
    await waitForMapIdle(page);
    await page.waitForFunction((codes) => {
      const drawn = new Set((window.__hatangMap?.queryRenderedFeatures({ layers: ['sites'] }) ?? []).map((f) => String(f.properties.code)));
      return codes.every((code) => drawn.has(code));
    }, newSites);
    const after = await sitesOnServer();
    expect(after.numberReturned).toBe(sitesBefore + 3);
    expect(after.features.filter((f) => newSites.includes(f.properties.code)).map((f) => f.properties.code).sort()).toEqual(newSites);
    await panel.getByTestId('import-layers-reloaded').waitFor();
    await waitForMapIdle(page);
    await screenshot('import-committed.png');
  });

  it('lists the import in the history with the file, the planner and what it wrote', async () => {
    const panel = page.getByTestId('import-panel');
    await panel.getByTestId('import-tab-history').click();
    const row = panel.getByTestId('import-history-row').first();
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('sites-new.csv');
    expect(text).toContain('Vị trí trạm (cột anten)');
    expect(text).toContain('quyhoach');
    expect(text).toContain('Đã ghi');
    expect(await row.getByTestId('import-history-counts').textContent()).toBe('+3 · ~0 · =0 · bỏ 0');
    await screenshot('import-history.png');
    await panel.getByTestId('import-tab-file').click();
    await panel.getByTestId('import-another').click();
  });

  it('shows the row problems of a file with three bad rows and refuses to write it all or nothing', async () => {
    await upload('sites-invalid.csv');
    const panel = page.getByTestId('import-panel');
    expect(await countOf('import-count-invalid')).toBe(3);
    expect(await countOf('import-count-inserts')).toBe(1);
    const rows = panel.getByTestId('import-problems-row');
    // In Vietnamese, naming what is wrong.
    const messages = (await rows.allTextContents()).join(' ');
    expect(messages).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
    // In row order; a click on the row heading turns it round.
    expect(await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))))).toEqual([2, 3, 4]);
    await panel.getByTestId('import-problems-sort-row').click();
    expect(await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-row'))))).toEqual([4, 3, 2]);
    expect(await panel.getByTestId('import-commit-warning').textContent()).toContain('3 dòng lỗi');

    const refused = page.waitForResponse((r) => /\/api\/imports\/\d+\/commit/.test(r.url()));
    await panel.getByTestId('import-commit-button').click();
    expect((await refused).status()).toBe(422);
    const error = panel.getByTestId('import-commit-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Không có dữ liệu nào được ghi');
    const after = await sitesOnServer();
    expect(after.numberReturned).toBe(sitesBefore + 3);
    expect(after.features.some((f) => f.properties.code === 'TG-LOI-004')).toBe(false);
    await waitForMapIdle(page);
    await screenshot('import-invalid.png');
  });

  it('finds the same file unchanged when imported again, and a cancel during the write says nothing was written', async () => {
    const panel = page.getByTestId('import-panel');
    await panel.getByTestId('import-start-over').click();
    await upload('sites-new.csv');
    await panel.getByTestId('import-mapping-heightM').selectOption('Cao trụ (m)');
    const checked = page.waitForResponse((r) => /\/api\/imports\/\d+\/dry-run/.test(r.url()) && r.status() === 200);
    await panel.getByTestId('import-recheck').click();
    const run = (await (await checked).json()) as ImportRun;
    // Idempotent by code: the three sites written above are there with the same values.
    await page.waitForFunction(() => document.querySelector('[data-testid="import-count-unchanged"]')?.getAttribute('data-value') === '3');
    expect(await countOf('import-count-inserts')).toBe(0);
    expect(await countOf('import-count-updates')).toBe(0);

    // A write of three rows ends at once: the server's answers are held at one row of three
    // written (commit, events, reads), so the cancel comes while it runs; the cancel itself is the server's.
    const running: ImportRun = { ...run, status: 'running', progress: { phase: 'writing', done: 1, total: 3 } };
    const runPath = `/api/imports/${run.id}`;
    const hold = async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.pathname === `${runPath}/events`) {
        await route.fulfill({ status: 200, contentType: 'text/event-stream', body: `event: progress\ndata: ${JSON.stringify(running)}\n\n` });
      } else if ((url.pathname === `${runPath}/commit` && route.request().method() === 'POST') || (url.pathname === runPath && route.request().method() === 'GET')) {
        await route.fulfill({ status: url.pathname.endsWith('/commit') ? 202 : 200, contentType: 'application/json', body: JSON.stringify(running) });
      } else await route.continue();
    };
    await page.route(`**${runPath}**`, hold);
    try {
      await panel.getByTestId('import-commit-button').click();
      const progress = panel.getByTestId('import-progress');
      await progress.waitFor();
      expect(await progress.getAttribute('data-phase')).toBe('writing');
      expect(await progress.textContent()).toContain('Đang ghi vào cơ sở dữ liệu');
      expect(await progress.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
      expect(await progress.getByRole('progressbar').getAttribute('aria-valuemax')).toBe('3');
      await screenshot('import-progress.png');
      const cancelled = page.waitForResponse((r) => r.url().includes(`${runPath}/cancel`));
      await progress.getByTestId('import-cancel').click();
      expect((await cancelled).status()).toBe(200);
      const finished = panel.getByTestId('import-finished');
      await finished.waitFor();
      expect(await finished.getAttribute('data-status')).toBe('cancelled');
      expect(await panel.getByTestId('import-finished-message').textContent()).toBe('Đã hủy: không có dòng nào được ghi vào cơ sở dữ liệu.');
    } finally {
      await page.unroute(`**${runPath}**`, hold);
    }
    expect((await sitesOnServer()).numberReturned).toBe(sitesBefore + 3);
  });

  it('removes the preview from the map when the panel closes', async () => {
    await page.getByTestId('import-close').click();
    await page.getByTestId('import-panel').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => window.__hatangMap!.getSource('import-preview') === undefined)).toBe(true);
    expect(decodeURIComponent(page.url())).not.toContain('data=import');
  });
});

describe('importing reported indicator values as the planner', () => {
  // One figure for the demo province (code 82 in the default set 2023) for 2026, a year no demo figure has:
  // "74,6%" of households on FTTH is one insert, stored as 0.746.
  const figures = ['Mã chỉ tiêu,Mã đơn vị hành chính,Tên đơn vị,Kỳ báo cáo,Giá trị,Văn bản nguồn', 'households-ftth,82,Tỉnh Tiền Giang,Năm 2026,"74,6%",Báo cáo thử'].join('\r\n');

  it('asks for the boundary set and no coordinate system, writes the figure and offers no map reload', async () => {
    await page.getByTestId('open-import').click();
    const panel = page.getByTestId('import-panel');
    await panel.waitFor();
    await panel.getByTestId('import-layer').selectOption('indicator-values');
    expect(await panel.getByTestId('import-crs').count()).toBe(0);
    expect(await panel.getByTestId('import-boundary-set').isVisible()).toBe(true);
    expect(await panel.getByTestId('import-layer-hint').textContent()).toContain('Tỷ lệ ghi theo phần trăm (74,6 hoặc 74,6%)');
    await screenshot('import-indicator-values-form.png');
    await panel.getByTestId('import-file-input').setInputFiles({ name: 'so-lieu-chi-tieu.csv', mimeType: 'text/csv', buffer: Buffer.from(figures) });
    await panel.getByTestId('import-file-chosen').waitFor();
    await panel.getByTestId('import-upload').click();
    await panel.getByTestId('import-report').waitFor();
    expect(await countOf('import-count-inserts')).toBe(1);
    expect(await countOf('import-count-invalid')).toBe(0);
    expect(await panel.getByTestId('import-crs-detected').count()).toBe(0);
    expect(await panel.getByTestId('import-preview-note').textContent()).toContain('không xem trước trên bản đồ');
    expect(await panel.getByTestId('import-mapping-value').inputValue()).toBe('Giá trị');
    await screenshot('import-indicator-values-report.png');
    await panel.getByTestId('import-commit-button').click();
    await panel.getByTestId('import-finished').waitFor();
    expect(await panel.getByTestId('import-finished').getAttribute('data-status')).toBe('committed');
    expect(await countOf('import-result-inserted')).toBe(1);
    expect(await panel.getByTestId('import-reload-layers').count()).toBe(0);
    await screenshot('import-indicator-values-finished.png');
    await page.getByTestId('import-close').click();
    await page.getByTestId('import-panel').waitFor({ state: 'detached' });
  });
});

describe('exporting a layer', () => {
  it('downloads the province CSV of the sites with Vietnamese headers and the imported sites in it', async () => {
    await page.getByTestId('open-export').click();
    const panel = page.getByTestId('export-panel');
    await panel.waitFor();
    await panel.getByTestId('export-layer').selectOption('sites');
    await panel.getByTestId('export-format-csv').check();
    await panel.getByTestId('export-scope-view').check();
    const viewHref = await panel.getByTestId('export-download').getAttribute('href');
    expect(viewHref).toMatch(/^\/api\/exports\/sites\.csv\?bbox=[\d.]+,[\d.]+,[\d.]+,[\d.]+&lang=vi$/);
    await screenshot('export-panel.png');

    await panel.getByTestId('export-scope-province').check();
    expect(await panel.getByTestId('export-download').getAttribute('href')).toBe('/api/exports/sites.csv?lang=vi');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('export-download').click()]);
    const file = await download.path();
    const text = fs.readFileSync(file, 'utf8');
    expect(text.split(/\r?\n/)[0]).toContain('Mã vị trí');
    for (const code of newSites) expect(text).toContain(code);
  });

  it('keeps the data tools under the zoom buttons, clear of the tool bar, and by their icon when the inspector narrows the map', async () => {
    await page.getByTestId('export-close').click();
    const hash = new URL(page.url()).hash.replace(/^#/, '');
    await page.evaluate((h) => {
      window.location.hash = `${h}&sel=sites:TG-NHAP-001`;
    }, hash);
    await page.getByTestId('inspector').waitFor();
    await waitForMapIdle(page);
    const bar = (await page.locator('.map-tools').boundingBox())!;
    const zoom = (await page.locator('.maplibregl-ctrl-zoom-out').boundingBox())!;
    const data = (await page.locator('.map-data-tools').boundingBox())!;
    expect(data.y).toBeGreaterThan(zoom.y + zoom.height);
    expect(data.y).toBeGreaterThan(bar.y + bar.height);
    expect(data.x + data.width).toBeLessThanOrEqual(zoom.x + zoom.width + 1);
    expect(await page.getByTestId('open-import').locator('.map-data-tools__label').isVisible()).toBe(false);
    expect(await page.getByTestId('open-import').getAttribute('title')).toBe('Nhập dữ liệu');
    // An open panel on the left ends before them.
    await page.getByTestId('open-import').click();
    const panel = (await page.getByTestId('import-panel').boundingBox())!;
    expect(panel.x + panel.width).toBeLessThan(data.x);
    await screenshot('import-toolbar-inspecting.png');
  });

  it('raised no page error and sent no request off the machine', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
