// Vector tile latency against a running hatang (`npm run bench` starts one per
// database and calls measureTiles with its URL). A benchmark: it prints
// nothing and asserts nothing; it returns numbers.
//
// The tile set is fixed by the province's extent (GET /api/meta): at each zoom
// 8–14 the tiles covering the extent, all of them when there are at most
// TILES_PER_ZOOM, else TILES_PER_ZOOM spread evenly over the covering grid
// (rows and columns at the centres of equal strides), for every tile layer.
// The set is requested twice, one tile at a time: the first pass (cold: the
// first time the server plans and runs each query) and the second (warm),
// whose latencies are the result.
import { tileLayerNames, type TileLayerName } from '../server/src/tiles/tile-layers.js';

export const TILE_ZOOMS = [8, 9, 10, 11, 12, 13, 14] as const;
const TILES_PER_ZOOM = 12;

export interface TileAddressOfBench {
  layer: TileLayerName;
  z: number;
  x: number;
  y: number;
}

export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
}

export interface TileFigures extends LatencyFigures {
  /** Requests per pass (tiles × layers). */
  tiles: number;
  /** Of those, answered 204 (no feature in the tile). */
  empty: number;
  /** Bytes of all non-empty tiles of one pass. */
  bytes: number;
  cold: LatencyFigures;
  perLayer: Record<TileLayerName, LatencyFigures & { bytes: number }>;
  perZoom: Record<number, LatencyFigures>;
}

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const φ = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.asinh(Math.tan(φ)) / Math.PI) / 2) * 2 ** z);
};

/** Indices first…last, all of them, or `n` at the centres of n equal strides. */
function spread(first: number, last: number, n: number): number[] {
  const count = last - first + 1;
  if (count <= n) return Array.from({ length: count }, (_, i) => first + i);
  return Array.from({ length: n }, (_, i) => first + Math.floor(((i + 0.5) * count) / n));
}

/** The fixed tile set over an extent [minLon, minLat, maxLon, maxLat]. */
export function benchTileSet(extent: [number, number, number, number]): TileAddressOfBench[] {
  const [minLon, minLat, maxLon, maxLat] = extent;
  const tiles: TileAddressOfBench[] = [];
  for (const z of TILE_ZOOMS) {
    const xs = [lonToX(minLon, z), lonToX(maxLon, z)] as const;
    const ys = [latToY(maxLat, z), latToY(minLat, z)] as const;
    const columns = xs[1] - xs[0] + 1;
    const rows = ys[1] - ys[0] + 1;
    let picked: [number, number][];
    if (columns * rows <= TILES_PER_ZOOM) {
      picked = spread(xs[0], xs[1], columns).flatMap((x) => spread(ys[0], ys[1], rows).map((y): [number, number] => [x, y]));
    } else {
      // A grid of about TILES_PER_ZOOM tiles, shaped like the extent (4 × 3 for a wide province).
      const across = Math.max(1, Math.min(columns, Math.round(Math.sqrt((TILES_PER_ZOOM * columns) / rows))));
      const down = Math.max(1, Math.min(rows, Math.floor(TILES_PER_ZOOM / across)));
      picked = spread(xs[0], xs[1], across).flatMap((x) => spread(ys[0], ys[1], down).map((y): [number, number] => [x, y]));
    }
    for (const layer of tileLayerNames) for (const [x, y] of picked) tiles.push({ layer, z, x, y });
  }
  return tiles;
}

/** Nearest-rank percentile of latencies in ms, to 0.1 ms. */
function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return Math.round(sorted[rank - 1]! * 10) / 10;
}
const latency = (values: number[]): LatencyFigures => ({ p50Ms: percentile(values, 50), p99Ms: percentile(values, 99) });

interface Timed {
  tile: TileAddressOfBench;
  ms: number;
  bytes: number;
  status: number;
}

async function pass(baseUrl: string, tiles: TileAddressOfBench[]): Promise<Timed[]> {
  const out: Timed[] = [];
  for (const tile of tiles) {
    const t0 = performance.now();
    const response = await fetch(`${baseUrl}/tiles/${tile.layer}/${tile.z}/${tile.x}/${tile.y}.mvt`);
    const bytes = (await response.arrayBuffer()).byteLength;
    const ms = performance.now() - t0;
    if (response.status !== 200 && response.status !== 204) {
      throw new Error(`GET /tiles/${tile.layer}/${tile.z}/${tile.x}/${tile.y}.mvt answered ${response.status}`);
    }
    out.push({ tile, ms, bytes, status: response.status });
  }
  return out;
}

/** Tile latency p50/p99 (warm; `cold`: the first pass) over the fixed set of the province of the server at baseUrl. */
export async function measureTiles(baseUrl: string): Promise<TileFigures> {
  const meta = (await (await fetch(`${baseUrl}/api/meta`)).json()) as { extent: [number, number, number, number] | null };
  if (!meta.extent) throw new Error('the server has no province extent (no admin units loaded)');
  const tiles = benchTileSet(meta.extent);
  const cold = await pass(baseUrl, tiles);
  const warm = await pass(baseUrl, tiles);
  const ms = (rows: Timed[]) => rows.map((r) => r.ms);
  const perLayer = Object.fromEntries(
    tileLayerNames.map((layer) => {
      const rows = warm.filter((r) => r.tile.layer === layer);
      return [layer, { ...latency(ms(rows)), bytes: rows.reduce((s, r) => s + r.bytes, 0) }];
    }),
  ) as TileFigures['perLayer'];
  const perZoom = Object.fromEntries(TILE_ZOOMS.map((z) => [z, latency(ms(warm.filter((r) => r.tile.z === z)))]));
  return {
    ...latency(ms(warm)),
    tiles: tiles.length,
    empty: warm.filter((r) => r.status === 204).length,
    bytes: warm.reduce((s, r) => s + r.bytes, 0),
    cold: latency(ms(cold)),
    perLayer,
    perZoom,
  };
}
