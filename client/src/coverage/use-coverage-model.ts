import { useEffect, useState } from 'react';
import { describeError, fetchCoverageModel, isAbort } from '../api/api-client.js';
import type { CoverageModel } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export type CoverageModelLoad = { status: 'loading' } | { status: 'ready'; model: CoverageModel } | { status: 'error'; error: string };

/**
 * GET /api/coverage/model: θ, minimum gap area, link budget, validity and footprint warnings (fetched once per attempt,
 * and again, keeping the last answer meanwhile, when `registerRevision` says a write changed the footprints).
 */
export function useCoverageModel(lang: Lang, registerRevision = 0): [CoverageModelLoad, () => void] {
  const [load, setLoad] = useState<CoverageModelLoad>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [langAtStart] = useState(lang);
  useEffect(() => {
    const controller = new AbortController();
    setLoad((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    fetchCoverageModel(langAtStart, controller.signal)
      .then((model) => setLoad({ status: 'ready', model }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ status: 'error', error: describeError(error) });
      });
    return () => controller.abort();
  }, [attempt, langAtStart, registerRevision]);
  return [load, () => setAttempt((n) => n + 1)];
}
