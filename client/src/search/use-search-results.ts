import { useEffect, useState } from 'react';
import { describeError, fetchSearch, isAbort } from '../api/api-client.js';
import type { SearchResult } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export type SearchState =
  | { status: 'idle' }
  | { status: 'searching'; query: string }
  | { status: 'done'; query: string; results: SearchResult[] }
  | { status: 'error'; query: string; error: string };

export const minimumQueryLength = 2;

/** GET /api/search for a settled query; a newer query cancels the older request. */
export function useSearchResults(query: string, lang: Lang, limit = 10): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed.length < minimumQueryLength) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'searching', query: trimmed });
    fetchSearch(trimmed, limit, lang, controller.signal)
      .then((response) => setState({ status: 'done', query: trimmed, results: response.results }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', query: trimmed, error: describeError(error) });
      });
    return () => controller.abort();
  }, [query, lang, limit]);
  return state;
}
