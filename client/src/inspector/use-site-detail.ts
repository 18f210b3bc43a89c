import { useEffect, useState } from 'react';
import { describeError, fetchSiteDetail, isAbort } from '../api/api-client.js';
import type { SiteDetail } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export type SiteDetailLoad =
  | { status: 'loading'; code: string }
  | { status: 'ready'; code: string; detail: SiteDetail }
  | { status: 'error'; code: string; error: string };

/** GET /api/sites/{code} for the selected site; a new selection cancels the previous request. */
export function useSiteDetail(code: string, lang: Lang): SiteDetailLoad {
  const [load, setLoad] = useState<SiteDetailLoad>({ status: 'loading', code });
  useEffect(() => {
    const controller = new AbortController();
    setLoad({ status: 'loading', code });
    fetchSiteDetail(code, lang, controller.signal)
      .then((detail) => setLoad({ status: 'ready', code, detail }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ status: 'error', code, error: describeError(error) });
      });
    return () => controller.abort();
  }, [code, lang]);
  return load.code === code ? load : { status: 'loading', code };
}
