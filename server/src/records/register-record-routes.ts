import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import type { z } from 'zod';
import { writeAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { assertMayWriteRecord, clientIp, requirePermission } from '../auth/authenticate.js';
import type { RegisterEntity } from '../contracts/record-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { recomputeCoverageForBts } from '../coverage/coverage-recompute.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode } from '../http/query-params.js';
import { assertVersion, etagOf, expectedVersion, expectedVersionOfBodyless } from './record-version.js';
import { constraintProblem } from './constraint-problem.js';
import { inferSites } from '../sharing/site-inference.js';
import type { SharingSettings } from '../sharing/sharing-settings.js';

export type Snapshot = Record<string, unknown> & { code: string; version: number; deletedAt: string | null };

/**
 * What one kind of register record needs to be written: its table, its body
 * schemas, who owns it, and how a create or an edit reaches the tables. The
 * routes around it (roles, record ownership, versions, audit, coverage update,
 * all in one transaction) are the same for every kind.
 */
export interface RegisterRecordSpec<C extends z.ZodType, U extends z.ZodType> {
  entity: RegisterEntity;
  /** Path segment under /api (sites, bts, fiber). */
  path: string;
  /** Base table holding live and soft-deleted rows. */
  table: 'site_records' | 'bts_records' | 'fiber_route_records';
  createSchema: C;
  updateSchema: U;
  /** Snapshot field naming the operator the record belongs to (a site's owner, a BTS's or route's operator). */
  ownerField: 'owner' | 'operator';
  /** Whether GET /api/{path}/{code} answers the record (sites have their own detail route). */
  serveGet: boolean;
  insert(trx: Knex.Transaction, body: z.infer<C>, source: string): Promise<void>;
  update(trx: Knex.Transaction, id: number, body: z.infer<U>, current: Snapshot): Promise<void>;
  /** Refuses a delete that would leave the register inconsistent (a site still carrying BTS). */
  beforeDelete?(trx: Knex.Transaction, id: number): Promise<void>;
  beforeRestore?(trx: Knex.Transaction, id: number, current: Snapshot): Promise<void>;
  /** Ids of the BTS whose coverage a change of this record touches (none for fiber). */
  touchedBts(trx: Knex.Transaction, id: number): Promise<number[]>;
  /** Records an edit of this one may change too (the BTS a site move carries), each audited in its own entry. */
  dependents?(trx: Knex.Transaction, id: number): Promise<{ entity: RegisterEntity; code: string }[]>;
}

export async function snapshotOf(db: Knex | Knex.Transaction, entity: RegisterEntity, code: string): Promise<Snapshot | null> {
  const row = (await db.raw('SELECT hatang_record_snapshot(?, ?) AS s', [entity, code])).rows[0] as { s: Snapshot | string | null };
  return typeof row.s === 'string' ? (JSON.parse(row.s) as Snapshot) : row.s;
}

/** Provenance of a change made through the API: who, through which channel. */
function sourceOf(actor: Actor): string {
  return `api:${actor.username}`;
}

