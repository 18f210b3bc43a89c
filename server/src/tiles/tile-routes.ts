import { Router } from 'express';
import type { Knex } from 'knex';
import { authenticate, type AuthSettings } from '../auth/authenticate.js';
import type { DatabaseKind } from '../db/database.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseNumber, singleParameter } from '../http/query-params.js';
import { parseTileAddress } from './tile-address.js';
import { AnswerCache } from '../cache/answer-cache.js';
import { dataVersionOf, tablesOfLayer } from '../cache/data-versions.js';
import { canonicalQuery, noneMatchHolds, versionedEtag } from '../cache/versioned-etag.js';
import { parseTileFilter } from './tile-filter-params.js';
import { isTileLayer, tileLayerFilters, tileLayerNames, tileParametersNotInTile } from './tile-layers.js';
import { tileBytes, type TileMethod } from './tile-queries.js';

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
/**
 * Every tile layer is the register or derived from it (coverage, gaps and
 * verdicts are rebuilt on a BTS edit), and an edit should reach the map within
 * a minute: a short max-age, then the cached tile is shown while it is
 * revalidated. The ETag is of the request and the data version of the tables
 * the layer reads (cache/data-versions.ts): a revalidation costs one small
 * read, and a tile made once is kept in process under its tag.
 */
const TILE_MAX_AGE_S = 60;
const TILE_STALE_WHILE_REVALIDATE_S = 300;
/** In-process tile cache: at ~20–200 kB a tile, thousands of the most used tiles. */
const TILE_CACHE_BYTES = 96 * 1024 * 1024;

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
  const cache = new AnswerCache<Uint8Array>(TILE_CACHE_BYTES);
  const router = Router();
  router.use('/tiles', authenticate(deps.knex, deps.auth));
  router.get('/tiles/:layer/:z/:x/:y.mvt', async (req, res) => {
    const layer = String(req.params.layer);
    if (!isTileLayer(layer)) {
      throw new HttpProblem(404, 'tile-unknown-layer', { layer: layer.slice(0, 50), layers: tileLayerNames.join(', ') });
    }
    const tile = parseTileAddress(String(req.params.z), String(req.params.x), String(req.params.y));
    assertOnlyParameters(req, tileLayerFilters[layer]);
    const filter = await parseTileFilter(deps.knex, req, layer);
    parseNumber(singleParameter(req, 'v'), 'v', { min: 0, max: 2_147_483_647, integer: true });
    const query = Object.fromEntries(Object.entries(req.query).filter(([name]) => !tileParametersNotInTile.includes(name)));
    // The version first, then the tile: a write committed in between makes the tile newer than its tag, never older.
    const version = await dataVersionOf(deps.knex, tablesOfLayer[layer]);
    const etag = versionedEtag(['tile', method, layer, `${tile.z}/${tile.x}/${tile.y}`, canonicalQuery(query)], version);
    res.set({ ETag: etag, 'Cache-Control': cacheControl });
    if (!deps.auth.anonymousRead) res.vary('Cookie').vary('Authorization');
    if (noneMatchHolds(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    let bytes = cache.get(etag);
    if (!bytes) {
      bytes = await tileBytes(deps.knex, method, layer, tile, filter);
      cache.set(etag, bytes);
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
