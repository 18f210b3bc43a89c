import { Router } from 'express';
import type { Knex } from 'knex';
import { lifecycleStatuses, fiberKinds, fiberLayings, technologies } from '../contracts/domain-enums.js';
import { ANY_OPERATOR, technologyGroups } from '../contracts/layer-contracts.js';
import { authenticate, type AuthSettings } from '../auth/authenticate.js';
import type { DatabaseKind } from '../db/database.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { operatorCodes } from '../layers/admin-unit-lookup.js';
import { parseTileAddress } from './tile-address.js';
import { noneMatchHolds, tileEtag } from './tile-etag.js';
import { isTileLayer, tileLayerFilters, tileLayerNames, type TileFilter } from './tile-layers.js';
import { tileBytes, type TileMethod } from './tile-queries.js';

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
/**
 * Every tile layer is the register or derived from it (coverage, gaps and
 * verdicts are rebuilt on a BTS edit), and an edit should reach the map within
 * a minute: a short max-age, then the cached tile is shown while it is
 * revalidated (an ETag match costs the query, not the transfer).
 */
const TILE_MAX_AGE_S = 60;
const TILE_STALE_WHILE_REVALIDATE_S = 300;

export interface TileRouteDeps {
  knex: Knex;
  databaseKind: DatabaseKind;
  auth: AuthSettings;
}

/**
 * GET /tiles/{layer}/{z}/{x}/{y}.mvt: one Mapbox vector tile layer named after
 * the layer, extent 4096, buffer 64, EPSG:3857 tile coordinates; feature id =
 * the row id (coverage unions and gap parts have none). A tile without any
 * feature is a 204 with no body. Mounted on the app beside /api, read under
 * the same rule as the map (anonymous unless HATANG_ANONYMOUS_READ=false).
 */
export function tileRoutes(deps: TileRouteDeps): Router {
  const method: TileMethod = deps.databaseKind === 'postgres' ? 'st_asmvt' : 'encoder';
  const cacheControl = `${deps.auth.anonymousRead ? 'public' : 'private'}, max-age=${TILE_MAX_AGE_S}, stale-while-revalidate=${TILE_STALE_WHILE_REVALIDATE_S}`;
  const router = Router();
  router.use('/tiles', authenticate(deps.knex, deps.auth));
  router.get('/tiles/:layer/:z/:x/:y.mvt', async (req, res) => {
    const layer = String(req.params.layer);
    if (!isTileLayer(layer)) {
      throw new HttpProblem(404, 'tile-unknown-layer', { layer: layer.slice(0, 50), layers: tileLayerNames.join(', ') });
    }
    const tile = parseTileAddress(String(req.params.z), String(req.params.x), String(req.params.y));
    assertOnlyParameters(req, tileLayerFilters[layer]);
    const q = (name: string) => singleParameter(req, name);
    const knownOperators = q('operator') === undefined ? [] : await operatorCodes(deps.knex);
    const isCoverage = layer === 'coverage';
    const filter: TileFilter = {
      operators: parseEnumList(q('operator'), 'operator', isCoverage ? [ANY_OPERATOR, ...knownOperators] : knownOperators),
      technologies: isCoverage ? undefined : parseEnumList(q('technology'), 'technology', technologies),
      technologyGroups: isCoverage ? parseEnumList(q('technology'), 'technology', technologyGroups) : undefined,
      statuses: parseEnumList(q('status'), 'status', lifecycleStatuses),
      kinds: parseEnumList(q('kind'), 'kind', fiberKinds),
      layings: parseEnumList(q('laying'), 'laying', fiberLayings),
      scenario: parseScenario(q('scenario')),
    };
    const bytes = await tileBytes(deps.knex, method, layer, tile, filter);
    const etag = tileEtag(bytes);
    res.set({ ETag: etag, 'Cache-Control': cacheControl });
    if (!deps.auth.anonymousRead) res.vary('Cookie').vary('Authorization');
    if (noneMatchHolds(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    if (bytes.length === 0) {
      res.status(204).end();
      return;
    }
    res.status(200).set({ 'Content-Type': MVT_CONTENT_TYPE, 'Content-Length': String(bytes.length) });
    res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
  // Anything else under /tiles is a 404 problem, not the client's page.
  router.use('/tiles', (req, _res, next) => {
    next(new HttpProblem(404, 'tile-unknown-path', { path: req.originalUrl.split('?')[0]!.slice(0, 200) }));
  });
  return router;
}
