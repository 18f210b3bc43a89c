import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/audit-log.js';
import { clientIp, requirePermission, signedIn } from '../auth/authenticate.js';
import {
  inspectionCreateSchema,
  inspectionUpdateSchema,
  type Inspection,
  type InspectionCreate,
} from '../contracts/inspection-contracts.js';
import { parseBody } from '../http/body-validation.js';
import { isCalendarInstant } from '../http/calendar-instant.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode } from '../http/query-params.js';
import { assertVersion, etagOf, expectedVersion, expectedVersionOfBodyless } from '../records/record-version.js';

/** One inspection with the model's current verdict for the same operator and technology group beside it. */
const selectInspections = `
  SELECT i.id, h.code AS hamlet_code, to_char(i.inspected_on, 'YYYY-MM-DD') AS inspected_on, i.operator_code, i.tech_group,
         i.observed_verdict, hc.verdict AS model_verdict, i.note, i.measurement_batch, u.username AS inspector, i.version,
         i.created_at, i.updated_at, i.deleted_at
    FROM hamlet_inspections i
    JOIN hamlets h ON h.id = i.hamlet_id
    JOIN users u ON u.id = i.inspector_id
    -- An inspection is of the network on air: the model's current verdict.
    LEFT JOIN hamlet_coverage hc ON hc.hamlet_id = i.hamlet_id AND hc.scenario = 'current'
                               AND hc.operator_code = i.operator_code AND hc.tech_group = i.tech_group`;

interface InspectionRow {
  id: number;
  hamlet_code: string;
  inspected_on: string;
  operator_code: string;
  tech_group: Inspection['technologyGroup'];
  observed_verdict: Inspection['observedVerdict'];
  model_verdict: Inspection['observedVerdict'] | null;
  note: string | null;
  measurement_batch: string | null;
  inspector: string;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  deleted_at: Date | string | null;
}

