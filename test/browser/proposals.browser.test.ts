import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColocationResponse, SitePlannerResponse } from '../../server/src/contracts/colocation-contracts.js';
import type { FeatureCollection, SiteProperties } from '../../server/src/contracts/layer-contracts.js';
import type { Proposal, ProposalList } from '../../server/src/contracts/proposal-contracts.js';
import type { RunningHatang } from '../../server/src/start-hatang.js';
import { apiSession, signInThroughUi, signOutThroughUi, type ApiSession } from './browser-accounts.js';
import { openDemoInBrowser, type DemoInBrowser } from './demo-browser-session.js';
import { waitForMapIdle } from './headless-chromium.js';

// The proposal workflow in the browser, on a copy of the demo province: Viettel's
// engineer clicks the map near a site Viettel is not on, sees the candidates the
// server ranked (with the preview footprint of the one hovered), and submits a
// co-location proposal; a planner opens it, approves it with a reason, and the
// list filtered on "Đã duyệt" shows it; the site planner lists its picks with
// numbered markers and the cumulative chart.

const artifactsDir = path.resolve('test-artifacts');
const reason = 'Phù hợp quy hoạch; cột còn chỗ, không phải xây trạm mới.';

let hatang: RunningHatang;
let demo: DemoInBrowser | undefined;
let page: Page;
let planner: ApiSession;
let pageErrors: string[] = [];
let foreignRequests: string[] = [];
/** Where the operator clicks: 150 m north of a site the operator is not on, with a candidate that has room. */
let target: { lon: number; lat: number };
/** The operator whose engineer proposes (of the two with test accounts), and its short name. */
let operator: { code: 'viettel' | 'vnpt'; username: string; shortName: string };
let submitted: Proposal;
let decidedMeanwhile: Proposal;
let toWithdraw: Proposal;

