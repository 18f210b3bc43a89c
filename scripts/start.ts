// `npm start`: build the client when it is missing or older than its sources,
// then start the server (embedded database unless DATABASE_URL is set).
// `--no-client-build` (used by `npm run dev`) serves the API only.
import { startHatang } from '../server/src/start-hatang.js';
import { ensureClientBuilt } from '../server/src/http/client-bundle.js';

const startedAt = performance.now();
if (!process.argv.includes('--no-client-build')) ensureClientBuilt();

const running = await startHatang();
console.log(`[hatang] ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s — open ${running.url}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`[hatang] ${signal}: closing the database…`);
    running.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
