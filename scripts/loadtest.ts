// `npm run loadtest [-- --database embedded|postgres|both] [--duration S] [--connections N] [--timeout S] [--scenario A,B] [--json]`
//
// Load on the demo province: each scenario of loadtest-scenarios.ts (map
// layers, indicators, search, co-location) at N concurrent connections for S
// seconds, on the embedded database and on PostgreSQL. Prints requests/s, p50,
// p99 and errors (non-2xx answers, timeouts, socket errors, connections closed
// without an answer) per scenario, database and request; exits 1 when any
// scenario had an error, after printing everything.
//
// The server runs as a child process (`scripts/start.ts`, API only, on
// 127.0.0.1 and a free port) so that autocannon does not share its event loop:
//   - embedded: on a temporary data directory; a first start on the empty
//     directory loads the demo province and its coverage, then the server is
//     started again on that data, as after any `npm start`;
//   - postgres: on a temporary database hatang_loadtest_<pid> created through
//     LOADTEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres,
//     the admin connection) with PostGIS and unaccent; the server's start loads
//     the demo into it. It is dropped at the end, also after a failure or ^C.
// A benchmark-like tool, not a test: not part of `npm test`.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { describeRequest, runScenario, type ScenarioFigures } from './loadtest-runner.js';
import { scenarios, viewportBbox, type Fixture, type LoadRequest, type Scenario } from './loadtest-scenarios.js';
import { freePort } from './free-port.js';

const USAGE = `Usage: npm run loadtest -- [--database embedded|postgres|both] [--duration S] [--connections N] [--timeout S] [--scenario A,B] [--json]

  --database     which database(s) to load (default both)
  --duration     seconds of load per scenario (default 10, 1..600); requests in flight then are waited for
  --connections  concurrent connections per scenario (default 100, 1..1000)
  --timeout      seconds a request may take before it counts as an error (default 30: a user's patience)
  --scenario     only these scenarios, comma-separated (default all: ${scenarios.map((s) => s.name).join(', ')})
  --json         print one JSON object instead of the tables

PostgreSQL: LOADTEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is the admin
connection; a database hatang_loadtest_<pid> is created there and dropped at the end.`;

type DatabaseChoice = 'embedded' | 'postgres';

interface Args {
  databases: DatabaseChoice[];
  durationS: number;
  connections: number;
  timeoutS: number;
  json: boolean;
  scenarios: Scenario[];
}

function readArgs(): Args {
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'both' },
      duration: { type: 'string', default: '10' },
      connections: { type: 'string', default: '100' },
      timeout: { type: 'string', default: '30' },
      scenario: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const integer = (raw: string, name: string, min: number, max: number) => {
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new Error(`--${name} needs an integer ${min}..${max}, got ${raw}`);
    return Number(raw);
  };
  const database = values.database;
  if (database !== 'embedded' && database !== 'postgres' && database !== 'both') throw new Error(`--database is embedded, postgres or both, got ${database}`);
  const names = values.scenario === undefined ? scenarios.map((s) => s.name) : values.scenario.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !scenarios.some((s) => s.name === n));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(', ')}; there are ${scenarios.map((s) => s.name).join(', ')}`);
  return {
    scenarios: scenarios.filter((s) => names.includes(s.name)),
    databases: database === 'both' ? ['embedded', 'postgres'] : [database],
    durationS: integer(values.duration, 'duration', 1, 600),
    connections: integer(values.connections, 'connections', 1, 1000),
    timeoutS: integer(values.timeout, 'timeout', 1, 300),
    json: values.json,
  };
}

const repoRoot = path.resolve(import.meta.dirname, '..');
const startupLimitMs = 5 * 60_000;
const settleLimitMs = 3 * 60_000;

let args: Args;
try {
  args = readArgs();
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const log = (line: string) => {
  if (!args.json) console.log(line);
};
// Progress goes to stderr in JSON mode, so stdout holds only the object.
const progress = (line: string) => (args.json ? console.error(line) : console.log(line));

/** Undone in reverse order at the end, after an error, or on ^C / SIGTERM. */
const cleanups: (() => Promise<void>)[] = [];
async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const cleanup = cleanups.pop()!;
    try {
      await cleanup();
    } catch (error) {
      console.error(`[loadtest] cleanup failed: ${(error as Error).message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`[loadtest] ${signal}: stopping the server and removing temporary data…`);
    void runCleanups().finally(() => process.exit(130));
  });
}


