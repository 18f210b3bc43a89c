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
 * Everything from scratch, in one transaction: footprints of every on-air BTS,
 * the unions, every hamlet's verdicts and every gap. Readers see the old
 * coverage until it commits.
 */
export async function recomputeAllCoverage(knex: Knex, params: CoverageParams): Promise<RecomputeSummary> {
  const json = JSON.stringify(params);
  return knex.transaction(async (trx) => {
    const t0 = performance.now();
    const one = async (sql: string) => Number(Object.values((await trx.raw(sql, [json])).rows[0] as object)[0]);
    const footprints = await one('SELECT hatang_recompute_footprints(?::jsonb, NULL) AS n');
    const t1 = performance.now();
    const unions = Number((await trx.raw('SELECT hatang_recompute_unions() AS n')).rows[0].n);
    const t2 = performance.now();
    const hamletVerdicts = await one('SELECT hatang_recompute_hamlet_coverage(?::jsonb, NULL) AS n');
    const t3 = performance.now();
    const gapParts = await one('SELECT hatang_recompute_gaps(?::jsonb, NULL) AS n');
    const t4 = performance.now();
    // Every hamlet has a verdict for every union; fewer rows would mean an
    // overlay silently lost one, so the whole recompute is rolled back.
    const expected = Number((await trx.raw('SELECT ((SELECT count(*) FROM hamlets) * (SELECT count(*) FROM coverage_unions))::int AS n')).rows[0].n);
    if (hamletVerdicts !== expected) throw new Error(`coverage recompute wrote ${hamletVerdicts} hamlet verdicts, expected ${expected}`);
    const r = (x: number) => Math.round(x);
    return {
      footprints,
      unions,
      hamletVerdicts,
      gapParts,
      ms: { footprints: r(t1 - t0), unions: r(t2 - t1), verdicts: r(t3 - t2), gaps: r(t4 - t3), total: r(t4 - t0) },
    };
  });
}
