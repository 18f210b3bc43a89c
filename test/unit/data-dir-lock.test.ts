import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir, lockFileName } from '../../server/src/db/data-dir-lock.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-lock-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const lockFile = () => path.join(dir, lockFileName);
const writeLock = (owner: object | string) => fs.writeFileSync(lockFile(), typeof owner === 'string' ? owner : JSON.stringify(owner));

describe('the embedded data directory lock', () => {
  it('lets one holder in and refuses a second one in the same process until released', () => {
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid });
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(false);
    lockDataDir(dir).release();
  });

  it('refuses a directory whose lock names a process that still runs, and names it', async () => {
    const other = spawn('sleep', ['30']);
    try {
      await new Promise((resolve) => other.once('spawn', resolve));
      writeLock({ pid: other.pid });
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${other.pid}`));
      expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(other.pid);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over the lock of a killed process (kill -9 leaves it behind)', () => {
    const dead = spawnSync('true').pid;
    writeLock({ pid: dead });
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it.each([
    ['an empty or torn lock file', ''],
    ['a lock with our own pid that this process does not hold (a restarted container is pid 1 again)', JSON.stringify({ pid: process.pid })],
  ])('takes over %s', (_label, text) => {
    writeLock(text);
    lockDataDir(dir).release();
  });

  // Linux: /proc gives each process's start time and the boot id.
  const linux = fs.existsSync('/proc/self/stat') && fs.existsSync('/proc/sys/kernel/random/boot_id');
  it.runIf(linux || process.env.CI).each([
    ['a running pid that started at another time than the owner (the pid was reused)', { pid: process.ppid, startTime: 'another-start' }],
    ['a lock written before the last boot', { pid: process.ppid, bootId: 'another-boot' }],
  ])('takes over %s', (_label, owner) => {
    writeLock(owner);
    lockDataDir(dir).release();
  });

  it('leaves a lock that another process took meanwhile when released', () => {
    const lock = lockDataDir(dir);
    writeLock({ pid: 999_999_999 });
    lock.release();
    expect(fs.existsSync(lockFile())).toBe(true);
  });
});
