import type { Map as MaplibreMap } from 'maplibre-gl';

// Hooks for the browser test and the first-idle benchmark. They expose state
// only; nothing in the app reads them.
declare global {
  interface Window {
    __hatangMap?: MaplibreMap;
    /** True after the first `idle` with every initially visible layer's data on the map. */
    __hatangReady?: boolean;
    /** performance.now() (ms since navigation start) when __hatangReady became true. */
    __hatangReadyAt?: number;
  }
}

export function exposeMap(map: MaplibreMap): void {
  window.__hatangMap = map;
  window.__hatangReady = false;
}

export function markReady(): void {
  window.__hatangReadyAt = performance.now();
  window.__hatangReady = true;
}
