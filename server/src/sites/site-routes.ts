import { Router } from 'express';
import type { Knex } from 'knex';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode } from '../http/query-params.js';
import { findSiteDetail } from './site-queries.js';
import { etagOf } from '../records/record-version.js';

export function siteRoutes(knex: Knex): Router {
  const router = Router();
  router.get('/sites/:code', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const code = parseCode(String(req.params.code), 'code')!;
    const detail = await findSiteDetail(knex, code);
    if (!detail) throw new HttpProblem(404, 'unknown-site', { code });
    res.set('ETag', etagOf(detail.site.version)).json(detail);
  });
  return router;
}
