// A throw-away PostgreSQL cluster of the machine's PostgreSQL (Debian layout,
// /usr/lib/postgresql/<major>/bin) on a free loopback port, so that a test can
// stop and start a server without touching the shared one on 5432 that other
// test files use at the same time.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PrivateCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  readonly running: boolean;
  /** Asynchronous, so that the app in this process keeps handling its sockets meanwhile. */
  start(): Promise<void>;
  /** `fast` ends sessions with 57P01; `immediate` drops them without a word, like a crash. */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server (immediate) if it runs and removes every file; never throws. */
  remove(): void;
}

/** The newest PostgreSQL whose binaries and PostGIS extension are installed. */
export function findPostgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((m) => /^\d+$/.test(m)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const major of majors) {
    const bin = path.join(root, major, 'bin');
    if (fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(`/usr/share/postgresql/${major}/extension/postgis.control`)) return bin;
  }
  throw new Error(`no PostgreSQL with PostGIS under ${root} (Debian: apt-get install postgresql-15 postgresql-15-postgis-3; .ci/run does)`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function createPrivateCluster(): Promise<PrivateCluster> {
  const bin = findPostgresBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hatang-pg-cluster-'));
  const dataDir = path.join(root, 'data');
  const socketDir = path.join(root, 'socket');
  const logFile = path.join(root, 'server.log');
  // initdb and postgres refuse to run as root: as root, run them as "postgres".
  const asRoot = process.getuid?.() === 0;
  const argv = (program: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args];
  const run = (program: string, args: string[]) => {
    const [command, rest] = argv(program, args);
    return execFileSync(command, rest, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 }).toString();
  };
  const port = await freePort();
  let started = false;
  const pgCtl = async (args: string[]) => {
    const [command, rest] = argv('pg_ctl', args);
    await new Promise<void>((resolve, reject) => {
      execFile(command, rest, { timeout: 60_000 }, (error, _stdout, stderr) => {
        if (!error) return resolve();
        const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
        reject(new Error(`pg_ctl ${args.join(' ')} failed: ${error.message}\n${stderr}\n${log}`, { cause: error }));
      });
    });
  };
  const cluster: PrivateCluster = {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    get running() {
      return started;
    },
    async start() {
      await pgCtl(['-D', dataDir, '-l', logFile, '-w', '-t', '60', '-o', `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
      started = true;
    },
    async stop(mode) {
      await pgCtl(['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
      started = false;
    },
    remove() {
      try {
        if (started || fs.existsSync(path.join(dataDir, 'postmaster.pid'))) run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // not running (any more): nothing to stop
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    fs.mkdirSync(socketDir);
    if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', root]);
    run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    await cluster.start();
  } catch (error) {
    cluster.remove();
    throw error;
  }
  return cluster;
}
