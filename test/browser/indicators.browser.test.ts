import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HamletCoverageResponse } from '../../server/src/contracts/coverage-contracts.js';
import type { Indicator, IndicatorsResponse, IndicatorUnitsResponse } from '../../server/src/contracts/indicator-contracts.js';
import type { BoundarySet } from '../../server/src/contracts/indicator-registry-contracts.js';
import type { IndicatorRegistry } from '../../server/src/contracts/indicator-registry-contracts.js';
import { apiSession, signInThroughUi } from './browser-accounts.js';
import { openDemoInBrowser, type DemoInBrowser } from './demo-browser-session.js';
import { expectedValueText, vi } from './expected-indicator-text.js';

// The plan indicators' dashboard in the browser, on a copy of the demo
// province: every card says what GET /api/indicators says (value, numerator and
// denominator, status), the 2025 set shows one row per commune of that set and
// a choropleth with as many coloured communes as have a value, the drill-down
// reaches a unit and its hamlets, and a planner's snapshot and target change
// the trend and the status.

const artifactsDir = path.resolve('test-artifacts');

let demo: DemoInBrowser | undefined;
let baseUrl: string;
let page: Page;
let pageErrors: string[] = [];
let foreignRequests: string[] = [];

async function getJson<T>(pathname: string): Promise<T> {
  const response = await fetch(new URL(pathname, baseUrl));
  if (!response.ok) throw new Error(`${pathname}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function screenshot(name: string): Promise<void> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, name), fullPage: false });
}

const countsWord: Record<string, string> = { hamlets: 'ấp', people: 'người', m: 'm', sites: 'vị trí', households: 'hộ', subscriptions: 'thuê bao' };

function expectedStatusText(indicator: Pick<Indicator, 'status' | 'target' | 'value'>): string {
  if (indicator.status === 'met') return 'Đạt';
  if (indicator.status === 'below') return 'Chưa đạt';
  return indicator.target !== null && indicator.value === null ? 'Chưa có số liệu' : 'Chưa có chỉ tiêu';
}

/** Every card's value, numerator/denominator and status against the API's answer for the same URL. */
async function expectCardsToMatch(api: IndicatorsResponse): Promise<void> {
  const cards = page.getByTestId('indicator-cards');
  await page.waitForFunction((unit) => document.querySelector('[data-testid="indicator-cards"]')?.getAttribute('data-unit') === unit, api.unit.code, { timeout: 30_000 });
  expect(await cards.locator('.indicator-card').count()).toBe(api.indicators.length);
  for (const indicator of api.indicators) {
    expect(await page.getByTestId(`indicator-value-${indicator.code}`).textContent(), indicator.code).toBe(expectedValueText(indicator, indicator.value));
    expect(await page.getByTestId(`indicator-status-${indicator.code}`).textContent(), indicator.code).toBe(expectedStatusText(indicator));
    if (indicator.numerator !== null && indicator.denominator !== null) {
      const word = countsWord[indicator.counts];
      const fraction = `${vi(indicator.numerator, 0)}/${vi(indicator.denominator, 0)}${word ? ` ${word}` : ''}`;
      expect(await page.getByTestId(`indicator-fraction-${indicator.code}`).textContent(), indicator.code).toBe(fraction);
    }
  }
}

/** Waits for the choropleth's idle after its last change, then counts the units drawn in a class colour (not the no-data grey). */
async function colouredUnits(): Promise<{ coloured: number; grey: number; hookWithValue: number }> {
  await page.waitForFunction(() => window.__hatangChoropleths?.['indicator-choropleth']?.ready === true, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const hook = window.__hatangChoropleths!['indicator-choropleth']!;
    const features = hook.map.queryRenderedFeatures({ layers: [hook.fillLayerId] });
    // A polygon across tiles comes back once per tile: counted once by its code.
    const colourByCode = new Map<string, string>();
    for (const f of features) colourByCode.set(String(f.properties.code), String(f.properties.fill));
    const grey = [...colourByCode.values()].filter((c) => c === '#d4d4d8').length;
    return { coloured: colourByCode.size - grey, grey, hookWithValue: hook.withValue };
  });
}

beforeAll(async () => {
  demo = await openDemoInBrowser();
  baseUrl = demo.hatang.url;
  ({ page, pageErrors, foreignRequests } = demo);
}, 180_000);

afterAll(async () => {
  await demo?.close();
});

describe('the plan indicators dashboard', () => {
  it('opens from the header and every card shows the numbers of GET /api/indicators for the province', async () => {
    await page.getByTestId('open-indicators').click();
    await page.getByTestId('indicators-dashboard').waitFor();
    expect(decodeURIComponent(page.url())).toContain('screen=indicators');
    const api = await getJson<IndicatorsResponse>('/api/indicators');
    expect(api.unit.level).toBe('province');
    expect(api.indicators.length).toBe(12);
    await expectCardsToMatch(api);
    // The broadband card's breakdown counts are the API's.
    const broadband = api.indicators.find((i) => i.code === 'hamlets-mobile-broadband')!;
    for (const part of broadband.breakdown) {
      expect(Number(await page.getByTestId(`indicator-breakdown-hamlets-mobile-broadband-${part.code}`).getAttribute('data-count'))).toBe(part.count);
    }
    await page.getByTestId('indicator-table').waitFor();
    await colouredUnits();
    await screenshot('indicators-dashboard.png');
  });

  it('switched to the 2025 boundaries, shows one row per commune of that set and colours as many communes as have a value', async () => {
    const sets = (await getJson<{ boundarySets: BoundarySet[] }>('/api/boundary-sets')).boundarySets;
    const set2025 = sets.find((s) => s.code === '2025')!;
    expect(set2025.levels).toEqual(expect.arrayContaining(['province', 'commune']));
    const communes = set2025.units.commune!;
    expect(communes).toBeGreaterThan(0);
    await page.getByTestId('indicators-boundary-set').selectOption('2025');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="indicator-row-"]').length === n, communes, { timeout: 60_000 });
    const api = await getJson<IndicatorUnitsResponse>('/api/indicators/units?boundarySet=2025');
    expect(api.units.length).toBe(communes);
    expect(api.level).toBe('commune');
    // The choropleth shows the first indicator: the units with a value are coloured, the others grey.
    const selected = await page.getByTestId('indicators-indicator').inputValue();
    const withValue = api.units.filter((u) => u.values[selected]?.value !== null && u.values[selected]?.value !== undefined).length;
    const drawn = await colouredUnits();
    expect(drawn.hookWithValue).toBe(withValue);
    expect(drawn.coloured).toBe(withValue);
    expect(drawn.coloured + drawn.grey).toBe(communes);
    // The cards are the 2025 province's.
    await expectCardsToMatch(await getJson<IndicatorsResponse>('/api/indicators?boundarySet=2025'));
    // The chart and the map, under the controls that stay in view.
    await page.getByTestId('indicator-chart').scrollIntoViewIfNeeded();
    await colouredUnits();
    await screenshot('indicators-dashboard-2025.png');
    await page.getByTestId('indicator-table').scrollIntoViewIfNeeded();
    await screenshot('indicators-dashboard-2025-table.png');
  });

  it('drills down from the province to a district, to one of its communes and its hamlet list, and back up', async () => {
    await page.getByTestId('indicators-boundary-set').selectOption('2023');
    await page.getByTestId('indicators-level').waitFor();
    await page.getByTestId('indicators-level').selectOption('district');
    const districts = await getJson<IndicatorUnitsResponse>('/api/indicators/units?level=district');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="indicator-row-"]').length === n, districts.units.length, { timeout: 60_000 });
    // The way down leads to a commune with trắng sóng hamlets, so the card's count has rows to list.
    const provinceHamlets = await getJson<HamletCoverageResponse>('/api/hamlets/coverage');
    const uncovered = provinceHamlets.rows.find((r) => r.verdict === 'trang_song')!;
    expect(uncovered).toBeDefined();
    const allCommunes = await getJson<IndicatorUnitsResponse>('/api/indicators/units?level=commune');
    const districtCode = allCommunes.units.find((u) => u.code === uncovered.communeCode)!.parentCode;
    const district = districts.units.find((u) => u.code === districtCode)!;
    await page.getByTestId(`indicator-row-${district.code}`).click();
    expect(decodeURIComponent(page.url())).toContain(`iunit=${district.code}`);
    await expectCardsToMatch(await getJson<IndicatorsResponse>(`/api/indicators?unit=${district.code}`));
    const communes = await getJson<IndicatorUnitsResponse>(`/api/indicators/units?parent=${district.code}`);
    expect(communes.level).toBe('commune');
    await page.waitForFunction(
      (codes) => {
        const rows = [...document.querySelectorAll('[data-testid^="indicator-row-"]')].map((r) => r.getAttribute('data-testid')!.slice('indicator-row-'.length));
        return rows.length === codes.length && codes.every((c) => rows.includes(c));
      },
      communes.units.map((u) => u.code),
      { timeout: 30_000 },
    );
    expect(await page.getByTestId(`indicators-crumb-${district.code}`).textContent()).toBe(district.name);

    // A bar of the chart is a commune too; clicking it drills down to its hamlets (communes are the finest level).
    const commune = communes.units.find((u) => u.code === uncovered.communeCode)!;
    await page.getByTestId(`indicator-chart-bar-${commune.code}`).click();
    await page.getByTestId('indicator-hamlet-table').waitFor();
    const hamlets = await getJson<HamletCoverageResponse>(`/api/hamlets/coverage?unit=${commune.code}`);
    expect(hamlets.rows.length).toBe(commune.hamlets);
    await page.waitForFunction((n) => document.querySelector('[data-testid="indicator-hamlet-table"]')?.getAttribute('data-rows') === String(n), hamlets.rows.length);
    await expectCardsToMatch(await getJson<IndicatorsResponse>(`/api/indicators?unit=${commune.code}`));
    // Breadcrumbs: the province, the district, the commune.
    expect(await page.locator('[data-testid^="indicators-crumb-"]').count()).toBe(3);
    await page.waitForFunction(
      ({ code, name }) => document.querySelector(`[data-testid="indicators-crumb-${code}"]`)?.textContent === name,
      { code: commune.code, name: commune.name },
    );
    expect(await page.getByTestId(`indicators-crumb-${district.code}`).textContent()).toBe(district.name);
    // Without the list of every commune of the set: the districts, and the commune's own row for its district.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((url) => url.includes('/api/admin-units?') && url.includes('level=commune') && url.includes('boundarySet=2023') && !url.includes('parent='))).toEqual([]);
    expect(fetched.some((url) => url.includes('/api/layers/communes?') && url.includes(`unit=${commune.code}`))).toBe(true);
    await page.getByTestId('indicator-hamlets').scrollIntoViewIfNeeded();
    await screenshot('indicators-dashboard-drilldown.png');

    // The broadband card's trắng sóng count lists exactly those hamlets.
    const trangSong = hamlets.rows.filter((r) => r.verdict === 'trang_song').length;
    expect(trangSong).toBeGreaterThan(0);
    expect(Number(await page.getByTestId('indicator-breakdown-hamlets-mobile-broadband-trang_song').getAttribute('data-count'))).toBe(trangSong);
    await page.getByTestId('indicator-breakdown-hamlets-mobile-broadband-trang_song').click();
    await page.waitForFunction((n) => document.querySelector('[data-testid="indicator-hamlet-table"]')?.getAttribute('data-rows') === String(n), trangSong);
    expect(decodeURIComponent(page.url())).toContain('iverdict=trang_song');

    await page.getByTestId(`indicators-crumb-${district.code}`).click();
    await page.getByTestId(`indicator-row-${commune.code}`).waitFor();
    await page.getByTestId('indicators-crumb-province').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-cards"]')?.getAttribute('data-unit') !== '' && !document.querySelector('[data-testid="indicator-hamlet-table"]'));
  });

  it('lets a planner save a snapshot that adds a point to the trend, and set a target whose status the card shows', async () => {
    await signInThroughUi(page, 'quyhoach');
    await page.getByTestId('indicators-planner').waitFor();
    const code = 'hamlets-mobile-broadband';
    const before = Number(await page.getByTestId(`indicator-trend-${code}`).getAttribute('data-points'));
    await page.getByTestId('indicators-snapshot-label').fill('Ảnh chụp thử nghiệm');
    await page.getByTestId('indicators-snapshot-save').click();
    await page.getByTestId('indicators-snapshot-message').waitFor();
    await page.waitForFunction(
      ([c, n]) => document.querySelector(`[data-testid="indicator-trend-${c}"]`)?.getAttribute('data-points') === String(n),
      [code, before + 1] as const,
      { timeout: 30_000 },
    );
    const afterSnapshot = await getJson<IndicatorsResponse>('/api/indicators');
    const card = afterSnapshot.indicators.find((i) => i.code === code)!;
    expect(card.trend.filter((p) => p.value !== null).length).toBe(before + 1);
    expect(card.trend.some((p) => p.kind === 'snapshot' && p.label === 'Ảnh chụp thử nghiệm')).toBe(true);

    // A 5G target of 100 % for every unit: the province's 5G share is below it, so the card says Chưa đạt with the gap in points.
    const fiveG = afterSnapshot.indicators.find((i) => i.code === 'population-5g')!;
    expect(fiveG.value).not.toBeNull();
    expect(fiveG.value!).toBeLessThan(1);
    expect(fiveG.target).not.toBe(1);
    await page.getByTestId('indicator-edit-target-population-5g').click();
    const form = page.getByTestId('indicator-target-form');
    await form.waitFor();
    // A year the server refuses (before 2000): its problem is shown in the form and nothing is saved.
    await form.getByTestId('indicator-target-year').fill('1999');
    await form.getByTestId('indicator-target-value').fill('100');
    await form.getByTestId('indicator-target-save').click();
    await form.getByTestId('indicator-form-error').waitFor();
    expect((await form.getByTestId('indicator-form-error').textContent())!.length).toBeGreaterThan(0);
    await form.getByTestId('indicator-target-year').fill('2030');
    await form.getByTestId('indicator-target-save').click();
    await form.waitFor({ state: 'detached' });
    // The card is read again after the write: its target becomes the new one (the latest year wins over the plan's 2025 one).
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-target-population-5g"]')?.textContent === '100%', null, { timeout: 30_000 });
    expect(await page.getByTestId('indicator-status-population-5g').textContent()).toBe('Chưa đạt');
    const gapPoints = (fiveG.value! - 1) * 100;
    expect(await page.getByTestId('indicator-gap-population-5g').textContent()).toBe(`\u2212${vi(Math.abs(gapPoints), 1)} điểm %`);
    const withTarget = await getJson<IndicatorsResponse>('/api/indicators');
    const fiveGNow = withTarget.indicators.find((i) => i.code === 'population-5g')!;
    expect(fiveGNow.target).toBe(1);
    expect(fiveGNow.status).toBe('below');
    expect(fiveGNow.targetDetail?.year).toBe(2030);
  });

  it('lets a planner enter a reported figure for a period, typed the Vietnamese way, which the card then shows', async () => {
    const code = 'mobile-broadband-speed';
    const before = (await getJson<IndicatorsResponse>('/api/indicators')).indicators.find((i) => i.code === code)!;
    // The demo's latest reported speed is of an earlier period than 2026: a 2026 figure becomes the card's (the latest).
    expect(before.reported?.period ?? '').not.toBe('2026');
    await page.getByTestId(`indicator-enter-reported-${code}`).click();
    const form = page.getByTestId('indicator-reported-form');
    await form.waitFor();
    await form.getByTestId('indicator-reported-period').selectOption('2026');
    await expect.poll(() => form.getByTestId('indicator-reported-save').isEnabled()).toBe(true);
    await form.getByTestId('indicator-reported-value').fill('35,5');
    await form.getByTestId('indicator-reported-save').click();
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction((c) => document.querySelector(`[data-testid="indicator-value-${c}"]`)?.textContent === '35,5 Mbit/s', code, { timeout: 30_000 });
    const after = (await getJson<IndicatorsResponse>('/api/indicators')).indicators.find((i) => i.code === code)!;
    expect(after.value).toBe(35.5);
    expect(after.reported?.period).toBe('2026');
    // A share typed over 100 % is refused in the form before anything is sent.
    await page.getByTestId('indicator-enter-reported-households-ftth').click();
    const shareForm = page.getByTestId('indicator-reported-form');
    await shareForm.waitFor();
    await expect.poll(() => shareForm.getByTestId('indicator-reported-save').isEnabled()).toBe(true);
    await shareForm.getByTestId('indicator-reported-value').fill('150');
    await shareForm.getByTestId('indicator-reported-save').click();
    await expect.poll(() => shareForm.locator('.form-field__error').allTextContents()).toContain('Tỷ lệ không thể vượt 100%.');
    await shareForm.getByRole('button', { name: 'Hủy' }).click();
    await shareForm.waitFor({ state: 'detached' });
    await screenshot('indicators-dashboard-planner.png');
  });

  it('shows the conflict dialog when another planner changed the target meanwhile, and writes on top when asked', async () => {
    const registry = await getJson<IndicatorRegistry>('/api/indicator-registry');
    const target = registry.indicators.find((d) => d.code === 'population-5g')!.targets.find((t) => t.unit === null && t.year === 2030)!;
    await page.getByTestId('indicator-edit-target-population-5g').click();
    const form = page.getByTestId('indicator-target-form');
    await form.waitFor();
    await form.getByTestId('indicator-target-year').fill('2030');
    await expect.poll(() => form.getByTestId('indicator-target-value').inputValue()).toBe('100');
    // Behind the page's back: another session sets it to 90 % (version 1 → 2).
    const other = await apiSession(baseUrl, 'quyhoach');
    const changed = await other.request('PATCH', `/api/indicator-targets/${target.id}`, { body: { value: 0.9 }, headers: { 'If-Match': `"${target.version}"` } });
    expect(changed.status).toBe(200);
    await form.getByTestId('indicator-target-value').fill('95');
    await form.getByTestId('indicator-target-save').click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    // Mine (95) against theirs (90), the value row marked as differing.
    const valueRow = dialog.locator('[data-testid="conflict-row"][data-field="value"]');
    expect(await valueRow.getAttribute('data-differs')).toBe('true');
    expect(await valueRow.locator('td').allTextContents()).toEqual(['95', '90']);
    await dialog.getByTestId('conflict-overwrite').click();
    await form.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="indicator-target-population-5g"]')?.textContent === '95%', null, { timeout: 30_000 });
    const after = (await getJson<IndicatorRegistry>('/api/indicator-registry')).indicators.find((d) => d.code === 'population-5g')!.targets.find((t) => t.id === target.id)!;
    expect(after.value).toBeCloseTo(0.95, 12);
    expect(after.version).toBe(target.version + 2);
  });

  it('speaks English after the language switch, numbers written the English way', async () => {
    await page.getByTestId('lang-en').click();
    await page.waitForFunction(() => document.querySelector('.workspace__title')?.textContent === 'Plan indicators');
    const api = await getJson<IndicatorsResponse>('/api/indicators');
    const fourG = api.indicators.find((i) => i.code === 'population-4g')!;
    const en = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(fourG.value! * 100);
    await page.waitForFunction(([c, text]) => document.querySelector(`[data-testid="indicator-value-${c}"]`)?.textContent === text, ['population-4g', `${en}%`] as const);
    expect(await page.getByTestId('indicator-source-population-4g').textContent()).toBe('Computed');
    await screenshot('indicators-dashboard-en.png');
    await page.getByTestId('lang-vi').click();
  });

  it('never errs in the page and never leaves the machine', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
