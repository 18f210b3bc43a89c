import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/src/contracts/api-contracts.js';
import type { AuditPage } from '../../server/src/contracts/auth-contracts.js';
import type { HamletCoverageResponse, HamletCoverageRow } from '../../server/src/contracts/coverage-contracts.js';
import type { Inspection } from '../../server/src/contracts/inspection-contracts.js';
import type { RunningHatang } from '../../server/src/start-hatang.js';
import { openDemoInBrowser, type DemoInBrowser } from './demo-browser-session.js';
import { apiSession, signInThroughUi, signOutThroughUi, type ApiSession } from './browser-accounts.js';

// Field inspections of a hamlet in the browser, on a copy of the demo province:
// a visitor is told to sign in; the inspector records one that contradicts the
// model (the hamlet is covered for any operator's broadband, the inspector found
// no signal), edits it through a version conflict and withdraws it; a planner
// reads it without any edit control and opens its change log.

const artifactsDir = path.resolve('test-artifacts');

let hatang: RunningHatang;
let demo: DemoInBrowser | undefined;
let page: Page;
let inspector: ApiSession;
let planner: ApiSession;
/** A hamlet the model says is covered for any operator's broadband, found by name through the search box. */
let hamlet: HamletCoverageRow;
let searchContext: string;
let recorded: Inspection;
let pageErrors: string[] = [];
let foreignRequests: string[] = [];

const note = 'Cuối <b>ấp</b>, gần bến đò: không có sóng & không gọi được "112"';

function inspectorScreenshot(name: string): Promise<unknown> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  return page.getByTestId('inspector').screenshot({ path: path.join(artifactsDir, name) });
}

async function getJson<T>(pathname: string): Promise<T> {
  const response = await fetch(new URL(pathname, hatang.url));
  if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
  return (await response.json()) as T;
}

async function inspectionsOnServer(): Promise<Inspection[]> {
  const answer = await planner.request('GET', `/api/hamlets/${hamlet.code}/inspections`);
  return ((await answer.json()) as { inspections: Inspection[] }).inspections;
}

