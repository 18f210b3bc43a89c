import type { Knex } from 'knex';
import type { AppliedTarget } from '../contracts/indicator-contracts.js';

interface AppliedTargetRow {
  unit_id: number;
  indicator_code: string;
  target_year: number;
  value: number;
  document: string | null;
  own: boolean;
}

/**
 * The target that applies to each unit, per indicator: the unit's own target
 * wins over the one set for every unit (unit_id NULL, the province's plan);
 * among several years of the same scope, the latest year. Every unit asked
 * for is a key of the answer, with an empty map when no target applies.
 */
export async function appliedTargets(knex: Knex, unitIds: readonly number[]): Promise<Map<number, Map<string, AppliedTarget>>> {
  const answer = new Map<number, Map<string, AppliedTarget>>();
  for (const id of unitIds) answer.set(id, new Map());
  if (unitIds.length === 0) return answer;
  const rows = (
    await knex.raw(
      `SELECT DISTINCT ON (u.unit_id, t.indicator_code)
              u.unit_id, t.indicator_code, t.target_year, t.value, t.document, (t.unit_id IS NOT NULL) AS own
         FROM unnest(?::int[]) AS u (unit_id)
         JOIN indicator_targets t ON t.unit_id = u.unit_id OR t.unit_id IS NULL
        ORDER BY u.unit_id, t.indicator_code, (t.unit_id IS NOT NULL) DESC, t.target_year DESC`,
      [[...new Set(unitIds)]],
    )
  ).rows as AppliedTargetRow[];
  for (const r of rows) {
    answer.get(Number(r.unit_id))?.set(r.indicator_code, {
      value: Number(r.value),
      year: Number(r.target_year),
      scope: r.own ? 'unit' : 'all',
      document: r.document,
    });
  }
  return answer;
}

/** The target set for every unit (unit_id NULL) of the latest year, or null when there is none. */
export async function provinceWideTarget(knex: Knex, indicatorCode: string): Promise<AppliedTarget | null> {
  const row = (
    await knex.raw(
      `SELECT target_year, value, document FROM indicator_targets
        WHERE indicator_code = ? AND unit_id IS NULL ORDER BY target_year DESC LIMIT 1`,
      [indicatorCode],
    )
  ).rows[0] as Pick<AppliedTargetRow, 'target_year' | 'value' | 'document'> | undefined;
  return row ? { value: Number(row.value), year: Number(row.target_year), scope: 'all', document: row.document } : null;
}
