import { Router, type Request } from 'express';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/audit-log.js';
import type { Actor } from '../auth/actor.js';
import { clientIp, requirePermission } from '../auth/authenticate.js';
import type { IndicatorMeasure } from '../contracts/indicator-contracts.js';
import {
  indicatorTargetCreateSchema,
  indicatorTargetUpdateSchema,
  reportedValueCreateSchema,
  reportedValueUpdateSchema,
  reportingPeriodCreateSchema,
  type IndicatorRegistry,
  type IndicatorTarget,
  type ReportedValue,
  type ReportedValuesResponse,
  type ReportingPeriodsResponse,
} from '../contracts/indicator-registry-contracts.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode, singleParameter } from '../http/query-params.js';
import { resolveBoundarySet, resolveUnitId } from '../layers/admin-unit-lookup.js';
import { constraintProblem } from '../records/constraint-problem.js';
import { assertVersion, etagOf, expectedVersion, expectedVersionOfBodyless } from '../records/record-version.js';
import { indicatorCatalogue } from './indicator-catalogue.js';
import { listTargets, sameTarget, targetById } from './indicator-target-queries.js';
import { valueProblem } from '../contracts/indicator-value-rules.js';
import { listReportedValues, reportedValueById, sameReportedValue } from './reported-value-queries.js';
import { assertPeriod, listPeriods, periodExists } from './reporting-period-queries.js';
import { periodOfCode } from './reporting-period-rules.js';

type Db = Knex | Knex.Transaction;

/** Provenance of a change made through the API, as the register writes it. */
const sourceOf = (actor: Actor) => `api:${actor.username}`;

/** The measure of a registered indicator; an unknown code is a 400 naming `indicator`. */
async function measureOf(db: Db, indicator: string): Promise<IndicatorMeasure> {
  const row = (await db.raw('SELECT measure FROM indicator_definitions WHERE code = ?', [indicator])).rows[0] as { measure: IndicatorMeasure } | undefined;
  if (!row) {
    throw new HttpProblem(400, 'unknown-indicator', { indicator: indicator.slice(0, 64), allowed: indicatorCatalogue.map((d) => d.code).join(', ') }, 'indicator');
  }
  return row.measure;
}

/** A value the measure cannot hold (a share over 100 %, a speed over 100 Gbit/s) is a 422 naming `value`. */
function assertValue(measure: IndicatorMeasure, value: number): void {
  const problem = valueProblem(measure, value);
  if (problem) throw new HttpProblem(422, problem.key, problem.params, 'value');
}

function parseId(req: Request): number {
  const raw = String(req.params.id);
  if (!/^\d{1,9}$/.test(raw)) throw new HttpProblem(400, 'code-format', { code: raw.slice(0, 64) }, 'id');
  return Number(raw);
}

const targetSummary = (t: IndicatorTarget) => `${t.indicator} ${t.year} ${t.unit ? `${t.unit.boundarySet}/${t.unit.code}` : '*'}`;
const valueSummary = (v: ReportedValue) => `${v.indicator} ${v.period} ${v.unit.boundarySet}/${v.unit.code}`;

/**
 * The plan's registry: a public read of every indicator with its targets and
 * the reporting periods, and the planners' writes of targets, reported values
 * and periods. Like the register's writes: the role first, then the body;
 * If-Match or body `version` on edits and deletes; each change and its audit
 * entry in one transaction; a refused request changes nothing.
 */
