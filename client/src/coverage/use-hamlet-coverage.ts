import { fetchHamletCoverage, hamletCoverageUrl } from '../api/api-client.js';
import { useCachedAnswer, type CachedAnswerLoad } from '../api/use-cached-answer.js';
import type { HamletCoverageResponse, Scenario } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import type { CoverageChoice } from '../url/view-state.js';

export type HamletCoverageLoad = CachedAnswerLoad<HamletCoverageResponse>;

/**
 * GET /api/hamlets/coverage for the coverage choice and the unit filter: one
 * row per hamlet and the summary. One answer feeds the choropleth, the table
 * and the ratio; the verdict filter of the table is applied here in the client,
 * so the summary always counts every hamlet of the unit.
 */
export function useHamletCoverage(
  enabled: boolean,
  coverage: CoverageChoice,
  unit: string | null,
  boundarySet: string | null,
  lang: Lang,
  /** Changes after a write to the register (verdicts are recomputed on the server); the rows are then loaded again. */
  registerRevision = 0,
  scenario: Scenario = 'current',
): HamletCoverageLoad {
  const query = { operator: coverage.operator, technology: coverage.group, unit, boundarySet, scenario };
  // The language changes only the text of errors: one cache entry for both.
  const key = `${registerRevision} ${hamletCoverageUrl(query, 'vi')}`;
  return useCachedAnswer(enabled, key, (signal) => fetchHamletCoverage(query, lang, signal), lang);
}
