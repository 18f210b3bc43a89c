import type {
  CoverageModel,
  FeatureCollection,
  HamletCoverageResponse,
  HamletDetail,
  LayerName,
  LayerPropertiesByName,
  MeasurementImportResult,
  MeasurementProperties,
  Meta,
  Problem,
  RangeResponse,
  SearchResponse,
  SiteDetail,
  WhatIfRequest,
  WhatIfResponse,
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
  if (error instanceof ApiError) {
    if (!error.problem) return error.message;
    const detail = error.problem.detail || error.problem.title;
    // Field-level messages (e.g. of a what-if BTS) say what to correct; the detail may only count them.
    const fields = (error.problem.errors ?? []).map((e) => e.message).filter((m) => m !== detail);
    return fields.length > 0 ? `${detail} ${fields.join('; ')}` : detail;
  }
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
  return readJson<T>(response);
}

async function postJson<T>(path: string, body: unknown, lang: Lang, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Accept-Language': lang, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  return readJson<T>(response);
}

async function readJson<T>(response: Response): Promise<T> {
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

/** Filters of GET /api/hamlets/coverage; absent values take the server's defaults. */
export interface HamletCoverageQuery {
  operator: string;
  technology: string;
  unit: string | null;
  boundarySet: string | null;
}

export function hamletCoverageUrl(query: HamletCoverageQuery, lang: Lang): string {
  const params = new URLSearchParams({ operator: query.operator, technology: query.technology });
  if (query.unit) params.set('unit', query.unit);
  if (query.boundarySet) params.set('boundarySet', query.boundarySet);
  params.set('lang', lang);
  return `/api/hamlets/coverage?${params.toString()}`;
}

export function fetchHamletCoverage(query: HamletCoverageQuery, lang: Lang, signal?: AbortSignal): Promise<HamletCoverageResponse> {
  return getJson<HamletCoverageResponse>(hamletCoverageUrl(query, lang), lang, signal);
}

export function fetchHamletDetail(code: string, lang: Lang, signal?: AbortSignal): Promise<HamletDetail> {
  return getJson<HamletDetail>(`/api/hamlets/${encodeURIComponent(code)}?lang=${lang}`, lang, signal);
}

export function fetchCoverageModel(lang: Lang, signal?: AbortSignal): Promise<CoverageModel> {
  return getJson<CoverageModel>(`/api/coverage/model?lang=${lang}`, lang, signal);
}

export interface RangeQuery {
  technology: string;
  bandMHz: number;
  antennaHeightM: number;
  environment: string;
  eirpDbm: number;
}

export function fetchRange(query: RangeQuery, lang: Lang, signal?: AbortSignal): Promise<RangeResponse> {
  const params = new URLSearchParams({
    technology: query.technology,
    bandMHz: String(query.bandMHz),
    antennaHeightM: String(query.antennaHeightM),
    environment: query.environment,
    eirpDbm: String(query.eirpDbm),
    lang,
  });
  return getJson<RangeResponse>(`/api/coverage/range?${params.toString()}`, lang, signal);
}

export function postWhatIf(request: WhatIfRequest, lang: Lang, signal?: AbortSignal): Promise<WhatIfResponse> {
  return postJson<WhatIfResponse>(`/api/coverage/what-if?lang=${lang}`, request, lang, signal);
}

/** Filters of GET /api/layers/measurements; absent values mean all. */
export interface MeasurementQuery {
  operator: string | null;
  technology: string | null;
}

export function measurementsUrl(query: MeasurementQuery): string {
  const params = new URLSearchParams();
  if (query.operator) params.set('operator', query.operator);
  if (query.technology) params.set('technology', query.technology);
  const search = params.toString();
  return `/api/layers/measurements${search ? `?${search}` : ''}`;
}

export function fetchMeasurements(query: MeasurementQuery, lang: Lang, signal?: AbortSignal): Promise<FeatureCollection<MeasurementProperties>> {
  return getJson(measurementsUrl(query), lang, signal);
}

/** POST /api/measurements: the CSV file as the body (all rows stored, or none and a 400 listing the bad rows). */
export async function postMeasurementsCsv(file: Blob, batch: string, lang: Lang, signal?: AbortSignal): Promise<MeasurementImportResult> {
  const response = await fetch(`/api/measurements?${new URLSearchParams({ batch }).toString()}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Accept-Language': lang, 'Content-Type': 'text/csv; charset=utf-8' },
    body: file,
    signal,
  });
  return readJson<MeasurementImportResult>(response);
}
