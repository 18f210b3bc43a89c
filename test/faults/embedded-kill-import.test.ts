// kill -9 in the middle of an import on the embedded database: after a restart
// the directory opens and holds all of that import or none of it, and once the
// commit was reported, all of it. The import runs in a child process
// (embedded-import-child.ts) on a copy of the fixture; this file SIGKILLs it at
// chosen markers and reopens the directory (openDatabase, and startHatang once).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { describe, inject, it } from 'vitest';
import { DataDirInUseError, lockFileName } from '../../server/src/db/data-dir-lock.js';
import { openDatabase } from '../../server/src/db/database.js';
import { insertMeasurementBatch } from '../../server/src/measurements/measurement-import.js';
import { startHatang } from '../../server/src/start-hatang.js';
import { removeDataDir } from '../support/prepared-databases.js';

/** Rows in the one import transaction. */
const N = 100_000;
const childScript = path.resolve('test/faults/embedded-import-child.ts');
const killerScript = path.resolve('test/faults/kill-at-marker.mjs');
// Generous: the runs share the machine's cores with each other and other test files.
const timeoutMs = 240_000;

interface KilledRun {
  /** Every marker line the child wrote, also those still in the pipe when it was killed. */
  lines: string[];
  killedAt: string;
}

/**
 * Runs the child import in `dir` under kill-at-marker.mjs, which SIGKILLs it at
 * the first line starting with `killAt` (see there why not from this process).
 */
function importAndKill(dir: string, batch: string, killAt: string): Promise<KilledRun> {
  const child = spawn(process.execPath, [killerScript, killAt, process.execPath, '--import', 'tsx', childScript, dir, batch, String(N)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  readline.createInterface({ input: child.stdout }).on('line', (line) => lines.push(line));
  const guard = setTimeout(() => child.kill('SIGKILL'), timeoutMs - 20_000);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      clearTimeout(guard);
      const killed = lines.find((l) => l.startsWith('KILLED '));
      if (code === 0 && killed) resolve({ lines, killedAt: killed.slice('KILLED '.length) });
      else reject(new Error(`the import child was not killed at "${killAt}" (code ${code}):\n${lines.join('\n')}\n${stderr}`));
    });
  });
}

/** The directory's state after the kill, as the next start finds it. */
function leftovers(dir: string) {
  const lock = path.join(dir, lockFileName);
  return {
    postmasterPid: fs.existsSync(path.join(dir, 'postmaster.pid')),
    hatangLockPid: fs.existsSync(lock) ? (JSON.parse(fs.readFileSync(lock, 'utf8')) as { pid: number }).pid : undefined,
  };
}

/** Reopens the directory: counts, the register untouched, and a new import commits. */
async function reopenAndCount(dir: string, batch: string): Promise<{ batchRows: number; allRows: number; sites: number; writable: number }> {
  const db = await openDatabase({ databaseUrl: '', dataDir: dir, statementTimeoutMs: 0 });
  try {
    const count = async (sql: string, bindings: string[] = []) => (await db.knex.raw(sql, bindings)).rows[0].n as number;
    const batchRows = await count('SELECT count(*)::int AS n FROM field_measurements WHERE batch = ?', [batch]);
    const allRows = await count('SELECT count(*)::int AS n FROM field_measurements');
    const sites = await count('SELECT count(*)::int AS n FROM sites');
    await db.knex.transaction((trx) =>
      insertMeasurementBatch(trx, 'after-restart', [
        { lon: 106.05, lat: 10.05, operatorCode: 'viettel', technology: '4G', signalDbm: -90, downloadMbps: 10, measuredAt: '2026-11-21T08:00:00Z' },
      ]),
    );
    const writable = await count("SELECT count(*)::int AS n FROM field_measurements WHERE batch = 'after-restart'");
    return { batchRows, allRows, sites, writable };
  } finally {
    await db.close();
  }
}

function copyOfFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-kill-'));
  fs.cpSync(inject('embeddedFixtureTemplate'), dir, { recursive: true });
  return dir;
}


// The four runs are independent processes on their own copies, two at a time:
// on two cores the file then takes about half its CPU time (the kills are timed
// by kill-at-marker.mjs, not by this busy process), and a run's child (~1 GB
// resident, PGlite) and its reopen here stay within a small CI machine's memory.
const twoAtATime = (() => {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    // A finished run hands its slot straight to the next waiter.
    if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
})();

describe(`kill -9 during a ${N.toLocaleString('en')}-row measurement import on the embedded database`, () => {
  it.concurrent.for([
    { moment: 'soon after the transaction began', killAt: 'ROWS 2000 ' },
    { moment: 'late, with every row in, during the contradiction count', killAt: 'INSERTED ' },
  ])('killed $moment: the directory opens and holds none of the import', { timeout: timeoutMs }, async ({ killAt }, { expect }) => twoAtATime(async () => {
    const dir = copyOfFixture();
    try {
      const run = await importAndKill(dir, 'killed', killAt);
      expect(run.lines.some((l) => l.startsWith('COMMITTED'))).toBe(false);
      // The next start finds PostgreSQL's and our lock files of a dead process.
      expect(leftovers(dir)).toEqual({ postmasterPid: true, hatangLockPid: expect.any(Number) });
      expect(await reopenAndCount(dir, 'killed')).toEqual({ batchRows: 0, allRows: 0, sites: 4, writable: 1 });
    } finally {
      removeDataDir(dir);
    }
  }));

  it.concurrent('killed as COMMIT is sent: all of the import or none, and all of it if the commit was reported', async ({ expect }) => twoAtATime(async () => {
    const dir = copyOfFixture();
    try {
      const run = await importAndKill(dir, 'killed', 'CHECKED ');
      const committedReported = run.lines.some((l) => l.startsWith('COMMITTED'));
      const { batchRows, allRows, sites, writable } = await reopenAndCount(dir, 'killed');
      expect([0, N]).toContain(batchRows);
      if (committedReported) expect(batchRows).toBe(N);
      expect({ allRows, sites, writable }).toEqual({ allRows: batchRows, sites: 4, writable: 1 });
    } finally {
      removeDataDir(dir);
    }
  }), timeoutMs);

  it.concurrent('killed after the commit marker (database never closed): all of the import, and startHatang serves the directory', async ({ expect }) => twoAtATime(async () => {
    const dir = copyOfFixture();
    try {
      await importAndKill(dir, 'committed', 'COMMITTED ');
      expect(leftovers(dir)).toEqual({ postmasterPid: true, hatangLockPid: expect.any(Number) });
      const server = await startHatang({
        databaseUrl: '',
        dataDir: dir,
        port: 0,
        host: '127.0.0.1',
        seedDemoWhenEmpty: false,
        logLevel: 'silent',
        adminPassword: 'fault-test-admin-password',
      });
      try {
        const health = await fetch(`${server.url}api/health`);
        expect(health.status).toBe(200);
        const n = (await server.database.knex.raw("SELECT count(*)::int AS n FROM field_measurements WHERE batch = 'committed'")).rows[0].n;
        expect(n).toBe(N);
        // While it serves, a second open of the directory is refused, not allowed to lose data.
        await expect(openDatabase({ databaseUrl: '', dataDir: dir, statementTimeoutMs: 0 })).rejects.toThrow(DataDirInUseError);
      } finally {
        await server.close();
      }
      // Closed cleanly: both lock files are gone again.
      expect(leftovers(dir)).toEqual({ postmasterPid: false, hatangLockPid: undefined });
    } finally {
      removeDataDir(dir);
    }
  }), timeoutMs);
});
