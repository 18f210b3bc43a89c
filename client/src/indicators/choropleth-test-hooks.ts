import type { Map as MaplibreMap } from 'maplibre-gl';

// Hooks for the browser tests (the dashboard's and the report's), like
// map-test-hooks.ts: they expose state only; nothing in the app reads them.

/** One choropleth on the page, by its test id. */
export interface ChoroplethHook {
  map: MaplibreMap;
  /** True after the first `idle` following the last change of its units or colours. */
  ready: boolean;
  /** Bumped by every change of the units or colours (a test waits for a revision after a switch). */
  revision: number;
  /** Units drawn with a value, and without. */
  withValue: number;
  withoutValue: number;
  /** The id of the fill layer, for queryRenderedFeatures. */
  fillLayerId: string;
}

declare global {
  interface Window {
    __hatangChoropleths?: Record<string, ChoroplethHook>;
  }
}

export function choroplethHook(testId: string): ChoroplethHook | undefined {
  return window.__hatangChoropleths?.[testId];
}

export function exposeChoropleth(testId: string, hook: ChoroplethHook): void {
  window.__hatangChoropleths = { ...(window.__hatangChoropleths ?? {}), [testId]: hook };
}

export function forgetChoropleth(testId: string, map: MaplibreMap): void {
  const hooks = window.__hatangChoropleths;
  if (hooks?.[testId]?.map === map) {
    const rest = { ...hooks };
    delete rest[testId];
    window.__hatangChoropleths = rest;
  }
}
