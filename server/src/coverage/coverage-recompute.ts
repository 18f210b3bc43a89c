import type { Knex } from 'knex';
import type { Config } from '../config.js';
import { resolveLinkBudget, type LinkBudgetEntry } from './link-budget.js';

export interface CoverageParams {
  theta: number;
  minGapAreaM2: number;
  mobileHeightM: number;
  linkBudget: LinkBudgetEntry[];
}

export function coverageParamsFrom(config: Pick<Config, 'coverageTheta' | 'minGapAreaM2' | 'mobileHeightM' | 'linkBudgetJson'>): CoverageParams {
  return {
    theta: config.coverageTheta,
    minGapAreaM2: config.minGapAreaM2,
    mobileHeightM: config.mobileHeightM,
    linkBudget: resolveLinkBudget(config.linkBudgetJson),
  };
}

export interface RecomputeSummary {
  footprints: number;
  unions: number;
  hamletVerdicts: number;
  gapParts: number;
  ms: { footprints: number; unions: number; verdicts: number; gaps: number; total: number };
}

/**
 * Everything from scratch, in one transaction: footprints of every on-air and
 * approved BTS, the unions, every gap and every hamlet's verdicts, each in both
 * scenarios (current = on air; planned = on air + approved, copying the current
 * results wherever nothing approved differs). Readers see the old coverage
 * until it commits.
 */
export async function recomputeAllCoverage(knex: Knex, params: CoverageParams): Promise<RecomputeSummary> {
  const json = JSON.stringify(params);
  return knex.transaction(async (trx) => {
    // A batch over the whole register (minutes for a country): the per-statement
    // limit that keeps interactive requests short does not apply to it.
    await trx.raw('SET LOCAL statement_timeout = 0');
    const t0 = performance.now();
    const one = async (sql: string) => Number(Object.values((await trx.raw(sql, [json])).rows[0] as object)[0]);
    const footprints = await one('SELECT hatang_recompute_footprints(?::jsonb, NULL) AS n');
    const t1 = performance.now();
    const unions = Number((await trx.raw('SELECT hatang_recompute_unions(NULL, NULL) AS n')).rows[0].n);
    const t2 = performance.now();
    const gapParts = await one('SELECT hatang_recompute_gaps(?::jsonb, NULL) AS n');
    const t3 = performance.now();
    // Last: its new table takes hamlet_coverage's place under a lock that
    // readers wait on until the commit (350), so nothing long may follow it.
    const hamletVerdicts = await one('SELECT hatang_recompute_hamlet_coverage(?::jsonb, NULL) AS n');
    const t4 = performance.now();
    await assertEveryVerdictWritten(trx, hamletVerdicts);
    const r = (x: number) => Math.round(x);
    return {
      footprints,
      unions,
      hamletVerdicts,
      gapParts,
      ms: { footprints: r(t1 - t0), unions: r(t2 - t1), gaps: r(t3 - t2), verdicts: r(t4 - t3), total: r(t4 - t0) },
    };
  });
}

export interface IncrementalSummary {
  footprints: number;
  operators: string[];
  hamlets: number;
  /** True when the set of unions changed (an operator's first or last BTS), so every hamlet was re-assessed. */
  allHamlets: boolean;
  ms: number;
}

/**
 * After BTS were added, moved, edited, approved or removed (ids of the BTS,
 * whatever their status now): rebuilds their footprints, the unions of their
 * operators (and the any-operator unions) in the grid cells the old and new
 * footprints reach, and the verdicts and gaps of the
 * hamlets under their old or new footprints, in both scenarios — the same
 * functions as the full recompute, so both paths give identical results (a
 * hamlet's planned rows are recomputed or copied by the same rule: whether an
 * approved footprint touches it). Runs in the caller's transaction when given one.
 */
