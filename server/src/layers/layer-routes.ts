import { Router } from 'express';
import type { Knex } from 'knex';
import type { AuthSettings } from '../auth/authenticate.js';
import { AnswerCache } from '../cache/answer-cache.js';
import { dataVersionOf, tablesOfLayer } from '../cache/data-versions.js';
import { canonicalQuery, noneMatchHolds, versionedEtag } from '../cache/versioned-etag.js';
import { layerFilters, layerNames, layerNameSchema } from '../contracts/layer-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters } from '../http/query-params.js';
import { parseLayerFilter } from './layer-filter-params.js';
import { layerGeoJson } from './layer-queries.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';

/** As the tiles (tile-routes.ts): an edit reaches other users within a minute, revalidation is one small read. */
const LAYER_MAX_AGE_S = 60;
const LAYER_STALE_WHILE_REVALIDATE_S = 300;
/** In-process cache of layer answers: a whole province's layer is 1–10 MB of GeoJSON. */
const LAYER_CACHE_BYTES = 128 * 1024 * 1024;

/**
 * GET /api/layers/{layer}: the layer as GeoJSON, with a data-version ETag
 * (the request and the data_versions of the tables the layer reads), so a
 * matching If-None-Match is a 304 without running the layer's query, and an
 * answer made once is served again from this process's cache until a write
 * to one of those tables.
 */
export function layerRoutes(
  knex: Knex,
  maxFeatures: number,
  sharing: Pick<SharingSettings, 'consolidationDistanceM'>,
  auth: Pick<AuthSettings, 'anonymousRead'>,
): Router {
  const cacheControl = `${auth.anonymousRead ? 'public' : 'private'}, max-age=${LAYER_MAX_AGE_S}, stale-while-revalidate=${LAYER_STALE_WHILE_REVALIDATE_S}`;
  const cache = new AnswerCache<string>(LAYER_CACHE_BYTES);
  const router = Router();
  router.get('/layers/:layer', async (req, res) => {
    const parsedLayer = layerNameSchema.safeParse(req.params.layer);
    if (!parsedLayer.success) {
      throw new HttpProblem(404, 'unknown-layer', { layer: String(req.params.layer).slice(0, 50), layers: layerNames.join(', ') });
    }
    const layer = parsedLayer.data;
    assertOnlyParameters(req, layerFilters[layer]);
    const filter = await parseLayerFilter(knex, req, layer, { limit: maxFeatures, consolidationDistanceM: sharing.consolidationDistanceM });
    const query = Object.fromEntries(Object.entries(req.query).filter(([name]) => name !== 'lang'));
    // The version first, then the layer: a write committed in between makes the answer newer than its tag, never older.
    const version = await dataVersionOf(knex, tablesOfLayer[layer]);
    const settings = `limit=${maxFeatures};D=${sharing.consolidationDistanceM}`;
    const etag = versionedEtag(['layer', layer, canonicalQuery(query), settings], version);
    res.set({ ETag: etag, 'Cache-Control': cacheControl });
    if (!auth.anonymousRead) res.vary('Cookie').vary('Authorization');
    if (noneMatchHolds(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    let body = cache.get(etag);
    if (body === undefined) {
      body = await layerGeoJson(knex, layer, filter);
      cache.set(etag, body);
    }
    res.type('application/geo+json').send(body);
  });
  return router;
}
