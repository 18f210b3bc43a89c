import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import knexFactory, { type Knex } from 'knex';
import ClientPGLite from 'knex-pglite';
import pg from 'pg';

export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  knex: Knex;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when empty, the embedded PGlite in `dataDir` is used. */
  databaseUrl: string;
  dataDir: string;
  statementTimeoutMs: number;
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
    return obj;
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const knex = knexFactory({
      client: 'pg',
      connection: {
        connectionString: options.databaseUrl,
        statement_timeout: options.statementTimeoutMs,
        application_name: 'hatang',
      },
      pool: { min: 0, max: 10 },
    });
    await knex.raw('select 1');
    return { knex, kind: 'postgres', close: () => knex.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir, { extensions: { postgis, unaccent }, parsers: embeddedParsers });
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
      await knex.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
