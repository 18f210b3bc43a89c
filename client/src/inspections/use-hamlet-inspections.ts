import { useCallback, useEffect, useState } from 'react';
import { describeError, isAbort } from '../api/api-client.js';
import { fetchHamletInspections } from '../api/inspection-api.js';
import type { Inspection } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export interface HamletInspectionsLoad {
  /** 'idle': no account, so nothing is asked (the server answers 401 to anonymous visitors). */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last list received, kept while the next one loads. */
  inspections: Inspection[];
  error: string | null;
  reload: () => void;
}

/**
 * GET /api/hamlets/{code}/inspections for the signed-in account; asked again
 * when the account changes (sign-in, sign-out) and after a write (`reload`).
 */
export function useHamletInspections(hamletCode: string, lang: Lang, username: string | null): HamletInspectionsLoad {
  const [state, setState] = useState<Omit<HamletInspectionsLoad, 'reload'>>({ status: 'idle', inspections: [], error: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!username) {
      setState({ status: 'idle', inspections: [], error: null });
      return;
    }
    const controller = new AbortController();
    setState((prev) => ({ status: 'loading', inspections: prev.inspections, error: null }));
    fetchHamletInspections(hamletCode, lang, controller.signal)
      .then((inspections) => setState({ status: 'ready', inspections, error: null }))
      .catch((e: unknown) => {
        if (!isAbort(e)) setState((prev) => ({ status: 'error', inspections: prev.inspections, error: describeError(e) }));
      });
    return () => controller.abort();
  }, [hamletCode, lang, username, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
