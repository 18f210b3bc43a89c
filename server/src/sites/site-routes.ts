import { Router } from 'express';
import type { Knex } from 'knex';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode } from '../http/query-params.js';
import { findSiteDetail } from './site-queries.js';

export function siteRoutes(knex: Knex): Router {
  const router = Router();
  router.get('/sites/:code', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const code = parseCode(String(req.params.code), 'code')!;
    const detail = await findSiteDetail(knex, code);
    if (!detail) throw new HttpProblem(404, 'unknown-site', { code });
    // No ETag: the answer holds the site and its BTS, whose edits do not change the
    // site's version, so a conditional GET would wrongly answer 304. Edits name
    // `site.version` (If-Match: "<version>" or the body's version).
    res.set('Cache-Control', 'no-store').json(detail);
  });
  return router;
}
