import type { Knex } from 'knex';
import { findColocationCandidates } from '../colocation/colocation-finder.js';
import type { ProposalSubmit } from '../contracts/proposal-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { proposalByCode } from '../proposals/proposal-store.js';
import { decideProposal, submitProposal, type ProposalActor, type WorkflowDeps } from '../proposals/proposal-workflow.js';
import { DEMO_SOURCE } from './demo-constants.js';

/**
 * A few proposals in the demo, so the review screen and the planned scenario
 * have something to show: for each of three operators, a 4G co-location on the
 * best candidate structure near its most populous hamlet without its 4G, and
 * one new site in the largest uncovered area; one co-location is approved and
 * one rejected by the demo planner, the rest await a decision. They go through
 * the same workflow as the API (impact, justification rule, approval records,
 * audit), acting for engineers named in the history as demo accounts.
 * Deterministic: they follow from the demo register and its coverage.
 */
export async function seedDemoProposals(knex: Knex, deps: WorkflowDeps): Promise<{ submitted: number; approved: number; rejected: number }> {
  const engineer = (operator: string): ProposalActor => ({ userId: null, username: `demo.${operator}`, role: 'operator' });
  const planner: ProposalActor = { userId: null, username: 'demo.quyhoach', role: 'planner' };
  const radio = { technology: '4G' as const, bandMHz: 1800, antennaHeightM: 30 };
  const codes: string[] = [];

  await knex.transaction(async (trx) => {
    for (const operator of ['viettel', 'mobifone', 'vnpt']) {
      // The operator's hamlets with the most people its 4G leaves out, and the first of them
      // (at most ten tried) with a structure with room within 2 km that would cover some of them.
      const hamlets = (
        await trx.raw(
          `SELECT h.name, ST_X(h.ref_point) AS lon, ST_Y(h.ref_point) AS lat
             FROM hamlet_coverage hc JOIN hamlets h ON h.id = hc.hamlet_id
            WHERE hc.scenario = 'current' AND hc.operator_code = ? AND hc.tech_group = '4G' AND hc.verdict <> 'covered'
            ORDER BY h.population - hc.population_covered DESC, h.code LIMIT 10`,
          [operator],
        )
      ).rows as { name: string; lon: number; lat: number }[];
      for (const hamlet of hamlets) {
        const found = await findColocationCandidates(trx, deps.coverage, deps.sharing, {
          ...radio, lon: Number(hamlet.lon), lat: Number(hamlet.lat), operator, radiusM: 2000, scenario: 'planned',
        });
        const best = found.candidates.find((c) => !c.warnings.includes('no_room') && c.populationNewlyCovered > 0);
        if (!best) continue;
        const body: ProposalSubmit = {
          kind: 'colocation', operator, siteKey: best.siteKey, radio,
          note: `Lắp 4G dùng chung cột để phủ sóng ${hamlet.name} (dữ liệu mẫu).`,
        };
        codes.push((await submitProposal(trx, engineer(operator), null, body, deps)).code);
        break;
      }
    }

    // A new site in the largest uncovered area (any operator's broadband).
    const gap = (
      await trx.raw(
        `SELECT ST_X(p) AS lon, ST_Y(p) AS lat, h.name
           FROM (SELECT g.hamlet_id, ST_PointOnSurface(g.geom) AS p FROM coverage_gaps g WHERE g.scenario = 'current'
                  ORDER BY g.area_m2 DESC, g.hamlet_id, g.part_no LIMIT 1) x
           JOIN hamlets h ON h.id = x.hamlet_id`,
      )
    ).rows[0] as { lon: number; lat: number; name: string } | undefined;
    if (gap) {
      const body: ProposalSubmit = {
        kind: 'new_site', operator: 'viettel', lon: Number(gap.lon), lat: Number(gap.lat), structureType: 'self_supporting', heightM: 42,
        radio: { ...radio, antennaHeightM: 38 }, searchRadiusM: 1000,
        note: `Xây trạm mới xóa vùng lõm sóng ở ${gap.name} (dữ liệu mẫu).`,
      };
      try {
        codes.push((await submitProposal(trx, engineer('viettel'), null, body, deps)).code);
      } catch (error) {
        // A structure with room stands nearby: say why it does not do, as an operator must.
        if (!(error instanceof HttpProblem && error.messageKey === 'justification-required')) throw error;
        const justified = { ...body, justification: 'Các cột trong bán kính 1 km thấp hơn 30 m, không phủ được vùng lõm (dữ liệu mẫu).' };
        codes.push((await submitProposal(trx, engineer('viettel'), null, justified, deps)).code);
      }
    }

    const decide = async (code: string | undefined, decision: 'approve' | 'reject', reason: string) => {
      if (!code) return;
      const proposal = (await proposalByCode(trx, code, true))!;
      await decideProposal(trx, planner, null, proposal, decision, reason, deps);
    };
    await decide(codes[0], 'approve', 'Dùng chung hạ tầng sẵn có, đúng định hướng Kế hoạch 540/KH-UBND (dữ liệu mẫu).');
    await decide(codes[1], 'reject', 'Cột đã đủ tải trọng thiết kế; đề nghị khảo sát vị trí khác (dữ liệu mẫu).');
  });
  return { submitted: codes.length, approved: codes.length > 0 ? 1 : 0, rejected: codes.length > 1 ? 1 : 0 };
}

/** True for a demo register whose proposals were not loaded yet (a fresh demo, or one reset with npm run seed). */
export async function demoProposalsMissing(knex: Knex): Promise<boolean> {
  const row = (
    await knex.raw(`SELECT EXISTS (SELECT 1 FROM operators WHERE source = ?) AND NOT EXISTS (SELECT 1 FROM proposals) AS missing`, [DEMO_SOURCE])
  ).rows[0] as { missing: boolean };
  return row.missing;
}
