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
  Scenario,
  SearchResponse,
  SiteDetail,
  WhatIfRequest,
  WhatIfResponse,
} from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import { currentCsrfToken, notifyUnauthorized, refreshCsrfToken } from './api-session.js';

/** A problem answer with its RFC 9457 extension members (e.g. `current` and `currentVersion` of a version conflict). */
export type ProblemBody = Problem & Record<string, unknown>;

/** An answer other than 2xx, carrying the server's RFC 9457 problem when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody | null,
    /** Seconds from Retry-After (429, 503), when the server sent it. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem ? `${problem.title}: ${problem.detail}` : `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** The problem's key, e.g. "version-conflict" for type urn:hatang:problem:version-conflict. */
  get kind(): string | null {
    const type = this.problem?.type ?? '';
    return type.startsWith('urn:hatang:problem:') ? type.slice('urn:hatang:problem:'.length) : null;
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

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  lang: Lang;
  /** Sent as JSON, unless it is a Blob (sent as is, with `contentType`). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** 'no-store' for records that must be read fresh after a write (see fetchSiteDetail). */
  cache?: RequestCache;
}

/** Paths whose 401 means "wrong credentials", not "your session ended". */
const credentialPaths = new Set(['/api/auth/login']);

/**
 * Every API call goes through here: the language, the session's CSRF token on
 * writes (one retry with a fresh token when the server refuses a stale one,
 * e.g. after signing in again in another tab), and the 401 that brings the
 * sign-in dialog back.
 */
export async function apiFetch(path: string, request: ApiRequest): Promise<Response> {
  const method = request.method ?? 'GET';
  const send = async (csrf: string | null): Promise<Response> => {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': request.lang, ...request.headers };
    let body: BodyInit | undefined;
    if (request.body instanceof Blob) {
      body = request.body;
      headers['Content-Type'] = request.contentType ?? 'application/octet-stream';
    } else if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    return fetch(path, { method, headers, body, signal: request.signal, credentials: 'same-origin', cache: request.cache });
  };
  let response = await send(currentCsrfToken());
  if (method !== 'GET' && response.status === 403) {
    const problem = await readProblem(response.clone());
    if (problem?.type === 'urn:hatang:problem:csrf-token') {
      const fresh = await refreshCsrfToken();
      if (fresh) response = await send(fresh);
    }
  }
  if (response.status === 401 && !credentialPaths.has(path.split('?')[0] ?? path)) notifyUnauthorized(path);
  return response;
}

async function readProblem(response: Response): Promise<ProblemBody | null> {
  if (!(response.headers.get('content-type') ?? '').includes('json')) return null;
  return (await response.json().catch(() => null)) as ProblemBody | null;
}

async function throwProblem(response: Response): Promise<never> {
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiError(response.status, await readProblem(response), Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

export async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) return throwProblem(response);
  return (await response.json()) as T;
}

/** For answers without a body (204). */
export async function readEmpty(response: Response): Promise<void> {
  if (!response.ok) return throwProblem(response);
}

export async function getJson<T>(path: string, lang: Lang, signal?: AbortSignal, cache?: RequestCache): Promise<T> {
  return readJson<T>(await apiFetch(path, { lang, signal, cache }));
}

export async function postJson<T>(path: string, body: unknown, lang: Lang, signal?: AbortSignal): Promise<T> {
  return readJson<T>(await apiFetch(path, { method: 'POST', lang, body, signal }));
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

/**
 * The site and its BTS. Never from the browser cache: the answer's ETag is the
 * site's version only, so after a change to one of its BTS a revalidation
 * would answer 304 and bring back the old BTS list.
 */
export function fetchSiteDetail(code: string, lang: Lang, signal?: AbortSignal): Promise<SiteDetail> {
  return getJson<SiteDetail>(`/api/sites/${encodeURIComponent(code)}?lang=${lang}`, lang, signal, 'no-store');
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
  /** Current (the server's default, left out) or planned. */
  scenario?: Scenario;
}

export function hamletCoverageUrl(query: HamletCoverageQuery, lang: Lang): string {
  const params = new URLSearchParams({ operator: query.operator, technology: query.technology });
  if (query.unit) params.set('unit', query.unit);
  if (query.boundarySet) params.set('boundarySet', query.boundarySet);
  if (query.scenario && query.scenario !== 'current') params.set('scenario', query.scenario);
  params.set('lang', lang);
  return `/api/hamlets/coverage?${params.toString()}`;
}

export function fetchHamletCoverage(query: HamletCoverageQuery, lang: Lang, signal?: AbortSignal): Promise<HamletCoverageResponse> {
  return getJson<HamletCoverageResponse>(hamletCoverageUrl(query, lang), lang, signal);
}

export function fetchHamletDetail(code: string, lang: Lang, signal?: AbortSignal, scenario: Scenario = 'current'): Promise<HamletDetail> {
  // Current is the server's default: left out.
  const scenarioParam = scenario === 'current' ? '' : `&scenario=${scenario}`;
  return getJson<HamletDetail>(`/api/hamlets/${encodeURIComponent(code)}?lang=${lang}${scenarioParam}`, lang, signal);
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
  const path = `/api/measurements?${new URLSearchParams({ batch }).toString()}`;
  return readJson<MeasurementImportResult>(await apiFetch(path, { method: 'POST', lang, body: file, contentType: 'text/csv; charset=utf-8', signal }));
}