function toInspection(r: InspectionRow): Inspection {
  return {
    id: r.id,
    hamletCode: r.hamlet_code,
    inspectedOn: r.inspected_on,
    operator: r.operator_code,
    technologyGroup: r.tech_group,
    observedVerdict: r.observed_verdict,
    modelVerdict: r.model_verdict,
    agreesWithModel: r.model_verdict === null ? null : r.model_verdict === r.observed_verdict,
    note: r.note,
    measurementBatch: r.measurement_batch,
    inspector: r.inspector,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

async function findInspection(db: Knex | Knex.Transaction, id: number, lock = false): Promise<InspectionRow | undefined> {
  // FOR UPDATE OF i: the row to be changed, not the joined ones.
  return (await db.raw(`${selectInspections} WHERE i.id = ?${lock ? ' FOR UPDATE OF i' : ''}`, [id])).rows[0] as InspectionRow | undefined;
}

function parseId(req: Request): number {
  const raw = String(req.params.id);
  if (!/^\d{1,9}$/.test(raw)) throw new HttpProblem(400, 'code-format', { code: raw.slice(0, 64) }, 'id');
  return Number(raw);
}

async function checkFields(db: Knex | Knex.Transaction, body: Partial<InspectionCreate>): Promise<void> {
  if (body.operator !== undefined && body.operator !== '*') {
    const kind = ((await db.raw('SELECT kind FROM operators WHERE code = ?', [body.operator])).rows[0] as { kind: string } | undefined)?.kind;
    if (!kind) throw new HttpProblem(400, 'unknown-operator', { operator: body.operator }, 'operator');
    // A tower company radiates nothing: the model has no verdict for it to compare with.
    if (kind !== 'mno') throw new HttpProblem(400, 'inspection-operator-not-mobile', { operator: body.operator }, 'operator');
  }
  if (body.inspectedOn !== undefined) {
    // Checked here, not by casting in SQL: a failed cast would abort the caller's transaction on PostgreSQL.
    // A day that exists and that PostgreSQL can store (it has no year 0).
    const valid = isCalendarInstant(body.inspectedOn);
    // "Today" in Việt Nam (UTC+7), where the inspection took place.
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    if (!valid || body.inspectedOn > today) throw new HttpProblem(400, 'inspection-date', { value: body.inspectedOn }, 'inspectedOn');
  }
}

/**
 * Field inspections of hamlets: inspectors record them (and only the author
 * edits or withdraws one); every signed-in account reads them, anonymous
 * visitors do not (they are working documents of the inspection).
 */
export function inspectionRoutes(knex: Knex): Router {
  const router = Router();
  const recorder = requirePermission('inspections.record');

  router.get('/hamlets/:code/inspections', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    signedIn(req);
    const code = parseCode(String(req.params.code), 'code')!;
    const hamlet = (await knex.raw('SELECT id FROM hamlets WHERE code = ?', [code])).rows[0] as { id: number } | undefined;
    if (!hamlet) throw new HttpProblem(404, 'unknown-hamlet', { code });
    const rows = (await knex.raw(`${selectInspections} WHERE i.hamlet_id = ? AND i.deleted_at IS NULL ORDER BY i.inspected_on DESC, i.id DESC`, [hamlet.id]))
      .rows as InspectionRow[];
    res.set('Cache-Control', 'no-store').json({ inspections: rows.map(toInspection) });
  });

  router.post('/hamlets/:code/inspections', recorder, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const code = parseCode(String(req.params.code), 'code')!;
    const body = parseBody(inspectionCreateSchema, req.body);
    const created = await knex.transaction(async (trx) => {
      const hamlet = (await trx.raw('SELECT id FROM hamlets WHERE code = ?', [code])).rows[0] as { id: number } | undefined;
      if (!hamlet) throw new HttpProblem(404, 'unknown-hamlet', { code });
      await checkFields(trx, body);
      const id = (
        await trx.raw(
          `INSERT INTO hamlet_inspections (hamlet_id, inspected_on, operator_code, tech_group, observed_verdict, note, measurement_batch, inspector_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
          [hamlet.id, body.inspectedOn, body.operator, body.technologyGroup, body.observedVerdict, body.note ?? null, body.measurementBatch ?? null, req.actor!.userId],
        )
      ).rows[0].id as number;
      const after = toInspection((await findInspection(trx, id))!);
      await writeAudit(trx, { actor: req.actor!, clientIp: clientIp(req) }, { action: 'create', entity: 'inspection', code: String(id), after });
      return after;
    });
    res.status(201).set('ETag', etagOf(created.version)).json(created);
  });

  async function changeOwn(req: Request, change: (trx: Knex.Transaction, row: InspectionRow) => Promise<'update' | 'delete'>): Promise<Inspection> {
    const id = parseId(req);
    return knex.transaction(async (trx) => {
      const row = await findInspection(trx, id, true);
      if (!row || row.deleted_at) throw new HttpProblem(404, 'unknown-inspection', { id });
      if (row.inspector !== req.actor!.username) throw new HttpProblem(403, 'inspection-not-yours', { inspector: row.inspector });
      const before = toInspection(row);
      const action = await change(trx, row);
      const after = toInspection((await findInspection(trx, id))!);
      await writeAudit(trx, { actor: req.actor!, clientIp: clientIp(req) }, { action, entity: 'inspection', code: String(id), before, after });
      return after;
    });
  }

  router.patch('/inspections/:id', recorder, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const body = parseBody(inspectionUpdateSchema, req.body);
    const expected = expectedVersion(req, body.version);
    const updated = await changeOwn(req, async (trx, row) => {
      assertVersion(expected, row.version, toInspection(row));
      await checkFields(trx, body);
      await trx.raw(
        `UPDATE hamlet_inspections SET inspected_on = coalesce(?::date, inspected_on), operator_code = coalesce(?, operator_code),
                tech_group = coalesce(?, tech_group), observed_verdict = coalesce(?, observed_verdict),
                note = CASE WHEN ?::boolean THEN ? ELSE note END,
                measurement_batch = CASE WHEN ?::boolean THEN ? ELSE measurement_batch END,
                version = version + 1, updated_at = now()
          WHERE id = ?`,
        [
          body.inspectedOn ?? null, body.operator ?? null, body.technologyGroup ?? null, body.observedVerdict ?? null,
          body.note !== undefined, body.note ?? null, body.measurementBatch !== undefined, body.measurementBatch ?? null, row.id,
        ],
      );
      return 'update';
    });
    res.set('ETag', etagOf(updated.version)).json(updated);
  });

  router.delete('/inspections/:id', recorder, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const expected = expectedVersionOfBodyless(req);
    await changeOwn(req, async (trx, row) => {
      assertVersion(expected, row.version, toInspection(row));
      await trx.raw('UPDATE hamlet_inspections SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ?', [row.id]);
      return 'delete';
    });
    res.status(204).end();
  });
  return router;
}
