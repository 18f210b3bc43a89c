import type { Knex } from 'knex';
import { writeAudit, type AuditContext } from '../audit/audit-log.js';
import type { Role } from '../auth/roles.js';
import type { Proposal, ProposalSubmit } from '../contracts/proposal-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { HttpProblem } from '../http/http-problem.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { createApprovedRecords } from './proposal-approval.js';
import { checkProposalTarget, predictImpact } from './proposal-impact.js';
import { addProposalEvent, proposalByCode } from './proposal-store.js';

/** Who takes a step: an account, or the demo loader acting for a named operator engineer. */
export interface ProposalActor {
  userId: number | null;
  username: string;
  role: Role;
}

export interface WorkflowDeps {
  coverage: CoverageParams;
  sharing: SharingSettings;
}

/** The proposal as the audit log keeps it: everything but its event list (the log is the events). */
export function auditSnapshot(p: Proposal): Omit<Proposal, 'events'> {
  const copy: Partial<Proposal> = { ...p };
  delete copy.events;
  return copy as Omit<Proposal, 'events'>;
}

function auditContext(actor: ProposalActor, clientIp: string | null): AuditContext {
  return { actor: actor.userId === null ? null : { userId: actor.userId, username: actor.username, role: actor.role }, actorName: actor.username, clientIp };
}

/**
 * Submission, in the caller's transaction: the target is checked, the impact
 * predicted and stored, and a new site where a co-location candidate with room
 * stands in the radius needs a justification (422 naming the candidates).
 * The caller has checked that the actor may submit for the body's operator.
 */
export async function submitProposal(
  trx: Knex.Transaction,
  actor: ProposalActor,
  clientIp: string | null,
  body: ProposalSubmit,
  deps: WorkflowDeps,
): Promise<Proposal & { id: number }> {
  const target = await checkProposalTarget(trx, body, deps.sharing);
  const impact = await predictImpact(trx, body, target, deps.coverage, deps.sharing);
  if (body.kind === 'new_site' && impact.candidatesInRadius.length > 0 && !body.justification?.trim()) {
    throw new HttpProblem(422, 'justification-required', { count: impact.candidatesInRadius.length, radius: target.searchRadiusM }, 'justification').with({
      candidates: impact.candidatesInRadius,
    });
  }
  const note = body.note?.trim() || null;
  const row = (
    await trx.raw(
      `INSERT INTO proposals (code, kind, operator_id, site_key, site_id, geom, structure_type, height_m, radio, search_radius_m,
                              justification, note, impact, submitted_by, submitted_by_name)
       VALUES ('DX-' || to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY') || '-' || lpad(nextval('proposal_number_seq')::text, 4, '0'),
               ?, (SELECT id FROM operators WHERE code = ?), ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)
       RETURNING id, code`,
      [
        body.kind, body.operator, target.siteKey, target.siteId, target.lon, target.lat,
        body.kind === 'new_site' ? body.structureType : null, body.kind === 'new_site' ? body.heightM : null,
        JSON.stringify(body.radio), body.kind === 'new_site' ? target.searchRadiusM : null,
        body.kind === 'new_site' ? body.justification?.trim() || null : null, note,
        JSON.stringify(impact), actor.userId, actor.username,
      ],
    )
  ).rows[0] as { id: number; code: string };
  await addProposalEvent(trx, row.id, 'submitted', actor, note);
  const after = (await proposalByCode(trx, row.code))!;
  await writeAudit(trx, auditContext(actor, clientIp), {
    action: 'submit', entity: 'proposal', code: row.code, after: auditSnapshot(after), summary: `${body.kind} by ${body.operator}`,
  });
  return after;
}

/**
 * A planner's decision on an open proposal (the caller locked it and checked
 * its status and version): approval creates the site/BTS records (status
 * approved) with coverage and inference updated; rejection changes nothing
 * but the proposal. Both keep the reason, who and when.
 */
export async function decideProposal(
  trx: Knex.Transaction,
  actor: ProposalActor,
  clientIp: string | null,
  proposal: Proposal & { id: number },
  decision: 'approve' | 'reject',
  reason: string,
  deps: WorkflowDeps,
): Promise<void> {
  const audit = auditContext(actor, clientIp);
  const created = decision === 'approve' ? await createApprovedRecords(trx, proposal, audit, deps.coverage, deps.sharing.siteInferenceEpsM) : null;
  await trx.raw(
    `UPDATE proposals SET status = ?, decided_by_name = ?, decided_at = now(), decision_reason = ?,
            created_site_id = ?, created_bts_id = ?, version = version + 1, updated_at = now()
      WHERE id = ?`,
    [
      decision === 'approve' ? 'approved' : 'rejected', actor.username, reason,
      // A co-location creates no site: the one it stands on is the proposal's own.
      proposal.kind === 'new_site' ? (created?.siteId ?? null) : null, created?.btsId ?? null, proposal.id,
    ],
  );
  await addProposalEvent(trx, proposal.id, decision === 'approve' ? 'approved' : 'rejected', actor, reason);
  const after = (await proposalByCode(trx, proposal.code))!;
  await writeAudit(trx, audit, {
    action: decision, entity: 'proposal', code: proposal.code, before: auditSnapshot(proposal), after: auditSnapshot(after), summary: reason,
  });
}
