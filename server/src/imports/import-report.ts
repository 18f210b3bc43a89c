import type { Knex } from 'knex';
import type { DryRunReport, ImportRun, RowProblem } from '../contracts/import-contracts.js';
import { translate, type Language, type MessageKey } from '../i18n/server-messages.js';
import type { PreparedImport } from './import-preparation.js';
import type { StagedSummary } from './import-staging.js';
import type { RowIssue } from './parsed-row.js';
import { fileLevelRow } from './row-parsing.js';

export const errorsShown = 500;
export const previewLimit = 2000;

function problem(issue: RowIssue, columnOf: (field: string | null) => string | null): RowProblem {
  return {
    row: issue.row, field: issue.field, column: issue.column ?? columnOf(issue.field),
    messageKey: issue.messageKey, params: issue.params, message: '',
  };
}

/**
 * The dry run's answer: counts, row problems in row order (a row counts as
 * invalid once, however many problems it has), warnings, and a preview of
 * what the rows become (valid rows with their change, invalid ones marked),
 * geometries lightly simplified so a whole province previews quickly.
 */
export async function buildReport(trx: Knex.Transaction, prepared: PreparedImport, summary: StagedSummary): Promise<DryRunReport> {
  const columnOf = (field: string | null) => (field ? prepared.mapping[field] ?? null : null);
  const issues = [...prepared.parsed.errors, ...summary.issues].sort((a, b) => a.row - b.row);
  const warnings = [...prepared.parsed.warnings, ...summary.warnings].sort((a, b) => a.row - b.row);
  // A problem at the header row (CSV, XLSX) or before the first feature (GIS formats) is about the whole file.
  const fileLevel = issues.some((i) => i.row <= fileLevelRow(prepared.table));
  const rows = prepared.table.rows.length;
  let inserts = 0, updates = 0, unchanged = 0;
  for (const change of summary.changes.values()) {
    if (change === 'insert') inserts++;
    else if (change === 'update') updates++;
    else unchanged++;
  }
  const preview = (
    await trx.raw(
      `SELECT coalesce(json_agg(json_build_object('type', 'Feature', 'id', f.row_no,
                'geometry', ST_AsGeoJSON(f.g, 7)::json,
                'properties', json_build_object('row', f.row_no, 'key', f.key, 'change', f.change)) ORDER BY f.row_no), '[]'::json) AS features,
              (SELECT count(*) FROM import_staging WHERE coalesce(ref, geom) IS NOT NULL)::int AS total,
              (SELECT json_build_array(ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
                 FROM (SELECT ST_Extent(coalesce(geom, ref))::geometry AS e FROM import_staging WHERE NOT invalid) x WHERE e IS NOT NULL) AS bbox
         FROM (SELECT row_no, key, CASE WHEN invalid THEN 'invalid' ELSE change END AS change,
                      CASE WHEN GeometryType(coalesce(geom, ref)) = 'POINT' THEN coalesce(geom, ref)
                           ELSE ST_SimplifyPreserveTopology(coalesce(geom, ref), 0.00005) END AS g
                 FROM import_staging WHERE coalesce(geom, ref) IS NOT NULL ORDER BY row_no LIMIT ?) f`,
      [previewLimit],
    )
  ).rows[0] as { features: unknown[]; total: number; bbox: [number, number, number, number] | null };
  return {
    rows,
    valid: fileLevel ? 0 : summary.changes.size,
    invalid: fileLevel ? rows : rows - summary.changes.size,
    inserts,
    updates,
    unchanged,
    errors: issues.slice(0, errorsShown).map((i) => problem(i, columnOf)),
    errorCount: issues.length,
    warnings: warnings.slice(0, errorsShown).map((i) => problem(i, columnOf)),
    warningCount: warnings.length,
    bbox: preview.bbox,
    preview: { type: 'FeatureCollection', features: preview.features },
    previewTruncated: preview.total > previewLimit,
  };
}

/** Reports are stored untranslated; each answer speaks the caller's language. */
export function translateRun(run: ImportRun, language: Language): ImportRun {
  if (!run.report) return run;
  const tr = (p: RowProblem): RowProblem => ({ ...p, message: translate(language, p.messageKey as MessageKey, p.params) });
  return { ...run, report: { ...run.report, errors: run.report.errors.map(tr), warnings: run.report.warnings.map(tr) } };
}
