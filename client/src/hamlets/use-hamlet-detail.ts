import { useEffect, useState } from 'react';
import { describeError, fetchHamletDetail, isAbort } from '../api/api-client.js';
import type { HamletDetail } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export type HamletDetailLoad =
  | { status: 'loading'; code: string }
  | { status: 'ready'; code: string; detail: HamletDetail }
  | { status: 'error'; code: string; error: string };

/** GET /api/hamlets/{code}: the hamlet, its verdict per operator × technology group, and its uncovered parts. */
export function useHamletDetail(code: string, lang: Lang): HamletDetailLoad {
  const [load, setLoad] = useState<HamletDetailLoad>({ status: 'loading', code });
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading', code });
    fetchHamletDetail(code, lang, controller.signal)
      .then((detail) => setLoad({ status: 'ready', code, detail }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ status: 'error', code, error: describeError(error) });
      });
    return () => controller.abort();
  }, [code, lang]);
  return load.code === code ? load : { status: 'loading', code };
}
