// HTTP overhead of the read API for `npm run bench`: each of a fixed set of
// read endpoints timed over HTTP (keep-alive, gzip as a browser asks, and
// again uncompressed) against the very SQL statements its handler runs, sent
// straight to PostgreSQL through the same driver (node-postgres, so `text`
// results arrive as strings and json as parsed objects, as in the handler).
//
// The statements are not copied from the handlers by hand: an in-process
// server on the same database answers each endpoint once while knex reports
// every query it sends (SQL and bindings), and those are replayed.
//
// The server keeps layer and tile answers in memory under a tag made of the
// data_versions counters (server/src/cache): asked again, it answers after
// one counter read, without the layer query. The ratio is about the work the
// HTTP layer adds to a query it runs, so before each timed request the bench
// bumps every counter (outside the timing) and the server computes the
// answer again; the cached answer's time is reported beside it (cachedMs).
import pg from 'pg';
import { startHatang } from '../server/src/start-hatang.js';

export interface EndpointOverhead {
  path: string;
  /** Statements the handler sends to the database for one request. */
  queries: number;
  /** Median HTTP time with Accept-Encoding: gzip (what a browser sends), ms. */
  httpMs: number;
  /** Median HTTP time uncompressed, ms. */
  httpIdentityMs: number;
  /** Median HTTP time (gzip) of the same request asked again with nothing changed: the server's answer cache, ms. */
  cachedMs: number;
  /** Median time of the same statements sent one after another through node-postgres, ms. */
  directMs: number;
  ratio: number;
  bytes: number;
  gzipBytes: number;
}

export interface HttpOverheadFigures {
  /** Σ httpMs ÷ Σ directMs over the endpoints that run SQL. */
  ratio: number;
  /** The same with uncompressed responses: the part compression does not explain. */
  identityRatio: number;
  runs: number;
  endpoints: EndpointOverhead[];
}

interface Statement {
  sql: string;
  bindings: unknown[];
}

const RUNS = 7;
const WARM_UPS = 2;

/** The Web Mercator tile holding a point at zoom z. */
function tileOfPoint(lon: number, lat: number, z: number): { z: number; x: number; y: number } {
  const φ = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * 2 ** z), y: Math.floor(((1 - Math.asinh(Math.tan(φ)) / Math.PI) / 2) * 2 ** z) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The endpoints, with a district and a tile of the register on that database. */
async function endpointsOf(pool: pg.Pool): Promise<string[]> {
  const district = (
    await pool.query(
      `SELECT u.code FROM admin_units u JOIN boundary_sets s ON s.code = u.boundary_set AND s.is_default
        WHERE u.level = 'district' ORDER BY u.code LIMIT 1`,
    )
  ).rows[0] as { code: string } | undefined;
  // A BTS in the middle of the register: its z12 tile has BTS in it.
  const middle = (await pool.query(`SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM bts ORDER BY ST_X(geom) OFFSET (SELECT count(*) / 2 FROM bts) LIMIT 1`))
    .rows[0] as { lon: number; lat: number } | undefined;
  const tile = middle ? tileOfPoint(middle.lon, middle.lat, 12) : { z: 12, x: 0, y: 0 };
  return [
    '/api/layers/sites',
    '/api/layers/bts',
    '/api/layers/hamlets',
    '/api/layers/coverage',
    '/api/layers/gaps',
    `/api/indicators${district ? `?unit=${encodeURIComponent(district.code)}` : ''}`,
    '/api/indicators/units?level=commune',
    `/tiles/bts/${tile.z}/${tile.x}/${tile.y}.mvt`,
  ];
}

/** Makes every cached layer and tile answer stale, as a write to every table would (not timed). */
async function bumpDataVersions(pool: pg.Pool | pg.PoolClient): Promise<void> {
  if ((await pool.query(`SELECT to_regclass('data_versions') IS NOT NULL AS present`)).rows[0].present) {
    await pool.query('UPDATE data_versions SET version = version + 1');
  }
}

/** The statements each endpoint's handler runs when it computes its answer, from an in-process server (asked once to warm up, then again after a bump). */
async function captureStatements(pool: pg.Pool, databaseUrl: string, paths: string[]): Promise<Map<string, Statement[]>> {
  const running = await startHatang({ databaseUrl, port: 0, host: '127.0.0.1', logLevel: 'silent', adminPassword: `bench-${process.pid}-${Date.now()}` });
  const captured = new Map<string, Statement[]>();
  try {
    let current: Statement[] = [];
    running.database.knex.on('query', (q: { sql: string; bindings?: unknown[] }) => current.push({ sql: q.sql, bindings: q.bindings ?? [] }));
    for (const path of paths) {
      for (let i = 0; i < 2; i++) {
        await bumpDataVersions(pool);
        current = [];
        const response = await fetch(new URL(path.slice(1), running.url));
        await response.arrayBuffer();
        if (response.status >= 400) throw new Error(`${path}: HTTP ${response.status}`);
      }
      captured.set(path, current);
    }
  } finally {
    await running.close();
  }
  return captured;
}

