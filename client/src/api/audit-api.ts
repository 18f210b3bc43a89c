import type { AuditAction, AuditEntity, AuditPage } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import { getJson } from './api-client.js';

/** Filters of GET /api/audit; empty lists and blank texts mean no filter. Dates are YYYY-MM-DD, both ends included. */
export interface AuditQuery {
  entities: AuditEntity[];
  actions: AuditAction[];
  code: string;
  actor: string;
  from: string;
  to: string;
  limit: number;
  offset: number;
}

export function auditUrl(query: AuditQuery): string {
  const params = new URLSearchParams();
  if (query.entities.length > 0) params.set('entity', query.entities.join(','));
  if (query.actions.length > 0) params.set('action', query.actions.join(','));
  if (query.code.trim()) params.set('code', query.code.trim());
  if (query.actor.trim()) params.set('actor', query.actor.trim().toLowerCase());
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  params.set('limit', String(query.limit));
  params.set('offset', String(query.offset));
  return `/api/audit?${params.toString()}`;
}

export function fetchAudit(query: AuditQuery, lang: Lang, signal?: AbortSignal): Promise<AuditPage> {
  return getJson<AuditPage>(auditUrl(query), lang, signal);
}
