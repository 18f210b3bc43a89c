import type { ImportLayer, ImportOptions } from '../contracts/import-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { resolveMapping, suggestMapping } from './column-mapping.js';
import { crsLabel, parseCrsOption } from './crs-option.js';
import { foldHeader, importFields } from './import-fields.js';
import type { DetectedFile } from './import-runs.js';
import type { ImportLimits, ImportTable } from './import-table.js';
import type { RowParseResult } from './parsed-row.js';
import { readImportFile } from './readers/read-import-file.js';
import { parseImportRows } from './row-parsing.js';

/** The file read, mapped and parsed in memory: everything an import knows before it asks the database. */
export interface PreparedImport {
  table: ImportTable;
  mapping: Record<string, string | null>;
  /** Catalogue keys the file supplies: mapped columns, and `$geometry` when rows carry geometries. */
  mapped: Set<string>;
  parsed: RowParseResult;
  detected: DetectedFile;
}

export async function readImportPreparation(
  bytes: Buffer,
  fileName: string,
  layer: ImportLayer,
  options: ImportOptions,
  operators: readonly { code: string; short_name: string; name: string }[],
  limits: ImportLimits,
): Promise<PreparedImport> {
  const table = await readImportFile(bytes, fileName, { sheet: options.sheet ?? null, limits });
  const hasGeometry = table.rows.some((r) => r.geometry);
  const resolution = resolveMapping(layer, table.columns, suggestMapping(layer, table.columns), options.mapping, hasGeometry);
  if (resolution.problems.length) throw new HttpProblem(400, 'invalid-body', { count: resolution.problems.length }, 'mapping', resolution.problems);
  const mapping = resolution.mapping;
  const srid = options.crs ? parseCrsOption(options.crs) : null;
  // Operators are named by code, short name or full name, ignoring case and diacritics ("Viettel", "VIETTEL", "viettel").
  const byName = new Map<string, string>();
  for (const o of operators) for (const name of [o.code, o.short_name, o.name]) byName.set(foldHeader(name), o.code);
  const parsed = parseImportRows(layer, table, mapping, { srid, operatorCode: (name) => byName.get(foldHeader(name)) });
  const mapped = new Set(Object.entries(mapping).filter(([, column]) => column).map(([key]) => key));
  if (hasGeometry) mapped.add('$geometry');
  return {
    table,
    mapping,
    mapped,
    parsed,
    detected: {
      columns: table.columns,
      fields: importFields[layer].map((f) => ({ key: f.key, vi: f.vi, en: f.en, required: f.required })),
      mapping,
      sheets: table.sheets,
      encoding: table.encoding,
      crs: { srid: parsed.srid, label: crsLabel(parsed.srid), source: parsed.crsSource },
    },
  };
}
