import { useCallback } from 'react';
import { fetchHamletCoverage, fetchLayer, hamletCoverageUrl, layerUrl, type HamletCoverageQuery } from '../api/api-client.js';
import { useCachedAnswer, type CachedAnswerLoad } from '../api/use-cached-answer.js';
import type { AdminUnitProperties, BoundarySet, FeatureCollection, HamletCoverageResponse, IndicatorRegistry, IndicatorsResponse, IndicatorUnitsResponse } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import {
  fetchBoundarySets,
  fetchIndicatorRegistry,
  fetchIndicators,
  fetchIndicatorUnits,
  indicatorsUrl,
  indicatorUnitsUrl,
  type IndicatorsQuery,
  type IndicatorUnitsQuery,
} from './indicator-api.js';

// Cache keys: the URL without the language (only errors change with it) and the
// dashboard's revision, bumped by every write from it (a snapshot, a target, a
// reported value) so the cards, table and trend are read again.

export function useIndicators(query: IndicatorsQuery, lang: Lang, revision: number): CachedAnswerLoad<IndicatorsResponse> {
  const fetcher = useCallback((signal: AbortSignal) => fetchIndicators(query, lang, signal), [query.boundarySet, query.unit, query.scenario, query.period, lang]);
  return useCachedAnswer(true, `${revision} ${indicatorsUrl(query, null)}`, fetcher, lang);
}

export function useIndicatorUnits(enabled: boolean, query: IndicatorUnitsQuery, lang: Lang, revision: number): CachedAnswerLoad<IndicatorUnitsResponse> {
  const fetcher = useCallback(
    (signal: AbortSignal) => fetchIndicatorUnits(query, lang, signal),
    [query.boundarySet, query.level, query.scenario, query.period, query.parent, lang],
  );
  return useCachedAnswer(enabled, `${revision} ${indicatorUnitsUrl(query, null)}`, fetcher, lang);
}

export function useBoundarySets(lang: Lang): CachedAnswerLoad<BoundarySet[]> {
  const fetcher = useCallback((signal: AbortSignal) => fetchBoundarySets(lang, signal), [lang]);
  return useCachedAnswer(true, 'boundary-sets', fetcher, lang);
}

export function useIndicatorRegistry(lang: Lang, revision: number): CachedAnswerLoad<IndicatorRegistry> {
  const fetcher = useCallback((signal: AbortSignal) => fetchIndicatorRegistry(lang, signal), [lang]);
  return useCachedAnswer(true, `${revision} registry`, fetcher, lang);
}

/** Polygons of one level of a boundary set under one unit (`parent`; null = the whole set), for the choropleth. */
export function useUnitShapes(
  enabled: boolean,
  layer: 'communes' | 'districts',
  boundarySet: string | null,
  parent: string | null,
  lang: Lang,
): CachedAnswerLoad<FeatureCollection<AdminUnitProperties>> {
  const query: Record<string, string> = { ...(boundarySet ? { boundarySet } : {}), ...(parent ? { unit: parent } : {}) };
  const queryKey = JSON.stringify(query);
  const fetcher = useCallback((signal: AbortSignal) => fetchLayer(layer, JSON.parse(queryKey) as Record<string, string>, lang, signal), [layer, queryKey, lang]);
  return useCachedAnswer(enabled, layerUrl(layer, query), fetcher, lang);
}

/** The unit's hamlets with their broadband verdict (any operator), for the drill-down's last step. */
export function useUnitHamlets(enabled: boolean, query: HamletCoverageQuery, lang: Lang, revision: number): CachedAnswerLoad<HamletCoverageResponse> {
  const fetcher = useCallback(
    (signal: AbortSignal) => fetchHamletCoverage(query, lang, signal),
    [query.operator, query.technology, query.unit, query.boundarySet, query.scenario, lang],
  );
  return useCachedAnswer(enabled, `${revision} ${hamletCoverageUrl(query, 'vi')}`, fetcher, lang);
}
