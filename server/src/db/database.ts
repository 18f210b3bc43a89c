import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import knexFactory, { type Knex } from 'knex';
import ClientPGLite from 'knex-pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { ReadReplicas } from './read-replicas.js';
import { routedKnex } from './routed-knex.js';

export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  /** The primary: every write, migrations, start-up work. */
  knex: Knex;
  kind: DatabaseKind;
  /** With READ_DATABASE_URLS: the replicas, and the knex the app's handlers get (its reads follow the request, see routed-knex.ts). */
  reads?: { replicas: ReadReplicas; routedKnex: Knex; maxLagS: number };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when empty, the embedded PGlite in `dataDir` is used. */
  databaseUrl: string;
  dataDir: string;
  statementTimeoutMs: number;
  /** Streaming replicas of `databaseUrl` for reads (PostgreSQL only). */
  replicaUrls?: string[];
  /** A replica lagging more than this gets no reads, s. */
  replicaMaxLagS?: number;
  /** Where a replica's coming and going is told. */
  log?: (line: string) => void;
}

// PostgreSQL sends bigint (count(*), sum of int) and numeric as strings; the
// register's counts and measures fit a double, so both drivers parse them as
// numbers and the two databases answer alike.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
const embeddedParsers = { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) };

/**
 * knex-pglite sends every statement through the extended protocol, which refuses
 * several commands in one string. Migrations and SQL function files are scripts,
 * so a raw statement without bindings goes through PGlite's `exec` (simple
 * protocol) and answers with the last statement's result, as `pg` does.
 */
class EmbeddedKnexClient extends (ClientPGLite as unknown as new (config: Knex.Config) => Record<string, unknown>) {
  async _query(connection: PGlite, obj: { sql: string; bindings?: unknown[]; options?: unknown; response?: unknown }) {
    if (!obj.sql) throw new Error('The query is empty');
    if (obj.bindings && obj.bindings.length > 0) {
      obj.response = await connection.query(obj.sql, obj.bindings as unknown[], obj.options as never);
    } else {
      const results = await connection.exec(obj.sql);
      const last = results[results.length - 1];
      obj.response = last ?? { rows: [], fields: [], affectedRows: 0 };
    }
    // PGlite runs each query on this thread and the single connection passes
    // straight to the next waiting query: without a turn of the event loop here,
    // a queue of queries starves sockets, compression and timers for seconds
    // (answers go out in batches; keep-alive sockets are reset under load).
    await new Promise<void>((resolve) => setImmediate(resolve));
    return obj;
  }
}

/** New PostgreSQL connection: TCP + start-up + authentication, ms. */
const postgresConnectTimeoutMs = 5_000;
/** Waiting for a free pooled connection (all busy, or the server unreachable), ms. */
const postgresAcquireTimeoutMs = 10_000;

/** A pool on one PostgreSQL server; the primary and every replica get the same connection options. */
function postgresKnex(url: string, statementTimeoutMs: number, quiet = false): Knex {
  return knexFactory({
    // A replica's pool would warn at every probe while it is down; ReadReplicas says so once instead.
    ...(quiet ? { log: { warn: () => undefined, error: () => undefined, debug: () => undefined, deprecate: () => undefined } } : {}),
    client: 'pg',
    connection: {
      connectionString: url,
      statement_timeout: statementTimeoutMs,
      application_name: 'hatang',
      // No JIT: our spatial functions chain CTEs whose row estimates (recursive
      // unit trees, set-returning functions) look expensive to the planner, and
      // JIT-compiling such a plan took 5–9 s for a query that runs in 20–110 ms
      // (the indicator table of the demo province, measured on PostgreSQL 15).
      options: '-c jit=off',
      // A server that accepts TCP but does not answer (overloaded, paused, half
      // up) fails a new connection after this long instead of never.
      connectionTimeoutMillis: postgresConnectTimeoutMs,
      // Lets the kernel notice a peer that vanished without closing the socket.
      keepAlive: true,
    },
    pool: { min: 0, max: 10 },
    // A request waits at most this long for a pooled connection and then
    // answers 503 with Retry-After (KnexTimeoutError, see database-unavailable.ts)
    // instead of knex's default 60 s (a pool full of stuck connections). A
    // refused connection fails at once: knex propagates the pool's create error.
    acquireConnectionTimeout: postgresAcquireTimeoutMs,
  });
}

/**
 * PostgreSQL going away (restart, crash, network) is survived, not fatal: pg
 * emits 'error' on an idle pooled client whose server ended the session
 * (57P01 on a fast shutdown, "Connection terminated unexpectedly" on a crash);
 * knex listens on every client it creates, marks it disposed and the pool
 * replaces it, so no 'error' goes unhandled. A statement running at that
 * moment fails, and so does every new one until the server accepts connections
 * again: the API answers those 503 (isDatabaseUnavailable). Nothing here
 * retries; the client does, after Retry-After (test/faults/postgres-restart.test.ts).
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const knex = postgresKnex(options.databaseUrl, options.statementTimeoutMs);
    await knex.raw('select 1');
    const urls = options.replicaUrls ?? [];
    if (urls.length === 0) return { knex, kind: 'postgres', close: () => knex.destroy() };
    // A replica that is down at start-up is no reason not to start: reads go to the primary until it answers.
    const maxLagS = options.replicaMaxLagS ?? 30;
    const replicas = new ReadReplicas(
      urls.map((url, i) => ({ name: `replica-${i + 1}`, knex: postgresKnex(url, options.statementTimeoutMs, true) })),
      { maxLagS, ...(options.log ? { log: options.log } : {}) },
    );
    return {
      knex,
      kind: 'postgres',
      reads: { replicas, routedKnex: routedKnex(knex), maxLagS },
      close: async () => {
        await Promise.all([knex.destroy(), replicas.close()]);
      },
    };
  }
  // Crash safety, measured in test/faults/embedded-kill-import.test.ts: PGlite
  // writes PostgreSQL's WAL and data files through Node's fs and the next open
  // runs PostgreSQL's crash recovery, so after kill -9 at any moment the
  // directory opens (the postmaster.pid left behind is ignored) with each
  // transaction whole or absent. PGlite runs with fsync off (-F) and its file
  // system has no fsync: a power cut or kernel crash may lose recent commits or
  // damage the files. Data that must survive that belongs on PostgreSQL.
  fs.mkdirSync(options.dataDir, { recursive: true });
  // Before PGlite touches the files: a second instance on them loses data (data-dir-lock.ts).
  const lock = lockDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(options.dataDir, { extensions: { postgis, unaccent }, parsers: embeddedParsers });
  } catch (error) {
    lock.release();
    throw error;
  }
  const knex = knexFactory({
    client: EmbeddedKnexClient as unknown as typeof knexFactory.Client,
    connection: { pglite } as unknown as Knex.StaticConnectionConfig,
  });
  let closed = false;
  return {
    knex,
    kind: 'embedded',
    async close() {
      if (closed) return;
      closed = true;
      // knex-pglite closes the PGlite instance when its single connection is destroyed.
      try {
        await knex.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        lock.release();
      }
    },
  };
}
