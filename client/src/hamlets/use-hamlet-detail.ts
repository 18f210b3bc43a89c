import { useCallback } from 'react';
import { fetchHamletDetail } from '../api/api-client.js';
import { useDetailByCode, type DetailLoad } from '../api/use-detail-by-code.js';
import type { HamletDetail, Scenario } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export type HamletDetailLoad = DetailLoad<HamletDetail>;

/** GET /api/hamlets/{code}: the hamlet, its verdict per operator × technology group, and its uncovered parts, in the scenario shown. */
export function useHamletDetail(code: string, lang: Lang, scenario: Scenario = 'current'): HamletDetailLoad {
  const fetcher = useCallback((c: string, l: Lang, signal: AbortSignal) => fetchHamletDetail(c, l, signal, scenario), [scenario]);
  return useDetailByCode(fetcher, code, lang);
}
