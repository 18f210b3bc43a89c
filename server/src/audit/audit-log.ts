import type { Knex } from 'knex';
import type { Actor } from '../auth/actor.js';
import type { AuditAction, AuditEntity } from '../contracts/auth-contracts.js';

export interface AuditRecord {
  action: AuditAction;
  entity: AuditEntity;
  code?: string | null;
  before?: unknown;
  after?: unknown;
  summary?: string;
}

/** Who did it, as the audit log names them: an account, or what acted without one. */
export interface AuditContext {
  actor: Pick<Actor, 'userId' | 'username' | 'role'> | null;
  /** Name used when there is no account (a failed sign-in's user name, `system`). */
  actorName?: string;
  clientIp?: string | null;
}

/**
 * Appends one entry to the audit log, in the caller's transaction, so a change
 * and its entry commit or roll back together.
 */
export async function writeAudit(knex: Knex | Knex.Transaction, context: AuditContext, record: AuditRecord): Promise<void> {
  await knex.raw(
    `INSERT INTO audit_log (actor_id, actor_name, actor_role, action, entity, entity_code, before, after, client_ip, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)`,
    [
      context.actor?.userId ?? null,
      context.actor?.username ?? context.actorName ?? 'system',
      context.actor?.role ?? null,
      record.action,
      record.entity,
      record.code ?? null,
      record.before === undefined || record.before === null ? null : JSON.stringify(record.before),
      record.after === undefined || record.after === null ? null : JSON.stringify(record.after),
      context.clientIp ?? null,
      record.summary ?? null,
    ],
  );
}
