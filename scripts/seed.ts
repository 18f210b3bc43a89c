import { describeConfig, loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { DEFAULT_DEMO_SEED, seedDemoProvince } from '../server/src/demo/seed-demo-province.js';
import { parseScale, seedScaledRegister } from '../server/src/demo/scaled/seed-scaled-register.js';
import type { Scale } from '../server/src/demo/scaled/scaled-density.js';

const USAGE = `Usage: npm run seed -- --demo [--reset] [--seed N]
       npm run seed -- --scale national|N [--reset] [--seed N]

  --demo           load the synthetic demo province (shaped like Tiền Giang) into an empty register
  --scale N        load N demo-like provinces (1..63): province 1 is the demo province, the others
                   are planned from derived seeds, each in its own place with its own codes
  --scale national 63 provinces tuned to national totals (≈100,000 sites, 250,000 BTS, 80,000 hamlets,
                   10,800 communes, 150,000 km of fibre); use PostgreSQL (DATABASE_URL) for it
  --reset          empty the register first (everything in it is deleted, in the same transaction)
  --seed N         PRNG seed (default ${DEFAULT_DEMO_SEED}); the same seed gives the same register

The database is the one the server uses: DATABASE_URL, or the embedded one in HATANG_DATA_DIR.`;

interface SeedArgs {
  demo: boolean;
  scale: Scale | null;
  reset: boolean;
  seed: number;
}

function parseArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { demo: false, scale: null, reset: false, seed: DEFAULT_DEMO_SEED };
  const valueOf = (arg: string, name: string, i: number): [string | undefined, number] =>
    arg.includes('=') ? [arg.slice(name.length + 1), i] : [argv[i + 1], i + 1];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--demo') args.demo = true;
    else if (arg === '--reset') args.reset = true;
    else if (arg === '--seed' || arg.startsWith('--seed=')) {
      const [value, next] = valueOf(arg, '--seed', i);
      i = next;
      if (value === undefined || !/^\d+$/.test(value) || Number(value) > 0xffffffff) throw new Error(`--seed needs an integer 0..4294967295, got ${value ?? 'nothing'}`);
      args.seed = Number(value);
    } else if (arg === '--scale' || arg.startsWith('--scale=')) {
      const [value, next] = valueOf(arg, '--scale', i);
      i = next;
      args.scale = parseScale(value ?? '');
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  if (args.demo && args.scale !== null) throw new Error('--demo and --scale exclude each other (--scale 1 is the demo province)');
  if (!args.demo && args.scale === null) throw new Error('nothing to do: pass --demo or --scale');
  return args;
}

async function main(): Promise<void> {
  let args: SeedArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const loaded = loadConfig();
  for (const line of describeConfig(loaded).filter((l) => /DATABASE_URL|HATANG_DATA_DIR/.test(l))) console.log(line);
  const { config } = loaded;
  // A batch job: site inference over a national register runs longer than the API's per-statement limit.
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, statementTimeoutMs: 0 });
  try {
    console.log(`database: ${db.kind}`);
    await migrate(db.knex);
    const log = (m: string) => console.log(m);
    if (args.scale !== null) {
      // ANALYZE is part of the scaled load.
      const summary = await seedScaledRegister(db.knex, {
        scale: args.scale, seed: args.seed, reset: args.reset, log, siteInferenceEpsM: config.siteInferenceEpsM, sharingTargetRatio: config.sharingTargetRatio,
      });
      console.log(JSON.stringify({ ...summary, provinceSeeds: undefined }, null, 2));
    } else {
      const summary = await seedDemoProvince(db.knex, { seed: args.seed, reset: args.reset, log, sharingTargetRatio: config.sharingTargetRatio });
      // Statistics for the planner: the embedded database has no autovacuum, and PostgreSQL's has not run yet.
      await db.knex.raw('ANALYZE');
      console.log(JSON.stringify(summary, null, 2));
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
