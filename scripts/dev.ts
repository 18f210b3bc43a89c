// `npm run dev`: the API server in watch mode (port 8080) and Vite's dev server
// with hot reload (port 5173, proxying /api to 8080). Ctrl-C stops both.
import { spawn } from 'node:child_process';
import path from 'node:path';

const bin = (name: string) => path.resolve('node_modules/.bin', name);
const children = [
  spawn(bin('tsx'), ['watch', '--clear-screen=false', 'scripts/start.ts', '--no-client-build'], { stdio: 'inherit' }),
  spawn(bin('vite'), ['--config', 'client/vite.config.ts'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => {
  if (code) {
    stop();
    process.exitCode = code;
  }
});
