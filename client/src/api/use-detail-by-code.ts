import { useEffect, useState } from 'react';
import { describeError, isAbort } from './api-client.js';
import type { Lang } from '../i18n/i18n-context.js';

export type DetailLoad<T> =
  | { status: 'loading'; code: string }
  | { status: 'ready'; code: string; detail: T }
  | { status: 'error'; code: string; error: string };

type Fetcher<T> = (code: string, lang: Lang, signal: AbortSignal) => Promise<T>;

/**
 * Loads the detail of the selected feature by its code; a new selection (or
 * language) cancels the previous request, so a slow answer never overwrites a newer one.
 */
export function useDetailByCode<T>(fetcher: Fetcher<T>, code: string, lang: Lang): DetailLoad<T> {
  const [load, setLoad] = useState<DetailLoad<T>>({ status: 'loading', code });
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading', code });
    fetcher(code, lang, controller.signal)
      .then((detail) => setLoad({ status: 'ready', code, detail }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ status: 'error', code, error: describeError(error) });
      });
    return () => controller.abort();
  }, [fetcher, code, lang]);
  return load.code === code ? load : { status: 'loading', code };
}
