import type { Knex } from 'knex';
import type { PlannedRadio } from '../contracts/colocation-contracts.js';
import { knownBandsMHz } from '../contracts/known-bands.js';
import { HttpProblem, type FieldError } from '../http/http-problem.js';

export interface RadioOperatorCheck {
  operatorId: number | null;
  fieldErrors: FieldError[];
  /** Run after the caller has added its own field errors: 400 naming every field, then 422 for a tower company. */
  refuse(): void;
}

/**
 * The checks of everything that places a planned BTS (co-location search, site
 * planner, proposals), before any query that does work: an operator that
 * exists and a band its technology uses (field errors, 400), and a mobile
 * operator — a tower company has no radio (422).
 */
export async function checkRadioOperator(
  db: Knex | Knex.Transaction,
  operator: string,
  radio: Pick<PlannedRadio, 'technology' | 'bandMHz'>,
  bandParameter = 'bandMHz',
): Promise<RadioOperatorCheck> {
  const row = (await db.raw('SELECT id, kind FROM operators WHERE code = ?', [operator])).rows[0] as { id: number; kind: string } | undefined;
  const fieldErrors: FieldError[] = [];
  if (!row) fieldErrors.push({ parameter: 'operator', messageKey: 'unknown-operator', params: { operator } });
  if (!knownBandsMHz[radio.technology].includes(radio.bandMHz)) {
    fieldErrors.push({
      parameter: bandParameter,
      messageKey: 'unknown-band',
      params: { band: radio.bandMHz, technology: radio.technology, allowed: knownBandsMHz[radio.technology].join(', ') },
    });
  }
  return {
    operatorId: row?.id ?? null,
    fieldErrors,
    refuse() {
      if (fieldErrors.length) throw new HttpProblem(400, 'invalid-body', { count: fieldErrors.length }, undefined, fieldErrors);
      if (row!.kind !== 'mno') throw new HttpProblem(422, 'operator-not-radio', { operator }, 'operator');
    },
  };
}
