import { describeConfig, loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { DEFAULT_DEMO_SEED, seedDemoProvince } from '../server/src/demo/seed-demo-province.js';

const USAGE = `Usage: npm run seed -- --demo [--reset] [--seed N]

  --demo     load the synthetic demo province (shaped like Tiền Giang) into an empty register
  --reset    empty the register first (everything in it is deleted, in the same transaction)
  --seed N   PRNG seed (default ${DEFAULT_DEMO_SEED}); the same seed gives the same province

The database is the one the server uses: DATABASE_URL, or the embedded one in HATANG_DATA_DIR.`;

interface SeedArgs {
  demo: boolean;
  reset: boolean;
  seed: number;
}

function parseArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { demo: false, reset: false, seed: DEFAULT_DEMO_SEED };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--demo') args.demo = true;
    else if (arg === '--reset') args.reset = true;
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const value = arg.includes('=') ? arg.slice('--seed='.length) : argv[++i];
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 0xffffffff) throw new Error(`--seed needs an integer 0..4294967295, got ${value ?? 'nothing'}`);
      args.seed = Number(value);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

async function main(): Promise<void> {
  let args: SeedArgs;
  try {
    args = parseArgs(process.argv.slice(2));
    if (!args.demo) throw new Error('nothing to do: pass --demo');
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const loaded = loadConfig();
  for (const line of describeConfig(loaded).filter((l) => /DATABASE_URL|HATANG_DATA_DIR/.test(l))) console.log(line);
  const { config } = loaded;
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, statementTimeoutMs: config.statementTimeoutMs });
  try {
    console.log(`database: ${db.kind}`);
    await migrate(db.knex);
    const summary = await seedDemoProvince(db.knex, { seed: args.seed, reset: args.reset, log: (m) => console.log(m), sharingTargetRatio: config.sharingTargetRatio });
    // Statistics for the planner: the embedded database has no autovacuum, and PostgreSQL's has not run yet.
    await db.knex.raw('ANALYZE');
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
