import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHatang, type RunningHatang } from '../../server/src/start-hatang.js';
import { preparedDemoDataDir, removeDataDir } from '../support/prepared-databases.js';
import { createTestAccounts, TEST_PASSWORD } from '../support/test-accounts.js';
import { launchHeadlessChromium } from './headless-chromium.js';

// A server whose map is not public (HATANG_ANONYMOUS_READ=false): the page
// shows a full-page sign-in first, and the map only to an account.

const artifactsDir = path.resolve('test-artifacts');

let hatang: RunningHatang;
let dataDir: string;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  dataDir = preparedDemoDataDir();
  hatang = await startHatang({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'silent',
    seedDemoWhenEmpty: false,
    adminPassword: 'quan-tri-dau-tien-1',
    anonymousRead: false,
  });
  await createTestAccounts(hatang.database.knex);
  browser = await launchHeadlessChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await hatang?.close();
  if (dataDir) removeDataDir(dataDir);
});

describe('a map that is not public', () => {
  it('shows the sign-in screen instead of the map, and the map after signing in', async () => {
    const layerRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/layers/')) layerRequests.push(r.url());
    });
    await page.goto(`${hatang.url}#lang=vi&sel=sites:TGG0009`);
    const screen = page.getByTestId('sign-in-screen');
    await screen.waitFor();
    expect(await screen.textContent()).toContain('Hãy đăng nhập để tiếp tục');
    expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
    // Nothing but the session is asked for before signing in.
    expect(layerRequests).toEqual([]);
    fs.mkdirSync(artifactsDir, { recursive: true });
    await page.screenshot({ path: path.join(artifactsDir, 'accounts-sign-in-screen.png') });

    await screen.getByTestId('sign-in-username').fill('quyhoach');
    await screen.getByTestId('sign-in-password').fill(TEST_PASSWORD);
    await screen.getByTestId('sign-in-submit').click();
    await page.waitForFunction(() => window.__hatangReady === true, null, { timeout: 90_000 });
    expect(await page.getByTestId('account-role').textContent()).toBe('Cán bộ Sở (quy hoạch)');
    // The link's selection survives the detour through the sign-in screen.
    await page.getByTestId('inspector').filter({ hasText: 'TGG0009' }).waitFor();
  });

  it('goes back to the sign-in screen on signing out', async () => {
    await page.getByTestId('account-button').click();
    await page.getByTestId('menu-sign-out').click();
    await page.getByTestId('sign-in-screen').waitFor();
    expect(await page.locator('.maplibregl-canvas').count()).toBe(0);
    const status = await page.evaluate(() => fetch('/api/layers/sites').then((r) => r.status));
    expect(status).toBe(401);
  });

  it('throws no page error', () => {
    expect(pageErrors).toEqual([]);
  });
});
