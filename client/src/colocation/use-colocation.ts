import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError, isAbort } from '../api/api-client.js';
import { postColocationCandidates } from '../api/proposal-api.js';
import type { ColocationRequest, ColocationResponse, PlannedRadio, Scenario, Technology } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

/** What the operator would mount and how far to look for a structure. */
export interface ColocationParams {
  operator: string;
  technology: Technology;
  bandMHz: number;
  antennaHeightM: number;
  radiusM: number;
}

export type ColocationResult =
  | { status: 'empty' }
  | { status: 'loading' }
  | { status: 'ready'; request: ColocationRequest; response: ColocationResponse }
  | { status: 'error'; error: string };

export interface Colocation {
  params: ColocationParams;
  setParams: (params: ColocationParams) => void;
  /** The point asked about (the last click on the map). */
  point: { lon: number; lat: number } | null;
  /** A click on the map picks the point (instead of selecting a feature). */
  placing: boolean;
  startPlacing: () => void;
  cancelPlacing: () => void;
  place: (lon: number, lat: number) => void;
  /** Asks again for the same point (after the parameters changed). */
  search: () => void;
  result: ColocationResult;
  reset: () => void;
}

export const defaultColocationParams: Omit<ColocationParams, 'operator'> = { technology: '4G', bandMHz: 1800, antennaHeightM: 30, radiusM: 1000 };

export function radioOf(params: ColocationParams): PlannedRadio {
  return { technology: params.technology, bandMHz: params.bandMHz, antennaHeightM: params.antennaHeightM };
}

/**
 * The co-location search's state: the parameters, the point clicked and the
 * answer of POST /api/colocation/candidates. Nothing is saved; a proposal is a
 * separate, explicit step.
 */
/** `scenario`: the network the gains are counted against (planned: with approved proposals), as the map shows it. */
export function useColocation(defaultOperator: string, lang: Lang, scenario: Scenario = 'current'): Colocation {
  const [params, setParams] = useState<ColocationParams>({ operator: defaultOperator, ...defaultColocationParams });
  const [point, setPoint] = useState<{ lon: number; lat: number } | null>(null);
  const [placing, setPlacing] = useState(false);
  const [result, setResult] = useState<ColocationResult>({ status: 'empty' });
  // Bumped by "search again": the same point with the parameters as they are now.
  const [attempt, setAttempt] = useState(0);
  const paramsRef = useRef(params);
  paramsRef.current = params;

  // An operator's account always searches for its own operator.
  useEffect(() => {
    if (defaultOperator) setParams((prev) => (prev.operator === defaultOperator ? prev : { ...prev, operator: defaultOperator }));
  }, [defaultOperator]);

  useEffect(() => {
    if (!point) return;
    const p = paramsRef.current;
    if (!p.operator) return;
    const request: ColocationRequest = { lon: point.lon, lat: point.lat, operator: p.operator, radiusM: p.radiusM, ...radioOf(p), scenario };
    const controller = new AbortController();
    setResult({ status: 'loading' });
    postColocationCandidates(request, lang, controller.signal)
      .then((response) => setResult({ status: 'ready', request, response }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setResult({ status: 'error', error: describeError(error) });
      });
    return () => controller.abort();
  }, [point, attempt, lang, scenario]);

  return {
    params,
    setParams,
    point,
    placing,
    result,
    startPlacing: useCallback(() => setPlacing(true), []),
    cancelPlacing: useCallback(() => setPlacing(false), []),
    place: useCallback((lon: number, lat: number) => {
      setPlacing(false);
      setPoint({ lon, lat });
    }, []),
    search: useCallback(() => setAttempt((n) => n + 1), []),
    reset: useCallback(() => {
      setPoint(null);
      setPlacing(false);
      setResult({ status: 'empty' });
    }, []),
  };
}
