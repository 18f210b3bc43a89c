import type { Knex } from 'knex';
import type { UnitLevel } from '../contracts/domain-enums.js';
import type { BoundarySet, CrosswalkResponse, CrosswalkRow } from '../contracts/indicator-registry-contracts.js';
import { HttpProblem } from '../http/http-problem.js';

export async function boundarySets(knex: Knex): Promise<BoundarySet[]> {
  const rows = (
    await knex.raw(
      `SELECT b.code, b.name, b.levels, to_char(b.valid_from, 'YYYY-MM-DD') AS valid_from, b.is_default,
              coalesce((SELECT jsonb_object_agg(c.level, c.n) FROM (SELECT level, count(*) AS n FROM admin_units u WHERE u.boundary_set = b.code GROUP BY level) c), '{}'::jsonb) AS units
         FROM boundary_sets b ORDER BY b.valid_from, b.code`,
    )
  ).rows as { code: string; name: string; levels: UnitLevel[]; valid_from: string; is_default: boolean; units: Record<string, number> | string }[];
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    levels: r.levels,
    validFrom: r.valid_from,
    isDefault: r.is_default,
    units: Object.fromEntries(Object.entries(typeof r.units === 'string' ? (JSON.parse(r.units) as Record<string, number>) : r.units).map(([k, v]) => [k, Number(v)])),
  }));
}

/** The deepest level a boundary set has units of. */
async function deepestLevel(knex: Knex, boundarySet: string): Promise<UnitLevel> {
  const row = (
    await knex.raw(
      `SELECT level FROM admin_units WHERE boundary_set = ? ORDER BY CASE level WHEN 'commune' THEN 0 WHEN 'district' THEN 1 ELSE 2 END LIMIT 1`,
      [boundarySet],
    )
  ).rows[0] as { level: UnitLevel } | undefined;
  return row?.level ?? 'commune';
}

/** Old unit → new unit with shares of area and of people (hatang_boundary_crosswalk); both sets must exist and differ. */
export async function crosswalk(knex: Knex, from: string, to: string): Promise<CrosswalkResponse> {
  if (from === to) throw new HttpProblem(400, 'crosswalk-same-set', { boundarySet: from }, 'to');
  const rows = (await knex.raw('SELECT * FROM hatang_boundary_crosswalk(?, ?)', [from, to])).rows as {
    from_code: string; from_name: string; to_code: string; to_name: string; area_m2: number; area_share: number; population: number | string; population_share: number;
  }[];
  const crosswalkRows: CrosswalkRow[] = rows.map((r) => ({
    fromCode: r.from_code,
    fromName: r.from_name,
    toCode: r.to_code,
    toName: r.to_name,
    areaM2: Math.round(Number(r.area_m2)),
    areaShare: Number(r.area_share),
    population: Number(r.population),
    populationShare: Number(r.population_share),
  }));
  return {
    from: { boundarySet: from, level: await deepestLevel(knex, from) },
    to: { boundarySet: to, level: await deepestLevel(knex, to) },
    rows: crosswalkRows,
  };
}
