// The map at national scale in headless Chromium, for `npm run bench`: first
// idle, then the frame times of a fixed pan-and-zoom path.
// Run alone: `tsx scripts/bench-browser-scale.ts http://localhost:8099/`.
import { pathToFileURL } from 'node:url';
import { launchHeadlessChromium } from '../test/browser/headless-chromium.js';

export interface MapAtScale {
  /** ms from navigation start to window.__hatangReady (the first idle with the initial layers on the map). */
  firstIdleMs: number;
  /** 95th percentile of the intervals between animation frames while the map pans and zooms, ms. */
  panFrameMsP95: number;
  /** Frames drawn along the path. */
  frames: number;
}

/**
 * The camera path, from the initial view (the data's whole extent): pans of a
 * quarter to a third of the 1440 × 900 viewport, one and a half zoom levels in
 * and out again, each move 700 ms long, ~5 s in all. The same path every run,
 * so runs compare.
 */
const path: readonly ({ panBy: [number, number] } | { zoomBy: number })[] = [
  { panBy: [400, 0] },
  { panBy: [0, 300] },
  { zoomBy: 1.5 },
  { panBy: [-400, 0] },
  { panBy: [0, -300] },
  { zoomBy: -1.5 },
  { panBy: [-300, 200] },
];
const MOVE_MS = 700;

/**
 * Opens the app at `baseUrl` in a new headless Chromium (nothing cached),
 * waits for __hatangReady, then runs the camera path while recording
 * requestAnimationFrame intervals in the page. The p95 of those intervals is
 * what a user feels as stutter: 16.7 ms is every frame at 60 Hz.
 */
export async function measureMapAtScale(options: { baseUrl: string; chromiumPath?: string }): Promise<MapAtScale> {
  const browser = await launchHeadlessChromium(options.chromiumPath);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(options.baseUrl);
    await page.waitForFunction(() => window.__hatangReady === true, null, { timeout: 300_000 });
    const firstIdleMs = await page.evaluate(() => window.__hatangReadyAt);
    if (typeof firstIdleMs !== 'number') throw new Error('the client set __hatangReady without __hatangReadyAt');
    // As text: tsx would wrap named functions of a page.evaluate callback in a helper the page does not have.
    const intervals = (await page.evaluate(`(async () => {
      const map = window.__hatangMap;
      if (!map) throw new Error('window.__hatangMap is not set');
      const out = [];
      let running = true;
      let last = 0;
      const tick = (t) => {
        if (last > 0) out.push(t - last);
        last = t;
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      for (const step of ${JSON.stringify(path)}) {
        await new Promise((resolve) => {
          map.once('moveend', () => resolve());
          if (step.panBy) map.panBy(step.panBy, { duration: ${MOVE_MS} });
          else map.zoomTo(map.getZoom() + step.zoomBy, { duration: ${MOVE_MS} });
        });
      }
      running = false;
      return out;
    })()`)) as number[];
    const sorted = [...intervals].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
    return { firstIdleMs, panFrameMsP95: p95, frames: intervals.length };
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const baseUrl = process.argv[2] ?? 'http://localhost:8080/';
  const result = await measureMapAtScale({ baseUrl });
  console.log(
    `${baseUrl}: first idle ${result.firstIdleMs.toFixed(0)} ms, pan frame p95 ${result.panFrameMsP95.toFixed(1)} ms over ${result.frames} frames`,
  );
}
