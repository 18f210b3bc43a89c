import type { Knex } from 'knex';
import type { ReportedValue } from '../contracts/indicator-registry-contracts.js';
import type { UnitLevel } from '../contracts/domain-enums.js';
import { isoTimestamp } from './indicator-target-queries.js';

type Db = Knex | Knex.Transaction;

interface ReportedValueRow {
  id: number;
  indicator_code: string;
  period_code: string;
  value: number;
  document: string | null;
  note: string | null;
  version: number;
  updated_at: string;
  updated_by: string;
  source: string;
  import_id: number | null;
  boundary_set: string;
  unit_code: string;
  unit_name: string;
  unit_level: UnitLevel;
}

const selectValues = `
  SELECT v.id, v.indicator_code, v.period_code, v.value, v.document, v.note, v.version,
         ${isoTimestamp('v.updated_at')} AS updated_at, v.updated_by, v.source, v.import_id,
         u.boundary_set, u.code AS unit_code, u.name AS unit_name, u.level AS unit_level
    FROM indicator_reported_values v
    JOIN indicator_definitions d ON d.code = v.indicator_code
    JOIN admin_units u ON u.id = v.unit_id
    JOIN reporting_periods p ON p.code = v.period_code`;

function reportedValueOf(r: ReportedValueRow): ReportedValue {
  return {
    id: Number(r.id),
    indicator: r.indicator_code,
    period: r.period_code,
    unit: { boundarySet: r.boundary_set, code: r.unit_code, name: r.unit_name, level: r.unit_level },
    value: Number(r.value),
    document: r.document,
    note: r.note,
    version: Number(r.version),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    source: r.source,
    importId: r.import_id === null ? null : Number(r.import_id),
  };
}

export interface ReportedValueFilter {
  indicator?: string;
  boundarySet?: string;
  unitId?: number;
  period?: string;
}

/** The reported values matching every filter given: by indicator (catalogue order), boundary set, unit code, then period. */
export async function listReportedValues(db: Db, filter: ReportedValueFilter): Promise<ReportedValue[]> {
  const rows = (
    await db.raw(
      `${selectValues}
        WHERE (?::text IS NULL OR v.indicator_code = ?)
          AND (?::text IS NULL OR u.boundary_set = ?)
          AND (?::int IS NULL OR v.unit_id = ?)
          AND (?::text IS NULL OR v.period_code = ?)
        ORDER BY d.sort_order, u.boundary_set COLLATE "C", u.code COLLATE "C", p.starts_on, p.ends_on DESC`,
      [
        filter.indicator ?? null, filter.indicator ?? null,
        filter.boundarySet ?? null, filter.boundarySet ?? null,
        filter.unitId ?? null, filter.unitId ?? null,
        filter.period ?? null, filter.period ?? null,
      ],
    )
  ).rows as ReportedValueRow[];
  return rows.map(reportedValueOf);
}

export async function reportedValueById(db: Db, id: number, lock = false): Promise<ReportedValue | null> {
  const row = (await db.raw(`${selectValues} WHERE v.id = ?${lock ? ' FOR UPDATE OF v' : ''}`, [id])).rows[0] as ReportedValueRow | undefined;
  return row ? reportedValueOf(row) : null;
}

/** The id of the value already entered for (indicator, unit, period), if any. */
export async function sameReportedValue(db: Db, key: { indicator: string; unitId: number; period: string }): Promise<number | null> {
  const row = (
    await db.raw('SELECT id FROM indicator_reported_values WHERE indicator_code = ? AND unit_id = ? AND period_code = ?', [key.indicator, key.unitId, key.period])
  ).rows[0] as { id: number } | undefined;
  return row ? Number(row.id) : null;
}
