import { useEffect, useState } from 'react';
import { describeError, isAbort } from '../api/api-client.js';
import { fetchProposal, fetchProposals, type ProposalQuery } from '../api/proposal-api.js';
import type { Proposal, ProposalList } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export type Load<T> = { status: 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'error'; error: string; data: T | null };

/** GET /api/proposals for the filters, again whenever `revision` changes (after a submission, decision or withdrawal). */
export function useProposalList(query: ProposalQuery, enabled: boolean, lang: Lang, revision: number): Load<ProposalList> {
  const [load, setLoad] = useState<Load<ProposalList>>({ status: 'loading', data: null });
  const { status, operator, kind } = query;
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    setLoad((prev) => ({ status: 'loading', data: prev.data }));
    fetchProposals({ status, operator, kind }, lang, controller.signal)
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad((prev) => ({ status: 'error', error: describeError(error), data: prev.data }));
      });
    return () => controller.abort();
  }, [status, operator, kind, enabled, lang, revision]);
  return load;
}

/** GET /api/proposals/{code} with its history. */
export function useProposal(code: string | null, lang: Lang, revision: number): Load<Proposal> | null {
  const [load, setLoad] = useState<Load<Proposal> | null>(null);
  useEffect(() => {
    if (!code) {
      setLoad(null);
      return;
    }
    const controller = new AbortController();
    setLoad((prev) => ({ status: 'loading', data: prev?.data?.code === code ? prev.data : null }));
    fetchProposal(code, lang, controller.signal)
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ status: 'error', error: describeError(error), data: null });
      });
    return () => controller.abort();
  }, [code, lang, revision]);
  return load;
}
