import type { Proposal, ProposalStatus, SessionInfo } from '../domain/contract-types.js';

// Reading a proposal for the screen: who may do what with it, the status
// chips, the sharing ratio before and after. Pure; the server decides.

/** The order of the status chips: the workflow's order (nộp → duyệt | từ chối | rút). */
export const proposalStatusOrder = ['submitted', 'approved', 'rejected', 'withdrawn'] as const satisfies readonly ProposalStatus[];

export interface StatusChip {
  status: ProposalStatus;
  count: number;
}

/** One chip per status with its count (0 when the server's counts lack it). */
export function statusChips(counts: Partial<Record<ProposalStatus, number>>): StatusChip[] {
  return proposalStatusOrder.map((status) => ({ status, count: counts[status] ?? 0 }));
}

/** A planner decides a submitted proposal. */
export function mayDecide(session: SessionInfo | null, proposal: Pick<Proposal, 'status'>): boolean {
  return proposal.status === 'submitted' && (session?.permissions.includes('proposals.decide') ?? false);
}

/** Its operator's account withdraws a proposal while it is still submitted. */
export function mayWithdraw(session: SessionInfo | null, proposal: Pick<Proposal, 'status' | 'operator'>): boolean {
  const user = session?.user;
  return proposal.status === 'submitted' && user?.role === 'operator' && user.operator === proposal.operator && (session?.permissions.includes('proposals.submit') ?? false);
}

/** The operator an account submits for: its own for an operator's account, none for any other role. */
export function submittingOperator(session: SessionInfo | null): string | null {
  const user = session?.user;
  if (!user || user.role !== 'operator' || !session?.permissions.includes('proposals.submit')) return null;
  return user.operator;
}

/** Change of a ratio in percentage points, e.g. 30.0 % → 30.4 % is +0.4; null when either side has no denominator. */
export function ratioChangePoints(before: { value: number | null }, after: { value: number | null }): number | null {
  if (before.value === null || after.value === null) return null;
  return (after.value - before.value) * 100;
}
