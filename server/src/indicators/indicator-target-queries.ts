import type { Knex } from 'knex';
import type { IndicatorTarget } from '../contracts/indicator-registry-contracts.js';
import type { UnitLevel } from '../contracts/domain-enums.js';

type Db = Knex | Knex.Transaction;

interface TargetRow {
  id: number;
  indicator_code: string;
  target_year: number;
  value: number;
  document: string | null;
  note: string | null;
  version: number;
  updated_at: string;
  updated_by: string;
  unit_id: number | null;
  boundary_set: string | null;
  unit_code: string | null;
  unit_name: string | null;
  unit_level: UnitLevel | null;
}

/** ISO 8601 in UTC, the same text on both databases (their drivers hand timestamps back differently). */
export const isoTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const selectTargets = `
  SELECT t.id, t.indicator_code, t.target_year, t.value, t.document, t.note, t.version,
         ${isoTimestamp('t.updated_at')} AS updated_at, t.updated_by,
         t.unit_id, u.boundary_set, u.code AS unit_code, u.name AS unit_name, u.level AS unit_level
    FROM indicator_targets t
    JOIN indicator_definitions d ON d.code = t.indicator_code
    LEFT JOIN admin_units u ON u.id = t.unit_id`;

/** Indicators in the catalogue's order; within one, by year, the every-unit target first, then by unit. */
const orderTargets = `ORDER BY d.sort_order, t.target_year, t.unit_id IS NOT NULL, u.boundary_set COLLATE "C", u.code COLLATE "C"`;

function targetOf(r: TargetRow): IndicatorTarget {
  return {
    id: Number(r.id),
    indicator: r.indicator_code,
    year: Number(r.target_year),
    unit: r.unit_id === null ? null : { boundarySet: r.boundary_set!, code: r.unit_code!, name: r.unit_name!, level: r.unit_level! },
    value: Number(r.value),
    document: r.document,
    note: r.note,
    version: Number(r.version),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export async function listTargets(db: Db): Promise<IndicatorTarget[]> {
  return ((await db.raw(`${selectTargets} ${orderTargets}`)).rows as TargetRow[]).map(targetOf);
}

/** One target; `lock` holds its row until the transaction ends (an edit or a delete). */
export async function targetById(db: Db, id: number, lock = false): Promise<IndicatorTarget | null> {
  const row = (await db.raw(`${selectTargets} WHERE t.id = ?${lock ? ' FOR UPDATE OF t' : ''}`, [id])).rows[0] as TargetRow | undefined;
  return row ? targetOf(row) : null;
}

/** The target with the same natural key (indicator, unit or every unit, year), other than `exceptId`. */
export async function sameTarget(db: Db, key: { indicator: string; unitId: number | null; year: number }, exceptId?: number): Promise<number | null> {
  const row = (
    await db.raw(
      `SELECT id FROM indicator_targets
        WHERE indicator_code = ? AND coalesce(unit_id, 0) = coalesce(?::int, 0) AND target_year = ? AND id <> ?`,
      [key.indicator, key.unitId, key.year, exceptId ?? 0],
    )
  ).rows[0] as { id: number } | undefined;
  return row ? Number(row.id) : null;
}