interface Server {
  url: string;
  logFile: string;
  /** Exit code or signal once the process has ended, else null. */
  exited(): number | string | null;
  stop(): Promise<void>;
}

/** Starts `scripts/start.ts` (API only) as a child process and waits for /api/health. */
async function startServer(env: Record<string, string>, logFile: string): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const out = fs.openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-client-build'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HATANG_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  let exited: number | string | null = null;
  const exit = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exited = code ?? signal ?? 'exited'), resolve())));
  const stop = async () => {
    if (exited !== null) return;
    child.kill('SIGTERM');
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exit;
    clearTimeout(killTimer);
  };
  const deadline = Date.now() + startupLimitMs;
  for (;;) {
    if (exited !== null) throw new Error(`the server exited (${exited}) before it was ready; its log:\n${tail(logFile, 30)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready within ${startupLimitMs / 1000} s; its log:\n${tail(logFile, 30)}`);
    }
    try {
      const r = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, logFile, exited: () => exited, stop };
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Distinct error lines the server logged (a 500 logs "[hatang] GET /… failed: …"). */
function serverErrors(file: string, since: number): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').slice(since);
  } catch {
    return [];
  }
  const lines = text.split('\n').filter((l) => /failed:|Error|error:/.test(l));
  return [...new Set(lines.map((l) => l.slice(0, 300)))].slice(0, 10);
}

const logSize = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

async function getJson<T>(url: string): Promise<T> {
  const r = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!r.ok) throw new Error(`GET ${url}: HTTP ${r.status}`);
  return (await r.json()) as T;
}

interface PointFeature {
  geometry: { coordinates: [number, number] };
  properties: { code: string };
}
interface AreaFeature {
  geometry: { type: string; coordinates: unknown };
  properties: { areaM2: number };
}

/** Codes and places for the requests, read from the server's data. */
async function readFixture(baseUrl: string): Promise<Fixture> {
  const meta = await getJson<{ operators: { code: string; kind: string }[] }>(`${baseUrl}/api/meta`);
  const mnos = meta.operators.filter((o) => o.kind === 'mno').map((o) => o.code);
  const operator = mnos.includes('viettel') ? 'viettel' : mnos[0];
  if (!operator) throw new Error('no mobile operator in /api/meta');
  const sites = (await getJson<{ features: PointFeature[] }>(`${baseUrl}/api/layers/sites`)).features;
  if (sites.length === 0) throw new Error('no sites in /api/layers/sites');
  // The densest 0.05° cell of sites: where a zoom-12 map shows the most.
  const cells = new Map<string, { n: number; lon: number; lat: number }>();
  for (const s of sites) {
    const [lon, lat] = s.geometry.coordinates;
    const key = `${Math.floor(lon / 0.05)},${Math.floor(lat / 0.05)}`;
    const cell = cells.get(key) ?? { n: 0, lon: 0, lat: 0 };
    cell.n++;
    cell.lon += lon;
    cell.lat += lat;
    cells.set(key, cell);
  }
  const densest = [...cells.values()].sort((a, b) => b.n - a.n)[0]!;
  const centre: [number, number] = [densest.lon / densest.n, densest.lat / densest.n];
  const gaps = (await getJson<{ features: AreaFeature[] }>(`${baseUrl}/api/layers/gaps`)).features;
  const largestGap = [...gaps].sort((a, b) => b.properties.areaM2 - a.properties.areaM2)[0];
  const places: [[number, number], string][] = [];
  if (largestGap) places.push([ringCentre(largestGap.geometry), 'in the largest uncovered part']);
  places.push([centre, 'in the densest cell of sites']);
  return {
    siteCode: sites[0]!.properties.code,
    viewportBbox: viewportBbox(centre[0], centre[1]),
    operator,
    whatIfPoints: places.map(([[lon, lat], label]) => ({ lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6, label })),
  };
}

/** Mean of the outer ring's vertices of a (Multi)Polygon's first part. */
function ringCentre(geometry: { type: string; coordinates: unknown }): [number, number] {
  const polygon = (geometry.type === 'MultiPolygon' ? (geometry.coordinates as number[][][][])[0] : (geometry.coordinates as number[][][]))!;
  const ring = polygon[0]!;
  const n = ring.length;
  return [ring.reduce((s, p) => s + p[0]!, 0) / n, ring.reduce((s, p) => s + p[1]!, 0) / n];
}

