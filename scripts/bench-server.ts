// A hatang server started the way a user starts it, for `npm run bench`:
// `npm start` (builds the client when missing) timed until /api/health answers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './free-port.js';

export interface StartedServer {
  readyMs: number;
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs `npm start` on dataDir (embedded) or databaseUrl (PostgreSQL) and times
 * it until the server answers /api/health. `noClientBuild` starts
 * scripts/start.ts --no-client-build instead, for a bench that built the
 * client once already (the server still serves the built client).
 */
export async function timedStart(dataDir: string, databaseUrl = '', options: { noClientBuild?: boolean } = {}): Promise<StartedServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const [command, args] = options.noClientBuild ? ['npx', ['tsx', 'scripts/start.ts', '--no-client-build']] : ['npm', ['start', '--silent']];
  const child = spawn(command, args, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', HATANG_DATA_DIR: dataDir, HATANG_LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  let exited = false;
  child.on('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${command} ${args.join(' ')} exited before it was ready`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = performance.now() - t0;
  return {
    readyMs,
    url,
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      });
      // npm exits before the server under it has closed the database: wait for its lock to go.
      const lock = path.join(dataDir, 'hatang.lock');
      for (let i = 0; i < 300 && fs.existsSync(lock); i++) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

/** The PostgreSQL server the bench creates its databases on. */
export const benchAdminUrl = () => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of database `name` on the bench's PostgreSQL server. */
export function benchDatabaseUrl(name: string): string {
  const url = new URL(benchAdminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export const hidePassword = (url: string) => url.replace(/:[^:@/]*@/, ':***@');