async function timeHttp(url: string, encoding: 'gzip' | 'identity'): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const response = await fetch(url, { headers: { 'accept-encoding': encoding } });
  const body = await response.arrayBuffer();
  const ms = performance.now() - t0;
  if (response.status >= 400) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms, bytes: Number(response.headers.get('content-length') ?? 0) || body.byteLength };
}

async function timeDirect(pool: pg.PoolClient, statements: Statement[]): Promise<number> {
  const t0 = performance.now();
  for (const s of statements) await pool.query(s.sql, s.bindings);
  return performance.now() - t0;
}

/** Gzip size on the wire: the body the server sends when gzip is asked for, read raw. */
async function gzipBytes(url: string): Promise<number> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      let n = 0;
      res.on('data', (chunk: Buffer) => (n += chunk.length));
      res.on('end', () => resolve(n));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/**
 * HTTP ÷ direct SQL for the read endpoints of the register in the PostgreSQL
 * database at databaseUrl, served by the running server at baseUrl.
 */
export async function measureHttpOverhead(databaseUrl: string, baseUrl: string): Promise<HttpOverheadFigures> {
  const base = baseUrl.replace(/\/$/, '');
  const pool = new pg.Pool({ connectionString: databaseUrl, options: '-c jit=off', max: 1 });
  try {
    const paths = await endpointsOf(pool);
    const statements = await captureStatements(pool, databaseUrl, paths);
    const client = await pool.connect();
    const endpoints: EndpointOverhead[] = [];
    try {
      for (const path of paths) {
        const sql = statements.get(path) ?? [];
        const url = `${base}${path}`;
        const http: number[] = [];
        const identity: number[] = [];
        const cached: number[] = [];
        const direct: number[] = [];
        let bytes = 0;
        // Interleaved, so a busy moment of the machine falls on all three alike.
        for (let i = 0; i < WARM_UPS + RUNS; i++) {
          await bumpDataVersions(client);
          const g = await timeHttp(url, 'gzip');
          const c = await timeHttp(url, 'gzip');
          await bumpDataVersions(client);
          const p = await timeHttp(url, 'identity');
          const d = await timeDirect(client, sql);
          bytes = p.bytes;
          if (i < WARM_UPS) continue;
          http.push(g.ms);
          cached.push(c.ms);
          identity.push(p.ms);
          direct.push(d);
        }
        const httpMs = median(http);
        const directMs = median(direct);
        endpoints.push({
          path,
          queries: sql.length,
          httpMs: round1(httpMs),
          httpIdentityMs: round1(median(identity)),
          cachedMs: round1(median(cached)),
          directMs: round1(directMs),
          ratio: sql.length ? round2(httpMs / directMs) : 0,
          bytes,
          gzipBytes: await gzipBytes(url),
        });
      }
    } finally {
      client.release();
    }
    const withSql = endpoints.filter((e) => e.queries > 0);
    const sum = (key: 'httpMs' | 'httpIdentityMs' | 'directMs') => withSql.reduce((s, e) => s + e[key], 0);
    return { ratio: round2(sum('httpMs') / sum('directMs')), identityRatio: round2(sum('httpIdentityMs') / sum('directMs')), runs: RUNS, endpoints };
  } finally {
    await pool.end();
  }
}

export function describeHttpOverhead(name: string, f: HttpOverheadFigures | { error: string }): string {
  if ('error' in f) return `${name.padEnd(10)} ${f.error}`;
  const lines = [
    `${name}: HTTP (gzip) ÷ the same SQL sent directly = ${f.ratio} (uncompressed ${f.identityRatio}); median of ${f.runs}`,
    '  endpoint                                          queries   http ms   plain ms   direct ms   ratio   cached ms      kB   gzip kB',
  ];
  for (const e of f.endpoints) {
    lines.push(
      `  ${e.path.padEnd(48)} ${String(e.queries).padStart(7)} ${e.httpMs.toFixed(1).padStart(9)} ${e.httpIdentityMs.toFixed(1).padStart(10)} ` +
        `${e.directMs.toFixed(1).padStart(11)} ${e.ratio.toFixed(2).padStart(7)} ${e.cachedMs.toFixed(1).padStart(11)} ${(e.bytes / 1024).toFixed(0).padStart(7)} ${(e.gzipBytes / 1024).toFixed(0).padStart(9)}`,
    );
  }
  return lines.join('\n');
}