/** One request of each kind before the load: warms the server up and checks the requests are right. */
async function preflight(baseUrl: string, requests: LoadRequest[]): Promise<string[]> {
  const problems: string[] = [];
  for (const r of requests) {
    const response = await fetch(`${baseUrl}${r.path}`, {
      method: r.method,
      headers: r.body === undefined ? {} : { 'content-type': 'application/json' },
      body: r.body === undefined ? undefined : JSON.stringify(r.body),
      signal: AbortSignal.timeout(120_000),
    });
    const text = await response.text();
    if (!response.ok) problems.push(`${describeRequest(r)} → HTTP ${response.status}: ${text.slice(0, 200)}`);
  }
  return problems;
}

/** Waits until the server answers promptly again: requests whose client gave up may still be queued. */
async function settle(server: Server): Promise<number> {
  const baseUrl = server.url;
  const t0 = performance.now();
  const deadline = Date.now() + settleLimitMs;
  for (;;) {
    if (server.exited() !== null) throw new Error(`the server exited (${server.exited()}) during the load; its log:\n${tail(server.logFile, 30)}`);
    const probe = performance.now();
    try {
      const r = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(settleLimitMs) });
      await r.text();
      if (r.ok && performance.now() - probe < 1000) break;
    } catch {
      // still busy, or gone (checked above)
      await new Promise((r) => setTimeout(r, 200));
    }
    if (Date.now() > deadline) throw new Error(`the server did not settle within ${settleLimitMs / 1000} s after a scenario`);
  }
  return Math.round(performance.now() - t0);
}

interface ScenarioResult extends ScenarioFigures {
  database: DatabaseChoice;
  scenario: string;
  standIn: string | null;
  preflightProblems: string[];
  serverErrors: string[];
  /** How long the server took to answer /api/health promptly after the scenario, ms. */
  settleMs: number;
  /** 1-minute load average of the machine when the scenario started (other processes slow the figures). */
  loadAverage: number;
}

/** Runs every scenario on one database, adding each result to `results` as it comes (kept if a later one fails). */
async function loadDatabase(database: DatabaseChoice, tmp: string, results: ScenarioResult[]): Promise<void> {
  const logFile = path.join(tmp, `server-${database}.log`);
  let env: Record<string, string>;
  if (database === 'embedded') {
    const dataDir = path.join(tmp, 'embedded-data');
    env = { DATABASE_URL: '', HATANG_DATA_DIR: dataDir };
    progress('[loadtest] embedded: first start on an empty data directory (schema, demo province, coverage)…');
    const t0 = performance.now();
    const first = await startServer(env, logFile);
    cleanups.push(first.stop);
    await first.stop();
    cleanups.pop();
    progress(`[loadtest] embedded: demo built in ${((performance.now() - t0) / 1000).toFixed(1)} s; starting on it…`);
  } else {
    env = { DATABASE_URL: await createPostgresDatabase(), HATANG_DATA_DIR: path.join(tmp, 'unused') };
    progress('[loadtest] postgres: starting (schema, demo province, coverage)…');
  }
  const t0 = performance.now();
  const server = await startServer(env, logFile);
  cleanups.push(server.stop);
  progress(`[loadtest] ${database}: ready in ${((performance.now() - t0) / 1000).toFixed(1)} s at ${server.url}`);
  try {
    const fixture = await readFixture(server.url);
    for (const scenario of args.scenarios) {
      const requests = scenario.requests(fixture);
      const preflightProblems = await preflight(server.url, requests);
      const logOffset = logSize(logFile);
      const loadAverage = Math.round(os.loadavg()[0]! * 10) / 10;
      progress(`[loadtest] ${database}: ${scenario.name}, ${args.connections} connections, ${args.durationS} s…`);
      const figures = await runScenario({ baseUrl: server.url, requests, connections: args.connections, durationS: args.durationS, timeoutS: args.timeoutS });
      const settleMs = await settle(server);
      results.push({
        database,
        scenario: scenario.name,
        standIn: scenario.standIn ?? null,
        ...figures,
        preflightProblems,
        serverErrors: serverErrors(logFile, logOffset),
        settleMs,
        loadAverage,
      });
    }
  } finally {
    await server.stop();
    cleanups.pop();
  }
}

/** Creates hatang_loadtest_<pid> with PostGIS and unaccent; registers its removal. Returns its URL. */
async function createPostgresDatabase(): Promise<string> {
  const adminUrl = process.env.LOADTEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `hatang_loadtest_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL not reachable at ${adminUrl.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}`, { cause: error });
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = new pg.Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS postgis');
    await db.query('CREATE EXTENSION IF NOT EXISTS unaccent');
  } finally {
    await db.end();
  }
  return url.toString();
}

