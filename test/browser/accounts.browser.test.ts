import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteDetail } from '../../server/src/contracts/api-contracts.js';
import type { AuditPage } from '../../server/src/contracts/auth-contracts.js';
import type { BtsRecord } from '../../server/src/contracts/record-contracts.js';
import type { RunningHatang } from '../../server/src/start-hatang.js';
import { openDemoInBrowser, type DemoInBrowser } from './demo-browser-session.js';
import { apiSession, openAccountMenuItem, signInThroughUi, signOutThroughUi, type ApiSession } from './browser-accounts.js';
import { waitForMapIdle } from './headless-chromium.js';

// Accounts in the browser against the whole server on a copy of the demo
// province: signing in and out, what each role is offered, editing the
// register from the inspector, a version conflict, account management and the
// change log. One page; each test signs in as the role it is about.

const artifactsDir = path.resolve('test-artifacts');

let hatang: RunningHatang;
let demo: DemoInBrowser | undefined;
let page: Page;
let planner: ApiSession;
let pageErrors: string[] = [];
let foreignRequests: string[] = [];

/** A shared site not owned by Viettel, carrying Viettel BTS and another operator's: the operator test's ground. */
let site: SiteDetail;
let ownBts: SiteDetail['bts'][number];
let otherBts: SiteDetail['bts'][number];
/** Set by the operator's edit; the planner looks for it in the change log. */
let editedEirp: number;

function screenshot(name: string): Promise<unknown> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  return page.screenshot({ path: path.join(artifactsDir, name) });
}

async function getJson<T>(pathname: string): Promise<T> {
  const response = await fetch(new URL(pathname, hatang.url));
  if (!response.ok) throw new Error(`${pathname}: ${response.status}`);
  return (await response.json()) as T;
}

async function findOperatorTestSite(): Promise<void> {
  const shared = await getJson<{ features: { properties: { code: string; owner: string | null; inferred: boolean } }[] }>('/api/layers/shared-sites?operator=viettel');
  for (const feature of shared.features) {
    // A site record (an inferred site has no record to edit) not owned by Viettel.
    if (feature.properties.owner === 'viettel' || feature.properties.inferred) continue;
    const detail = await getJson<SiteDetail>(`/api/sites/${feature.properties.code}`);
    const own = detail.bts.filter((b) => b.operator === 'viettel' && b.status === 'on_air');
    const other = detail.bts.find((b) => b.operator !== 'viettel');
    if (own.length >= 2 && other) {
      site = detail;
      ownBts = own[0]!;
      otherBts = other;
      return;
    }
  }
  throw new Error('the demo province has no shared site with two Viettel BTS not owned by Viettel');
}

/** Opens a site in the inspector through the link, as a shared URL would. */
async function openSite(code: string): Promise<void> {
  await page.evaluate((c) => {
    window.location.hash = `lang=vi&layers=districts,communes,sites&sel=sites:${c}`;
  }, code);
  await page.getByTestId('inspector').filter({ hasText: code }).waitFor();
  await page.getByTestId('inspector-bts-row').first().waitFor();
}

beforeAll(async () => {
  demo = await openDemoInBrowser(async (running) => {
    hatang = running;
    await findOperatorTestSite();
    planner = await apiSession(hatang.url, 'quyhoach');
  });
  ({ page, pageErrors, foreignRequests } = demo);
}, 180_000);

afterAll(async () => {
  await demo?.close();
});

