import type { Knex } from 'knex';
import { measurementThresholdDbm } from '../coverage/link-budget.js';
import type { MeasurementRow } from './measurement-csv.js';

const thresholds = JSON.stringify(measurementThresholdDbm);

export interface MeasurementImportSummary {
  batch: string;
  inserted: number;
  contradictions: number;
}

/**
 * Stores one batch of parsed measurements in the caller's transaction (all or
 * nothing is the caller's transaction), then counts the points whose measured
 * level contradicts the model.
 */
export async function insertMeasurementBatch(trx: Knex.Transaction, batch: string, rows: MeasurementRow[]): Promise<MeasurementImportSummary> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    await trx.raw(
      `INSERT INTO field_measurements (batch, geom, operator_id, technology, signal_dbm, download_mbps, measured_at, source, source_date)
       SELECT ?, ST_SetSRID(ST_MakePoint((e.v->>'lon')::float8, (e.v->>'lat')::float8), 4326), o.id, e.v->>'technology',
              (e.v->>'signal_dbm')::numeric, (e.v->>'download_mbps')::numeric, (e.v->>'measured_at')::timestamptz, 'csv-import', current_date
         FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY AS e(v, n)
         JOIN operators o ON o.code = e.v->>'operator'
        ORDER BY e.n`,
      [batch, JSON.stringify(chunk.map((r) => ({ lon: r.lon, lat: r.lat, operator: r.operatorCode, technology: r.technology, signal_dbm: r.signalDbm, download_mbps: r.downloadMbps, measured_at: r.measuredAt })))],
    );
  }
  const contradictions = (
    await trx.raw(
      `SELECT count(*)::int AS n FROM hatang_measurement_checks(?::jsonb) c JOIN field_measurements m ON m.id = c.id
        WHERE m.batch = ? AND c.contradiction IS NOT NULL`,
      [thresholds, batch],
    )
  ).rows[0].n as number;
  return { batch, inserted: rows.length, contradictions };
}
