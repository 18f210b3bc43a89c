import { useEffect, useRef, useState } from 'react';
import { describeError, isAbort } from '../api/api-client.js';

export interface SharingAnswerLoad<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The last answer; kept while another one loads, so the panel does not flash empty. */
  data: T | null;
  error: string | null;
}

const cacheLimit = 12;

/**
 * Loads one GET answer of the sharing API per key and keeps the answers, so
 * switching the scenario or level back costs nothing. `key` names the request
 * (its URL without the language: errors are the only text the language changes,
 * and with the register revision: a write to the register changes the ratios).
 */
export function useSharingAnswer<T>(enabled: boolean, key: string, fetcher: (signal: AbortSignal) => Promise<T>): SharingAnswerLoad<T> {
  const [load, setLoad] = useState<SharingAnswerLoad<T>>({ status: 'idle', data: null, error: null });
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
  }, [enabled, key]);

  return load;
}
