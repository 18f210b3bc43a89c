import type { Browser, Page } from 'playwright-core';
import { startHatang, type RunningHatang } from '../../server/src/start-hatang.js';
import { preparedDemoDataDir, removeDataDir } from '../support/prepared-databases.js';
import { createTestAccounts } from '../support/test-accounts.js';
import { launchHeadlessChromium } from './headless-chromium.js';

/** The server in process on a copy of the demo province, with the test accounts. */
export async function startDemoWithAccounts(): Promise<{ hatang: RunningHatang; close(): Promise<void> }> {
  const dataDir = preparedDemoDataDir();
  const hatang = await startHatang({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent', seedDemoWhenEmpty: false, adminPassword: 'quan-tri-dau-tien-1' });
  await createTestAccounts(hatang.database.knex);
  return {
    hatang,
    async close() {
      await hatang.close();
      removeDataDir(dataDir);
    },
  };
}

/**
 * A page on the server that records uncaught page errors and every request to
 * another host (the app must never leave the machine), opened at `hash` and
 * waited for until the app says it is ready.
 */
export async function openWatchedPage(browser: Browser, serverUrl: string, hash: string): Promise<{ page: Page; pageErrors: string[]; foreignRequests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  const host = new URL(serverUrl).host;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.host !== host) foreignRequests.push(request.url());
  });
  await page.goto(`${serverUrl}#${hash}`);
  await page.waitForFunction(() => window.__hatangReady === true, null, { timeout: 90_000 });
  return { page, pageErrors, foreignRequests };
}

export interface DemoInBrowser {
  hatang: RunningHatang;
  page: Page;
  pageErrors: string[];
  foreignRequests: string[];
  /** Closes the browser, then the server, and removes its data. */
  close(): Promise<void>;
}

/**
 * The demo with the test accounts, `prepare` run on the server (finding what
 * the tests use, API sessions) before Chromium starts, then a watched page at
 * `lang=vi`. If any step fails, what was started is closed again.
 */
export async function openDemoInBrowser(prepare: (hatang: RunningHatang) => Promise<void> = async () => {}): Promise<DemoInBrowser> {
  const demo = await startDemoWithAccounts();
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await demo.close();
  };
  try {
    await prepare(demo.hatang);
    browser = await launchHeadlessChromium();
    const watched = await openWatchedPage(browser, demo.hatang.url, 'lang=vi');
    return { hatang: demo.hatang, ...watched, close };
  } catch (error) {
    await close();
    throw error;
  }
}