export function registerRecordRoutes<C extends z.ZodType, U extends z.ZodType>(
  knex: Knex,
  spec: RegisterRecordSpec<C, U>,
  coverage: CoverageParams,
  sharing: Pick<SharingSettings, 'siteInferenceEpsM'>,
): Router {
  const router = Router();
  const base = `/${spec.path}`;
  const writer = requirePermission('infrastructure.write');
  const unknownKey = `unknown-${spec.entity}` as const;

  const codeOf = (req: Request) => parseCode(String(req.params.code), 'code')!;

  async function lock(trx: Knex.Transaction, code: string): Promise<{ id: number; current: Snapshot }> {
    const row = (await trx.raw(`SELECT id FROM ${spec.table} WHERE code = ? FOR UPDATE`, [code])).rows[0] as { id: number } | undefined;
    if (!row) throw new HttpProblem(404, unknownKey, { code });
    return { id: row.id, current: (await snapshotOf(trx, spec.entity, code))! };
  }

  /**
   * Rebuilds the coverage and the physical sites (site inference) the change
   * touched, in the same transaction: readers never see a register and derived
   * results that disagree. Inference starts from the record and its BTS where
   * they stand now and where the last inference saw them.
   */
  async function recompute(trx: Knex.Transaction, recordId: number, btsIds: number[], previousOperators: string[]) {
    const ids = [...new Set(btsIds)];
    if (ids.length > 0) await recomputeCoverageForBts(trx, coverage, ids, previousOperators);
    if (spec.entity === 'site' || spec.entity === 'bts') {
      await inferSites(trx, sharing.siteInferenceEpsM, { btsIds: ids, siteIds: spec.entity === 'site' ? [recordId] : [] });
    }
  }

  async function audited<T>(req: Request, work: (trx: Knex.Transaction, actor: Actor) => Promise<T>): Promise<T> {
    try {
      return await knex.transaction((trx) => work(trx, req.actor!));
    } catch (error) {
      throw constraintProblem(error) ?? error;
    }
  }

  if (spec.serveGet) {
    router.get(`${base}/:code`, async (req, res) => {
      assertOnlyParameters(req, ['lang']);
      const code = codeOf(req);
      const record = await snapshotOf(knex, spec.entity, code);
      if (!record || record.deletedAt) throw new HttpProblem(404, unknownKey, { code });
      // The answer is exactly the record, so its version is a true ETag: revalidate, then 304 is right.
      res.set({ ETag: etagOf(record.version), 'Cache-Control': 'no-cache' }).json(record);
    });
  }

  router.post(base, writer, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const body = parseBody(spec.createSchema, req.body) as z.infer<C> & { code: string };
    assertMayWriteRecord(req.actor!, (body as Record<string, string>)[spec.ownerField]!);
    const created = await audited(req, async (trx, actor) => {
      const existing = await snapshotOf(trx, spec.entity, body.code);
      if (existing) {
        throw new HttpProblem(409, existing.deletedAt ? 'code-taken-deleted' : 'code-taken', { code: body.code }, 'code');
      }
      await spec.insert(trx, body, sourceOf(actor));
      const id = (await trx.raw(`SELECT id FROM ${spec.table} WHERE code = ?`, [body.code])).rows[0].id as number;
      await recompute(trx, id, await spec.touchedBts(trx, id), []);
      const after = (await snapshotOf(trx, spec.entity, body.code))!;
      await writeAudit(trx, { actor, clientIp: clientIp(req) }, { action: 'create', entity: spec.entity, code: body.code, after });
      return after;
    });
    res.status(201).set({ ETag: etagOf(created.version), Location: `/api${base}/${encodeURIComponent(created.code)}` }).json(created);
  });

  router.patch(`${base}/:code`, writer, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const code = codeOf(req);
    const body = parseBody(spec.updateSchema, req.body) as z.infer<U> & { version?: number };
    const expected = expectedVersion(req, body.version);
    const updated = await audited(req, async (trx, actor) => {
      const { id, current } = await lock(trx, code);
      if (current.deletedAt) throw new HttpProblem(404, unknownKey, { code });
      assertMayWriteRecord(actor, current[spec.ownerField] as string);
      const newOwner = (body as Record<string, unknown>)[spec.ownerField];
      if (typeof newOwner === 'string') assertMayWriteRecord(actor, newOwner);
      assertVersion(expected, current.version, current);
      const touchedBefore = await spec.touchedBts(trx, id);
      const dependents = (await spec.dependents?.(trx, id)) ?? [];
      const dependentsBefore = await Promise.all(dependents.map((d) => snapshotOf(trx, d.entity, d.code)));
      await spec.update(trx, id, body, current);
      await trx.raw(`UPDATE ${spec.table} SET version = version + 1, updated_at = now(), source = ?, source_date = current_date WHERE id = ?`, [
        sourceOf(actor),
        id,
      ]);
      const previousOperators = spec.entity === 'bts' ? [current.operator as string] : [];
      await recompute(trx, id, [...touchedBefore, ...(await spec.touchedBts(trx, id))], previousOperators);
      const after = (await snapshotOf(trx, spec.entity, code))!;
      await writeAudit(trx, { actor, clientIp: clientIp(req) }, { action: 'update', entity: spec.entity, code, before: current, after });
      for (const [i, d] of dependents.entries()) {
        const dependentAfter = await snapshotOf(trx, d.entity, d.code);
        if (dependentAfter?.version === dependentsBefore[i]?.version) continue;
        await writeAudit(trx, { actor, clientIp: clientIp(req) }, {
          action: 'update', entity: d.entity, code: d.code, before: dependentsBefore[i], after: dependentAfter, summary: `${spec.entity} ${code}`,
        });
      }
      return after;
    });
    res.set('ETag', etagOf(updated.version)).json(updated);
  });

  router.delete(`${base}/:code`, writer, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const code = codeOf(req);
    const expected = expectedVersionOfBodyless(req);
    const deleted = await audited(req, async (trx, actor) => {
      const { id, current } = await lock(trx, code);
      if (current.deletedAt) throw new HttpProblem(404, unknownKey, { code });
      assertMayWriteRecord(actor, current[spec.ownerField] as string);
      assertVersion(expected, current.version, current);
      await spec.beforeDelete?.(trx, id);
      const touched = await spec.touchedBts(trx, id);
      // Soft deletion: the row stays in its table (and in the audit log), out of every view.
      await trx.raw(`UPDATE ${spec.table} SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ?`, [id]);
      await recompute(trx, id, touched, []);
      const after = (await snapshotOf(trx, spec.entity, code))!;
      await writeAudit(trx, { actor, clientIp: clientIp(req) }, { action: 'delete', entity: spec.entity, code, before: current, after });
      return after;
    });
    res.set('ETag', etagOf(deleted.version)).json(deleted);
  });

  router.post(`${base}/:code/restore`, writer, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const code = codeOf(req);
    const expected = expectedVersionOfBodyless(req);
    const restored = await audited(req, async (trx, actor) => {
      const { id, current } = await lock(trx, code);
      assertMayWriteRecord(actor, current[spec.ownerField] as string);
      if (!current.deletedAt) throw new HttpProblem(409, 'not-deleted', { code });
      assertVersion(expected, current.version, current);
      await spec.beforeRestore?.(trx, id, current);
      await trx.raw(`UPDATE ${spec.table} SET deleted_at = NULL, version = version + 1, updated_at = now() WHERE id = ?`, [id]);
      await recompute(trx, id, await spec.touchedBts(trx, id), []);
      const after = (await snapshotOf(trx, spec.entity, code))!;
      await writeAudit(trx, { actor, clientIp: clientIp(req) }, { action: 'restore', entity: spec.entity, code, before: current, after });
      return after;
    });
    res.set('ETag', etagOf(restored.version)).json(restored);
  });

  return router;
}
