import { Router } from 'express';
import type { Knex } from 'knex';
import { requirePermission } from '../auth/authenticate.js';
import { auditActions, auditEntities, type AuditEntry, type AuditPage } from '../contracts/auth-contracts.js';
import { isCalendarInstant } from '../http/calendar-instant.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseEnumList, parseNumber, singleParameter } from '../http/query-params.js';

interface AuditRow {
  id: number;
  at: Date | string;
  actor_name: string;
  actor_role: string | null;
  action: AuditEntry['action'];
  entity: AuditEntry['entity'];
  entity_code: string | null;
  before: Record<string, unknown> | string | null;
  after: Record<string, unknown> | string | null;
  summary: string | null;
  client_ip: string | null;
  total: number;
}

const json = (v: Record<string, unknown> | string | null) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : v);

function parseInstant(raw: string | undefined, parameter: string): string | null {
  if (raw === undefined) return null;
  // A date (whole day, local to the server) or an ISO 8601 instant.
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw) || !isCalendarInstant(raw)) {
    throw new HttpProblem(400, 'instant-format', { parameter, value: raw.slice(0, 40) }, parameter);
  }
  return raw;
}

/** The audit log, newest first, filterable by record, actor, action and time; planners and admins read it. */
export function auditRoutes(knex: Knex): Router {
  const router = Router();
  router.get('/audit', requirePermission('audit.read'), async (req, res) => {
    assertOnlyParameters(req, ['entity', 'code', 'actor', 'action', 'from', 'to', 'limit', 'offset', 'lang']);
    const entities = parseEnumList(singleParameter(req, 'entity'), 'entity', auditEntities);
    const actions = parseEnumList(singleParameter(req, 'action'), 'action', auditActions);
    const code = singleParameter(req, 'code');
    const actor = singleParameter(req, 'actor');
    for (const [name, value] of [['code', code], ['actor', actor]] as const) {
      if (value !== undefined && (value.length > 64 || /[\u0000-\u001f]/.test(value))) throw new HttpProblem(400, 'code-format', { code: value.slice(0, 64) }, name);
    }
    const from = parseInstant(singleParameter(req, 'from'), 'from');
    const to = parseInstant(singleParameter(req, 'to'), 'to');
    const limit = parseNumber(singleParameter(req, 'limit'), 'limit', { min: 1, max: 500, integer: true }) ?? 100;
    const offset = parseNumber(singleParameter(req, 'offset'), 'offset', { min: 0, max: 1e9, integer: true }) ?? 0;
    const rows = (
      await knex.raw(
        `SELECT a.*, count(*) OVER ()::int AS total FROM audit_log a
          WHERE (?::text[] IS NULL OR a.entity = ANY (?::text[]))
            AND (?::text[] IS NULL OR a.action = ANY (?::text[]))
            AND (?::text IS NULL OR a.entity_code = ?)
            AND (?::text IS NULL OR a.actor_name = ?)
            AND (?::timestamptz IS NULL OR a.at >= ?::timestamptz)
            AND (?::timestamptz IS NULL OR a.at < ?::timestamptz + CASE WHEN length(?) = 10 THEN interval '1 day' ELSE interval '0' END)
          ORDER BY a.at DESC, a.id DESC
          LIMIT ? OFFSET ?`,
        [entities ?? null, entities ?? null, actions ?? null, actions ?? null, code ?? null, code ?? null, actor ?? null, actor ?? null,
          from, from, to, to, to ?? '', limit, offset],
      )
    ).rows as AuditRow[];
    const body: AuditPage = {
      entries: rows.map((r) => ({
        id: Number(r.id),
        at: new Date(r.at).toISOString(),
        actor: r.actor_name,
        actorRole: r.actor_role,
        action: r.action,
        entity: r.entity,
        code: r.entity_code,
        before: json(r.before),
        after: json(r.after),
        summary: r.summary,
        clientIp: r.client_ip,
      })),
      total: rows[0]?.total ?? 0,
      limit,
      offset,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
