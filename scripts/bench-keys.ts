// The headline figures of `npm run bench` (issue 8): one flat object built
// from the figures the bench measured in the same run, and its table with the
// targets. A figure that could not be measured is null; why is in `details`.
import type { Scale, ScaleRun } from './bench-scale.js';
import type { LatencyFigures } from './bench-tiles.js';

export interface ColdCached {
  cold: number;
  cached: number;
}

export interface BenchKeys {
  /** Σ HTTP ÷ Σ the same SQL sent directly, read endpoints of the demo province on PostgreSQL. */
  httpOverheadRatio: number | null;
  /** @turf/turf unions + hamlet differences (extrapolated from a strip, a lower bound) ÷ ours (embedded), demo province. */
  turfRatio: number | null;
  /** Full recompute (coverage + site inference + sharing ratios) embedded ÷ PostgreSQL, demo province. */
  embeddedRatio: number | null;
  /** Vector tiles: cold = first request of each tile after the server's start, cached = the same tile again. */
  tileP50Ms: ColdCached | null;
  tileP99Ms: ColdCached | null;
  /** Full recompute on PostgreSQL per scale ("1" = the demo province). */
  recomputeSeconds: Partial<Record<string, number>>;
  /** Incremental what-if at the largest scale run (national in a full run), median, ms. */
  whatIfMs: number | null;
  /** The map's first idle in headless Chromium at the largest scale run, ms. */
  browserFirstIdleMs: number | null;
  /** 95th percentile frame time while panning the map at the largest scale run, ms. */
  panFrameMsP95: number | null;
}

/** Where each figure was measured, for `details.keySources`. */
export type KeySources = Record<keyof BenchKeys, string>;

export interface FullRecompute {
  coverageSeconds: number;
  inferencePlusRatiosMs: number;
}

export interface BenchKeyInputs {
  httpOverheadRatio: number | null;
  turf: { extrapolatedMs: number; oursMs: number } | null;
  demoRecompute: { embedded: FullRecompute | null; postgres: FullRecompute | null };
  scales: ScaleRun;
  /** Tile figures of the demo province on PostgreSQL, used when the largest scale has none. */
  demoTiles: (LatencyFigures & { cold: LatencyFigures }) | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const fullSeconds = (r: FullRecompute) => r.coverageSeconds + r.inferencePlusRatiosMs / 1000;
const scaleName = (s: Scale) => (s === 'national' ? 'national' : `${s}×`);

export function benchKeys(inputs: BenchKeyInputs): { keys: BenchKeys; sources: KeySources } {
  const { embedded, postgres } = inputs.demoRecompute;
  const largest = inputs.scales.largest;
  const largestTiles = largest && !('error' in largest.tiles) ? largest.tiles : null;
  const tiles = largestTiles ?? inputs.demoTiles;
  const tileSource = largestTiles ? `PostgreSQL, scale ${scaleName(largest!.scale)}` : 'PostgreSQL, demo province';
  const browser = largest && !('error' in largest.browser) ? largest.browser : null;
  const atLargest = largest ? `PostgreSQL, scale ${scaleName(largest.scale)}` : 'not measured';
  const keys: BenchKeys = {
    httpOverheadRatio: inputs.httpOverheadRatio,
    turfRatio: inputs.turf && inputs.turf.oursMs > 0 ? round(inputs.turf.extrapolatedMs / inputs.turf.oursMs, 1) : null,
    embeddedRatio: embedded && postgres ? round(fullSeconds(embedded) / fullSeconds(postgres), 2) : null,
    tileP50Ms: tiles ? { cold: tiles.cold.p50Ms, cached: tiles.p50Ms } : null,
    tileP99Ms: tiles ? { cold: tiles.cold.p99Ms, cached: tiles.p99Ms } : null,
    recomputeSeconds: Object.fromEntries(inputs.scales.scales.map((s) => [String(s.scale), s.recomputeSeconds])),
    whatIfMs: largest ? largest.whatIfMs : null,
    browserFirstIdleMs: browser ? Math.round(browser.firstIdleMs) : null,
    panFrameMsP95: browser ? round(browser.panFrameMsP95, 1) : null,
  };
  const sources: KeySources = {
    httpOverheadRatio: 'PostgreSQL, demo province',
    turfRatio: 'embedded, demo province',
    embeddedRatio: 'demo province',
    tileP50Ms: tileSource,
    tileP99Ms: tileSource,
    recomputeSeconds: 'PostgreSQL, per scale',
    whatIfMs: atLargest,
    browserFirstIdleMs: `${atLargest}, headless Chromium`,
    panFrameMsP95: `${atLargest}, headless Chromium`,
  };
  return { keys, sources };
}

interface Row {
  key: string;
  value: string;
  target: string;
  source: string;
}

const show = (v: number | null, unit = '') => (v === null ? 'not measured' : `${v}${unit}`);

/** The keys as a table with the targets. */
export function describeBenchKeys(keys: BenchKeys, sources: KeySources): string {
  const rows: Row[] = [
    { key: 'httpOverheadRatio', value: show(keys.httpOverheadRatio), target: '≤ 1.3', source: sources.httpOverheadRatio },
    { key: 'turfRatio', value: show(keys.turfRatio), target: '≥ 20', source: sources.turfRatio },
    { key: 'embeddedRatio', value: show(keys.embeddedRatio), target: '', source: sources.embeddedRatio },
    {
      key: 'tileP50Ms (cold / cached)',
      value: keys.tileP50Ms ? `${keys.tileP50Ms.cold} / ${keys.tileP50Ms.cached} ms` : 'not measured',
      target: '',
      source: sources.tileP50Ms,
    },
    {
      key: 'tileP99Ms (cold / cached)',
      value: keys.tileP99Ms ? `${keys.tileP99Ms.cold} / ${keys.tileP99Ms.cached} ms` : 'not measured',
      target: '',
      source: sources.tileP99Ms,
    },
    ...Object.entries(keys.recomputeSeconds).map(([scale, s]) => ({
      key: `recomputeSeconds.${scale}`,
      value: show(s ?? null, ' s'),
      target: scale === 'national' ? '≤ 120 s' : '',
      source: sources.recomputeSeconds,
    })),
    { key: 'whatIfMs', value: show(keys.whatIfMs, ' ms'), target: '≤ 150 ms', source: sources.whatIfMs },
    { key: 'browserFirstIdleMs', value: show(keys.browserFirstIdleMs, ' ms'), target: '', source: sources.browserFirstIdleMs },
    { key: 'panFrameMsP95', value: show(keys.panFrameMsP95, ' ms'), target: '', source: sources.panFrameMsP95 },
  ];
  const width = (k: keyof Row, title: string) => Math.max(title.length, ...rows.map((r) => r[k].length));
  const w = { key: width('key', 'figure'), value: width('value', 'value'), target: width('target', 'target') };
  const line = (r: Row) => `${r.key.padEnd(w.key)}  ${r.value.padStart(w.value)}  ${r.target.padEnd(w.target)}  ${r.source}`;
  return [line({ key: 'figure', value: 'value', target: 'target', source: 'measured on' }), ...rows.map(line)].join('\n');
}
