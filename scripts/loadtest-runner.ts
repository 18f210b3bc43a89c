// One scenario of `npm run loadtest` with autocannon, counted so that nothing
// is silently lost:
//   - N connections, each a closed loop (send, wait for the answer, send the
//     next) cycling through the scenario's requests from its own start;
//   - after `durationS` no connection sends again, but every request in flight
//     is waited for until it is answered or times out (autocannon alone drops
//     the ones in flight when its duration ends, so a scenario shorter than the
//     timeout could never show a timeout, and the slowest answers would be
//     missing from p99);
//   - every request sent ends as exactly one of: answered (2xx or not),
//     timed out, socket error, or dropped (the server closed the connection
//     without answering), attributed to the request it was.
import autocannon from 'autocannon';
import { browserHeaders, type LoadRequest } from './loadtest-scenarios.js';

export interface RequestFigures {
  request: string;
  answered: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  non2xx: number;
  timeouts: number;
  socketErrors: number;
  dropped: number;
  statusCodes: Record<string, number>;
  /** Socket errors by code (ECONNRESET…). */
  socketErrorCodes: Record<string, number>;
}

export interface ScenarioFigures {
  connections: number;
  sent: number;
  answered: number;
  /** Answers ÷ seconds from the start to the last answer (load window plus the wait for requests in flight). */
  requestsPerSecond: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  /** non2xx + timeouts + socketErrors + dropped */
  errors: number;
  non2xx: number;
  timeouts: number;
  socketErrors: number;
  dropped: number;
  statusCodes: Record<string, number>;
  elapsedS: number;
  byRequest: RequestFigures[];
}

export interface RunOptions {
  baseUrl: string;
  requests: LoadRequest[];
  connections: number;
  durationS: number;
  timeoutS: number;
}

/** The parts of autocannon 9's per-connection client that the drain needs (lib/httpClient.js). */
type ConnectionClient = autocannon.Client & { reqsMade: number; responseMax?: number; destroyed: boolean };

interface Tally {
  latencies: number[];
  statusCodes: Record<string, number>;
  non2xx: number;
  timeouts: number;
  socketErrors: number;
  dropped: number;
  socketErrorCodes: Record<string, number>;
}

const newTally = (): Tally => ({ latencies: [], statusCodes: {}, non2xx: 0, timeouts: 0, socketErrors: 0, dropped: 0, socketErrorCodes: {} });

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export const describeRequest = (r: LoadRequest) => `${r.method} ${r.path}${r.label ? ` (${r.label})` : ''}`;

