import { useCallback, useMemo, useRef } from 'react';
import { fetchLayer } from '../api/api-client.js';
import { useCachedAnswer } from '../api/use-cached-answer.js';
import type { Lang } from '../i18n/i18n-context.js';
import { useAdminUnitList, type UnitLists } from './use-admin-unit-list.js';

/**
 * The district of a commune no loaded list holds (a commune from a link or
 * another screen): the commune's own row of the communes layer (`?unit=`, the
 * unit alone, as the inspector loads it) names its parent (the province in a
 * two-level set). Pass only a commune's code: the layer limited to a district
 * or a province holds all its communes.
 */
export function useDistrictOfCommune(commune: string | null, boundarySet: string | null, lang: Lang, revision: number): string | null {
  const query = useMemo(() => ({ unit: commune ?? '', ...(boundarySet ? { boundarySet } : {}) }), [commune, boundarySet]);
  const fetcher = useCallback((signal: AbortSignal) => fetchLayer('communes', query, lang, signal), [query, lang]);
  const load = useCachedAnswer(commune !== null, `${revision} district of ${commune ?? ''} in ${boundarySet ?? ''}`, fetcher, lang);
  const feature = load.data?.features.find((f) => f.properties.code === commune);
  return feature?.properties.level === 'commune' ? feature.properties.parentCode : null;
}

/**
 * The map's unit picker lists: every district of the boundary set, and the
 * communes of the chosen district only (GET /api/admin-units?parent=), since
 * nationally the 10,836 communes are 1.9 MB the map should not load on opening.
 * The district is the unit chosen, or the chosen commune's. A two-level set (from
 * 1/7/2025) has no districts: its communes hang under the province and are all
 * offered, as the picker lists them. `communes` is empty while no district is
 * chosen, and null while its communes load.
 */
export function useMapUnitLists(unit: string | null, boundarySet: string | null, lang: Lang, revision: number): UnitLists {
  const districtLoad = useAdminUnitList('district', boundarySet, lang, revision);
  const districtsReady = districtLoad.status === 'ready' ? (districtLoad.data?.units ?? null) : null;
  const twoLevel = districtsReady !== null && districtsReady.length === 0;
  const unitIsDistrict = unit !== null && (districtsReady?.some((d) => d.code === unit) ?? false);

  // The parents of the communes loaded so far (by set and code): a commune picked from the list needs no look-up.
  const knownParents = useRef(new Map<string, string | null>());
  const knownKey = `${boundarySet ?? ''} ${unit ?? ''}`;
  const knownParent = knownParents.current.get(knownKey);
  const lookUp = districtsReady !== null && !twoLevel && unit !== null && !unitIsDistrict && knownParent === undefined;
  const lookedUp = useDistrictOfCommune(lookUp ? unit : null, boundarySet, lang, revision);
  const district = unitIsDistrict ? unit : (knownParent ?? lookedUp);

  const wanted = twoLevel || district !== null;
  const communeLoad = useAdminUnitList('commune', boundarySet, lang, revision, { parent: twoLevel ? null : district, enabled: wanted });
  const communeData = communeLoad.status === 'ready' ? communeLoad.data : null;
  // Ready: the answer of the set asked for now (while loading, the last one is kept, maybe of another set).
  for (const c of communeData?.units ?? []) knownParents.current.set(`${boundarySet ?? ''} ${c.code}`, c.parentCode);

  return useMemo(
    () => ({
      districts: districtLoad.data?.units ?? null,
      communes: !wanted ? [] : (communeData?.units ?? null),
    }),
    [districtLoad.data, wanted, communeData],
  );
}
