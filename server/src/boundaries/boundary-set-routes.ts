import { Router } from 'express';
import type { Knex } from 'knex';
import { assertOnlyParameters } from '../http/query-params.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';
import { boundarySets, crosswalk } from './boundary-crosswalk.js';

/** GET /api/boundary-sets and the crosswalk between two of them: public reads. */
export function boundarySetRoutes(knex: Knex): Router {
  const router = Router();
  router.get('/boundary-sets', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    res.json({ boundarySets: await boundarySets(knex) });
  });
  router.get('/boundary-sets/:from/crosswalk/:to', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const from = await resolveBoundarySet(knex, String(req.params.from));
    const to = await resolveBoundarySet(knex, String(req.params.to));
    res.json(await crosswalk(knex, from, to));
  });
  return router;
}