const fmt = (v: number | null) => (v === null ? '—' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

function printTables(results: ScenarioResult[]): void {
  const header = ['database', 'scenario', 'connections', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'load avg'];
  const rows = results.map((r) => [
    r.database,
    r.scenario,
    String(r.connections),
    String(r.answered),
    r.requestsPerSecond.toFixed(1),
    fmt(r.p50Ms),
    fmt(r.p99Ms),
    fmt(r.maxMs),
    String(r.errors),
    r.loadAverage.toFixed(1),
  ]);
  printTable(header, rows, 2);
  const detailHeader = ['database', 'scenario', 'request', 'answered', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx', 'timeouts', 'socket', 'dropped'];
  const detailRows = results.flatMap((r) =>
    r.byRequest.map((q) => [r.database, r.scenario, q.request.length > 70 ? `${q.request.slice(0, 69)}…` : q.request, String(q.answered), fmt(q.p50Ms), fmt(q.p99Ms), fmt(q.maxMs), String(q.non2xx), String(q.timeouts), String(q.socketErrors), String(q.dropped)]),
  );
  console.log('\nby request:');
  printTable(detailHeader, detailRows, 3);
}

function printTable(header: string[], rows: string[][], textColumns: number): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < textColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-loadtest-'));
cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
const results: ScenarioResult[] = [];
const failures: { database: DatabaseChoice; error: string }[] = [];
try {
  for (const database of args.databases) {
    try {
      await loadDatabase(database, tmp, results);
    } catch (error) {
      failures.push({ database, error: (error as Error).message });
      console.error(`[loadtest] ${database}: ${(error as Error).message}`);
    }
  }
} finally {
  await runCleanups();
}

const errorsTotal = results.reduce((s, r) => s + r.errors, 0);
if (args.json) {
  console.log(
    JSON.stringify({
      connections: args.connections,
      durationS: args.durationS,
      timeoutS: args.timeoutS,
      machine: { cpus: os.cpus().length, node: process.version },
      results,
      failures,
      errorsTotal,
    }),
  );
} else {
  log('');
  log(
    `${args.connections} connections per scenario, each sending its next request when the last is answered, for ${args.durationS} s; ` +
      `requests still in flight are then waited for. A request counts as an error when its answer is not 2xx, it takes longer than ` +
      `${args.timeoutS} s (timeout), its socket fails, or the connection closes without an answer. req/s = answers ÷ time to the last answer. ` +
      `Headers as the browser sends them (Accept-Encoding: gzip, deflate, br). Machine: ${os.cpus().length} cores, Node ${process.version}; ` +
      `the server runs in its own process, autocannon in this one; load avg = the machine's 1-minute load average when the scenario started ` +
      `(above the core count, other processes were competing and the figures are pessimistic).\n`,
  );
  if (results.length) printTables(results);
  const notes = [...new Set(results.filter((r) => r.standIn).map((r) => `${r.scenario}: ${r.standIn}`))];
  if (notes.length) {
    log('\nstand-ins (replace in scripts/loadtest-scenarios.ts when the endpoint exists):');
    for (const n of notes) log(`  ${n}`);
  }
  for (const r of results) {
    const problems = [
      ...r.preflightProblems.map((p) => `before the load: ${p}`),
      ...(r.errors ? [`status codes ${JSON.stringify(r.statusCodes)}; timeouts ${r.timeouts}, socket errors ${r.socketErrors}, dropped ${r.dropped}`] : []),
      ...r.byRequest.filter((q) => q.socketErrors).map((q) => `socket errors of ${q.request}: ${JSON.stringify(q.socketErrorCodes)}`),
      ...r.serverErrors.map((e) => `server log: ${e}`),
      ...(r.settleMs > 2000 ? [`the server took ${(r.settleMs / 1000).toFixed(1)} s after the scenario to answer /api/health promptly (work left by requests that timed out)`] : []),
    ];
    if (problems.length === 0) continue;
    log(`\n${r.database} / ${r.scenario}:`);
    for (const p of problems) log(`  ${p}`);
  }
  for (const f of failures) log(`\n${f.database}: FAILED: ${f.error}`);
  log(`\n${errorsTotal === 0 && failures.length === 0 ? 'no errors' : `${errorsTotal} errors${failures.length ? `, ${failures.length} database(s) failed` : ''}`}`);
}
process.exit(errorsTotal > 0 || failures.length > 0 ? 1 : 0);
