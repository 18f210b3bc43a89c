import fs from 'node:fs';
import path from 'node:path';

/**
 * One process at a time on an embedded data directory.
 *
 * PGlite does not stop a second process (or a second PGlite in the same
 * process) from opening a directory that is in use: its postmaster.pid always
 * holds the pid of the WASM "process", so PostgreSQL takes it for its own stale
 * file. Two instances then each keep their own buffers and WAL position over the
 * same files and silently lose committed rows (measured: two processes inserting
 * 30 × 1000 rows each, one of them ended with 29,850). `npm start` twice, or
 * `npm run recompute` next to a running server, did exactly that.
 *
 * So openDatabase takes this lock first: `hatang.lock` in the directory, created
 * exclusively, holding the owner's pid, its start time and the boot id (Linux:
 * /proc), so a lock left by a killed process (kill -9, power cut, OOM) is
 * recognised as stale and taken over, even when a restarted container reuses
 * the pid. A lock whose owner still runs refuses the open with a message that
 * names it. Not a defence against a determined race (two processes taking over
 * the same stale lock in the same millisecond), which is not how this fails.
 */
export const lockFileName = 'hatang.lock';

interface LockOwner {
  pid: number;
  /** Process start time in clock ticks since boot (Linux /proc/<pid>/stat field 22), when known. */
  startTime?: string;
  bootId?: string;
}

const heldInThisProcess = new Set<string>();

function readProc(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Fields 3… of /proc/<pid>/stat (state, ppid, …), after "pid (comm)", whose name may hold spaces and parentheses. */
function procStat(pid: number): string[] | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : undefined;
}

function processStartTime(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

function me(): LockOwner {
  return { pid: process.pid, startTime: processStartTime(process.pid), bootId: readProc('/proc/sys/kernel/random/boot_id') };
}

function isRunning(owner: LockOwner): boolean {
  if (!Number.isInteger(owner.pid) || owner.pid <= 0) return false;
  if (owner.bootId && readProc('/proc/sys/kernel/random/boot_id') && owner.bootId !== readProc('/proc/sys/kernel/random/boot_id')) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(owner.pid);
  // Killed but not yet reaped by its parent (a zombie): gone.
  if (stat?.[0] === 'Z' || stat?.[0] === 'X') return false;
  // The pid is alive but belongs to a process started later: the owner is gone.
  return !(owner.startTime && stat?.[19] && stat[19] !== owner.startTime);
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';

  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${ownerPid}: stop it first (two processes on one ` +
        `directory lose data). If no such hatang process runs, remove ${path.join(dataDir, lockFileName)}.`,
    );
  }
}

/** Takes the directory's lock or throws DataDirInUseError; `release` gives it back. */
export function lockDataDir(dataDir: string): { release(): void } {
  const key = path.resolve(dataDir);
  const file = path.join(key, lockFileName);
  if (heldInThisProcess.has(key)) throw new DataDirInUseError(key, process.pid);
  const owner = me();
  const ownerOf = (text: string): LockOwner => {
    try {
      return JSON.parse(text) as LockOwner;
    } catch {
      return { pid: 0 }; // torn or empty (killed while writing it): stale
    }
  };
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const text = readProc(file) ?? '';
    const previous = ownerOf(text);
    // Our own pid in a lock this process does not hold: a previous life of ours (container pid 1).
    const stale = previous.pid === process.pid || !isRunning(previous);
    // Taken over once; found taken again right after, someone else just got it.
    if (!stale || attempt > 0) throw new DataDirInUseError(key, previous.pid);
    if ((readProc(file) ?? '') === text) fs.rmSync(file, { force: true });
  }
  heldInThisProcess.add(key);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      heldInThisProcess.delete(key);
      try {
        const current = JSON.parse(readProc(file) ?? '{}') as LockOwner;
        if (current.pid === owner.pid) fs.rmSync(file, { force: true });
      } catch {
        // already gone or unreadable: nothing of ours to remove
      }
    },
  };
}
