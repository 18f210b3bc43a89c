import type {
  ColocationRequest,
  ColocationResponse,
  Proposal,
  ProposalDecision,
  ProposalKind,
  ProposalList,
  ProposalStatus,
  ProposalSubmit,
  SitePlannerRequest,
  SitePlannerResponse,
} from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import { apiFetch, getJson, postJson, readJson } from './api-client.js';

// Co-location search, the site planner and the proposal workflow (tờ trình →
// thẩm định). The searches save nothing; a proposal is written by its
// operator's account, decided by a planner, each step naming the version it
// was based on (a stale one answers 409 with `current`).

export function postColocationCandidates(request: ColocationRequest, lang: Lang, signal?: AbortSignal): Promise<ColocationResponse> {
  return postJson<ColocationResponse>('/api/colocation/candidates', request, lang, signal);
}

export function postSitePlanner(request: SitePlannerRequest, lang: Lang, signal?: AbortSignal): Promise<SitePlannerResponse> {
  return postJson<SitePlannerResponse>('/api/site-planner', request, lang, signal);
}

export function submitProposal(proposal: ProposalSubmit, lang: Lang): Promise<Proposal> {
  return postJson<Proposal>('/api/proposals', proposal, lang);
}

/** Filters of GET /api/proposals; absent values mean all. */
export interface ProposalQuery {
  status?: ProposalStatus | null;
  operator?: string | null;
  kind?: ProposalKind | null;
}

export function proposalListUrl(query: ProposalQuery): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.operator) params.set('operator', query.operator);
  if (query.kind) params.set('kind', query.kind);
  const search = params.toString();
  return `/api/proposals${search ? `?${search}` : ''}`;
}

/** Never from the browser cache: the list must show a decision made a moment ago. */
export function fetchProposals(query: ProposalQuery, lang: Lang, signal?: AbortSignal): Promise<ProposalList> {
  return getJson<ProposalList>(proposalListUrl(query), lang, signal, 'no-store');
}

function proposalPath(code: string): string {
  return `/api/proposals/${encodeURIComponent(code)}`;
}

export function fetchProposal(code: string, lang: Lang, signal?: AbortSignal): Promise<Proposal> {
  return getJson<Proposal>(proposalPath(code), lang, signal, 'no-store');
}

export async function decideProposal(code: string, decision: ProposalDecision, lang: Lang): Promise<Proposal> {
  return readJson<Proposal>(await apiFetch(`${proposalPath(code)}/decision`, { method: 'POST', lang, body: decision }));
}

export async function withdrawProposal(code: string, version: number, lang: Lang): Promise<Proposal> {
  return readJson<Proposal>(await apiFetch(`${proposalPath(code)}/withdraw`, { method: 'POST', lang, body: { version } }));
}
