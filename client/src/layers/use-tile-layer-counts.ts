import { useEffect, useRef, useState } from 'react';
import { describeError, getJson, isAbort } from '../api/api-client.js';
import type { Scenario } from '../domain/contract-types.js';
// Type-only, as contract-types.ts: the wire contract of GET /api/layers/{layer}/count.
import type { TileLayerCount } from '../../../server/src/contracts/tile-count-contracts.js';
import type { Lang } from '../i18n/i18n-context.js';
import { tileCountUrl, tileLayerNames, type TileLayerName } from '../map/tile-sources.js';
import type { CoverageChoice, LayerFilterState } from '../url/view-state.js';

export interface TileCountLoad {
  status: 'loading' | 'ready' | 'error';
  /** The last count; kept while the count of new filters loads. */
  data: TileLayerCount | null;
  error: string | null;
}

export type TileCountLoads = Partial<Record<TileLayerName, TileCountLoad>>;

const cacheLimit = 48;

/**
 * The panel's counts of the tiled layers (GET /api/layers/{layer}/count):
 * the features of each wanted layer under the same filters as its tiles, over
 * the whole layer. `revisionOf` gives the layer's register revision (as its
 * tile URL's v): a write of this tab loads the count again.
 */
export function useTileLayerCounts(
  wanted: readonly TileLayerName[],
  filters: LayerFilterState,
  coverage: CoverageChoice,
  scenario: Scenario,
  revisionOf: (layer: TileLayerName) => number,
  lang: Lang,
): TileCountLoads {
  const [loads, setLoads] = useState<TileCountLoads>({});
  const cache = useRef(new Map<string, TileLayerCount>());
  const keys = tileLayerNames.filter((layer) => wanted.includes(layer)).map((layer) => [layer, tileCountUrl(layer, filters, coverage, scenario), revisionOf(layer)] as const);
  const signature = keys.map(([layer, url, revision]) => `${layer} ${revision} ${url}`).join('\n');

  useEffect(() => {
    const controllers: AbortController[] = [];
    for (const [layer, url, revision] of keys) {
      const key = `${revision} ${url}`;
      const cached = cache.current.get(key);
      if (cached) {
        setLoads((prev) => ({ ...prev, [layer]: { status: 'ready', data: cached, error: null } }));
        continue;
      }
      const controller = new AbortController();
      controllers.push(controller);
      setLoads((prev) => ({ ...prev, [layer]: { status: 'loading', data: prev[layer]?.data ?? null, error: null } }));
      getJson<TileLayerCount>(url, lang, controller.signal)
        .then((data) => {
          cache.current.set(key, data);
          if (cache.current.size > cacheLimit) {
            const oldest = cache.current.keys().next().value;
            if (oldest !== undefined) cache.current.delete(oldest);
          }
          setLoads((prev) => ({ ...prev, [layer]: { status: 'ready', data, error: null } }));
        })
        .catch((error: unknown) => {
          if (!isAbort(error)) setLoads((prev) => ({ ...prev, [layer]: { status: 'error', data: prev[layer]?.data ?? null, error: describeError(error) } }));
        });
    }
    return () => controllers.forEach((c) => c.abort());
    // The signature holds every key: the effect runs again exactly when one changes.
  }, [signature]);

  return loads;
}
