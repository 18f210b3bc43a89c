import { Router } from 'express';
import type { Knex } from 'knex';
import type { SearchResponse, SearchResult } from '../contracts/api-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, singleParameter } from '../http/query-params.js';

const minQueryLength = 2;
const maxLimit = 50;

interface SearchRow {
  kind: SearchResult['kind'];
  code: string;
  name: string;
  context: string | null;
  lon: number;
  lat: number;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
}

export function searchRoutes(knex: Knex, maxSearchLength: number): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    assertOnlyParameters(req, ['q', 'limit', 'lang']);
    const q = (singleParameter(req, 'q') ?? '').normalize('NFC');
    // Any text is a fair query (quotes, SQL, emoji are just characters: it is a
    // bound parameter); control characters are not something a person types.
    if (/[\u0000-\u001f\u007f]/.test(q)) throw new HttpProblem(400, 'search-control-chars', {}, 'q');
    if ([...q.trim()].length < minQueryLength) throw new HttpProblem(400, 'search-empty', { min: minQueryLength }, 'q');
    if ([...q].length > maxSearchLength) throw new HttpProblem(400, 'search-too-long', { max: maxSearchLength }, 'q');
    const limitRaw = singleParameter(req, 'limit') ?? '10';
    const limit = /^\d{1,3}$/.test(limitRaw) ? Number(limitRaw) : NaN;
    if (!(limit >= 1 && limit <= maxLimit)) throw new HttpProblem(400, 'limit-range', { max: maxLimit }, 'limit');
    const rows = (await knex.raw('SELECT * FROM hatang_search(?, ?)', [q, limit])).rows as SearchRow[];
    const body: SearchResponse = {
      query: q,
      results: rows.map((r) => ({
        kind: r.kind,
        code: r.code,
        name: r.name,
        context: r.context,
        lon: r.lon,
        lat: r.lat,
        bbox: r.min_lon === null ? null : [r.min_lon, r.min_lat!, r.max_lon!, r.max_lat!],
      })),
    };
    res.json(body);
  });
  return router;
}
