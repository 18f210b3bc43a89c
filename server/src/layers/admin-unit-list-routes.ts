import { Router } from 'express';
import type { Knex } from 'knex';
import type { AuthSettings } from '../auth/authenticate.js';
import { dataVersionOf } from '../cache/data-versions.js';
import { canonicalQuery, noneMatchHolds, versionedEtag } from '../cache/versioned-etag.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { resolveBoundarySet } from './admin-unit-lookup.js';

const LIST_MAX_AGE_S = 60;
const listLevels = ['district', 'commune'] as const;
const levelDepth: Record<string, number> = { province: 0, district: 1, commune: 2 };

/** The unit `code` of the set that `parent` names; unknown (or of another set), or not above `level`: a 400 naming `parent`, as the indicators' `parent`. */
async function resolveParent(knex: Knex, code: string, boundarySet: string, level: string): Promise<number> {
  const row = (await knex.raw('SELECT id, level FROM admin_units WHERE boundary_set = ? AND code = ?', [boundarySet, code])).rows[0] as
    | { id: number; level: string }
    | undefined;
  if (!row) throw new HttpProblem(400, 'unknown-unit', { unit: code, boundarySet }, 'parent');
  if ((levelDepth[row.level] ?? 0) >= (levelDepth[level] ?? 0)) {
    throw new HttpProblem(400, 'level-not-below-parent', { level, parent: code, parentLevel: row.level }, 'parent');
  }
  return row.id;
}

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
 * GET /api/admin-units?boundarySet=&level=district|commune&parent=: the units of
 * one level of a boundary set (default: the default set) without their
 * polygons, ordered by code: the map draws the polygons from the tiles, the unit
 * pickers (district, then commune) need only the names, the parents and a box.
 * `parent` keeps the units inside that unit (its children, or its grandchildren:
 * the communes of a province also where districts lie between): the map's
 * picker loads the communes of the chosen district only, as nationally the
 * 10,836 communes are 1.9 MB.
 */
export function adminUnitListRoutes(knex: Knex, auth: Pick<AuthSettings, 'anonymousRead'>): Router {
  const router = Router();
  router.get('/admin-units', async (req, res) => {
    assertOnlyParameters(req, ['boundarySet', 'level', 'parent', 'lang']);
    const boundarySet = await resolveBoundarySet(knex, singleParameter(req, 'boundarySet'));
    const level = parseEnumList(singleParameter(req, 'level'), 'level', listLevels, 1)?.[0] ?? 'commune';
    const parentCode = parseCode(singleParameter(req, 'parent'), 'parent');
    const parentId = parentCode === undefined ? null : await resolveParent(knex, parentCode, boundarySet, level);
    const version = await dataVersionOf(knex, ['boundary_sets', 'admin_units']);
    const etag = versionedEtag(['admin-units', canonicalQuery({ boundarySet, level, ...(parentCode === undefined ? {} : { parent: parentCode }) })], version);
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
            AND (?::integer IS NULL OR a.parent_id = ? OR p.parent_id = ?)
          ORDER BY a.code`,
        [boundarySet, level, parentId, parentId, parentId],
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
    res.json({ boundarySet, level, ...(parentCode === undefined ? {} : { parent: parentCode }), units });
  });
  return router;
}
