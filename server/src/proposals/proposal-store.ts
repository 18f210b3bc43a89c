import type { Knex } from 'knex';
import type { Proposal, ProposalImpact, ProposalStatus } from '../contracts/proposal-contracts.js';
import { proposalStatuses } from '../contracts/proposal-contracts.js';
import type { PlannedRadio } from '../contracts/colocation-contracts.js';

/** One proposal row with what the answer names by code rather than by id. */
const selectProposals = `
  SELECT p.id, p.code, p.kind, p.status, o.code AS operator, o.name AS operator_name, p.site_key,
         s.code AS site_code, ST_X(p.geom) AS lon, ST_Y(p.geom) AS lat, p.structure_type, p.height_m::float8 AS height_m,
         p.radio, p.justification, p.note, p.impact, p.submitted_by_name, p.submitted_at, p.decided_by_name, p.decided_at,
         p.decision_reason, cs.code AS created_site_code, cb.code AS created_bts_code, cb.status AS created_status, p.version
    FROM proposals p
    JOIN operators o ON o.id = p.operator_id
    LEFT JOIN site_records s ON s.id = p.site_id
    LEFT JOIN site_records cs ON cs.id = p.created_site_id
    LEFT JOIN bts_records cb ON cb.id = p.created_bts_id`;

interface ProposalRow {
  id: number;
  code: string;
  kind: Proposal['kind'];
  status: ProposalStatus;
  operator: string;
  operator_name: string;
  site_key: string | null;
  site_code: string | null;
  lon: number;
  lat: number;
  structure_type: Proposal['structureType'];
  height_m: number | null;
  radio: PlannedRadio | string;
  justification: string | null;
  note: string | null;
  impact: ProposalImpact | string;
  submitted_by_name: string;
  submitted_at: Date | string;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  decision_reason: string | null;
  created_site_code: string | null;
  created_bts_code: string | null;
  created_status: Proposal['createdStatus'];
  version: number;
}

const iso = (value: Date | string) => new Date(value).toISOString();
// PGlite hands jsonb back as text, pg as objects.
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function toProposal(row: ProposalRow): Omit<Proposal, 'events'> {
  return {
    code: row.code,
    kind: row.kind,
    status: row.status,
    operator: row.operator,
    operatorName: row.operator_name,
    siteKey: row.site_key,
    siteCode: row.site_code,
    lon: Number(row.lon),
    lat: Number(row.lat),
    structureType: row.structure_type,
    heightM: row.height_m === null ? null : Number(row.height_m),
    radio: json(row.radio),
    justification: row.justification,
    note: row.note,
    impact: json(row.impact),
    submittedBy: row.submitted_by_name,
    submittedAt: iso(row.submitted_at),
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at === null ? null : iso(row.decided_at),
    decisionReason: row.decision_reason,
    createdSiteCode: row.created_site_code,
    createdBtsCode: row.created_bts_code,
    createdStatus: row.created_status,
    version: row.version,
  };
}

export interface ProposalFilter {
  statuses?: ProposalStatus[];
  operator?: string;
  kinds?: Proposal['kind'][];
}

/** Newest first; counts per status over the same operator and kind filter (so the status chips show what each would list). */
export async function listProposals(db: Knex | Knex.Transaction, filter: ProposalFilter) {
  const where: string[] = [];
  const bindings: unknown[] = [];
  if (filter.operator) {
    where.push('o.code = ?');
    bindings.push(filter.operator);
  }
  if (filter.kinds) {
    where.push('p.kind = ANY (?::text[])');
    bindings.push(filter.kinds);
  }
  const scope = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const statusClause = filter.statuses ? `${scope ? `${scope} AND` : 'WHERE'} p.status = ANY (?::text[])` : scope;
  const rows = (
    await db.raw(`${selectProposals} ${statusClause} ORDER BY p.submitted_at DESC, p.id DESC`, [
      ...bindings,
      ...(filter.statuses ? [filter.statuses] : []),
    ] as Knex.RawBinding[])
  ).rows as ProposalRow[];
  const counted = (
    await db.raw(`SELECT p.status, count(*)::int AS n FROM proposals p JOIN operators o ON o.id = p.operator_id ${scope} GROUP BY p.status`, bindings as Knex.RawBinding[])
  ).rows as { status: ProposalStatus; n: number }[];
  const counts = Object.fromEntries(proposalStatuses.map((s) => [s, counted.find((c) => c.status === s)?.n ?? 0])) as Record<ProposalStatus, number>;
  return { proposals: rows.map(toProposal), counts };
}

export async function proposalByCode(db: Knex | Knex.Transaction, code: string, forUpdate = false): Promise<(Proposal & { id: number }) | null> {
  const row = (await db.raw(`${selectProposals} WHERE p.code = ?${forUpdate ? ' FOR UPDATE OF p' : ''}`, [code])).rows[0] as ProposalRow | undefined;
  if (!row) return null;
  const events = (
    await db.raw(
      `SELECT at, action, actor_name, actor_role, note FROM proposal_events WHERE proposal_id = ? ORDER BY at, id`,
      [row.id],
    )
  ).rows as { at: Date | string; action: Proposal['events'][number]['action']; actor_name: string; actor_role: string | null; note: string | null }[];
  return {
    id: row.id,
    ...toProposal(row),
    events: events.map((e) => ({ at: iso(e.at), action: e.action, actor: e.actor_name, actorRole: e.actor_role, note: e.note })),
  };
}

export async function addProposalEvent(
  trx: Knex.Transaction,
  proposalId: number,
  action: Proposal['events'][number]['action'],
  actor: { username: string; role: string },
  note: string | null,
): Promise<void> {
  await trx.raw('INSERT INTO proposal_events (proposal_id, action, actor_name, actor_role, note) VALUES (?, ?, ?, ?, ?)', [
    proposalId, action, actor.username, actor.role, note,
  ]);
}