/** A new site at the target, straight through the API (the browser covers the form elsewhere). */
async function newSiteProposal(engineer: ApiSession, justification: string): Promise<Proposal> {
  const answer = await engineer.request('POST', '/api/proposals', {
    body: {
      kind: 'new_site',
      operator: operator.code,
      lon: target.lon + 0.002,
      lat: target.lat,
      structureType: 'monopole',
      heightM: 30,
      radio: { technology: '4G', bandMHz: 1800, antennaHeightM: 30 },
      justification,
    },
  });
  if (answer.status !== 201) throw new Error(`proposal: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as Proposal;
}

function screenshot(name: string): Promise<unknown> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  return page.screenshot({ path: path.join(artifactsDir, name) });
}

/**
 * An on-air site without the operator (VNPT or Viettel) near which the finder gives
 * it a candidate with room, preferably one that would newly cover people (else the
 * list proves less).
 */
async function findTarget(): Promise<void> {
  let withRoom: { point: { lon: number; lat: number }; code: 'viettel' | 'vnpt' } | null = null;
  const sites = (await (await fetch(new URL('/api/layers/sites?status=on_air', hatang.url))).json()) as FeatureCollection<SiteProperties>;
  const meta = (await (await fetch(new URL('/api/meta', hatang.url))).json()) as { operators: { code: string; shortName: string }[] };
  const choose = (code: 'viettel' | 'vnpt', point: { lon: number; lat: number }) => {
    target = point;
    operator = { code, username: `${code}.kt`, shortName: meta.operators.find((o) => o.code === code)!.shortName };
  };
  for (const code of ['vnpt', 'viettel'] as const) {
    const without = sites.features.filter((f) => !f.properties.operators.includes(code) && f.properties.btsCount > 0);
    // Thirty sites spread over the province (the register lists the towns first, where everyone already covers).
    const step = Math.max(1, Math.floor(without.length / 30));
    for (const site of without.filter((_, i) => i % step === 0).slice(0, 30)) {
      const [lon, lat] = site.geometry.coordinates as [number, number];
      // 150 m north: 150 / 111 320 m per degree of latitude.
      const point = { lon, lat: lat + 150 / 111_320 };
      const answer = await fetch(new URL('/api/colocation/candidates', hatang.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...point, operator: code, radiusM: 1000, technology: '4G', bandMHz: 1800, antennaHeightM: 30 }),
      });
      if (!answer.ok) continue;
      const response = (await answer.json()) as ColocationResponse;
      const open = response.candidates.filter((c) => !c.warnings.includes('no_room'));
      if (open.some((c) => c.populationNewlyCovered > 0)) {
        choose(code, point);
        return;
      }
      if (open.length > 0) withRoom ??= { point, code };
    }
  }
  if (withRoom) {
    choose(withRoom.code, withRoom.point);
    return;
  }
  throw new Error('no site of the demo province gives VNPT or Viettel a co-location candidate with room');
}

/** Puts the target in the middle of the map at zoom 15, then answers its pixel on the page. */
async function targetPixel(): Promise<{ x: number; y: number }> {
  await page.evaluate(({ lon, lat }) => window.__hatangMap?.jumpTo({ center: [lon, lat], zoom: 15 }), target);
  await waitForMapIdle(page);
  const projected = await page.evaluate(({ lon, lat }) => {
    const map = window.__hatangMap!;
    const p = map.project([lon, lat]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, target);
  return projected;
}

beforeAll(async () => {
  demo = await openDemoInBrowser(async (running) => {
    hatang = running;
    await findTarget();
    planner = await apiSession(hatang.url, 'quyhoach');
  });
  ({ page, pageErrors, foreignRequests } = demo);
}, 180_000);

afterAll(async () => {
  await demo?.close();
});

describe('co-location proposals in the browser', () => {
  it("lists the server's ranked candidates for the point an operator clicks, and previews the footprint of the one hovered", async () => {
    await signInThroughUi(page, operator.username);
    await page.getByTestId('open-colocation').click();
    const panel = page.getByTestId('colocation-panel');
    await panel.getByTestId('colocation-placing').waitFor();
    // An operator's account searches for its own operator only.
    expect(await panel.getByTestId('colocation-operator-fixed').textContent()).toContain(operator.shortName);
    const pixel = await targetPixel();
    const [answer] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/colocation/candidates') && r.request().method() === 'POST'), page.mouse.click(pixel.x, pixel.y)]);
    expect(answer.status()).toBe(200);
    const response = (await answer.json()) as ColocationResponse;
    await panel.getByTestId('colocation-result').waitFor();
    const rows = panel.getByTestId('colocation-candidate');
    expect(await rows.count()).toBe(response.candidates.length);
    expect(response.candidates.length).toBeGreaterThan(0);
    // In the server's order (population newly covered, then distance), each with its population.
    expect(await rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-site-key')))).toEqual(response.candidates.map((c) => c.siteKey));
    const populations = await panel.getByTestId('candidate-population').allTextContents();
    expect(populations).toEqual(response.candidates.map((c) => new Intl.NumberFormat('vi-VN').format(c.populationNewlyCovered)));
    expect(await panel.getByTestId('at-point-population').textContent()).toBe(new Intl.NumberFormat('vi-VN').format(response.atPoint.populationNewlyCovered));
    // One numbered marker per candidate, plus the point asked about.
    expect(await page.locator('[data-testid^="map-pin-candidate"]').count()).toBe(response.candidates.length);
    expect(await page.getByTestId('map-pin-point').count()).toBe(1);
    // Every "no room" candidate is flagged, and only those.
    expect(await panel.getByTestId('candidate-warning-no_room').count()).toBe(response.candidates.filter((c) => c.warnings.includes('no_room')).length);

    const withFootprint = response.candidates.findIndex((c) => c.footprint !== null);
    expect(withFootprint).toBeGreaterThanOrEqual(0);
    await rows.nth(withFootprint).hover();
    await waitForMapIdle(page);
    expect(await page.evaluate(() => window.__hatangMap?.queryRenderedFeatures({ layers: ['proposal-footprint-fill'] }).length ?? 0)).toBeGreaterThan(0);
    await screenshot('proposals-colocation-candidates.png');
  });

  it('asks a new site at the point for a justification, as a candidate with room stands in the radius, and sends nothing without it', async () => {
    const panel = page.getByTestId('colocation-panel');
    const before = ((await (await planner.request('GET', '/api/proposals')).json()) as ProposalList).proposals.length;
    await panel.getByTestId('propose-new-site').click();
    const form = page.getByTestId('proposal-form');
    await form.waitFor();
    expect(await form.textContent()).toContain('bắt buộc giải trình vì sao không dùng chung');
    await form.getByTestId('proposal-submit').click();
    await form.locator('.form-field--invalid').getByText('Cần giải trình vì đã có vị trí còn chỗ để dùng chung trong bán kính.').waitFor();
    await screenshot('proposals-new-site-justification.png');
    expect(((await (await planner.request('GET', '/api/proposals')).json()) as ProposalList).proposals.length).toBe(before);
    await form.getByRole('button', { name: 'Hủy' }).click();
    await form.waitFor({ state: 'detached' });
  });

  it('submits a co-location proposal from a candidate with room, and opens it as submitted with its stored impact', async () => {
    const panel = page.getByTestId('colocation-panel');
    const candidate = panel.locator('[data-testid="colocation-candidate"]').filter({ has: page.locator('[data-testid="propose-colocation"]:not([disabled])') }).first();
    const siteKey = (await candidate.getAttribute('data-site-key'))!;
    await candidate.getByTestId('propose-colocation').click();
    const form = page.getByTestId('proposal-form');
    await form.waitFor();
    // Prefilled with the radio searched for.
    expect(await form.getByTestId('proposal-technology').inputValue()).toBe('4G');
    expect(await form.getByTestId('proposal-band').inputValue()).toBe('1800');
    await form.getByTestId('proposal-note').fill('Lắp 3 sector 4G trên cột hiện có.');
    await screenshot('proposals-submit-form.png');
    const [created] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/proposals') && r.request().method() === 'POST'), form.getByTestId('proposal-submit').click()]);
    expect(created.status()).toBe(201);
    submitted = (await created.json()) as Proposal;
    const detail = page.getByTestId('proposal-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-code')).toBe(submitted.code);
    expect(await detail.getAttribute('data-status')).toBe('submitted');
    expect(decodeURIComponent(page.url())).toContain(`tool=proposals&proposal=${submitted.code}`);

    const stored = (await (await planner.request('GET', `/api/proposals/${submitted.code}`)).json()) as Proposal;
    expect(stored).toMatchObject({ kind: 'colocation', status: 'submitted', operator: operator.code, siteKey, submittedBy: operator.username });
    expect(stored.radio).toMatchObject({ technology: '4G', bandMHz: 1800 });
    expect(await detail.getByTestId('impact-population').textContent()).toBe(new Intl.NumberFormat('vi-VN').format(stored.impact.populationNewlyCovered));
    expect(await detail.getByTestId('impact-hamlets').textContent()).toBe(String(stored.impact.hamletsNewlyCovered.length));
    expect(await detail.getByTestId('proposal-event').count()).toBe(1);
    // The operator may withdraw it, not decide it.
    expect(await detail.getByTestId('proposal-withdraw').count()).toBe(1);
    expect(await detail.getByTestId('proposal-review').count()).toBe(0);
    await screenshot('proposals-submitted.png');
  });

  it('lets a planner approve it with a reason, kept in its history with who and when', async () => {
    await signOutThroughUi(page);
    await page.getByTestId('proposals-sign-in').waitFor();
    await signInThroughUi(page, 'quyhoach');
    const detail = page.getByTestId('proposal-detail');
    await detail.waitFor();
    const review = detail.getByTestId('proposal-review');
    // A decision without a reason is stopped at the field, nothing sent.
    await review.getByTestId('review-approve').click();
    await review.getByText('Ghi lý do trước khi phê duyệt hoặc từ chối.').waitFor();
    expect(((await (await planner.request('GET', `/api/proposals/${submitted.code}`)).json()) as Proposal).status).toBe('submitted');

    await review.getByTestId('review-reason').fill(reason);
    await review.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot('proposals-review.png');
    await review.getByTestId('review-approve').click();
    await page.locator('[data-testid="proposal-detail"][data-status="approved"]').waitFor();
    const stored = (await (await planner.request('GET', `/api/proposals/${submitted.code}`)).json()) as Proposal;
    expect(stored).toMatchObject({ status: 'approved', decidedBy: 'quyhoach', decisionReason: reason });
    expect(await detail.getByTestId('proposal-decision-reason').textContent()).toBe(reason);
    const events = detail.getByTestId('proposal-event');
    expect(await events.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')))).toEqual(['submitted', 'approved']);
    expect(await events.nth(1).textContent()).toContain('quyhoach');
    expect(await events.nth(1).textContent()).toContain(reason);
    expect(await detail.getByTestId('proposal-review').count()).toBe(0);
    await detail.getByTestId('proposal-created').waitFor();
    await screenshot('proposals-approved.png');
    // The approved BTS is part of the planned scenario: the link switches the map to it.
    await detail.getByTestId('show-planned').click();
    await page.waitForFunction(() => decodeURIComponent(window.location.hash).includes('scenario=planned'));
  });

  it('shows it in the list filtered on "Đã duyệt", with the count of approved proposals on the chip', async () => {
    await page.getByTestId('proposal-back').click();
    const panel = page.getByTestId('proposals-panel');
    await panel.getByTestId('proposal-row').first().waitFor();
    await panel.getByTestId('proposal-status-approved').click();
    const list = (await (await planner.request('GET', '/api/proposals?status=approved')).json()) as ProposalList;
    await page.waitForFunction(
      (n) => {
        const rows = [...document.querySelectorAll('[data-testid="proposal-row"]')];
        return rows.length === n && rows.every((r) => r.getAttribute('data-status') === 'approved');
      },
      list.proposals.length,
    );
    expect(await panel.locator(`[data-testid="proposal-row"][data-code="${submitted.code}"]`).count()).toBe(1);
    expect(await panel.getByTestId('proposal-status-approved').getByTestId('chip-count').textContent()).toBe(String(list.counts.approved));
    expect(await panel.getByTestId('proposal-status-approved').getAttribute('aria-pressed')).toBe('true');
    await screenshot('proposals-list-approved.png');
  });

  it("lists the site planner's picks in order with numbered markers and one bar per pick", async () => {
    await page.getByTestId('open-site-planner').click();
    const panel = page.getByTestId('site-planner-panel');
    await panel.getByTestId('planner-operator').selectOption('vietnamobile');
    await panel.getByTestId('planner-k').fill('3');
    // One district (the first in the list): the whole province takes minutes on the embedded database.
    const district = await panel.getByTestId('planner-unit').locator('option').nth(1).getAttribute('value');
    await panel.getByTestId('planner-unit').selectOption(district!);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/site-planner') && r.request().method() === 'POST', { timeout: 170_000 }),
      panel.getByTestId('planner-run').click(),
    ]);
    expect(answer.status()).toBe(200);
    const response = (await answer.json()) as SitePlannerResponse;
    await panel.getByTestId('planner-result').waitFor();
    expect(response.picks.length).toBeGreaterThan(0);
    expect(await panel.getByTestId('planner-pick').count()).toBe(response.picks.length);
    expect(await panel.getByTestId('planner-chart-bar').count()).toBe(response.picks.length);
    expect(await page.locator('[data-testid^="map-pin-pick"]').count()).toBe(response.picks.length);
    expect(await panel.getByTestId('pick-marginal').allTextContents()).toEqual(response.picks.map((p) => `+${new Intl.NumberFormat('vi-VN').format(p.marginalGain)}`));
    expect(await panel.getByTestId('planner-total').textContent()).toBe(new Intl.NumberFormat('vi-VN').format(response.totalGain));
    const last = response.picks[response.picks.length - 1]!;
    await page.evaluate(({ lon, lat }) => window.__hatangMap?.jumpTo({ center: [lon, lat], zoom: 11 }), last);
    await waitForMapIdle(page);
    await screenshot('proposals-site-planner.png');
  }, 180_000);

  it('refuses a decision on a proposal another planner decided meanwhile, says why and shows it as it is now', async () => {
    const engineer = await apiSession(hatang.url, operator.username);
    const [first, second] = await Promise.all([newSiteProposal(engineer, 'Khu dân cư mới, cột hiện có đã đủ tải.'), newSiteProposal(engineer, 'Cần phủ sóng khu công nghiệp.')]);
    decidedMeanwhile = first;
    toWithdraw = second;
    await page.getByTestId('open-proposals').click();
    const panel = page.getByTestId('proposals-panel');
    await panel.getByTestId('proposal-status-submitted').click();
    await panel.locator(`[data-testid="proposal-row"][data-code="${first.code}"]`).click();
    const detail = page.locator(`[data-testid="proposal-detail"][data-code="${first.code}"]`);
    await detail.getByTestId('proposal-review').waitFor();
    // A new site with a candidate with room in the radius carries its justification.
    expect(await detail.textContent()).toContain('Khu dân cư mới, cột hiện có đã đủ tải.');

    const other = await planner.request('POST', `/api/proposals/${first.code}/decision`, { body: { decision: 'reject', reason: 'Trùng vùng phủ.', version: first.version } });
    expect(other.status).toBe(200);
    await detail.getByTestId('review-reason').fill(reason);
    await detail.getByTestId('review-approve').click();
    await page.locator(`[data-testid="proposal-detail"][data-code="${first.code}"][data-status="rejected"]`).waitFor();
    expect(await detail.getByTestId('proposal-error').textContent()).toContain(`Đề xuất ${first.code} đã bị từ chối: không còn chờ quyết định.`);
    expect(await detail.getByTestId('proposal-review').count()).toBe(0);
    expect(await detail.getByTestId('proposal-decision-reason').textContent()).toBe('Trùng vùng phủ.');
    expect(((await (await planner.request('GET', `/api/proposals/${first.code}`)).json()) as Proposal).status).toBe('rejected');
  });

  it("lets the operator's engineer withdraw a proposal still submitted", async () => {
    await signOutThroughUi(page);
    await signInThroughUi(page, operator.username);
    const panel = page.getByTestId('proposals-panel');
    await panel.getByTestId('proposal-back').click();
    await panel.getByTestId('proposal-status-submitted').click();
    await panel.locator(`[data-testid="proposal-row"][data-code="${toWithdraw.code}"]`).click();
    const detail = page.locator(`[data-testid="proposal-detail"][data-code="${toWithdraw.code}"]`);
    await detail.getByTestId('proposal-withdraw').click();
    await page.getByTestId('withdraw-dialog-confirm').click();
    await page.locator(`[data-testid="proposal-detail"][data-code="${toWithdraw.code}"][data-status="withdrawn"]`).waitFor();
    expect(await detail.getByTestId('proposal-event').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')))).toEqual(['submitted', 'withdrawn']);
    expect(await detail.getByTestId('proposal-withdraw').count()).toBe(0);
    expect(((await (await planner.request('GET', `/api/proposals/${toWithdraw.code}`)).json()) as Proposal).status).toBe('withdrawn');
    // The decided one cannot be withdrawn any more.
    await detail.getByTestId('proposal-back').click();
    await panel.getByTestId('proposal-status-rejected').click();
    await panel.locator(`[data-testid="proposal-row"][data-code="${decidedMeanwhile.code}"]`).click();
    await page.locator(`[data-testid="proposal-detail"][data-code="${decidedMeanwhile.code}"]`).waitFor();
    expect(await page.getByTestId('proposal-withdraw').count()).toBe(0);
    await screenshot('proposals-withdrawn-list.png');
  });

  it('throws no page error and asks no other host for anything', () => {
    expect(pageErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
