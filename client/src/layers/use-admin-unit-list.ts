import { useCallback } from 'react';
import { getJson } from '../api/api-client.js';
import { useCachedAnswer, type CachedAnswerLoad } from '../api/use-cached-answer.js';
import type { Lang } from '../i18n/i18n-context.js';

/** One unit of GET /api/admin-units (server/src/layers/admin-unit-list-routes.ts): no polygon, a box. */
export interface AdminUnitListItem {
  code: string;
  name: string;
  level: 'district' | 'commune';
  unitType: string;
  parentCode: string | null;
  parentName: string | null;
  bbox: [number, number, number, number];
}

export interface AdminUnitList {
  boundarySet: string;
  level: 'district' | 'commune';
  /** The unit asked for as `parent`, if any. */
  parent?: string;
  units: AdminUnitListItem[];
}

/** Which units of the level a list holds: those inside `parent` only (`?parent=`), and whether it is wanted at all. */
export interface AdminUnitListScope {
  parent?: string | null;
  enabled?: boolean;
}

/**
 * The districts or communes of a boundary set as a list without polygons,
 * for the unit pickers, the planner's units and fitting the map to a unit: the
 * map draws the polygons from the tiles, so no whole-country GeoJSON is loaded.
 * Loaded again after an import of units (`revision`).
 */
export function useAdminUnitList(
  level: 'district' | 'commune',
  boundarySet: string | null,
  lang: Lang,
  revision: number,
  { parent = null, enabled = true }: AdminUnitListScope = {},
): CachedAnswerLoad<AdminUnitList> {
  const params = new URLSearchParams({ level, ...(boundarySet ? { boundarySet } : {}), ...(parent ? { parent } : {}) });
  const url = `/api/admin-units?${params.toString()}`;
  const fetcher = useCallback((signal: AbortSignal) => getJson<AdminUnitList>(url, lang, signal), [url, lang]);
  return useCachedAnswer(enabled, `${revision} ${url}`, fetcher, lang);
}

/** The lists a unit picker offers: districts (none in a two-level set) and communes; null while loading. */
export interface UnitLists {
  districts: readonly AdminUnitListItem[] | null;
  communes: readonly AdminUnitListItem[] | null;
}
