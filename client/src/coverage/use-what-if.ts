import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeError, isAbort, postWhatIf } from '../api/api-client.js';
import type { Scenario, WhatIfBts, WhatIfResponse } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import type { WhatIfOverlay } from '../map/hatang-map.js';
import type { CoverageChoice } from '../url/view-state.js';

export type WhatIfResult =
  | { status: 'empty' }
  | { status: 'loading'; previous: WhatIfResponse | null }
  | { status: 'ready'; response: WhatIfResponse }
  | { status: 'error'; error: string; previous: WhatIfResponse | null };

export interface WhatIf {
  /** The hypothetical BTS, in the order placed (their index is the server's btsIndex). */
  bts: WhatIfBts[];
  /** Where the user clicked, waiting for the form to be filled in. */
  pending: { lon: number; lat: number } | null;
  placing: boolean;
  result: WhatIfResult;
  overlay: WhatIfOverlay;
  /** The answer on screen (the last one while a new one is computed). */
  shown: WhatIfResponse | null;
  startPlacing: () => void;
  cancelPlacing: () => void;
  place: (lon: number, lat: number) => void;
  add: (bts: WhatIfBts) => void;
  remove: (index: number) => void;
  clear: () => void;
}

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

/**
 * The what-if tool's state: hypothetical BTS placed on the map, and the answer
 * of POST /api/coverage/what-if for all of them together, for the coverage
 * choice. Nothing is saved: the list lives in this page only.
 */
export function useWhatIf(coverage: CoverageChoice, lang: Lang, scenario: Scenario = 'current'): WhatIf {
  const [bts, setBts] = useState<WhatIfBts[]>([]);
  const [pending, setPending] = useState<{ lon: number; lat: number } | null>(null);
  const [placing, setPlacing] = useState(false);
  const [result, setResult] = useState<WhatIfResult>({ status: 'empty' });

  useEffect(() => {
    if (bts.length === 0) {
      setResult({ status: 'empty' });
      return;
    }
    const controller = new AbortController();
    setResult((prev) => ({ status: 'loading', previous: prev.status === 'ready' ? prev.response : prev.status === 'empty' ? null : prev.previous }));
    // Added to the coverage of the scenario the map shows, so the verdicts after it compare with the ones on screen.
    postWhatIf({ bts, operator: coverage.operator, technologyGroup: coverage.group, ...(scenario === 'current' ? {} : { scenario }) }, lang, controller.signal)
      .then((response) => setResult({ status: 'ready', response }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setResult((prev) => ({ status: 'error', error: describeError(error), previous: prev.status === 'loading' ? prev.previous : null }));
      });
    return () => controller.abort();
  }, [bts, coverage.operator, coverage.group, lang, scenario]);

  const shown = result.status === 'ready' ? result.response : result.status === 'empty' ? null : result.previous;
  const overlay = useMemo<WhatIfOverlay>(() => {
    // The server's footprints carry btsIndex; the operator (for the colour) comes from our list.
    const footprints = shown
      ? {
          type: 'FeatureCollection' as const,
          features: shown.footprints.features
            .filter((f) => f.properties.btsIndex < bts.length)
            .map((f) => ({ ...f, properties: { ...f.properties, operator: bts[f.properties.btsIndex]?.operator ?? '' } })),
        }
      : emptyCollection;
    const points = {
      type: 'FeatureCollection' as const,
      features: [
        ...bts.map((b, index) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [b.lon, b.lat] }, properties: { index, operator: b.operator } })),
        ...(pending ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [pending.lon, pending.lat] }, properties: { index: -1, operator: '' } }] : []),
      ],
    };
    return { footprints, points, changedHamlets: shown ? shown.changedHamlets.map((h) => h.code) : [] };
  }, [shown, bts, pending]);

  return {
    bts,
    pending,
    placing,
    result,
    overlay,
    shown,
    startPlacing: useCallback(() => {
      setPending(null);
      setPlacing(true);
    }, []),
    cancelPlacing: useCallback(() => {
      setPlacing(false);
      setPending(null);
    }, []),
    place: useCallback((lon: number, lat: number) => {
      setPlacing(false);
      setPending({ lon, lat });
    }, []),
    add: useCallback((next: WhatIfBts) => {
      setBts((prev) => [...prev, next]);
      setPending(null);
    }, []),
    remove: useCallback((index: number) => setBts((prev) => prev.filter((_, i) => i !== index)), []),
    clear: useCallback(() => {
      setBts([]);
      setPending(null);
      setPlacing(false);
    }, []),
  };
}
