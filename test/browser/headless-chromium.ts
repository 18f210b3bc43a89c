import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing that phones home and WebGL on
 * SwiftShader so MapLibre renders without a GPU. The binary: `executablePath`,
 * else $CHROMIUM_PATH, else Debian's.
 */
export function launchHeadlessChromium(executablePath?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
    ],
  });
}

/** Resolves after the map's next `idle` (a repaint is forced so one always comes). */
export function waitForMapIdle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__hatangMap;
        if (!map) throw new Error('window.__hatangMap is not set');
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}
