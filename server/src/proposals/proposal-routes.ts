import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/audit-log.js';
import { assertMayWriteRecord, clientIp, requirePermission, signedIn } from '../auth/authenticate.js';
import type { Actor } from '../auth/actor.js';
import { proposalDecisionSchema, proposalKinds, proposalStatuses, proposalSubmitSchema, type Proposal } from '../contracts/proposal-contracts.js';
import { versionOnlySchema } from '../contracts/record-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { assertVersion, etagOf, expectedVersion } from '../records/record-version.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { createApprovedRecords } from './proposal-approval.js';
import { checkProposalTarget, predictImpact } from './proposal-impact.js';
import { addProposalEvent, listProposals, proposalByCode } from './proposal-store.js';

/** The proposal as the audit log keeps it: everything but its event list (the log is the events). */
function auditSnapshot(p: Proposal): Omit<Proposal, 'events'> {
  const copy: Partial<Proposal> = { ...p };
  delete copy.events;
  return copy as Omit<Proposal, 'events'>;
}

/** The proposal as answered: without the row id. */
function strip(p: Proposal & { id?: number }): Proposal {
  const copy = { ...p };
  delete copy.id;
  return copy;
}

/**
 * The proposal workflow (tờ trình → thẩm định → quyết định): operators submit
 * for their own operator and may withdraw what is still open; planners approve
 * or reject, with a reason, once. Reads need an account; an operator's account
 * sees its own operator's proposals only.
 */
