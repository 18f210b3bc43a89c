import { Router } from 'express';
import type { Knex } from 'knex';
import { AnswerCache } from '../cache/answer-cache.js';
import { sendVersionedJson } from '../cache/versioned-json.js';
import type { Health, Meta } from '../contracts/api-contracts.js';
import type { DatabaseKind } from '../db/database.js';
import { DEMO_SOURCE } from '../demo/demo-constants.js';
import { assertOnlyParameters } from '../http/query-params.js';

// Rows written by the demo generator carry DEMO_SOURCE; the UI then says the data is synthetic.

async function hasDemoData(knex: Knex): Promise<boolean> {
  const row = (await knex.raw('SELECT EXISTS (SELECT 1 FROM operators WHERE source = ?) AS demo', [DEMO_SOURCE])).rows[0];
  return Boolean(row?.demo);
}

/** The tables GET /api/meta reads (the sites, bts and fiber_routes views read their records). */
const metaTables = ['operators', 'boundary_sets', 'admin_units', 'site_records', 'bts_records', 'hamlets', 'fiber_route_records'];

export function metaRoutes(knex: Knex, databaseKind: DatabaseKind): Router {
  const router = Router();
  // A handful of versions of a small answer: the counts nationally sum 150,000 km of fibre (0.3 s).
  const cache = new AnswerCache<string>(1024 * 1024);

  router.get('/health', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const row = (await knex.raw('SELECT postgis_lib_version() AS postgis')).rows[0] as { postgis: string };
    const body: Health = { status: 'ok', database: databaseKind, postgis: row.postgis, demoData: await hasDemoData(knex) };
    res.json(body);
  });

  router.get('/meta', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    await sendVersionedJson(knex, req, res, { cache, tables: metaTables, key: ['meta'], cacheControl: 'no-cache' }, () => metaOf(knex));
  });
  return router;
}

/** GET /api/meta: operators, boundary sets, the default set's extent and the register's counts. */
async function metaOf(knex: Knex): Promise<Meta> {
  const operators = (
    await knex.raw(`SELECT code, name, short_name AS "shortName", kind, colour, mnc FROM operators ORDER BY kind, code`)
  ).rows as Meta['operators'];
  const boundarySets = (
    await knex.raw(`SELECT code, name, levels, is_default AS "isDefault" FROM boundary_sets ORDER BY valid_from, code`)
  ).rows as Meta['boundarySets'];
  const extentRow = (
    await knex.raw(`SELECT ST_XMin(e) AS a, ST_YMin(e) AS b, ST_XMax(e) AS c, ST_YMax(e) AS d
                      FROM (SELECT ST_Extent(a.geom)::geometry AS e FROM admin_units a
                              JOIN boundary_sets bs ON bs.code = a.boundary_set AND bs.is_default
                             WHERE a.level = 'province') x`)
  ).rows[0] as { a: number | null; b: number; c: number; d: number };
  const counts = (
    await knex.raw(`SELECT (SELECT count(*) FROM sites WHERE status <> 'decommissioned')::int AS sites,
                           (SELECT count(*) FROM bts WHERE status <> 'decommissioned')::int AS bts,
                           (SELECT count(*) FROM hamlets)::int AS hamlets,
                           round((coalesce((SELECT sum(ST_Length(geom::geography)) FROM fiber_routes
                                             WHERE status <> 'decommissioned'), 0) / 1000)::numeric, 1)::float8 AS "fiberKm"`)
  ).rows[0] as Meta['counts'];
  const body: Meta = {
    operators,
    boundarySets,
    extent: extentRow.a === null ? null : [extentRow.a, extentRow.b, extentRow.c, extentRow.d],
    demoData: await hasDemoData(knex),
    counts,
  };
  return body;
}
