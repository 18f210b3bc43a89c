import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const builtClientDir = path.join(root, 'dist/client');

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, name)));
  return newest;
}

/** Builds the client with Vite when dist/client is missing or older than its sources. */
export function ensureClientBuilt(log: (line: string) => void = console.log): void {
  const builtIndex = path.join(builtClientDir, 'index.html');
  const sourcesChanged = Math.max(newestMtime(path.join(root, 'client')), newestMtime(path.join(root, 'server/src/contracts')));
  if (fs.existsSync(builtIndex) && fs.statSync(builtIndex).mtimeMs >= sourcesChanged) return;
  log('[hatang] building the client…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Always the production bundle: under vitest NODE_ENV is "test", which would
    // otherwise give a development React build that `npm start` then serves.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
