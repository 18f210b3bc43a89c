import { useCallback } from 'react';
import { useCachedAnswer, type CachedAnswerLoad } from '../api/use-cached-answer.js';
import type { ConsolidationResponse, Scenario, SharingResponse, SharingSummary, SiteConflictsResponse } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import {
  conflictsUrl,
  consolidationUrl,
  fetchConsolidation,
  fetchSharing,
  fetchSharingSummary,
  fetchSiteConflicts,
  sharingSummaryUrl,
  sharingUrl,
  type SharingQuery,
} from './sharing-api.js';

// Cache keys: the URL in one language (errors are the only text that changes)
// and the count of radio writes from this tab (they change the sites and so every figure).

export function useSharing(enabled: boolean, query: SharingQuery, lang: Lang, radioRevision: number): CachedAnswerLoad<SharingResponse> {
  const key = `${radioRevision} ${sharingUrl(query, 'vi')}`;
  const fetcher = useCallback((signal: AbortSignal) => fetchSharing(query, lang, signal), [query.level, query.boundarySet, query.scenario, lang]);
  return useCachedAnswer(enabled, key, fetcher);
}

export function useSharingSummary(enabled: boolean, query: SharingQuery, lang: Lang, radioRevision: number): CachedAnswerLoad<SharingSummary> {
  const key = `${radioRevision} ${sharingSummaryUrl(query, 'vi')}`;
  const fetcher = useCallback((signal: AbortSignal) => fetchSharingSummary(query, lang, signal), [query.boundarySet, query.scenario, lang]);
  return useCachedAnswer(enabled, key, fetcher);
}

export function useSiteConflicts(enabled: boolean, lang: Lang, radioRevision: number): CachedAnswerLoad<SiteConflictsResponse> {
  const fetcher = useCallback((signal: AbortSignal) => fetchSiteConflicts(lang, signal), [lang]);
  return useCachedAnswer(enabled, `${radioRevision} ${conflictsUrl('vi')}`, fetcher);
}

export function useConsolidation(enabled: boolean, scenario: Scenario, lang: Lang, radioRevision: number): CachedAnswerLoad<ConsolidationResponse> {
  const fetcher = useCallback((signal: AbortSignal) => fetchConsolidation(scenario, lang, signal), [scenario, lang]);
  return useCachedAnswer(enabled, `${radioRevision} ${consolidationUrl(scenario, 'vi')}`, fetcher);
}
