import { useEffect, useRef, useState } from 'react';
import { describeError, fetchHamletCoverage, hamletCoverageUrl, isAbort } from '../api/api-client.js';
import type { HamletCoverageResponse, Scenario } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import type { CoverageChoice } from '../url/view-state.js';

export interface HamletCoverageLoad {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last answer; kept while a new choice loads, so the map and table do not flash empty. */
  data: HamletCoverageResponse | null;
  error: string | null;
}

const cacheLimit = 12;

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
  const [load, setLoad] = useState<HamletCoverageLoad>({ status: 'idle', data: null, error: null });
  const cache = useRef(new Map<string, HamletCoverageResponse>());
  const query = { operator: coverage.operator, technology: coverage.group, unit, boundarySet, scenario };
  // The language changes only the text of errors: one cache entry for both.
  const key = `${registerRevision} ${hamletCoverageUrl(query, 'vi')}`;

  useEffect(() => {
    if (!enabled) return;
    const cached = cache.current.get(key);
    if (cached) {
      setLoad({ status: 'ready', data: cached, error: null });
      return;
    }
    const controller = new AbortController();
    setLoad((prev) => ({ status: 'loading', data: prev.data, error: null }));
    fetchHamletCoverage(query, lang, controller.signal)
      .then((data) => {
        cache.current.set(key, data);
        if (cache.current.size > cacheLimit) {
          const oldest = cache.current.keys().next().value;
          if (oldest !== undefined) cache.current.delete(oldest);
        }
        setLoad({ status: 'ready', data, error: null });
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad((prev) => ({ status: 'error', data: prev.data, error: describeError(error) }));
      });
    return () => controller.abort();
    // query is represented by key.
  }, [enabled, key, lang]);

  return load;
}