describe('accounts in the browser', () => {
  it('signs in through the header dialog, shows the name and role, and signs out again', async () => {
    await page.getByTestId('sign-in-button').click();
    const dialog = page.getByTestId('sign-in-dialog');
    await dialog.getByTestId('sign-in-username').fill('viettel.kt');
    await dialog.getByTestId('sign-in-password').fill('sai-mat-khau-0');
    await dialog.getByTestId('sign-in-submit').click();
    expect(await dialog.getByTestId('sign-in-error').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');

    await signInThroughUi(page, 'viettel.kt');
    expect(await page.getByTestId('account-name').textContent()).toBe('Tài khoản viettel.kt');
    expect(await page.getByTestId('account-role').textContent()).toBe('Nhà mạng Viettel');
    await page.getByTestId('account-button').click();
    const menu = page.getByTestId('account-menu');
    await menu.waitFor();
    expect(await menu.getByTestId('menu-password').isVisible()).toBe(true);
    expect(await menu.getByTestId('menu-tokens').isVisible()).toBe(true);
    // An operator's account neither manages accounts nor reads the change log.
    expect(await menu.getByTestId('menu-users').count()).toBe(0);
    expect(await menu.getByTestId('menu-audit').count()).toBe(0);
    await screenshot('accounts-header-signed-in.png');
    await page.keyboard.press('Escape');

    await signOutThroughUi(page);
    const session = await page.evaluate(() => fetch('/api/auth/session').then((r) => r.json() as Promise<{ user: unknown }>));
    expect(session.user).toBeNull();
  });

  it('lets an operator edit its own BTS, and offers no edit control on another operator’s', async () => {
    await signInThroughUi(page, 'viettel.kt');
    await openSite(site.site.code);
    // The site's owner is not Viettel: no edit of the site itself; Viettel's rows only.
    expect(await page.getByTestId('site-edit').count()).toBe(0);
    const ownRow = page.locator(`[data-testid="inspector-bts-row"][data-code="${ownBts.code}"]`);
    const otherRow = page.locator(`[data-testid="inspector-bts-row"][data-code="${otherBts.code}"]`);
    expect(await otherRow.getByTestId('bts-edit').count()).toBe(0);
    const rows = await page.getByTestId('inspector-bts-row').evaluateAll((trs) =>
      trs.map((tr) => ({ operator: tr.getAttribute('data-operator'), editable: tr.querySelector('[data-testid="bts-edit"]') !== null })),
    );
    expect(rows.filter((r) => r.editable).every((r) => r.operator === 'viettel')).toBe(true);
    expect(rows.filter((r) => r.operator === 'viettel').every((r) => r.editable)).toBe(true);

    await ownRow.getByTestId('bts-edit').click();
    const form = page.getByTestId('bts-edit-form');
    await form.waitFor();
    const before = await getJson<BtsRecord>(`/api/bts/${ownBts.code}`);
    editedEirp = before.eirpDbm === 61.5 ? 60.5 : 61.5;
    await form.getByTestId('bts-edit-eirpDbm').fill(String(editedEirp).replace('.', ','));
    await form.getByTestId('bts-edit-sector-0-azimuth').fill('15');
    await page.getByTestId('inspector').screenshot({ path: path.join(artifactsDir, 'accounts-bts-edit-form.png') });
    await screenshot('accounts-bts-edit-form-page.png');

    // The write recomputes the BTS's coverage: the panel's count of hamlet verdicts (its coverage ratio) and the register layers are loaded again.
    const verdictsReloaded = page.waitForRequest((r) => r.url().includes('/api/layers/hamlets/count'));
    // The sites layer is vector tiles: the tab's register revision (v) rises and its tiles are fetched again.
    const sitesReloaded = page.waitForRequest((r) => r.url().includes('/tiles/sites/') && /[?&]v=[1-9]/.test(r.url()));
    await form.getByTestId('record-save').click();
    await page.getByTestId('record-notice').filter({ hasText: ownBts.code }).waitFor();
    await Promise.all([verdictsReloaded, sitesReloaded]);

    const after = await getJson<BtsRecord>(`/api/bts/${ownBts.code}`);
    expect(after.version).toBe(before.version + 1);
    expect(after.eirpDbm).toBe(editedEirp);
    expect(after.sectors[0]?.azimuthDeg).toBe(15);
    expect(after.antennaHeightM).toBe(before.antennaHeightM);
    // The inspector shows the site again, loaded after the write.
    await ownRow.filter({ hasText: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(editedEirp) }).waitFor();
  });

  it('shows the conflict dialog when someone saved the record meanwhile, and "Ghi đè" puts my change on top', async () => {
    const second = site.bts.filter((b) => b.operator === 'viettel' && b.status === 'on_air')[1]!;
    await page.locator(`[data-testid="inspector-bts-row"][data-code="${second.code}"]`).getByTestId('bts-edit').click();
    const form = page.getByTestId('bts-edit-form');
    await form.waitFor();
    const base = await getJson<BtsRecord>(`/api/bts/${second.code}`);
    const mine = Math.round((base.eirpDbm + 1.5) * 10) / 10;
    await form.getByTestId('bts-edit-eirpDbm').fill(String(mine).replace('.', ','));

    // Between opening the form and saving, a planner changes the same BTS.
    const theirs = await planner.request('PATCH', `/api/bts/${second.code}`, {
      body: { eirpDbm: Math.round((base.eirpDbm - 2) * 10) / 10, antennaHeightM: base.antennaHeightM + 3 },
      headers: { 'if-match': `"${base.version}"` },
    });
    expect(theirs.status).toBe(200);

    await form.getByTestId('record-save').click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Bản ghi đã được người khác thay đổi');
    const eirpRow = dialog.locator('[data-testid="conflict-row"][data-field="eirpDbm"]');
    expect(await eirpRow.getAttribute('data-differs')).toBe('true');
    const format = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
    expect(await eirpRow.locator('td').allTextContents()).toEqual([format(mine), format(Math.round((base.eirpDbm - 2) * 10) / 10)]);
    expect(await dialog.locator('[data-testid="conflict-row"][data-field="antennaHeightM"]').getAttribute('data-differs')).toBe('true');
    expect(await dialog.locator('[data-testid="conflict-row"][data-field="status"]').getAttribute('data-differs')).toBe('false');
    await screenshot('accounts-conflict-dialog.png');

    await dialog.getByTestId('conflict-overwrite').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('record-notice').filter({ hasText: second.code }).waitFor();
    const now = await getJson<BtsRecord>(`/api/bts/${second.code}`);
    // Mine wins where I changed something; the planner's other change stays.
    expect(now).toMatchObject({ version: base.version + 2, eirpDbm: mine, antennaHeightM: base.antennaHeightM + 3 });
    await signOutThroughUi(page);
  });

  it('lets an admin create an account, showing a name with markup as text, and refuses a user name taken', async () => {
    await signInThroughUi(page, 'quantri');
    await openAccountMenuItem(page, 'users');
    const panel = page.getByTestId('user-admin');
    await panel.getByTestId('user-row').first().waitFor();
    const count = await panel.getByTestId('user-row').count();

    const displayName = 'Nguyễn Thị <b>Hồng</b> <img src=x onerror="window.__xss=1">';
    await panel.getByTestId('user-create').click();
    const dialog = page.getByTestId('user-form-dialog');
    await dialog.getByTestId('user-form-username').fill('mobifone.kt');
    await dialog.getByTestId('user-form-display-name').fill(displayName);
    await dialog.getByTestId('user-form-role').selectOption('operator');
    await dialog.getByTestId('user-form-operator').selectOption('mobifone');
    await dialog.getByTestId('user-form-password').fill('mat-khau-moi-2026');
    await dialog.getByTestId('user-form-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const row = panel.locator('[data-testid="user-row"][data-username="mobifone.kt"]');
    await row.waitFor();
    expect(await panel.getByTestId('user-row').count()).toBe(count + 1);
    expect(await row.textContent()).toContain(displayName);
    expect(await row.textContent()).toContain('Nhà mạng MobiFone');
    expect(await row.locator('b, img').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await screenshot('accounts-user-admin.png');

    // The same user name again: the server's 409, shown at the field.
    await panel.getByTestId('user-create').click();
    await dialog.getByTestId('user-form-username').fill('mobifone.kt');
    await dialog.getByTestId('user-form-display-name').fill('Trùng tên');
    await dialog.getByTestId('user-form-password').fill('mat-khau-moi-2026');
    await dialog.getByTestId('user-form-submit').click();
    await dialog.getByText('Tên đăng nhập "mobifone.kt" đã có.').waitFor();
    await screenshot('accounts-user-form-taken.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The new account signs in.
    expect((await apiSession(hatang.url, 'mobifone.kt', 'mat-khau-moi-2026')).username).toBe('mobifone.kt');
    await panel.getByTestId('workspace-close').click();
    await signOutThroughUi(page);
  });

  it('shows a planner the operator’s change in the change log, field by field', async () => {
    await signInThroughUi(page, 'quyhoach');
    await openAccountMenuItem(page, 'audit');
    const log = page.getByTestId('audit-log');
    await log.getByTestId('audit-row').first().waitFor();
    await log.getByTestId('audit-filter-entity').selectOption('bts');
    await log.getByTestId('audit-filter-code').fill(ownBts.code);
    await log.getByTestId('audit-filter-apply').click();
    const expected = (await (await planner.request('GET', `/api/audit?entity=bts&code=${ownBts.code}`)).json()) as AuditPage;
    expect(expected.total).toBe(1);
    await page.waitForFunction(
      (code) => {
        const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
        return rows.length === 1 && rows[0]?.getAttribute('data-code') === code;
      },
      ownBts.code,
    );
    const row = log.getByTestId('audit-row').first();
    expect(await row.textContent()).toContain('viettel.kt');
    expect(await row.getAttribute('data-action')).toBe('update');
    await row.getByTestId('audit-open').click();
    const diff = log.getByTestId('audit-diff');
    await diff.waitFor();
    const changed = await diff.locator('[data-testid="audit-diff-row"][data-changed="true"]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-field')));
    expect(changed).toEqual(expect.arrayContaining(['eirpDbm', 'sectors', 'version']));
    expect(changed).not.toContain('antennaHeightM');
    const eirp = diff.locator('[data-testid="audit-diff-row"][data-field="eirpDbm"] td');
    expect((await eirp.allTextContents())[1]).toBe(new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(editedEirp));
    await screenshot('accounts-audit-log.png');
    await log.getByTestId('workspace-close').click();
  });

  it('lets a planner rename a site with markup in the name, shown as text in the inspector and the hover text', async () => {
    await openSite(site.site.code);
    await page.getByTestId('site-edit').click();
    const form = page.getByTestId('site-edit-form');
    await form.waitFor();
    const name = '<img src=x onerror="window.__xss=2"><b>Trạm thử</b> & "Ấp Mới"';
    await form.getByTestId('site-edit-name').fill(name);
    expect(await form.getByTestId('site-edit-owner').isDisabled()).toBe(false);
    await page.getByTestId('inspector').screenshot({ path: path.join(artifactsDir, 'accounts-site-edit-form.png') });
    await form.getByTestId('record-save').click();
    await page.getByTestId('record-notice').filter({ hasText: site.site.code }).waitFor();
    const title = page.getByTestId('inspector').locator('.inspector__title');
    await title.filter({ hasText: 'Trạm thử' }).waitFor();
    expect(await title.textContent()).toBe(name);
    expect(await page.getByTestId('inspector').locator('.inspector__header img, .inspector__header b').count()).toBe(0);
    await page.getByTestId('inspector').screenshot({ path: path.join(artifactsDir, 'accounts-site-inspector-planner.png') });

    // On the map, the hover text of the site carries the name as typed too.
    await page.evaluate(({ lon, lat }) => {
      window.location.hash = window.location.hash.replace(/map=[^&]*&?/, '') + `&map=17.00/${lat.toFixed(5)}/${lon.toFixed(5)}`;
    }, site.site);
    await waitForMapIdle(page);
    await page.waitForFunction((code) => (window.__hatangMap?.queryRenderedFeatures({ layers: ['sites'] }) ?? []).some((f) => f.properties.code === code && String(f.properties.name).includes('Trạm thử')), site.site.code);
    const at = await page.evaluate(({ lon, lat }) => {
      const map = window.__hatangMap!;
      const box = map.getCanvas().getBoundingClientRect();
      const p = map.project([lon, lat]);
      return { x: box.left + p.x, y: box.top + p.y };
    }, site.site);
    await page.mouse.move(at.x, at.y);
    const tooltip = page.locator('.map-tooltip');
    await tooltip.filter({ hasText: 'Trạm thử' }).waitFor();
    expect(await tooltip.textContent()).toContain(name);
    expect(await tooltip.locator('*').count()).toBe(0);

    // "Lịch sử" opens the change log on this site: the rename, the name shown as typed.
    await page.getByTestId('inspector').getByTestId('record-history').click();
    const log = page.getByTestId('audit-log');
    expect(await log.getByTestId('audit-filter-code').inputValue()).toBe(site.site.code);
    await page.waitForFunction(
      (code) => {
        const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
        return rows.length > 0 && rows.every((r) => r.getAttribute('data-code') === code && r.getAttribute('data-entity') === 'site');
      },
      site.site.code,
    );
    await log.getByTestId('audit-open').first().click();
    const nameRow = log.locator('[data-testid="audit-diff-row"][data-field="name"]');
    expect((await nameRow.locator('td').allTextContents())[1]).toBe(name);
    expect(await nameRow.locator('b, img').count()).toBe(0);
    await log.getByTestId('workspace-close').click();
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('deletes a fiber route after confirmation, and restores it from the notice', async () => {
    const fiber = await getJson<{ features: { properties: { code: string; name: string | null } }[] }>('/api/layers/fiber?operator=vnpt');
    const code = fiber.features[0]!.properties.code;
    await page.evaluate((c) => {
      window.location.hash = `lang=vi&layers=districts,communes,fiber&sel=fiber:${c}`;
    }, code);
    const inspector = page.getByTestId('inspector');
    await inspector.filter({ hasText: code }).getByTestId('fiber-edit').click();
    await page.getByTestId('fiber-edit-form').getByTestId('record-delete').click();
    const confirm = page.getByTestId('record-delete-dialog');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(`Xóa tuyến cáp quang ${code}?`);
    // A fiber route does not touch coverage: the hamlet verdicts are not asked for again.
    const verdictRequests: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/api/hamlets/coverage') || r.url().includes('/tiles/hamlets/')) verdictRequests.push(r.url());
    };
    page.on('request', onRequest);
    const fiberReloaded = page.waitForRequest((r) => r.url().includes('/tiles/fiber/') && /[?&]v=[1-9]/.test(r.url()));
    await confirm.getByTestId('record-delete-dialog-confirm').click();
    const notice = page.getByTestId('record-notice');
    await notice.filter({ hasText: `Đã xóa tuyến cáp quang ${code}.` }).waitFor();
    await fiberReloaded;
    expect(await inspector.count()).toBe(0);
    expect((await fetch(new URL(`/api/fiber/${code}`, hatang.url))).status).toBe(404);
    await screenshot('accounts-deleted-notice.png');

    await notice.getByTestId('record-restore').click();
    await notice.filter({ hasText: `Đã khôi phục tuyến cáp quang ${code}.` }).waitFor();
    expect((await getJson<{ deletedAt: string | null }>(`/api/fiber/${code}`)).deletedAt).toBeNull();
    // The restored route is selected again.
    await inspector.filter({ hasText: code }).getByTestId('fiber-edit').waitFor();
    page.off('request', onRequest);
    expect(verdictRequests).toEqual([]);
    await signOutThroughUi(page);
  });

  it('brings the sign-in dialog back with a notice when the session ends elsewhere', async () => {
    await signInThroughUi(page, 'kiemtra');
    await page.getByTestId('measurement-import-button').waitFor();
    // An admin resets the inspector's password: every session of the account ends.
    const admin = await apiSession(hatang.url, 'quantri');
    const account = (await (await admin.request('GET', '/api/users')).json()) as { users: { username: string; version: number }[] };
    const version = account.users.find((u) => u.username === 'kiemtra')!.version;
    expect((await admin.request('PATCH', '/api/users/kiemtra', { body: { password: 'mat-khau-dat-lai-1' }, headers: { 'if-match': `"${version}"` } })).status).toBe(200);

    const csv = 'Kinh độ,Vĩ độ,Nhà mạng,Công nghệ,Mức tín hiệu (dBm),Thời gian\n106.36,10.36,Viettel,4G,-90,2026-11-20T09:00:00+07:00';
    await page.getByTestId('measurement-import-input').setInputFiles({ name: 'do-kiem.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const dialog = page.getByTestId('sign-in-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('sign-in-notice').textContent()).toContain('Phiên đăng nhập đã kết thúc');
    await page.getByTestId('sign-in-button').waitFor();
    // Without the account, the panel offers sign-in instead of the import.
    await page.getByTestId('measurement-import-hint').waitFor();
    await signInThroughUi(page, 'kiemtra', 'mat-khau-dat-lai-1');
    await page.getByTestId('measurement-import-button').waitFor();
    await signOutThroughUi(page);
  });

  it('sends no request to any host but the local server, and throws no page error', () => {
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