export async function recomputeCoverageForBts(
  knex: Knex,
  params: CoverageParams,
  btsIds: number[],
  /** Operators the BTS belonged to before the change (an operator change rebuilds both unions). */
  previousOperators: string[] = [],
): Promise<IncrementalSummary> {
  const json = JSON.stringify(params);
  const run = async (trx: Knex.Transaction) => {
    const t0 = performance.now();
    // Footprints before the change, and the union keys before it.
    await trx.raw(`CREATE TEMP TABLE IF NOT EXISTS coverage_touched_area (geom geometry) ON COMMIT DROP`);
    await trx.raw('TRUNCATE coverage_touched_area');
    await trx.raw('INSERT INTO coverage_touched_area SELECT geom FROM coverage_footprints WHERE bts_id = ANY (?::integer[])', [btsIds]);
    const keysBefore = await unionKeys(trx);
    const footprints = Number((await trx.raw('SELECT hatang_recompute_footprints(?::jsonb, ?::integer[]) AS n', [json, btsIds])).rows[0].n);
    await trx.raw('INSERT INTO coverage_touched_area SELECT geom FROM coverage_footprints WHERE bts_id = ANY (?::integer[])', [btsIds]);
    const operators = (
      // bts_records, not the live view: a BTS just soft-deleted must still rebuild its operator's unions.
      await trx.raw('SELECT DISTINCT o.code FROM bts_records b JOIN operators o ON o.id = b.operator_id WHERE b.id = ANY (?::integer[]) ORDER BY 1', [btsIds])
    ).rows.map((r: { code: string }) => r.code) as string[];
    for (const code of previousOperators) if (!operators.includes(code)) operators.push(code);
    operators.sort();
    // Only the grid cells the old and new footprints reach: the rest of each union is unchanged.
    await trx.raw(
      `SELECT hatang_recompute_unions(?::text[], (SELECT coalesce(array_agg(DISTINCT c.cell), '{}')
                                                    FROM coverage_touched_area t CROSS JOIN LATERAL hatang_union_cells_of(t.geom) c(cell)))`,
      [operators],
    );
    const allHamlets = (await unionKeys(trx)) !== keysBefore;
    const hamletIds = allHamlets
      ? null
      : ((
          // Three index lookups from the few touched footprints, not one join on an OR of
          // three tests (which no index can serve: every hamlet of the country was tested, 16 s nationally).
          await trx.raw(`
            SELECT h.id FROM coverage_touched_area t JOIN hamlets h ON ST_Intersects(t.geom, h.ref_point)
            UNION
            SELECT h.id FROM coverage_touched_area t JOIN hamlets h ON ST_Intersects(t.geom, h.geom)
            UNION
            SELECT c.hamlet_id FROM coverage_touched_area t JOIN population_clusters c ON ST_Intersects(t.geom, c.geom)
            ORDER BY 1`)
        ).rows.map((r: { id: number }) => r.id) as number[]);
    await trx.raw('SELECT hatang_recompute_hamlet_coverage(?::jsonb, ?::integer[])', [json, hamletIds]);
    const hamlets = hamletIds?.length ?? Number((await trx.raw('SELECT count(*)::int AS n FROM hamlets')).rows[0].n);
    await trx.raw('SELECT hatang_recompute_gaps(?::jsonb, ?::integer[])', [json, hamletIds]);
    return { footprints, operators, hamlets, allHamlets, ms: Math.round(performance.now() - t0) };
  };
  return knex.isTransaction ? run(knex as Knex.Transaction) : knex.transaction(run);
}

async function unionKeys(trx: Knex.Transaction): Promise<string> {
  const rows = (
    await trx.raw(`SELECT scenario || '/' || operator_code || '/' || tech_group AS k FROM coverage_unions ORDER BY 1`)
  ).rows as { k: string }[];
  return rows.map((r) => r.k).join(',');
}

/**
 * Every hamlet has a verdict for every union of each scenario; fewer rows would
 * mean an overlay silently lost one, so the whole recompute is rolled back.
 */
async function assertEveryVerdictWritten(trx: Knex.Transaction, written: number): Promise<void> {
  const rows = (
    await trx.raw(`
      SELECT s.scenario,
             ((SELECT count(*) FROM hamlets) * (SELECT count(*) FROM coverage_unions u WHERE u.scenario = s.scenario))::int AS expected,
             (SELECT count(*) FROM hamlet_coverage hc WHERE hc.scenario = s.scenario)::int AS actual
        FROM (VALUES ('current'), ('planned')) s(scenario)`)
  ).rows as { scenario: string; expected: number; actual: number }[];
  const total = rows.reduce((sum, r) => sum + r.expected, 0);
  for (const r of rows) {
    if (r.actual !== r.expected) throw new Error(`coverage recompute has ${r.actual} ${r.scenario} hamlet verdicts, expected ${r.expected}`);
  }
  if (written !== total) throw new Error(`coverage recompute wrote ${written} hamlet verdicts, expected ${total}`);
}
