import { useEffect, useRef, useState } from 'react';
import { describeError, fetchLayer, layerUrl } from '../api/api-client.js';
import type { FeatureCollection, LayerName, LayerPropertiesByName, Scenario } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import type { CoverageChoice, LayerFilterState } from '../url/view-state.js';
import { layerQuery } from './layer-queries.js';

export interface LayerLoad<L extends LayerName> {
  url: string;
  /** The cache key of this answer: the URL, with the register revision for the layers writes change. */
  key: string;
  status: 'loading' | 'ready' | 'error';
  /** The last data received; kept while a re-fetch with new filters is running. */
  data: FeatureCollection<LayerPropertiesByName[L]> | null;
  error: string | null;
}

export type LayerLoads = { [L in LayerName]?: LayerLoad<L> };

type AnyCollection = FeatureCollection<LayerPropertiesByName[LayerName]>;

const cacheLimit = 24;

/**
 * How many writes this tab made to the register: fiber routes, and the radio
 * side (sites and BTS, with the coverage computed from them). Admin units and
 * hamlets never change with an edit; an import of them bumps `areas`.
 */
export interface RegisterRevisions {
  fiber: number;
  radio: number;
  areas?: number;
}

export const revisionOfLayer: Partial<Record<LayerName, keyof RegisterRevisions>> = {
  fiber: 'fiber',
  sites: 'radio',
  'shared-sites': 'radio',
  bts: 'radio',
  coverage: 'radio',
  gaps: 'radio',
  consolidation: 'radio',
  hamlets: 'areas',
  communes: 'areas',
  districts: 'areas',
};

const noRevisions: RegisterRevisions = { fiber: 0, radio: 0 };

/**
 * Loads each wanted layer for the whole province once per filter combination
 * and keeps the answers, so toggling a layer off and on again costs nothing.
 * `revisions` change after a write to the register: the layers it touches
 * are then loaded again (the old data stays on the map meanwhile).
 */
export function useLayerData(
  wanted: readonly LayerName[],
  filters: LayerFilterState,
  coverage: CoverageChoice,
  lang: Lang,
  revisions: RegisterRevisions = noRevisions,
  /** The scenario of the layers that take one (layer-queries.ts). */
  scenario: Scenario = 'current',
): LayerLoads {
  const [loads, setLoads] = useState<LayerLoads>({});
  const cache = useRef(new Map<string, AnyCollection>());
  const inFlight = useRef(new Map<string, Promise<AnyCollection>>());
  const wantedKey = [...wanted].sort().join(',');
  const filtersKey = JSON.stringify([filters, coverage, scenario]);

  useEffect(() => {
    for (const layer of wanted) {
      const query = layerQuery(layer, filters, coverage, scenario);
      const url = layerUrl(layer, query);
      // The cache key: the URL, and for register layers the revision they were loaded at.
      const revision = revisionOfLayer[layer];
      const key = revision ? `${revisions[revision] ?? 0} ${url}` : url;
      const cached = cache.current.get(key);
      if (cached) {
        setLoads((prev) =>
          prev[layer]?.key === key && prev[layer]?.status === 'ready' ? prev : { ...prev, [layer]: { url, key, status: 'ready', data: cached, error: null } },
        );
        continue;
      }
      setLoads((prev) => (prev[layer]?.key === key ? prev : { ...prev, [layer]: { url, key, status: 'loading', data: prev[layer]?.data ?? null, error: null } }));
      let request = inFlight.current.get(key);
      if (!request) {
        request = fetchLayer(layer, query, lang) as Promise<AnyCollection>;
        inFlight.current.set(key, request);
      }
      request
        .then((data) => {
          cache.current.set(key, data);
          if (cache.current.size > cacheLimit) {
            const oldest = cache.current.keys().next().value;
            if (oldest !== undefined) cache.current.delete(oldest);
          }
          setLoads((prev) => (prev[layer]?.key === key ? { ...prev, [layer]: { url, key, status: 'ready', data, error: null } } : prev));
        })
        .catch((error: unknown) => {
          setLoads((prev) =>
            prev[layer]?.key === key ? { ...prev, [layer]: { url, key, status: 'error', data: prev[layer]?.data ?? null, error: describeError(error) } } : prev,
          );
        })
        .finally(() => inFlight.current.delete(key));
    }
    // wanted and filters are represented by their keys.
  }, [wantedKey, filtersKey, revisions.fiber, revisions.radio, revisions.areas]);

  return loads;
}
