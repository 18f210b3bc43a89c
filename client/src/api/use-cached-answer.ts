import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../i18n/i18n-context.js';
import { describeError, isAbort } from './api-client.js';

export interface CachedAnswerLoad<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last answer; kept while another one loads, so the panel, map or table does not flash empty. */
  data: T | null;
  error: string | null;
}

const cacheLimit = 12;

/**
 * Loads one GET answer per key and keeps the last answers, so switching a
 * choice back costs nothing; a request of a key no longer wanted is aborted.
 * `key` names the request (its URL without the language: errors are the only
 * text the language changes, and with the register revision: a write to the
 * register changes the answers). With `errorLang`, a change of language loads
 * an answer not cached again, so an error reads in the new language.
 */
export function useCachedAnswer<T>(
  enabled: boolean,
  key: string,
  fetcher: (signal: AbortSignal) => Promise<T>,
  errorLang?: Lang,
): CachedAnswerLoad<T> {
  const [load, setLoad] = useState<CachedAnswerLoad<T>>({ status: 'idle', data: null, error: null });
  const cache = useRef(new Map<string, T>());
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    if (!enabled) return;
    const cached = cache.current.get(key);
    if (cached !== undefined) {
      setLoad({ status: 'ready', data: cached, error: null });
      return;
    }
    const controller = new AbortController();
    setLoad((prev) => ({ status: 'loading', data: prev.data, error: null }));
    fetcherRef.current(controller.signal)
      .then((data) => {
        cache.current.set(key, data);
        if (cache.current.size > cacheLimit) {
          const oldest = cache.current.keys().next().value;
          if (oldest !== undefined) cache.current.delete(oldest);
        }
        setLoad({ status: 'ready', data, error: null });
      })
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad((prev) => ({ status: 'error', data: prev.data, error: describeError(error) }));
      });
    return () => controller.abort();
  }, [enabled, key, errorLang]);

  return load;
}
