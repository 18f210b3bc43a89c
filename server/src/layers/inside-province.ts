import type { Knex } from 'knex';
import { HttpProblem } from '../http/http-problem.js';

/**
 * Refuses a point outside the province (the province units of the default
 * boundary set): a co-location search, a planned site or a proposal there is
 * a typo or swapped coordinates, not a plan. 422: the request is well formed.
 */
export async function assertInsideProvince(db: Knex | Knex.Transaction, lon: number, lat: number, parameter = 'lon'): Promise<void> {
  const inside = (
    await db.raw(
      `SELECT EXISTS (
         SELECT 1 FROM admin_units u JOIN boundary_sets b ON b.code = u.boundary_set AND b.is_default
          WHERE u.level = 'province' AND ST_Intersects(u.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))) AS inside`,
      [lon, lat],
    )
  ).rows[0] as { inside: boolean };
  if (!inside.inside) throw new HttpProblem(422, 'outside-province', { lon, lat }, parameter);
}
