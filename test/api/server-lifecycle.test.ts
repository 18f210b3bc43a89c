import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../server/src/db/database.js';
import { removeDataDir } from '../support/prepared-databases.js';

describe('npm start on the embedded database', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves, then closes the database cleanly on %s so that it opens again', async (signal) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-lifecycle-'));
    fs.cpSync(inject('embeddedFixtureTemplate'), dir, { recursive: true });
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-client-build'], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HATANG_DATA_DIR: dir, HATANG_SEED_DEMO: 'false', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /open (http:\/\/[^\s]+)/.exec(output);
          if (m) {
            clearInterval(timer);
            resolve(m[1]!);
          }
        }, 50);
        void exited.then(() => {
          clearInterval(timer);
          reject(new Error(`server exited early:\n${output}`));
        });
      });
      const health = await (await fetch(`${url}api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: 'embedded' });
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(output).toContain(`${signal}: closing the database`);
      const db = await openDatabase({ databaseUrl: '', dataDir: dir, statementTimeoutMs: 0 });
      try {
        expect((await db.knex.raw('SELECT count(*)::int AS n FROM sites')).rows[0].n).toBe(4);
        // The start computed the coverage the fixture lacked, and it was kept.
        expect((await db.knex.raw('SELECT count(*)::int AS n FROM hamlet_coverage')).rows[0].n).toBeGreaterThan(0);
      } finally {
        await db.close();
      }
    } finally {
      removeDataDir(dir);
    }
  });
});
