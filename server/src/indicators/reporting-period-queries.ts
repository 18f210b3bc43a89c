import type { Knex } from 'knex';
import { periodCodePattern, type ReportingPeriod } from '../contracts/indicator-registry-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { periodOfCode } from './reporting-period-rules.js';

type Db = Knex | Knex.Transaction;

/** Every declared reporting period, by first day, the longer period first (2025 before 2025-H1 before 2025-Q1 before 2025-01). */
export async function listPeriods(db: Db): Promise<ReportingPeriod[]> {
  const rows = (
    await db.raw(`SELECT code, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
                    FROM reporting_periods ORDER BY starts_on, ends_on DESC, code COLLATE "C"`)
  ).rows as { code: string; starts_on: string; ends_on: string }[];
  return rows.map((r) => {
    // Kind and label follow from the code (the table's check admits only well-formed codes); the dates are the stored ones.
    const meaning = periodOfCode(r.code)!;
    return { ...meaning, startsOn: r.starts_on, endsOn: r.ends_on };
  });
}

export async function periodExists(db: Db, code: string): Promise<boolean> {
  return (await db.raw('SELECT 1 FROM reporting_periods WHERE code = ?', [code])).rows.length > 0;
}

/** A well-formed (400 period-format) and declared (400 unknown-period) reporting period, for reads and writes alike. */
export async function assertPeriod(db: Db, period: string, parameter = 'period'): Promise<void> {
  if (!periodCodePattern.test(period)) throw new HttpProblem(400, 'period-format', { period: period.slice(0, 32) }, parameter);
  if (!(await periodExists(db, period))) throw new HttpProblem(400, 'unknown-period', { period }, parameter);
}
