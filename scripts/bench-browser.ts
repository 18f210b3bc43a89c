// First-idle time of the map client in headless Chromium, for `npm run bench`.
// Run alone: `tsx scripts/bench-browser.ts http://localhost:8080/ [runs]`.
import { pathToFileURL } from 'node:url';
import { launchHeadlessChromium } from '../test/browser/headless-chromium.js';

/**
 * Milliseconds from navigation start to the client's first `idle` with every
 * initially visible layer's data on the map (window.__hatangReady), measured by
 * the page's own clock. Each call uses a new browser, so nothing is cached.
 */
export async function measureFirstIdleMs(url: string): Promise<number> {
  const browser = await launchHeadlessChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.waitForFunction(() => window.__hatangReady === true, null, { timeout: 120_000 });
    const readyAt = await page.evaluate(() => window.__hatangReadyAt);
    if (typeof readyAt !== 'number') throw new Error('the client set __hatangReady without __hatangReadyAt');
    return readyAt;
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2] ?? 'http://localhost:8080/';
  const runs = Number(process.argv[3] ?? 3);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await measureFirstIdleMs(url));
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  console.log(`first idle of ${url}: median ${median.toFixed(0)} ms over ${runs} runs (${times.map((t) => t.toFixed(0)).join(', ')})`);
}
