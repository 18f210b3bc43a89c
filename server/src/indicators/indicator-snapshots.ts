import type { Knex } from 'knex';
import type { Actor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import type { UnitLevel } from '../contracts/domain-enums.js';
import type { IndicatorSettingsView } from '../contracts/indicator-contracts.js';
import type { IndicatorSnapshot } from '../contracts/indicator-registry-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';
import { recomputeAllCoverage, type CoverageParams } from '../coverage/coverage-recompute.js';
import { inferSites } from '../sharing/site-inference.js';
import { computedFiguresByUnit } from './indicator-queries.js';

interface SnapshotSql {
  id: number;
  taken_at: string;
  date: string;
  label: string | null;
  scenario: Scenario;
  settings: Record<string, unknown> | string;
  recomputed: boolean;
  taken_by: string;
  values: number | string;
}

const snapshotColumns = `s.id, to_char(s.taken_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS taken_at,
  to_char((s.taken_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') AS date,
  s.label, s.scenario, s.settings, s.recomputed, s.taken_by,
  (SELECT count(*) FROM indicator_snapshot_values v WHERE v.snapshot_id = s.id) AS values`;

function snapshotOf(r: SnapshotSql): IndicatorSnapshot {
  return {
    id: r.id,
    takenAt: r.taken_at,
    date: r.date,
    label: r.label,
    scenario: r.scenario,
    settings: typeof r.settings === 'string' ? (JSON.parse(r.settings) as Record<string, unknown>) : r.settings,
    recomputed: r.recomputed,
    takenBy: r.taken_by,
    values: Number(r.values),
  };
}

export async function listSnapshots(knex: Knex): Promise<IndicatorSnapshot[]> {
  return ((await knex.raw(`SELECT ${snapshotColumns} FROM indicator_snapshots s ORDER BY s.taken_at DESC, s.id DESC`)).rows as SnapshotSql[]).map(snapshotOf);
}

export async function snapshotById(knex: Knex | Knex.Transaction, id: number): Promise<IndicatorSnapshot | null> {
  const row = (await knex.raw(`SELECT ${snapshotColumns} FROM indicator_snapshots s WHERE s.id = ?`, [id])).rows[0] as SnapshotSql | undefined;
  return row ? snapshotOf(row) : null;
}

export interface SnapshotRequest {
  label: string | null;
  scenario: Scenario;
  recompute: boolean;
  actor: Actor;
  clientIp: string | null;
}

export interface SnapshotDeps {
  coverage: CoverageParams;
  settings: IndicatorSettingsView;
}

/**
 * Saves the computed indicators of every unit of every boundary set (each
 * level) as one dated snapshot: the points the dashboard's trends are drawn
 * from. With `recompute`, the coverage model and site inference are first
 * rebuilt from the register, so the snapshot does not depend on how the
 * derived tables were kept up to date. Reported indicators are not copied:
 * their history is their periods.
 */
export async function takeSnapshot(knex: Knex, deps: SnapshotDeps, q: SnapshotRequest): Promise<IndicatorSnapshot> {
  if (q.recompute) {
    await recomputeAllCoverage(knex, deps.coverage);
    await inferSites(knex, deps.settings.siteInferenceEpsM);
  }
  return knex.transaction(async (trx) => {
    const id = (
      await trx.raw(
        `INSERT INTO indicator_snapshots (label, scenario, settings, recomputed, taken_by) VALUES (?, ?, ?::jsonb, ?, ?) RETURNING id`,
        [q.label, q.scenario, JSON.stringify({ ...deps.settings, model: deps.coverage }), q.recompute, q.actor.username],
      )
    ).rows[0].id as number;
    const sets = (await trx.raw('SELECT code, levels FROM boundary_sets ORDER BY code')).rows as { code: string; levels: UnitLevel[] }[];
    for (const set of sets) {
      for (const level of set.levels) {
        const units = (await trx.raw('SELECT id, code, name FROM admin_units WHERE boundary_set = ? AND level = ?', [set.code, level])).rows as {
          id: number;
          code: string;
          name: string;
        }[];
        if (units.length === 0) continue;
        const figures = await computedFiguresByUnit(trx as unknown as Knex, {
          boundarySet: set.code,
          level,
          scenario: q.scenario,
          fiberReachM: deps.settings.fiberReachM,
        });
        const rows = units.flatMap((u) =>
          [...(figures.get(u.id)?.figures ?? new Map()).entries()].map(([code, f]) => ({
            snapshot_id: id,
            indicator_code: code,
            boundary_set: set.code,
            unit_code: u.code,
            unit_name: u.name,
            unit_level: level,
            numerator: f.numerator,
            denominator: f.denominator,
            value: f.denominator === 0 ? null : f.numerator / f.denominator,
          })),
        );
        // 9 columns: 500 rows a statement stays far below the 65,535 bind parameters of the protocol.
        for (let i = 0; i < rows.length; i += 500) await trx('indicator_snapshot_values').insert(rows.slice(i, i + 500));
      }
    }
    const snapshot = (await snapshotById(trx, id))!;
    await writeAudit(trx, { actor: q.actor, clientIp: q.clientIp }, {
      action: 'create', entity: 'indicator_snapshot', code: String(id), after: snapshot,
    });
    return snapshot;
  });
}

export async function deleteSnapshot(knex: Knex, id: number, actor: Actor, clientIp: string | null): Promise<IndicatorSnapshot | null> {
  return knex.transaction(async (trx) => {
    const before = await snapshotById(trx, id);
    if (!before) return null;
    await trx.raw('DELETE FROM indicator_snapshots WHERE id = ?', [id]);
    await writeAudit(trx, { actor, clientIp }, { action: 'delete', entity: 'indicator_snapshot', code: String(id), before });
    return before;
  });
}