export function proposalRoutes(knex: Knex, coverage: CoverageParams, sharing: SharingSettings): Router {
  const router = Router();
  const audit = (req: Request) => ({ actor: req.actor!, clientIp: clientIp(req) });
  const codeOf = (req: Request) => parseCode(String(req.params.code), 'code')!;
  /** Another operator's proposal is "not found" to an operator's account: its existence is not theirs to know. */
  const visible = (actor: Actor, p: Proposal | null) => p !== null && (actor.role !== 'operator' || actor.operatorCode === p.operator);

  router.get('/proposals', async (req, res) => {
    assertOnlyParameters(req, ['status', 'operator', 'kind', 'lang']);
    const actor = signedIn(req);
    const statuses = parseEnumList(singleParameter(req, 'status'), 'status', proposalStatuses, proposalStatuses.length);
    const kinds = parseEnumList(singleParameter(req, 'kind'), 'kind', proposalKinds, proposalKinds.length);
    let operator = singleParameter(req, 'operator');
    if (operator !== undefined) operator = parseCode(operator, 'operator');
    if (actor.role === 'operator') {
      if (operator !== undefined && operator !== actor.operatorCode) {
        throw new HttpProblem(403, 'not-your-operator', { operator, own: actor.operatorCode ?? '' });
      }
      operator = actor.operatorCode!;
    }
    if (operator !== undefined && !(await knex.raw('SELECT 1 FROM operators WHERE code = ?', [operator])).rows.length) {
      throw new HttpProblem(400, 'unknown-operator', { operator }, 'operator');
    }
    const list = await listProposals(knex, { statuses, operator, kinds });
    res.set('Cache-Control', 'no-store').json(list);
  });

  router.get('/proposals/:code', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const actor = signedIn(req);
    const code = codeOf(req);
    const proposal = await proposalByCode(knex, code);
    if (!visible(actor, proposal)) throw new HttpProblem(404, 'unknown-proposal', { code });
    res.set({ ETag: etagOf(proposal!.version), 'Cache-Control': 'no-store' }).json(strip(proposal!));
  });

  router.post('/proposals', requirePermission('proposals.submit'), async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const body = parseBody(proposalSubmitSchema, req.body);
    assertMayWriteRecord(req.actor!, body.operator);
    const created = await knex.transaction(async (trx) => {
      const target = await checkProposalTarget(trx, body, sharing);
      const impact = await predictImpact(trx, body, target, coverage, sharing);
      if (body.kind === 'new_site') {
        const withRoom = impact.candidatesInRadius;
        if (withRoom.length > 0 && !body.justification?.trim()) {
          throw new HttpProblem(422, 'justification-required', { count: withRoom.length, radius: target.searchRadiusM }, 'justification').with({
            candidates: withRoom,
          });
        }
      }
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
            body.kind === 'new_site' ? body.justification?.trim() || null : null, body.note?.trim() || null,
            JSON.stringify(impact), req.actor!.userId, req.actor!.username,
          ],
        )
      ).rows[0] as { id: number; code: string };
      await addProposalEvent(trx, row.id, 'submitted', req.actor!, body.note?.trim() || null);
      const after = (await proposalByCode(trx, row.code))!;
      await writeAudit(trx, audit(req), { action: 'submit', entity: 'proposal', code: row.code, after: auditSnapshot(after), summary: `${body.kind} by ${body.operator}` });
      return after;
    });
    const answer = strip(created);
    res.status(201).set({ ETag: etagOf(answer.version), Location: `/api/proposals/${encodeURIComponent(answer.code)}` }).json(answer);
  });

  /** Locks an open proposal the caller may act on, checks the version it was based on, and applies the step. */
  async function step(
    req: Request,
    bodyVersion: number | undefined,
    act: (trx: Knex.Transaction, proposal: Proposal & { id: number }) => Promise<void>,
  ): Promise<Proposal> {
    const code = codeOf(req);
    const expected = expectedVersion(req, bodyVersion);
    return knex.transaction(async (trx) => {
      const proposal = await proposalByCode(trx, code, true);
      if (!visible(req.actor!, proposal)) throw new HttpProblem(404, 'unknown-proposal', { code });
      if (proposal!.status !== 'submitted') {
        throw new HttpProblem(409, 'proposal-already-decided', { code, status: proposal!.status }).with({ current: auditSnapshot(proposal!) });
      }
      assertVersion(expected, proposal!.version, auditSnapshot(proposal!));
      await act(trx, proposal!);
      return (await proposalByCode(trx, code))!;
    });
  }

  router.post('/proposals/:code/decision', requirePermission('proposals.decide'), async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const body = parseBody(proposalDecisionSchema, req.body);
    const decided = await step(req, body.version, async (trx, proposal) => {
      const reason = body.reason.trim();
      let created: { siteId: number | null; btsId: number } | null = null;
      if (body.decision === 'approve') created = await createApprovedRecords(trx, proposal, audit(req), coverage, sharing.siteInferenceEpsM);
      await trx.raw(
        `UPDATE proposals SET status = ?, decided_by_name = ?, decided_at = now(), decision_reason = ?,
                created_site_id = ?, created_bts_id = ?, version = version + 1, updated_at = now()
          WHERE id = ?`,
        [
          body.decision === 'approve' ? 'approved' : 'rejected', req.actor!.username, reason,
          // A co-location creates no site: the one it stands on is the proposal's own site.
          proposal.kind === 'new_site' ? (created?.siteId ?? null) : null, created?.btsId ?? null, proposal.id,
        ],
      );
      await addProposalEvent(trx, proposal.id, body.decision === 'approve' ? 'approved' : 'rejected', req.actor!, reason);
      const after = (await proposalByCode(trx, proposal.code))!;
      await writeAudit(trx, audit(req), {
        action: body.decision === 'approve' ? 'approve' : 'reject',
        entity: 'proposal',
        code: proposal.code,
        before: auditSnapshot(proposal),
        after: auditSnapshot(after),
        summary: reason,
      });
    });
    res.set('ETag', etagOf(decided.version)).json(strip(decided));
  });

  router.post('/proposals/:code/withdraw', requirePermission('proposals.submit'), async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const empty = req.body === undefined || (typeof req.body === 'object' && req.body !== null && Object.keys(req.body as object).length === 0);
    const body = empty ? {} : parseBody(versionOnlySchema, req.body);
    const withdrawn = await step(req, body.version, async (trx, proposal) => {
      assertMayWriteRecord(req.actor!, proposal.operator);
      await trx.raw(`UPDATE proposals SET status = 'withdrawn', version = version + 1, updated_at = now() WHERE id = ?`, [proposal.id]);
      await addProposalEvent(trx, proposal.id, 'withdrawn', req.actor!, null);
      const after = (await proposalByCode(trx, proposal.code))!;
      await writeAudit(trx, audit(req), { action: 'withdraw', entity: 'proposal', code: proposal.code, before: auditSnapshot(proposal), after: auditSnapshot(after) });
    });
    res.set('ETag', etagOf(withdrawn.version)).json(strip(withdrawn));
  });

  return router;
}
