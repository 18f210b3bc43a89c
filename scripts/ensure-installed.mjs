// Runs before `npm start` and `npm test` so that a fresh clone needs exactly one
// command: installs the locked dependencies when node_modules is missing or
// older than package-lock.json. Plain JavaScript: it must run before tsx exists.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

const lock = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';
const stale = !fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs;
if (stale) {
  console.log('[hatang] installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