/** The first covered hamlet that the search box finds by its name, told apart from namesakes by where it is. */
async function findHamlet(): Promise<void> {
  const coverage = await getJson<HamletCoverageResponse>('/api/hamlets/coverage?operator=*&technology=broadband');
  for (const row of coverage.rows.filter((r) => r.verdict === 'covered').slice(0, 20)) {
    const search = await getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(row.name)}&limit=8`);
    const result = search.results.find((r) => r.kind === 'hamlet' && r.code === row.code);
    if (!result?.context) continue;
    const lookalikes = search.results.filter((r) => r.name === result.name && r.context === result.context);
    if (lookalikes.length === 1) {
      hamlet = row;
      searchContext = result.context;
      return;
    }
  }
  throw new Error('no covered hamlet of the demo province is found by its name');
}

/** "dd/mm/yyyy" of today in Việt Nam (UTC+7), as the form starts. */
function vietnamTodayText(offsetDays = 0): string {
  const iso = new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

beforeAll(async () => {
  demo = await openDemoInBrowser(async (running) => {
    hatang = running;
    await findHamlet();
    inspector = await apiSession(hatang.url, 'kiemtra');
    planner = await apiSession(hatang.url, 'quyhoach');
  });
  ({ page, pageErrors, foreignRequests } = demo);
}, 180_000);

afterAll(async () => {
  await demo?.close();
});

describe('field inspections in the hamlet inspector', () => {
  it('tells a visitor to sign in, and lets the inspector record an inspection that disagrees with the model, listed with "Khác mô hình"', async () => {
    await page.getByTestId('search-input').fill(hamlet.name);
    await page.getByTestId('search-result').filter({ hasText: hamlet.name }).filter({ hasText: searchContext }).first().click();
    const panel = page.getByTestId('inspector');
    await panel.getByTestId('verdict-matrix').waitFor();
    expect(decodeURIComponent(page.url())).toContain(`sel=hamlets:${hamlet.code}`);
    const section = panel.getByTestId('hamlet-inspections');
    expect(await section.getByTestId('inspections-sign-in-hint').textContent()).toContain('Đăng nhập để xem biên bản kiểm tra thực địa của ấp.');
    expect(await section.getByTestId('inspection-list').count()).toBe(0);
    await section.scrollIntoViewIfNeeded();
    await inspectorScreenshot('inspections-visitor.png');

    await section.getByTestId('inspections-sign-in').click();
    await page.getByTestId('sign-in-dialog').waitFor();
    await signInThroughUi(page, 'kiemtra');
    await section.getByTestId('inspection-new').click();
    const form = section.getByTestId('inspection-form');
    await form.waitFor();
    expect(await form.getByTestId('inspection-form-inspectedOn').inputValue()).toBe(vietnamTodayText());
    await form.getByTestId('inspection-form-operator').selectOption('*');
    await form.getByTestId('inspection-form-technologyGroup').selectOption('broadband');
    // The model's verdict for the choice is shown beside the one being recorded.
    const model = form.getByTestId('inspection-form-model');
    expect(await model.locator('[data-verdict]').getAttribute('data-verdict')).toBe('covered');

    // A day in the future is refused at the field before anything is sent.
    await form.getByTestId('inspection-form-inspectedOn').fill(vietnamTodayText(2));
    await form.getByTestId('inspection-form-observedVerdict').selectOption('trang_song');
    await form.getByTestId('inspection-save').click();
    await form.locator('.form-field--invalid').getByText('Ngày kiểm tra không được ở tương lai.').waitFor();
    expect(await inspectionsOnServer()).toEqual([]);

    await form.getByTestId('inspection-form-inspectedOn').fill(vietnamTodayText(-1));
    await form.getByTestId('inspection-form-note').fill(note);
    expect(await model.getByTestId('inspection-agreement').textContent()).toContain('Khác mô hình');
    // Clear of the inspector's sticky header.
    await form.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await inspectorScreenshot('inspections-form.png');
    await form.getByTestId('inspection-save').click();
    await section.getByTestId('inspection-notice').filter({ hasText: `Đã ghi biên bản kiểm tra ngày ${vietnamTodayText(-1)}.` }).waitFor();
    await form.waitFor({ state: 'detached' });

    const item = section.getByTestId('inspection-item');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    [recorded] = (await inspectionsOnServer()) as [Inspection];
    expect(recorded).toMatchObject({ operator: '*', technologyGroup: 'broadband', observedVerdict: 'trang_song', modelVerdict: 'covered', agreesWithModel: false, inspector: 'kiemtra', note });
    expect(await item.getAttribute('data-agrees')).toBe('false');
    expect(await item.getByTestId('inspection-agreement').textContent()).toContain('Khác mô hình');
    expect(await item.getByTestId('inspection-date').textContent()).toBe(vietnamTodayText(-1));
    expect(await item.getByTestId('inspection-scope').textContent()).toBe('Mọi nhà mạng · Băng rộng');
    expect(await item.getByTestId('inspection-observed').getAttribute('data-verdict')).toBe('trang_song');
    expect(await item.getByTestId('inspection-observed').textContent()).toContain('Trắng sóng');
    expect(await item.getByTestId('inspection-model').textContent()).toContain('Phủ sóng');
    expect(await item.getByTestId('inspection-inspector').textContent()).toBe('Người kiểm tra: kiemtra');
    // The note is text, as typed, never markup.
    expect(await item.getByTestId('inspection-note').textContent()).toBe(note);
    expect(await item.locator('b').count()).toBe(0);
    await item.scrollIntoViewIfNeeded();
    await inspectorScreenshot('inspections-recorded.png');
  });

  it('lets the author edit it, with the conflict dialog when it was changed meanwhile', async () => {
    const item = page.getByTestId('inspection-item');
    await item.getByTestId('inspection-edit').click();
    const form = page.getByTestId('inspection-form');
    await form.waitFor();
    await form.getByTestId('inspection-form-observedVerdict').selectOption('lom_song');
    // The same inspector changes the note from another device meanwhile.
    const meanwhile = await inspector.request('PATCH', `/api/inspections/${recorded.id}`, { body: { note: 'Ghi từ máy khác' }, headers: { 'if-match': `"${recorded.version}"` } });
    expect(meanwhile.status).toBe(200);

    await form.getByTestId('inspection-save').click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('[data-testid="conflict-row"][data-field="observedVerdict"] td').allTextContents()).toEqual(['Lõm sóng', 'Trắng sóng']);
    expect(await dialog.locator('[data-testid="conflict-row"][data-field="note"] td').allTextContents()).toEqual([note, 'Ghi từ máy khác']);
    expect(await dialog.locator('[data-testid="conflict-row"][data-field="inspectedOn"] td').allTextContents()).toEqual([vietnamTodayText(-1), vietnamTodayText(-1)]);
    await dialog.getByTestId('conflict-overwrite').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('inspection-notice').filter({ hasText: 'Đã lưu biên bản kiểm tra' }).waitFor();
    await item.locator('[data-testid="inspection-observed"][data-verdict="lom_song"]').waitFor();
    // Mine where I changed something, theirs elsewhere.
    [recorded] = (await inspectionsOnServer()) as [Inspection];
    expect(recorded).toMatchObject({ version: 3, observedVerdict: 'lom_song', note: 'Ghi từ máy khác', agreesWithModel: false });
    expect(await item.getByTestId('inspection-agreement').textContent()).toContain('Khác mô hình');
    await signOutThroughUi(page);
  });

  it('shows a planner the inspection with no edit control, and its change log under "Biên bản kiểm tra"', async () => {
    const section = page.getByTestId('hamlet-inspections');
    await section.getByTestId('inspections-sign-in-hint').waitFor();
    await signInThroughUi(page, 'quyhoach');
    const item = section.getByTestId('inspection-item');
    await item.first().waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.getByTestId('inspection-agreement').textContent()).toContain('Khác mô hình');
    expect(await section.getByTestId('inspection-new').count()).toBe(0);
    expect(await section.getByTestId('inspection-edit').count()).toBe(0);
    expect(await section.getByTestId('inspection-withdraw').count()).toBe(0);
    await inspectorScreenshot('inspections-planner.png');

    await item.getByTestId('record-history').click();
    const log = page.getByTestId('audit-log');
    expect(await log.getByTestId('audit-filter-entity').inputValue()).toBe('inspection');
    expect(await log.getByTestId('audit-filter-code').inputValue()).toBe(String(recorded.id));
    const expected = (await (await planner.request('GET', `/api/audit?entity=inspection&code=${recorded.id}`)).json()) as AuditPage;
    expect(expected.total).toBe(3);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-row"][data-entity="inspection"]').length === 3);
    const row = log.getByTestId('audit-row').last();
    expect(await row.getAttribute('data-action')).toBe('create');
    expect(await row.textContent()).toContain('Biên bản kiểm tra');
    expect(await row.textContent()).toContain(`Ấp ${hamlet.code}, kiểm tra ngày ${vietnamTodayText(-1)}`);
    await row.getByTestId('audit-open').click();
    const verdict = log.locator('[data-testid="audit-diff-row"][data-field="observedVerdict"]');
    expect(await verdict.locator('th').textContent()).toBe('Kết quả thực tế');
    expect(await verdict.locator('td').allTextContents()).toEqual(['Trắng sóng']);
    await log.getByTestId('workspace-close').click();
    await signOutThroughUi(page);
  });

  it('lets the author withdraw it after confirmation; the server keeps it out of the list', async () => {
    await signInThroughUi(page, 'kiemtra');
    const section = page.getByTestId('hamlet-inspections');
    await section.getByTestId('inspection-withdraw').click();
    const confirm = page.getByTestId('inspection-withdraw-dialog');
    expect(await confirm.textContent()).toContain(`Rút biên bản kiểm tra ngày ${vietnamTodayText(-1)}?`);
    await confirm.getByTestId('inspection-withdraw-dialog-confirm').click();
    await confirm.waitFor({ state: 'detached' });
    await section.getByTestId('inspection-notice').filter({ hasText: `Đã rút biên bản kiểm tra ngày ${vietnamTodayText(-1)}.` }).waitFor();
    await section.getByText('Chưa có biên bản kiểm tra nào cho ấp này.').waitFor();
    expect(await inspectionsOnServer()).toEqual([]);
    await signOutThroughUi(page);
  });

  it('sends no request to any host but the local server, and throws no page error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
