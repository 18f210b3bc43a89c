import type { Request, Response } from 'express';
import type { Knex } from 'knex';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { HttpProblem } from '../http/http-problem.js';
import { parseEnumList, singleParameter } from '../http/query-params.js';
import type { Language } from '../i18n/server-messages.js';
import type { IndicatorRouteDeps } from '../indicators/indicator-routes.js';
import { ExportAborted } from './export-stream.js';
import { crosswalkExport } from './table-export-crosswalk.js';
import { hamletCoverageExport } from './table-export-hamlet-coverage.js';
import { indicatorsExport } from './table-export-indicators.js';
import { reportedValuesExport } from './table-export-reported-values.js';
import { sendTableExport, tableExportFormats, type TableExport, type TableExportFormat } from './table-export-writer.js';

/** Tables (no geometry) served by GET /api/exports/{table}.{csv|xlsx} beside the map layers. */
export const tableExports = ['indicators', 'hamlet-coverage', 'crosswalk', 'reported-values'] as const;
export type TableExportName = (typeof tableExports)[number];

export function isTableExport(name: string): name is TableExportName {
  return (tableExports as readonly string[]).includes(name);
}

export interface TableExportDeps extends IndicatorRouteDeps {
  coverage: Pick<CoverageParams, 'theta' | 'minGapAreaM2'>;
}

function build(knex: Knex, table: TableExportName, req: Request, lang: Language, deps: TableExportDeps): Promise<TableExport> {
  switch (table) {
    case 'indicators':
      return indicatorsExport(knex, req, lang, deps);
    case 'hamlet-coverage':
      return hamletCoverageExport(knex, req, lang, deps.coverage);
    case 'crosswalk':
      return crosswalkExport(knex, req, lang);
    case 'reported-values':
      return reportedValuesExport(knex, req, lang);
  }
}

/**
 * One table export: the format is checked first (a table has no GeoJSON or
 * KML), then the table's own parameters; the rows are read whole before the
 * first byte is sent, so every bad request is a problem answer.
 */
export async function serveTableExport(knex: Knex, table: TableExportName, format: string, req: Request, res: Response, deps: TableExportDeps): Promise<void> {
  if (!(tableExportFormats as readonly string[]).includes(format)) {
    throw new HttpProblem(400, 'table-export-format', { table, format: format.slice(0, 20), formats: tableExportFormats.join(', ') });
  }
  const lang = parseEnumList(singleParameter(req, 'lang'), 'lang', ['vi', 'en'] as const, 1)?.[0] ?? 'vi';
  const exported = await build(knex, table, req, lang, deps);
  try {
    await sendTableExport(res, format as TableExportFormat, lang, exported);
  } catch (error) {
    // The client went away: nothing more to send.
    if (error instanceof ExportAborted) return;
    throw error;
  }
}
