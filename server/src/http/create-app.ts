import fs from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { sharingRoutes } from '../sharing/sharing-routes.js';
import { auditRoutes } from '../audit/audit-routes.js';
import { authenticate, type AuthSettings } from '../auth/authenticate.js';
import { authRoutes } from '../auth/auth-routes.js';
import type { ThrottleSettings } from '../auth/login-throttle.js';
import { btsWrites } from '../bts/bts-writes.js';
import { coverageRoutes } from '../coverage/coverage-routes.js';
import { fiberWrites } from '../fiber/fiber-writes.js';
import { registerRecordRoutes } from '../records/register-record-routes.js';
import { siteWrites } from '../sites/site-writes.js';
import { userRoutes } from '../users/user-routes.js';
import type { DatabaseKind } from '../db/database.js';
import { colocationRoutes } from '../colocation/colocation-routes.js';
import { hamletRoutes } from '../hamlets/hamlet-routes.js';
import { indicatorRoutes } from '../indicators/indicator-routes.js';
import { indicatorRegistryRoutes } from '../indicators/indicator-registry-routes.js';
import { indicatorSnapshotRoutes } from '../indicators/indicator-snapshot-routes.js';
import { boundarySetRoutes } from '../boundaries/boundary-set-routes.js';
import type { IndicatorSettings } from '../indicators/indicator-settings.js';
import { inspectionRoutes } from '../inspections/inspection-routes.js';
import { measurementRoutes } from '../measurements/measurement-routes.js';
import { layerRoutes } from '../layers/layer-routes.js';
import { exportRoutes } from '../exports/export-routes.js';
import { ogcRoutes } from '../ogc/ogc-routes.js';
import { metaRoutes } from '../meta/meta-routes.js';
import { proposalRoutes } from '../proposals/proposal-routes.js';
import { searchRoutes } from '../search/search-routes.js';
import { siteRoutes } from '../sites/site-routes.js';
import { tileCountRoutes } from '../tiles/tile-count-routes.js';
import { adminUnitListRoutes } from '../layers/admin-unit-list-routes.js';
import { tileRoutes } from '../tiles/tile-routes.js';
import { loadConfig } from '../config.js';
import { importRoutes } from '../imports/import-routes.js';
import { importLimitsFrom } from '../imports/import-settings.js';
import type { ImportLimits } from '../imports/import-table.js';
import { refuseInvalidUtf8 } from './body-validation.js';
import { problemMiddleware, unknownApiRoute } from './http-problem.js';
import { securityHeaders } from './security-headers.js';

export interface AppDeps {
  knex: Knex;
  /** With read replicas: chooses the database of each request (read-routing.ts); `knex` is then the routed one. */
  readRouting?: RequestHandler;
  databaseKind: DatabaseKind;
  maxFeatures: number;
  maxSearchLength: number;
  bodyLimitBytes: number;
  coverage: CoverageParams;
  sharing: SharingSettings;
  indicators: IndicatorSettings;
  auth: AuthSettings;
  loginThrottle: ThrottleSettings;
  /** Upload limits of imports; the configuration's defaults when omitted. */
  imports?: ImportLimits;
  /** Built client to serve (dist/client); omitted in API-only tests. */
  clientDir?: string;
}

/** Builds the Express app without listening, so tests run it in process. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders);
  // Whole-province layers are megabytes of GeoJSON that compress ~5:1.
  // Level 1, not zlib's default 6: on a 1.2 MB GeoJSON layer it takes half the
  // time (18 against 35 ms) for an answer about 4 % larger; the default made
  // gzip the largest cost of a layer request beside its query (npm run bench:
  // httpOverheadRatio 1.32 with it, 1.06 uncompressed).
  app.use(compression({ level: 1 }));
  app.use(express.json({ limit: deps.bodyLimitBytes, verify: refuseInvalidUtf8 }));
  // After the body parser: the chosen database lives in the request's async context, which a body's stream events would not carry.
  if (deps.readRouting) app.use(deps.readRouting);

  const api = express.Router();
  // Every API request passes here first: who is asking, CSRF and origin checks on writes.
  api.use(authenticate(deps.knex, deps.auth));
  api.use(metaRoutes(deps.knex, deps.databaseKind));
  api.use(authRoutes(deps.knex, deps.auth, deps.loginThrottle));
  api.use(userRoutes(deps.knex));
  api.use(auditRoutes(deps.knex));
  // Before the generic layers: /layers/measurements is served by its own route.
  api.use(measurementRoutes(deps.knex, deps.bodyLimitBytes));
  api.use(tileCountRoutes(deps.knex, deps.auth));
  api.use(adminUnitListRoutes(deps.knex, deps.auth));
  api.use(layerRoutes(deps.knex, deps.maxFeatures, deps.sharing, deps.auth));
  api.use(sharingRoutes(deps.knex, deps.sharing));
  api.use(siteRoutes(deps.knex));
  for (const spec of [siteWrites, btsWrites, fiberWrites]) api.use(registerRecordRoutes(deps.knex, spec as never, deps.coverage, deps.sharing));
  api.use(searchRoutes(deps.knex, deps.maxSearchLength));
  api.use(coverageRoutes(deps.knex, deps.coverage));
  api.use(inspectionRoutes(deps.knex));
  api.use(hamletRoutes(deps.knex, deps.coverage.theta));
  api.use(indicatorRoutes(deps.knex, { theta: deps.coverage.theta, indicators: deps.indicators, sharing: deps.sharing }));
  api.use(indicatorRegistryRoutes(deps.knex));
  api.use(indicatorSnapshotRoutes(deps.knex, {
    coverage: deps.coverage,
    settings: { coverageTheta: deps.coverage.theta, fiberReachM: deps.indicators.fiberReachM, siteInferenceEpsM: deps.sharing.siteInferenceEpsM },
  }));
  api.use(boundarySetRoutes(deps.knex));
  api.use(proposalRoutes(deps.knex, deps.coverage, deps.sharing));
  api.use(colocationRoutes(deps.knex, deps.coverage, deps.sharing));
  api.use(exportRoutes(deps.knex, deps.sharing, { theta: deps.coverage.theta, indicators: deps.indicators, sharing: deps.sharing, coverage: deps.coverage }));
  api.use(importRoutes({
    knex: deps.knex, coverage: deps.coverage, siteInferenceEpsM: deps.sharing.siteInferenceEpsM,
    limits: deps.imports ?? importLimitsFrom(loadConfig({}).config),
  }));
  api.use(unknownApiRoute);
  app.use('/api', api);
  app.use('/ogc', ogcRoutes(deps.knex, deps.auth));
  app.use(tileRoutes({ knex: deps.knex, databaseKind: deps.databaseKind, auth: deps.auth }));

  if (deps.clientDir && fs.existsSync(path.join(deps.clientDir, 'index.html'))) {
    const indexHtml = path.join(deps.clientDir, 'index.html');
    app.use(express.static(deps.clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (the view lives in the URL) all load the same page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(indexHtml));
  }
  app.use(problemMiddleware);
  return app;
}
