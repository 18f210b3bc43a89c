import express, { Router } from 'express';
import type { Knex } from 'knex';
import { technologies } from '../contracts/domain-enums.js';
import type { MeasurementImportResult } from '../contracts/coverage-contracts.js';
import { measurementThresholdDbm } from '../coverage/link-budget.js';
import { refuseInvalidUtf8 } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseBbox, parseEnumList, singleParameter } from '../http/query-params.js';
import { operatorCodes } from '../layers/admin-unit-lookup.js';
import { foldHeader, readMeasurementCsv } from './measurement-csv.js';
import { insertMeasurementBatch } from './measurement-import.js';
import { writeAudit } from '../audit/audit-log.js';
import { clientIp, requirePermission } from '../auth/authenticate.js';

const maxRows = 200_000;

/** Field measurements: CSV import (all or nothing) and the checked points as a layer. */
export function measurementRoutes(knex: Knex, bodyLimitBytes: number): Router {
  const router = Router();
  const thresholds = JSON.stringify(measurementThresholdDbm);

  router.post('/measurements', requirePermission('measurements.import'), express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: bodyLimitBytes, verify: refuseInvalidUtf8 }), async (req, res) => {
    assertOnlyParameters(req, ['batch', 'lang']);
    const batch = (singleParameter(req, 'batch') ?? `do-kiem-${new Date().toISOString().slice(0, 19)}`).trim();
    if (batch.length < 1 || batch.length > 100 || /[\u0000-\u001f\u007f]/.test(batch)) {
      throw new HttpProblem(400, 'batch-format', { batch: batch.slice(0, 100) }, 'batch');
    }
    if (typeof req.body !== 'string') throw new HttpProblem(400, 'csv-empty');
    const operators = (await knex.raw('SELECT code, short_name, name FROM operators')).rows as { code: string; short_name: string; name: string }[];
    const byName = new Map<string, string>();
    for (const o of operators) for (const n of [o.code, o.short_name, o.name]) byName.set(foldHeader(n), o.code);
    const { rows, errors } = readMeasurementCsv(req.body, (name) => byName.get(foldHeader(name)));
    if (errors.length) throw new HttpProblem(400, 'csv-rejected', { count: errors.length }, undefined, errors.slice(0, 200));
    if (rows.length > maxRows) throw new HttpProblem(413, 'csv-too-many-rows', { rows: rows.length, max: maxRows });
    const result = await knex.transaction(async (trx) => {
      const summary = await insertMeasurementBatch(trx, batch, rows);
      await writeAudit(trx, { actor: req.actor!, clientIp: clientIp(req) }, {
        action: 'import',
        entity: 'field_measurements',
        code: batch,
        after: summary,
        summary: `${summary.inserted} measurements`,
      });
      return summary;
    });
    const body: MeasurementImportResult = result;
    res.status(201).json(body);
  });

  router.get('/layers/measurements', async (req, res) => {
    assertOnlyParameters(req, ['bbox', 'operator', 'technology', 'lang']);
    const bbox = parseBbox(singleParameter(req, 'bbox'));
    const ops = parseEnumList(singleParameter(req, 'operator'), 'operator', singleParameter(req, 'operator') === undefined ? [] : await operatorCodes(knex));
    const techs = parseEnumList(singleParameter(req, 'technology'), 'technology', technologies);
    const fc = (
      await knex.raw(
        `SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                  'type', 'Feature', 'id', m.id, 'geometry', ST_AsGeoJSON(m.geom, 7)::json,
                  'properties', json_build_object(
                    'id', m.id, 'batch', m.batch, 'operator', o.code, 'technology', m.technology,
                    'signalDbm', m.signal_dbm::float8, 'downloadMbps', m.download_mbps::float8,
                    'measuredAt', to_char(m.measured_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                    'hamletCode', h.code, 'thresholdDbm', c.threshold_dbm, 'measuredCovered', c.measured_covered,
                    'predictedCovered', c.predicted_covered, 'contradiction', c.contradiction)) ORDER BY m.id), '[]'::json))::text AS fc
           FROM hatang_measurement_checks(?::jsonb) c
           JOIN field_measurements m ON m.id = c.id
           JOIN operators o ON o.id = m.operator_id
           LEFT JOIN hamlets h ON h.id = c.hamlet_id
          WHERE (?::float8 IS NULL OR m.geom && ST_MakeEnvelope(?::float8, ?::float8, ?::float8, ?::float8, 4326))
            AND (?::text[] IS NULL OR o.code = ANY (?::text[]))
            AND (?::text[] IS NULL OR m.technology = ANY (?::text[]))`,
        [thresholds, bbox?.[0] ?? null, ...(bbox ?? [null, null, null, null]), ops ?? null, ops ?? null, techs ?? null, techs ?? null],
      )
    ).rows[0].fc as string;
    res.type('application/geo+json').send(fc);
  });
  return router;
}
