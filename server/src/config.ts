import path from 'node:path';
import { z } from 'zod';

/**
 * Every tunable of the server in one typed object: defaults here, overridden by
 * environment variables, validated at start-up. `describeConfig` says where each
 * value came from so the start-up log shows it.
 */
const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  /** postgres://… for PostgreSQL + PostGIS; empty means the embedded PGlite. */
  databaseUrl: z.string(),
  /** Comma-separated postgres://… URLs of streaming replicas of DATABASE_URL: GET/HEAD reads go there (README "Scale-out"). */
  readDatabaseUrls: z.string().refine(
    (v) => v === '' || v.split(',').every((u) => /^postgres(ql)?:\/\/\S+$/.test(u.trim())),
    'comma-separated postgres:// URLs',
  ),
  /** A replica further behind the primary than this many seconds gets no reads. */
  replicaMaxLagS: z.coerce.number().gt(0).max(3600),
  /** Where the embedded database keeps its files. */
  dataDir: z.string().min(1),
  /** Largest number of features one layer response may hold. */
  maxFeatures: z.coerce.number().int().min(1).max(1_000_000),
  /** Longest search query, in characters. */
  maxSearchLength: z.coerce.number().int().min(1).max(1000),
  /** Server-side statement timeout on PostgreSQL, in ms. */
  statementTimeoutMs: z.coerce.number().int().min(100),
  /** Largest accepted request body. */
  bodyLimitBytes: z.coerce.number().int().min(1024),
  /** Load the demo province into an empty database at start-up. */
  seedDemoWhenEmpty: z.enum(['true', 'false']).transform((v) => v === 'true'),
  logLevel: z.enum(['silent', 'info', 'debug']),
  /** θ: a hamlet is covered when at least this share of its population is (DESIGN §3). */
  coverageTheta: z.coerce.number().gt(0).max(1),
  /** Uncovered parts smaller than this (m²) are dropped. */
  minGapAreaM2: z.coerce.number().min(0),
  /** Receiver (mobile) height for the Hata models, m. */
  mobileHeightM: z.coerce.number().gt(0).max(30),
  /** JSON array overriding the default link budget entries (see coverage/link-budget.ts). */
  linkBudgetJson: z.string(),
  /** Anonymous visitors may read the public map (layers, search, coverage); writes always need an account. */
  anonymousRead: z.enum(['true', 'false']).transform((v) => v === 'true'),
  /** Password of the first admin account, created when there are no accounts; empty: a random one is printed once. */
  adminPassword: z.string().refine((v) => v === '' || v.length >= 10, 'at least 10 characters'),
  /** A session ends after this many minutes without a request… */
  sessionIdleMinutes: z.coerce.number().int().min(1).max(60 * 24 * 30),
  /** …and at the latest this many hours after sign-in. */
  sessionMaxHours: z.coerce.number().int().min(1).max(24 * 90),
  /** Failed sign-ins per user name (and 4× that per address) within the window before sign-in is refused with 429. */
  loginMaxFailures: z.coerce.number().int().min(1).max(1000),
  loginWindowMinutes: z.coerce.number().int().min(1).max(24 * 60),
  /** Session cookie Secure flag: auto = when the request came over HTTPS. */
  cookieSecure: z.enum(['auto', 'true', 'false']),
  /** ε of site inference: BTS without a site code within this many metres of one another stand on one site (DESIGN §3). */
  siteInferenceEpsM: z.coerce.number().gt(0).max(1000),
  /** D of consolidation candidates: sites of different owners within this many metres could become one. */
  consolidationDistanceM: z.coerce.number().gt(0).max(5000),
  /** JSON object: most tenants (distinct operators) each structure type can hold, e.g. {"monopole": 2}; merged over the defaults. */
  tenantLimitsJson: z.string(),
  /** Largest radius a co-location search or the site planner may ask for, m. */
  colocationMaxRadiusM: z.coerce.number().gt(0).max(100_000),
  /** The plan's target for the site sharing ratio (0–1), drawn against the ratios until planners edit targets. */
  sharingTargetRatio: z.coerce.number().min(0).max(1),
  /** r of fiber reach: a hamlet is reached by fiber when a route passes within this many metres of its reference point (DESIGN §3). */
  fiberReachM: z.coerce.number().gt(0).max(10_000),
  /** Largest file an import accepts, bytes (its own limit: far above the JSON body limit). */
  importMaxBytes: z.coerce.number().int().min(1024),
  /** Largest total a zip (KMZ, zipped shapefile, XLSX) may expand to, bytes: the zip-bomb guard. */
  importMaxExpandedBytes: z.coerce.number().int().min(1024),
  /** Most rows (features) one import may hold. */
  importMaxRows: z.coerce.number().int().min(1).max(5_000_000),
});

export type Config = z.infer<typeof configSchema>;