export async function runScenario(options: RunOptions): Promise<ScenarioFigures> {
  const { requests, connections, durationS, timeoutS } = options;
  const cannonRequests: autocannon.Request[] = requests.map((r) => ({
    method: r.method,
    path: r.path,
    headers: r.body === undefined ? { ...browserHeaders } : { ...browserHeaders, 'content-type': 'application/json' },
    ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
  }));
  const tallies = requests.map(newTally);
  const clients: ConnectionClient[] = [];
  let sent = 0;
  let lastAnswerAt = 0;
  let clientIndex = 0;

  // Request k of connection c is requests[(c + k) % length]: the k-th 'request'
  // event of a client sends the k-th entry of its rotation.
  const setupClient = (raw: autocannon.Client) => {
    const client = raw as ConnectionClient;
    // Events the typings leave out: 'request' (a request is written), 'timeout', 'connError', 'done' (the connection is ended).
    const events = client as unknown as NodeJS.EventEmitter;
    if (typeof client.reqsMade !== 'number') throw new Error('autocannon internals changed: Client.reqsMade missing (loadtest-runner.ts)');
    const offset = clientIndex++ % requests.length;
    const rotation = cannonRequests.map((_, i) => (offset + i) % requests.length);
    client.setRequests(rotation.map((i) => cannonRequests[i]!));
    clients.push(client);
    let k = 0;
    let inFlight: number | null = null;
    // A request that lost its place unsettled (the next one was sent, or the
    // connection ended): a 'timeout' event follows synchronously when it timed
    // out (autocannon reconnects and sends the next request first); else the
    // server closed the connection without answering it.
    let orphan: number | null = null;
    const settleOrphanAsDropped = () => {
      if (orphan !== null) tallies[orphan]!.dropped++;
      orphan = null;
    };
    const orphanInFlight = () => {
      settleOrphanAsDropped();
      orphan = inFlight;
      inFlight = null;
      setImmediate(settleOrphanAsDropped);
    };
    events.on('request', () => {
      sent++;
      if (inFlight !== null) orphanInFlight();
      inFlight = rotation[k++ % rotation.length]!;
    });
    client.on('response', (status: number, _bytes: number, ms: number) => {
      lastAnswerAt = performance.now();
      if (inFlight === null) return;
      const t = tallies[inFlight]!;
      t.latencies.push(ms);
      t.statusCodes[status] = (t.statusCodes[status] ?? 0) + 1;
      if (status < 200 || status > 299) t.non2xx++;
      inFlight = null;
    });
    events.on('timeout', () => {
      if (orphan !== null) {
        tallies[orphan]!.timeouts++;
        orphan = null;
      } else if (inFlight !== null) {
        tallies[inFlight]!.timeouts++;
        inFlight = null;
      }
    });
    events.on('connError', (error: NodeJS.ErrnoException) => {
      if (inFlight === null) return;
      const t = tallies[inFlight]!;
      t.socketErrors++;
      const code = error.code ?? error.message;
      t.socketErrorCodes[code] = (t.socketErrorCodes[code] ?? 0) + 1;
      inFlight = null;
    });
    // Ended by the drain or by autocannon's own end.
    events.on('done', () => {
      if (inFlight !== null) orphanInFlight();
    });
  };

  const startedAt = performance.now();
  let drainTimer: NodeJS.Timeout | undefined;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(
      {
        url: options.baseUrl,
        connections,
        // autocannon's own end is only a backstop: the drain below ends the run.
        duration: durationS + timeoutS + 10,
        timeout: timeoutS,
        pipelining: 1,
        requests: cannonRequests,
        setupClient,
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    // At the end of the window, every connection stops after its request in flight.
    drainTimer = setTimeout(() => {
      for (const c of clients) if (!c.destroyed) c.responseMax = c.reqsMade;
    }, durationS * 1000);
  }).finally(() => clearTimeout(drainTimer));
  // Let the orphans of the last connections ended be settled.
  await new Promise((resolve) => setImmediate(resolve));

  const byRequest: RequestFigures[] = requests.map((r, i) => {
    const t = tallies[i]!;
    const sorted = [...t.latencies].sort((a, b) => a - b);
    return {
      request: describeRequest(r),
      answered: sorted.length,
      p50Ms: round1(percentile(sorted, 50)),
      p99Ms: round1(percentile(sorted, 99)),
      maxMs: round1(sorted.at(-1) ?? null),
      non2xx: t.non2xx,
      timeouts: t.timeouts,
      socketErrors: t.socketErrors,
      dropped: t.dropped,
      statusCodes: t.statusCodes,
      socketErrorCodes: t.socketErrorCodes,
    };
  });
  const all = tallies.flatMap((t) => t.latencies).sort((a, b) => a - b);
  const sum = (key: 'non2xx' | 'timeouts' | 'socketErrors' | 'dropped') => tallies.reduce((s, t) => s + t[key], 0);
  const statusCodes: Record<string, number> = {};
  for (const t of tallies) for (const [code, n] of Object.entries(t.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const figures: ScenarioFigures = {
    connections,
    sent,
    answered: all.length,
    requestsPerSecond: 0,
    p50Ms: round1(percentile(all, 50)),
    p99Ms: round1(percentile(all, 99)),
    maxMs: round1(all.at(-1) ?? null),
    non2xx: sum('non2xx'),
    timeouts: sum('timeouts'),
    socketErrors: sum('socketErrors'),
    dropped: sum('dropped'),
    errors: 0,
    statusCodes,
    elapsedS: Math.round((performance.now() - startedAt) / 100) / 10,
    byRequest,
  };
  figures.errors = figures.non2xx + figures.timeouts + figures.socketErrors + figures.dropped;
  const elapsedMs = lastAnswerAt - startedAt;
  figures.requestsPerSecond = elapsedMs > 0 ? Math.round((all.length / elapsedMs) * 1000 * 10) / 10 : 0;
  // Our count and autocannon's must agree; if not, say so rather than print wrong figures.
  const settled = figures.answered + figures.timeouts + figures.socketErrors + figures.dropped;
  if (settled !== sent || result.timeouts !== figures.timeouts || result.non2xx !== figures.non2xx) {
    throw new Error(
      `load accounting disagrees: sent ${sent}, settled ${settled}; timeouts ours ${figures.timeouts} autocannon ${result.timeouts}; non-2xx ours ${figures.non2xx} autocannon ${result.non2xx}`,
    );
  }
  return figures;
}
