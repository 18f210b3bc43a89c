import type {
  FeatureCollection,
  LayerName,
  LayerPropertiesByName,
  Meta,
  Problem,
  SearchResponse,
  SiteDetail,
} from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

/** An answer other than 2xx, carrying the server's RFC 9457 problem when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** Short human text for an error caught around an API call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.problem ? error.problem.detail || error.problem.title : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

async function getJson<T>(path: string, lang: Lang, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    headers: { Accept: 'application/json', 'Accept-Language': lang },
    signal,
  });
  if (!response.ok) {
    let problem: Problem | null = null;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      problem = (await response.json().catch(() => null)) as Problem | null;
    }
    throw new ApiError(response.status, problem);
  }
  return (await response.json()) as T;
}

export function fetchMeta(lang: Lang, signal?: AbortSignal): Promise<Meta> {
  return getJson<Meta>(`/api/meta?lang=${lang}`, lang, signal);
}

/** Query string of a layer request: only the filters that layer accepts, multi-values comma-separated. */
export type LayerQuery = Record<string, string>;

export function layerUrl(layer: LayerName, query: LayerQuery): string {
  const params = new URLSearchParams(query);
  const search = params.toString();
  return `/api/layers/${layer}${search ? `?${search}` : ''}`;
}

export function fetchLayer<L extends LayerName>(
  layer: L,
  query: LayerQuery,
  lang: Lang,
  signal?: AbortSignal,
): Promise<FeatureCollection<LayerPropertiesByName[L]>> {
  return getJson(layerUrl(layer, query), lang, signal);
}

export function fetchSiteDetail(code: string, lang: Lang, signal?: AbortSignal): Promise<SiteDetail> {
  return getJson<SiteDetail>(`/api/sites/${encodeURIComponent(code)}?lang=${lang}`, lang, signal);
}

export function fetchSearch(query: string, limit: number, lang: Lang, signal?: AbortSignal): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: query, limit: String(limit), lang });
  return getJson<SearchResponse>(`/api/search?${params.toString()}`, lang, signal);
}
