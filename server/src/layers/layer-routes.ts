import { Router } from 'express';
import type { Knex } from 'knex';
import { layerFilters, layerNames, layerNameSchema } from '../contracts/layer-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters } from '../http/query-params.js';
import { parseLayerFilter } from './layer-filter-params.js';
import { layerGeoJson } from './layer-queries.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';

export function layerRoutes(knex: Knex, maxFeatures: number, sharing: Pick<SharingSettings, 'consolidationDistanceM'>): Router {
  const router = Router();
  router.get('/layers/:layer', async (req, res) => {
    const parsedLayer = layerNameSchema.safeParse(req.params.layer);
    if (!parsedLayer.success) {
      throw new HttpProblem(404, 'unknown-layer', { layer: String(req.params.layer).slice(0, 50), layers: layerNames.join(', ') });
    }
    const layer = parsedLayer.data;
    assertOnlyParameters(req, layerFilters[layer]);
    const filter = await parseLayerFilter(knex, req, layer, { limit: maxFeatures, consolidationDistanceM: sharing.consolidationDistanceM });
    const body = await layerGeoJson(knex, layer, filter);
    res.type('application/geo+json').send(body);
  });
  return router;
}
