import { Router } from 'express';
import type { Knex } from 'knex';
import type { AuthSettings } from '../auth/authenticate.js';
import { AnswerCache } from '../cache/answer-cache.js';
import { tablesOfLayer } from '../cache/data-versions.js';
import { canonicalQuery } from '../cache/versioned-etag.js';
import { sendVersionedJson } from '../cache/versioned-json.js';
import { ANY_OPERATOR } from '../contracts/layer-contracts.js';
import { activeStatusesOf } from '../contracts/sharing-contracts.js';
import type { TileLayerCount } from '../contracts/tile-count-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters } from '../http/query-params.js';
import { parseTileFilter } from './tile-filter-params.js';
import { isTileLayer, tileLayerFilters, tileLayerNames, tileParametersNotInTile, type TileFilter, type TileLayerName } from './tile-layers.js';

/** As the tiles: an edit reaches the panel within a minute, revalidation is one small read. */
const COUNT_MAX_AGE_S = 60;
const COUNT_STALE_WHILE_REVALIDATE_S = 300;
const COUNT_CACHE_BYTES = 1024 * 1024;

/** The count takes the tile's filters; `v` (the tab's cache-buster) is of tiles only. */
const countParameters = (layer: TileLayerName) => tileLayerFilters[layer].filter((name) => name !== 'v');

interface CountRow {
  features: string;
  area_km2: number | null;
  covered: string | null;
  lom_song: string | null;
  trang_song: string | null;
  assessed: string | null;
  population: string | null;
  population_covered: string | null;
}

async function layerCount(knex: Knex, layer: TileLayerName, f: TileFilter): Promise<TileLayerCount> {
  const list = (values: readonly string[] | undefined) => (values ? [...values] : null);
  const row = (
    await knex.raw('SELECT * FROM hatang_tile_layer_count(?, ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?, ?::integer, ?::text)', [
      layer,
      list(f.operators),
      list(f.technologies),
      list(f.technologyGroups),
      list(f.statuses),
      list(f.kinds),
      list(f.layings),
      [...activeStatusesOf[f.scenario]],
      f.scenario,
      f.unitId ?? null,
      f.boundarySet ?? null,
    ])
  ).rows[0] as CountRow;
  const answer: TileLayerCount = { layer, count: Number(row.features) };
  if (layer === 'coverage') answer.areaKm2 = Math.round((row.area_km2 ?? 0) * 1000) / 1000;
  if (layer === 'hamlets') {
    const hamlets = Number(row.assessed);
    const covered = Number(row.covered);
    answer.verdicts = {
      operator: f.operators?.[0] ?? ANY_OPERATOR,
      technologyGroup: f.technologyGroups?.[0] ?? 'broadband',
      hamlets,
      covered,
      lomSong: Number(row.lom_song),
      trangSong: Number(row.trang_song),
      coverageRatio: hamlets > 0 ? covered / hamlets : null,
      population: Number(row.population),
      populationCovered: Number(row.population_covered),
    };
  }
  return answer;
}

/**
 * GET /api/layers/{layer}/count for the tiled layers (tile-layers.ts): the
 * number of features under the tile filters over the whole layer, one count(*)
 * in SQL (hatang_tile_layer_count). ETag of the request and the data version
 * of the tables the layer reads, as the tiles; the answer is kept in process.
 */
export function tileCountRoutes(knex: Knex, auth: Pick<AuthSettings, 'anonymousRead'>): Router {
  const cacheControl = `${auth.anonymousRead ? 'public' : 'private'}, max-age=${COUNT_MAX_AGE_S}, stale-while-revalidate=${COUNT_STALE_WHILE_REVALIDATE_S}`;
  const cache = new AnswerCache<string>(COUNT_CACHE_BYTES);
  const router = Router();
  router.get('/layers/:layer/count', async (req, res) => {
    const layer = String(req.params.layer);
    if (!isTileLayer(layer)) {
      throw new HttpProblem(404, 'tile-count-unknown-layer', { layer: layer.slice(0, 50), layers: tileLayerNames.join(', ') });
    }
    assertOnlyParameters(req, countParameters(layer));
    const filter = await parseTileFilter(knex, req, layer);
    const query = Object.fromEntries(Object.entries(req.query).filter(([name]) => !tileParametersNotInTile.includes(name)));
    if (!auth.anonymousRead) res.vary('Cookie').vary('Authorization');
    await sendVersionedJson(
      knex,
      req,
      res,
      { cache, tables: tablesOfLayer[layer], key: ['layer-count', layer, canonicalQuery(query)], cacheControl },
      () => layerCount(knex, layer, filter),
    );
  });
  return router;
}
