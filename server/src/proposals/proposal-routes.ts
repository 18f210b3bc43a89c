import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/audit-log.js';
import { assertMayWriteRecord, clientIp, requirePermission, signedIn } from '../auth/authenticate.js';
import type { Actor } from '../auth/actor.js';
import { proposalDecisionSchema, proposalKinds, proposalStatuses, proposalSubmitSchema, type Proposal } from '../contracts/proposal-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { assertVersion, etagOf, expectedVersion, expectedVersionOfBodyless, type ExpectedVersion } from '../records/record-version.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';
import { addProposalEvent, listProposals, proposalByCode } from './proposal-store.js';
import { auditSnapshot, decideProposal, submitProposal } from './proposal-workflow.js';

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
  const deps = { coverage, sharing };
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
    const created = await knex.transaction((trx) => submitProposal(trx, req.actor!, clientIp(req), body, deps));
    const answer = strip(created);
    res.status(201).set({ ETag: etagOf(answer.version), Location: `/api/proposals/${encodeURIComponent(answer.code)}` }).json(answer);
  });

  /** Locks an open proposal the caller may act on, checks the version it was based on, and applies the step. */
  async function step(
    req: Request,
    expected: ExpectedVersion,
    act: (trx: Knex.Transaction, proposal: Proposal & { id: number }) => Promise<void>,
  ): Promise<Proposal> {
    const code = codeOf(req);
    return knex.transaction(async (trx) => {
      const proposal = await proposalByCode(trx, code, true);
      if (!visible(req.actor!, proposal)) throw new HttpProblem(404, 'unknown-proposal', { code });
      if (proposal!.status !== 'submitted') {
        const key = `proposal-already-${proposal!.status as 'approved' | 'rejected' | 'withdrawn'}` as const;
        // No currentVersion: a decided proposal is not a version to retry on, whatever the client sends.
        throw new HttpProblem(409, key, { code }).with({ current: auditSnapshot(proposal!) });
      }
      assertVersion(expected, proposal!.version, auditSnapshot(proposal!));
      await act(trx, proposal!);
      return (await proposalByCode(trx, code))!;
    });
  }

  router.post('/proposals/:code/decision', requirePermission('proposals.decide'), async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const body = parseBody(proposalDecisionSchema, req.body);
    const decided = await step(req, expectedVersion(req, body.version), (trx, proposal) =>
      decideProposal(trx, req.actor!, clientIp(req), proposal, body.decision, body.reason.trim(), deps),
    );
    res.set('ETag', etagOf(decided.version)).json(strip(decided));
  });

  router.post('/proposals/:code/withdraw', requirePermission('proposals.submit'), async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const withdrawn = await step(req, expectedVersionOfBodyless(req), async (trx, proposal) => {
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
