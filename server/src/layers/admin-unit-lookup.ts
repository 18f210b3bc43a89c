import type { Knex } from 'knex';
import { HttpProblem } from '../http/http-problem.js';

/** The boundary set a request names, or the default one; unknown names are a 400. */
export async function resolveBoundarySet(knex: Knex, requested: string | undefined): Promise<string> {
  const sets: { code: string; is_default: boolean }[] = (await knex.raw('SELECT code, is_default FROM boundary_sets ORDER BY code')).rows;
  if (requested === undefined) {
    return sets.find((s) => s.is_default)?.code ?? sets[0]?.code ?? '2023';
  }
  if (!sets.some((s) => s.code === requested)) {
    throw new HttpProblem(400, 'unknown-boundary-set', {
      boundarySet: requested.slice(0, 32),
      allowed: sets.map((s) => s.code).join(', ') || '—',
    }, 'boundarySet');
  }
  return requested;
}

/** The id of unit `code` in `boundarySet`; an unknown code is a 400 naming the parameter. */
export async function resolveUnitId(knex: Knex, code: string | undefined, boundarySet: string): Promise<number | null> {
  if (code === undefined) return null;
  const row = (await knex.raw('SELECT id FROM admin_units WHERE boundary_set = ? AND code = ?', [boundarySet, code])).rows[0] as
    | { id: number }
    | undefined;
  if (!row) throw new HttpProblem(400, 'unknown-unit', { unit: code, boundarySet }, 'unit');
  return row.id;
}

export async function operatorCodes(knex: Knex): Promise<string[]> {
  return (await knex.raw('SELECT code FROM operators ORDER BY code')).rows.map((r: { code: string }) => r.code);
}
