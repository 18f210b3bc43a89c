import { getJson } from '../api/api-client.js';
import type { ConsolidationResponse, Scenario, SharingResponse, SharingSummary, SiteConflictsResponse, UnitLevel } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

/** What GET /api/sharing is asked for; null values take the server's defaults. */
export interface SharingQuery {
  level: UnitLevel | null;
  boundarySet: string | null;
  scenario: Scenario;
}

/**
 * The scenario is sent only when it is not the server's default (current), so
 * a link made before scenarios existed asks for the same thing it always did.
 */
export function sharingUrl(query: SharingQuery, lang: Lang): string {
  const params = new URLSearchParams();
  if (query.level) params.set('level', query.level);
  if (query.boundarySet) params.set('boundarySet', query.boundarySet);
  if (query.scenario !== 'current') params.set('scenario', query.scenario);
  params.set('lang', lang);
  return `/api/sharing?${params.toString()}`;
}

/** The whole set's figures only (the left panel at start): one small answer, not every unit of a national register. */
export function sharingSummaryUrl(query: Pick<SharingQuery, 'boundarySet' | 'scenario'>, lang: Lang): string {
  const params = new URLSearchParams();
  if (query.boundarySet) params.set('boundarySet', query.boundarySet);
  if (query.scenario !== 'current') params.set('scenario', query.scenario);
  params.set('lang', lang);
  return `/api/sharing/summary?${params.toString()}`;
}

export function fetchSharingSummary(query: Pick<SharingQuery, 'boundarySet' | 'scenario'>, lang: Lang, signal?: AbortSignal): Promise<SharingSummary> {
  return getJson<SharingSummary>(sharingSummaryUrl(query, lang), lang, signal);
}

export function consolidationUrl(scenario: Scenario, lang: Lang): string {
  const params = new URLSearchParams();
  if (scenario !== 'current') params.set('scenario', scenario);
  params.set('lang', lang);
  return `/api/sharing/consolidation?${params.toString()}`;
}

export function conflictsUrl(lang: Lang): string {
  return `/api/sharing/conflicts?lang=${lang}`;
}

export function fetchSharing(query: SharingQuery, lang: Lang, signal?: AbortSignal): Promise<SharingResponse> {
  return getJson<SharingResponse>(sharingUrl(query, lang), lang, signal);
}

export function fetchSiteConflicts(lang: Lang, signal?: AbortSignal): Promise<SiteConflictsResponse> {
  return getJson<SiteConflictsResponse>(conflictsUrl(lang), lang, signal);
}

export function fetchConsolidation(scenario: Scenario, lang: Lang, signal?: AbortSignal): Promise<ConsolidationResponse> {
  return getJson<ConsolidationResponse>(consolidationUrl(scenario, lang), lang, signal);
}