export function indicatorRegistryRoutes(knex: Knex): Router {
  const router = Router();
  const writer = requirePermission('targets.edit');

  async function audited<T>(req: Request, work: (trx: Knex.Transaction, actor: Actor) => Promise<T>): Promise<T> {
    try {
      return await knex.transaction((trx) => work(trx, req.actor!));
    } catch (error) {
      // Two simultaneous creates of one key: the loser meets the unique index, a 409 like the checked duplicate.
      throw constraintProblem(error) ?? error;
    }
  }
  const auditContext = (req: Request, actor: Actor) => ({ actor, clientIp: clientIp(req) });

  /**
   * DELETE of a target or a reported value: the version named (If-Match or
   * body), the row and its audit entry in one transaction, 204.
   */
  function deleteRoute<R extends { version: number }>(spec: {
    path: string;
    table: 'indicator_targets' | 'indicator_reported_values';
    entity: 'indicator_target' | 'reported_value';
    unknownKey: 'unknown-indicator-target' | 'unknown-reported-value';
    byId: (trx: Knex.Transaction, id: number, lock: boolean) => Promise<R | null>;
    summary: (row: R) => string;
  }): void {
    router.delete(spec.path, writer, async (req, res) => {
      assertOnlyParameters(req, ['lang']);
      const id = parseId(req);
      const expected = expectedVersionOfBodyless(req);
      await audited(req, async (trx, actor) => {
        const current = await spec.byId(trx, id, true);
        if (!current) throw new HttpProblem(404, spec.unknownKey, { id });
        assertVersion(expected, current.version, current);
        await trx.raw(`DELETE FROM ${spec.table} WHERE id = ?`, [id]);
        await writeAudit(trx, auditContext(req, actor), { action: 'delete', entity: spec.entity, code: String(id), before: current, summary: spec.summary(current) });
      });
      res.status(204).end();
    });
  }

  router.get('/indicator-registry', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const [targets, periods] = await Promise.all([listTargets(knex), listPeriods(knex)]);
    const body: IndicatorRegistry = {
      indicators: indicatorCatalogue.map((d) => ({ ...d, targets: targets.filter((t) => t.indicator === d.code) })),
      periods,
    };
    res.json(body);
  });

  // --- targets ---------------------------------------------------------------

  router.post('/indicator-targets', writer, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const body = parseBody(indicatorTargetCreateSchema, req.body);
    assertValue(await measureOf(knex, body.indicator), body.value);
    if (body.boundarySet !== undefined && body.unit === undefined) throw new HttpProblem(400, 'target-boundary-set-without-unit', {}, 'boundarySet');
    let unitId: number | null = null;
    if (body.unit !== undefined) {
      const boundarySet = await resolveBoundarySet(knex, body.boundarySet);
      unitId = await resolveUnitId(knex, body.unit, boundarySet);
    }
    const created = await audited(req, async (trx, actor) => {
      const existing = await sameTarget(trx, { indicator: body.indicator, unitId, year: body.year });
      if (existing !== null) {
        const params = { indicator: body.indicator, year: body.year, id: existing };
        throw unitId === null
          ? new HttpProblem(409, 'indicator-target-taken-all', params, 'year')
          : new HttpProblem(409, 'indicator-target-taken', { ...params, unit: body.unit! }, 'year');
      }
      const id = (
        await trx.raw(
          `INSERT INTO indicator_targets (indicator_code, unit_id, target_year, value, document, note, updated_by, source, source_date)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, current_date) RETURNING id`,
          [body.indicator, unitId, body.year, body.value, body.document ?? null, body.note ?? null, actor.username, sourceOf(actor)],
        )
      ).rows[0].id as number;
      const after = (await targetById(trx, id))!;
      await writeAudit(trx, auditContext(req, actor), { action: 'create', entity: 'indicator_target', code: String(id), after, summary: targetSummary(after) });
      return after;
    });
    res.status(201).set('ETag', etagOf(created.version)).json(created);
  });

  router.patch('/indicator-targets/:id', writer, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const id = parseId(req);
    const body = parseBody(indicatorTargetUpdateSchema, req.body);
    const expected = expectedVersion(req, body.version);
    const updated = await audited(req, async (trx, actor) => {
      const current = await targetById(trx, id, true);
      if (!current) throw new HttpProblem(404, 'unknown-indicator-target', { id });
      assertVersion(expected, current.version, current);
      if (body.value !== undefined) assertValue(await measureOf(trx, current.indicator), body.value);
      if (body.year !== undefined && body.year !== current.year) {
        const unitId = current.unit ? (await trx.raw('SELECT unit_id FROM indicator_targets WHERE id = ?', [id])).rows[0].unit_id as number : null;
        const existing = await sameTarget(trx, { indicator: current.indicator, unitId, year: body.year }, id);
        if (existing !== null) {
          const params = { indicator: current.indicator, year: body.year, id: existing };
          throw current.unit === null
            ? new HttpProblem(409, 'indicator-target-taken-all', params, 'year')
            : new HttpProblem(409, 'indicator-target-taken', { ...params, unit: current.unit.code }, 'year');
        }
      }
      await trx.raw(
        `UPDATE indicator_targets
            SET target_year = ?, value = ?, document = ?, note = ?,
                version = version + 1, updated_at = now(), updated_by = ?, source = ?, source_date = current_date
          WHERE id = ?`,
        [
          body.year ?? current.year,
          body.value ?? current.value,
          body.document !== undefined ? body.document : current.document,
          body.note !== undefined ? body.note : current.note,
          actor.username,
          sourceOf(actor),
          id,
        ],
      );
      const after = (await targetById(trx, id))!;
      await writeAudit(trx, auditContext(req, actor), { action: 'update', entity: 'indicator_target', code: String(id), before: current, after, summary: targetSummary(after) });
      return after;
    });
    res.set('ETag', etagOf(updated.version)).json(updated);
  });

  deleteRoute({
    path: '/indicator-targets/:id', table: 'indicator_targets', entity: 'indicator_target', unknownKey: 'unknown-indicator-target',
    byId: targetById, summary: targetSummary,
  });

  // --- reported values -------------------------------------------------------

  router.get('/reported-values', async (req, res) => {
    assertOnlyParameters(req, ['indicator', 'boundarySet', 'unit', 'period', 'lang']);
    const q = (name: string) => singleParameter(req, name);
    const indicator = parseCode(q('indicator'), 'indicator');
    if (indicator !== undefined) await measureOf(knex, indicator);
    const unitCode = parseCode(q('unit'), 'unit');
    const requestedSet = q('boundarySet');
    // A unit code means a unit of the set named, else of the default set; without either, every set.
    const boundarySet = requestedSet !== undefined || unitCode !== undefined ? await resolveBoundarySet(knex, requestedSet) : undefined;
    const unitId = unitCode !== undefined ? ((await resolveUnitId(knex, unitCode, boundarySet!)) ?? undefined) : undefined;
    const period = q('period');
    if (period !== undefined) await assertPeriod(knex, period);
    const body: ReportedValuesResponse = { values: await listReportedValues(knex, { indicator, boundarySet, unitId, period }) };
    res.json(body);
  });

  router.post('/reported-values', writer, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const body = parseBody(reportedValueCreateSchema, req.body);
    // Computed indicators take reported values too: the official figure beside the computed one.
    assertValue(await measureOf(knex, body.indicator), body.value);
    await assertPeriod(knex, body.period);
    const boundarySet = await resolveBoundarySet(knex, body.boundarySet);
    const unitId = (await resolveUnitId(knex, body.unit, boundarySet))!;
    const created = await audited(req, async (trx, actor) => {
      const existing = await sameReportedValue(trx, { indicator: body.indicator, unitId, period: body.period });
      if (existing !== null) {
        throw new HttpProblem(409, 'reported-value-taken', { indicator: body.indicator, period: body.period, unit: body.unit, id: existing }, 'period');
      }
      const id = (
        await trx.raw(
          `INSERT INTO indicator_reported_values (indicator_code, unit_id, period_code, value, document, note, updated_by, source, source_date)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, current_date) RETURNING id`,
          [body.indicator, unitId, body.period, body.value, body.document ?? null, body.note ?? null, actor.username, sourceOf(actor)],
        )
      ).rows[0].id as number;
      const after = (await reportedValueById(trx, id))!;
      await writeAudit(trx, auditContext(req, actor), { action: 'create', entity: 'reported_value', code: String(id), after, summary: valueSummary(after) });
      return after;
    });
    res.status(201).set('ETag', etagOf(created.version)).json(created);
  });

  router.patch('/reported-values/:id', writer, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const id = parseId(req);
    const body = parseBody(reportedValueUpdateSchema, req.body);
    const expected = expectedVersion(req, body.version);
    const updated = await audited(req, async (trx, actor) => {
      const current = await reportedValueById(trx, id, true);
      if (!current) throw new HttpProblem(404, 'unknown-reported-value', { id });
      assertVersion(expected, current.version, current);
      if (body.value !== undefined) assertValue(await measureOf(trx, current.indicator), body.value);
      // The import that first brought the value stays named (import_id); source says who changed it last.
      await trx.raw(
        `UPDATE indicator_reported_values
            SET value = ?, document = ?, note = ?,
                version = version + 1, updated_at = now(), updated_by = ?, source = ?, source_date = current_date
          WHERE id = ?`,
        [
          body.value ?? current.value,
          body.document !== undefined ? body.document : current.document,
          body.note !== undefined ? body.note : current.note,
          actor.username,
          sourceOf(actor),
          id,
        ],
      );
      const after = (await reportedValueById(trx, id))!;
      await writeAudit(trx, auditContext(req, actor), { action: 'update', entity: 'reported_value', code: String(id), before: current, after, summary: valueSummary(after) });
      return after;
    });
    res.set('ETag', etagOf(updated.version)).json(updated);
  });

  deleteRoute({
    path: '/reported-values/:id', table: 'indicator_reported_values', entity: 'reported_value', unknownKey: 'unknown-reported-value',
    byId: reportedValueById, summary: valueSummary,
  });

  // --- reporting periods -----------------------------------------------------

  router.get('/reporting-periods', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const body: ReportingPeriodsResponse = { periods: await listPeriods(knex) };
    res.json(body);
  });

  router.post('/reporting-periods', writer, async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const { code } = parseBody(reportingPeriodCreateSchema, req.body);
    const period = periodOfCode(code)!;
    const created = await audited(req, async (trx, actor) => {
      if (await periodExists(trx, code)) throw new HttpProblem(409, 'reporting-period-taken', { period: code }, 'code');
      await trx.raw('INSERT INTO reporting_periods (code, starts_on, ends_on, source) VALUES (?, ?::date, ?::date, ?)', [
        code,
        period.startsOn,
        period.endsOn,
        sourceOf(actor),
      ]);
      const after = (await listPeriods(trx)).find((p) => p.code === code)!;
      await writeAudit(trx, auditContext(req, actor), { action: 'create', entity: 'reporting_period', code, after });
      return after;
    });
    res.status(201).json(created);
  });

  return router;
}
