import type { Knex } from 'knex';
import type { AppliedTarget, IndicatorDefinition, IndicatorStatus, ReportedFigure, TrendPoint } from '../contracts/indicator-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';
import { computedIndicators } from './indicator-catalogue.js';
import type { ComputedFigure } from './indicator-queries.js';
import { appliedTargets } from './indicator-target-lookup.js';

/** What a unit's indicator shows: its value, the counts behind it, the target that applies and how it stands. */
export interface IndicatorStanding {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: AppliedTarget | null;
  gap: number | null;
  status: IndicatorStatus;
}

/**
 * A computed indicator's value is numerator ÷ denominator (null when nothing is
 * counted); a reported one's is the reported figure. Every indicator of the
 * plan is "higher is better": met when value ≥ target.
 */
export function standing(
  def: IndicatorDefinition,
  computed: ComputedFigure | undefined,
  reported: ReportedFigure | undefined,
  target: AppliedTarget | undefined,
): IndicatorStanding {
  let value: number | null;
  let numerator: number | null = null;
  let denominator: number | null = null;
  if (def.source === 'computed') {
    numerator = computed?.numerator ?? 0;
    denominator = computed?.denominator ?? 0;
    value = denominator === 0 ? null : numerator / denominator;
  } else {
    value = reported?.value ?? null;
  }
  const applied = target ?? null;
  const gap = applied === null || value === null ? null : value - applied.value;
  const status: IndicatorStatus = gap === null ? null : gap >= -1e-12 ? 'met' : 'below';
  return { value, numerator, denominator, target: applied, gap, status };
}

/**
 * The targets of each unit by indicator. Until a planner sets one, the site
 * sharing ratio keeps the target of the configuration (HATANG_SHARING_TARGET),
 * read as the plan's 2025 target (Kế hoạch 540/KH-UBND runs 2023–2025).
 */
export async function targetsForUnits(
  knex: Knex,
  unitIds: number[],
  configSharingTarget: number,
): Promise<Map<number, Map<string, AppliedTarget>>> {
  const byUnit = await appliedTargets(knex, unitIds);
  for (const id of unitIds) {
    const targets = byUnit.get(id) ?? new Map<string, AppliedTarget>();
    if (!targets.has(computedIndicators.siteSharing.code)) {
      targets.set(computedIndicators.siteSharing.code, { value: configSharingTarget, year: 2025, scope: 'all', document: 'HATANG_SHARING_TARGET' });
    }
    byUnit.set(id, targets);
  }
  return byUnit;
}

/** The reported figure of each unit by indicator (entered, or derived through the crosswalk: hatang_reported_figures). */
export async function reportedForUnits(
  knex: Knex,
  boundarySet: string,
  unitIds: number[],
  period: string | null,
): Promise<Map<number, Map<string, ReportedFigure>>> {
  const rows = (
    await knex.raw('SELECT * FROM hatang_reported_figures(?, ?::integer[], ?)', [boundarySet, unitIds, period])
  ).rows as { unit_id: number; indicator_code: string; period_code: string; value: number; document: string | null; derived_from: string | null }[];
  const byUnit = new Map<number, Map<string, ReportedFigure>>();
  for (const r of rows) {
    let figures = byUnit.get(r.unit_id);
    if (!figures) byUnit.set(r.unit_id, (figures = new Map()));
    figures.set(r.indicator_code, { period: r.period_code, value: Number(r.value), document: r.document, derivedFrom: r.derived_from });
  }
  return byUnit;
}

/**
 * The history of one unit's indicators, oldest first: the saved snapshots of
 * the scenario (computed values, by unit code so that a re-imported boundary
 * keeps its history) and the values reported for the unit, dated by the
 * period's last day. Snapshot days are in Vietnam's time (UTC+7, no DST).
 */
export async function trendsForUnit(
  knex: Knex,
  q: { boundarySet: string; unitId: number; unitCode: string; scenario: Scenario },
): Promise<Map<string, TrendPoint[]>> {
  const rows = (
    await knex.raw(
      `SELECT v.indicator_code AS code, to_char((s.taken_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD') AS date,
              v.value, 'snapshot' AS kind, coalesce(s.label, to_char((s.taken_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD')) AS label,
              s.taken_at AS at
         FROM indicator_snapshot_values v JOIN indicator_snapshots s ON s.id = v.snapshot_id
        WHERE v.boundary_set = ? AND v.unit_code = ? AND s.scenario = ?
       UNION ALL
       SELECT r.indicator_code, to_char(p.ends_on, 'YYYY-MM-DD'), r.value, 'reported', r.period_code, p.ends_on::timestamptz
         FROM indicator_reported_values r JOIN reporting_periods p ON p.code = r.period_code
        WHERE r.unit_id = ?
        ORDER BY at, kind`,
      [q.boundarySet, q.unitCode, q.scenario, q.unitId],
    )
  ).rows as { code: string; date: string; value: number | null; kind: TrendPoint['kind']; label: string }[];
  const byCode = new Map<string, TrendPoint[]>();
  for (const r of rows) {
    let points = byCode.get(r.code);
    if (!points) byCode.set(r.code, (points = []));
    points.push({ date: r.date, value: r.value === null ? null : Number(r.value), kind: r.kind, label: r.label });
  }
  return byCode;
}
