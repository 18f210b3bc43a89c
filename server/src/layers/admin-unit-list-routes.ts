import { Router } from 'express';
import type { Knex } from 'knex';
import type { AuthSettings } from '../auth/authenticate.js';
import { dataVersionOf } from '../cache/data-versions.js';
import { canonicalQuery, noneMatchHolds, versionedEtag } from '../cache/versioned-etag.js';
import { assertOnlyParameters, parseEnumList, singleParameter } from '../http/query-params.js';
import { resolveBoundarySet } from './admin-unit-lookup.js';

const LIST_MAX_AGE_S = 60;
const listLevels = ['district', 'commune'] as const;

/** One unit of GET /api/admin-units: what a unit picker lists, and the box to fit the map to. */
export interface AdminUnitListItem {
  code: string;
  name: string;
  level: string;
  unitType: string;
  parentCode: string | null;
  parentName: string | null;
  /** [west, south, east, north], EPSG:4326. */
  bbox: [number, number, number, number];
}

/**
 * GET /api/admin-units?boundarySet=&level=district|commune: the units of one
 * level of a boundary set (default: the default set) without their polygons,
 * ordered by code: the map draws the polygons from the tiles, the unit
 * pickers (district, then commune) need only the names, the parents and a box
 * (nationally 10,836 communes: ~1 MB, against the polygons' tens of MB).
 */
export function adminUnitListRoutes(knex: Knex, auth: Pick<AuthSettings, 'anonymousRead'>): Router {
  const router = Router();
  router.get('/admin-units', async (req, res) => {
    assertOnlyParameters(req, ['boundarySet', 'level', 'lang']);
    const boundarySet = await resolveBoundarySet(knex, singleParameter(req, 'boundarySet'));
    const level = parseEnumList(singleParameter(req, 'level'), 'level', listLevels, 1)?.[0] ?? 'commune';
    const version = await dataVersionOf(knex, ['boundary_sets', 'admin_units']);
    const etag = versionedEtag(['admin-units', canonicalQuery({ boundarySet, level })], version);
    res.set({ ETag: etag, 'Cache-Control': `${auth.anonymousRead ? 'public' : 'private'}, max-age=${LIST_MAX_AGE_S}` });
    if (noneMatchHolds(req.get('if-none-match'), etag)) {
      res.status(304).end();
      return;
    }
    const rows = (
      await knex.raw(
        `SELECT a.code, a.name, a.level, a.unit_type, p.code AS parent_code, p.name AS parent_name,
                ST_XMin(a.geom) AS w, ST_YMin(a.geom) AS s, ST_XMax(a.geom) AS e, ST_YMax(a.geom) AS n
           FROM admin_units a LEFT JOIN admin_units p ON p.id = a.parent_id
          WHERE a.boundary_set = ? AND a.level = ?
          ORDER BY a.code`,
        [boundarySet, level],
      )
    ).rows as { code: string; name: string; level: string; unit_type: string; parent_code: string | null; parent_name: string | null; w: number; s: number; e: number; n: number }[];
    const round = (v: number) => Math.round(Number(v) * 1e5) / 1e5;
    const units: AdminUnitListItem[] = rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level,
      unitType: r.unit_type,
      parentCode: r.parent_code,
      parentName: r.parent_name,
      bbox: [round(r.w), round(r.s), round(r.e), round(r.n)],
    }));
    res.json({ boundarySet, level, units });
  });
  return router;
}