const defaults: Record<keyof Config, string> = {
  port: '8080',
  host: '0.0.0.0',
  databaseUrl: '',
  readDatabaseUrls: '',
  replicaMaxLagS: '30',
  dataDir: 'data/local',
  maxFeatures: '50000',
  maxSearchLength: '100',
  statementTimeoutMs: '30000',
  bodyLimitBytes: String(1024 * 1024),
  seedDemoWhenEmpty: 'true',
  logLevel: 'info',
  coverageTheta: '0.9',
  minGapAreaM2: '5000',
  mobileHeightM: '1.5',
  linkBudgetJson: '',
  anonymousRead: 'true',
  adminPassword: '',
  sessionIdleMinutes: '480',
  sessionMaxHours: '168',
  loginMaxFailures: '5',
  loginWindowMinutes: '15',
  cookieSecure: 'auto',
  siteInferenceEpsM: '25',
  consolidationDistanceM: '100',
  tenantLimitsJson: '',
  colocationMaxRadiusM: '10000',
  sharingTargetRatio: '0.3',
  fiberReachM: '200',
  importMaxBytes: String(64 * 1024 * 1024),
  importMaxExpandedBytes: String(512 * 1024 * 1024),
  importMaxRows: '300000',
};

const envNames: Record<keyof Config, string> = {
  port: 'PORT',
  host: 'HOST',
  databaseUrl: 'DATABASE_URL',
  readDatabaseUrls: 'READ_DATABASE_URLS',
  replicaMaxLagS: 'HATANG_REPLICA_MAX_LAG_S',
  dataDir: 'HATANG_DATA_DIR',
  maxFeatures: 'HATANG_MAX_FEATURES',
  maxSearchLength: 'HATANG_MAX_SEARCH_LENGTH',
  statementTimeoutMs: 'HATANG_STATEMENT_TIMEOUT_MS',
  bodyLimitBytes: 'HATANG_BODY_LIMIT_BYTES',
  seedDemoWhenEmpty: 'HATANG_SEED_DEMO',
  logLevel: 'HATANG_LOG_LEVEL',
  coverageTheta: 'HATANG_COVERAGE_THETA',
  minGapAreaM2: 'HATANG_GAP_MIN_AREA_M2',
  mobileHeightM: 'HATANG_MOBILE_HEIGHT_M',
  linkBudgetJson: 'HATANG_LINK_BUDGET',
  anonymousRead: 'HATANG_ANONYMOUS_READ',
  adminPassword: 'HATANG_ADMIN_PASSWORD',
  sessionIdleMinutes: 'HATANG_SESSION_IDLE_MINUTES',
  sessionMaxHours: 'HATANG_SESSION_MAX_HOURS',
  loginMaxFailures: 'HATANG_LOGIN_MAX_FAILURES',
  loginWindowMinutes: 'HATANG_LOGIN_WINDOW_MINUTES',
  cookieSecure: 'HATANG_COOKIE_SECURE',
  siteInferenceEpsM: 'HATANG_SITE_EPS_M',
  consolidationDistanceM: 'HATANG_CONSOLIDATION_M',
  tenantLimitsJson: 'HATANG_TENANT_LIMITS',
  colocationMaxRadiusM: 'HATANG_COLOCATION_MAX_RADIUS_M',
  sharingTargetRatio: 'HATANG_SHARING_TARGET',
  fiberReachM: 'HATANG_FIBER_REACH_M',
  importMaxBytes: 'HATANG_IMPORT_MAX_BYTES',
  importMaxExpandedBytes: 'HATANG_IMPORT_MAX_EXPANDED_BYTES',
  importMaxRows: 'HATANG_IMPORT_MAX_ROWS',
};

export interface LoadedConfig {
  config: Config;
  sources: Record<keyof Config, 'default' | string>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): LoadedConfig {
  const raw: Record<string, string> = {};
  const sources = {} as Record<keyof Config, string>;
  for (const key of Object.keys(defaults) as (keyof Config)[]) {
    const fromEnv = env[envNames[key]];
    raw[key] = fromEnv ?? defaults[key];
    sources[key] = fromEnv === undefined ? 'default' : envNames[key];
  }
  const parsed = configSchema
    .refine((c) => c.readDatabaseUrls === '' || c.databaseUrl !== '', { path: ['readDatabaseUrls'], message: 'replicas need DATABASE_URL (the primary)' })
    .safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${envNames[i.path[0] as keyof Config] ?? i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  for (const key of Object.keys(overrides) as (keyof Config)[]) sources[key] = 'code';
  const config = { ...parsed.data, ...overrides };
  config.dataDir = path.resolve(config.dataDir);
  return { config, sources };
}

/** One line per setting, secrets in the database URL masked. */
export function describeConfig({ config, sources }: LoadedConfig): string[] {
  return (Object.keys(config) as (keyof Config)[]).map((key) => {
    let value = String(config[key]);
    if (key === 'databaseUrl') value = value ? maskPassword(value) : '(embedded)';
    if (key === 'readDatabaseUrls') value = value ? value.split(',').map((u) => maskPassword(u.trim())).join(',') : '(none: reads on the primary)';
    if (key === 'adminPassword') value = value ? '***' : '(random at first start)';
    return `${envNames[key].padEnd(28)} ${value}  [${sources[key]}]`;
  });
}

function maskPassword(url: string): string {
  return url.replace(/:[^:@/]*@/, ':***@');
}

/** READ_DATABASE_URLS as a list (empty: no replicas). */
export function readDatabaseUrlsOf(config: Config): string[] {
  return config.readDatabaseUrls.split(',').map((u) => u.trim()).filter((u) => u !== '');
}
