import { apiFetch, getJson, postJson, readJson } from '../api/api-client.js';
import type {
  BoundarySet,
  IndicatorRegistry,
  IndicatorSnapshot,
  IndicatorSnapshotCreate,
  IndicatorsResponse,
  IndicatorTarget,
  IndicatorTargetCreate,
  IndicatorTargetUpdate,
  IndicatorUnitsResponse,
  ReportedValue,
  ReportedValueCreate,
  ReportedValueUpdate,
  Scenario,
  UnitLevel,
} from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

// The plan indicators' reads and the planners' writes. Parameters the server
// would default anyway (current scenario, the default boundary set, no period)
// are left out, so a link made without them asks for the same thing.

export interface IndicatorsQuery {
  boundarySet: string | null;
  /** null: the set's province. */
  unit: string | null;
  scenario: Scenario;
  /** null: each reported indicator's latest period. */
  period: string | null;
}

export interface IndicatorUnitsQuery {
  boundarySet: string | null;
  /** null: the level below the parent (or the set's finest without a parent). */
  level: UnitLevel | null;
  scenario: Scenario;
  period: string | null;
  parent: string | null;
}

function withParams(path: string, entries: [string, string | null | undefined][]): string {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (value !== null && value !== undefined && value !== '') params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

const scenarioParam = (scenario: Scenario) => (scenario === 'current' ? null : scenario);

export function indicatorsUrl(query: IndicatorsQuery, lang: Lang | null): string {
  return withParams('/api/indicators', [
    ['unit', query.unit],
    ['boundarySet', query.boundarySet],
    ['scenario', scenarioParam(query.scenario)],
    ['period', query.period],
    ['lang', lang],
  ]);
}

export function indicatorUnitsUrl(query: IndicatorUnitsQuery, lang: Lang | null): string {
  return withParams('/api/indicators/units', [
    ['boundarySet', query.boundarySet],
    ['level', query.level],
    ['scenario', scenarioParam(query.scenario)],
    ['period', query.period],
    ['parent', query.parent],
    ['lang', lang],
  ]);
}

/** /api/exports/indicators.csv|xlsx with the table's own parameters: the file holds the rows the table shows. */
export function indicatorExportUrl(format: 'csv' | 'xlsx', query: IndicatorUnitsQuery, lang: Lang): string {
  return withParams(`/api/exports/indicators.${format}`, [
    ['boundarySet', query.boundarySet],
    ['level', query.level],
    ['scenario', scenarioParam(query.scenario)],
    ['period', query.period],
    ['parent', query.parent],
    ['lang', lang],
  ]);
}

export function fetchIndicators(query: IndicatorsQuery, lang: Lang, signal?: AbortSignal): Promise<IndicatorsResponse> {
  return getJson<IndicatorsResponse>(indicatorsUrl(query, lang), lang, signal);
}

export function fetchIndicatorUnits(query: IndicatorUnitsQuery, lang: Lang, signal?: AbortSignal): Promise<IndicatorUnitsResponse> {
  return getJson<IndicatorUnitsResponse>(indicatorUnitsUrl(query, lang), lang, signal);
}

export async function fetchBoundarySets(lang: Lang, signal?: AbortSignal): Promise<BoundarySet[]> {
  return (await getJson<{ boundarySets: BoundarySet[] }>(`/api/boundary-sets?lang=${lang}`, lang, signal)).boundarySets;
}

export function fetchIndicatorRegistry(lang: Lang, signal?: AbortSignal): Promise<IndicatorRegistry> {
  // A planner's target edit must see the version on the server, not a cached one.
  return getJson<IndicatorRegistry>(`/api/indicator-registry?lang=${lang}`, lang, signal, 'no-store');
}

export function postSnapshot(body: IndicatorSnapshotCreate, lang: Lang): Promise<IndicatorSnapshot> {
  return postJson<IndicatorSnapshot>(`/api/indicator-snapshots?lang=${lang}`, body, lang);
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

export function postTarget(body: IndicatorTargetCreate, lang: Lang): Promise<IndicatorTarget> {
  return postJson<IndicatorTarget>(`/api/indicator-targets?lang=${lang}`, body, lang);
}

/** A stale version answers 412 with the target as it is now (`current`, `currentVersion`). */
export async function patchTarget(id: number, changes: IndicatorTargetUpdate, version: number, lang: Lang): Promise<IndicatorTarget> {
  return readJson<IndicatorTarget>(await apiFetch(`/api/indicator-targets/${id}?lang=${lang}`, { method: 'PATCH', lang, body: changes, headers: ifMatch(version) }));
}

export async function fetchReportedValues(query: { indicator: string; boundarySet: string | null; unit: string; period: string }, lang: Lang): Promise<ReportedValue[]> {
  const url = withParams('/api/reported-values', [
    ['indicator', query.indicator],
    ['boundarySet', query.boundarySet],
    ['unit', query.unit],
    ['period', query.period],
    ['lang', lang],
  ]);
  return (await getJson<{ values: ReportedValue[] }>(url, lang, undefined, 'no-store')).values;
}

export function postReportedValue(body: ReportedValueCreate, lang: Lang): Promise<ReportedValue> {
  return postJson<ReportedValue>(`/api/reported-values?lang=${lang}`, body, lang);
}

export async function patchReportedValue(id: number, changes: ReportedValueUpdate, version: number, lang: Lang): Promise<ReportedValue> {
  return readJson<ReportedValue>(await apiFetch(`/api/reported-values/${id}?lang=${lang}`, { method: 'PATCH', lang, body: changes, headers: ifMatch(version) }));
}
