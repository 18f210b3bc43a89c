import { useEffect, useState } from 'react';
import { describeError, isAbort } from '../api/api-client.js';
import { fetchAudit, type AuditQuery } from '../api/audit-api.js';
import type { AuditPage } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export interface AuditPageLoad {
  status: 'loading' | 'ready' | 'error';
  /** The last page received; kept while the next one loads. */
  page: AuditPage | null;
  error: string | null;
}

/** One page of GET /api/audit for the filters; a newer query cancels an older one. */
export function useAuditPage(query: AuditQuery, lang: Lang, attempt: number): AuditPageLoad {
  const [load, setLoad] = useState<AuditPageLoad>({ status: 'loading', page: null, error: null });
  const key = JSON.stringify(query);
  useEffect(() => {
    const controller = new AbortController();
    setLoad((prev) => ({ status: 'loading', page: prev.page, error: null }));
    fetchAudit(JSON.parse(key) as AuditQuery, lang, controller.signal)
      .then((page) => setLoad({ status: 'ready', page, error: null }))
      .catch((e: unknown) => {
        if (!isAbort(e)) setLoad((prev) => ({ status: 'error', page: prev.page, error: describeError(e) }));
      });
    return () => controller.abort();
  }, [key, lang, attempt]);
  return load;
}
