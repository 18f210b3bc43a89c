import type { ColumnMapping, ImportRun } from '../api/import-api.js';

// The column mapping the user corrects before the next dry run: which file
// column feeds each field (null: "không dùng"). One column feeds one field.

export type ImportField = ImportRun['fields'][number];

/** Every field of the run with the column the server mapped to it (or none). */
export function mappingFromRun(run: Pick<ImportRun, 'fields' | 'mapping'>): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of run.fields) mapping[field.key] = run.mapping[field.key] ?? null;
  return mapping;
}

export type MappingAction = { type: 'assign'; field: string; column: string | null } | { type: 'reset'; mapping: ColumnMapping };

/** Assigning a column to a field takes it from the field that had it: the same column never feeds two fields. */
export function mappingReducer(mapping: ColumnMapping, action: MappingAction): ColumnMapping {
  if (action.type === 'reset') return { ...action.mapping };
  const next: ColumnMapping = {};
  for (const [field, column] of Object.entries(mapping)) next[field] = action.column !== null && column === action.column ? null : column;
  next[action.field] = action.column;
  return next;
}

/** Whether two mappings send a different column to any field (an absent field is unmapped). */
export function mappingsDiffer(a: ColumnMapping, b: ColumnMapping): boolean {
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const field of fields) if ((a[field] ?? null) !== (b[field] ?? null)) return true;
  return false;
}

/** Fields every row needs that no column feeds. */
export function unmappedRequired(fields: readonly ImportField[], mapping: ColumnMapping): ImportField[] {
  return fields.filter((f) => f.required === true && !mapping[f.key]);
}

/**
 * Whether some position can be read: a geometry of the file (GeoJSON, KML,
 * Shapefile), or a mapped position field (lon/lat, X/Y, WKT; the server says
 * which pairs complete each other).
 */
export function hasPositionSource(run: Pick<ImportRun, 'fields' | 'format'>, mapping: ColumnMapping): boolean {
  if (run.format !== 'csv' && run.format !== 'xlsx') return true;
  const positionFields = run.fields.filter((f) => f.required === 'position');
  return positionFields.length === 0 || positionFields.some((f) => Boolean(mapping[f.key]));
}

/** The columns of the file that feed no field. */
export function unusedColumns(columns: readonly string[], mapping: ColumnMapping): string[] {
  const used = new Set(Object.values(mapping).filter((c): c is string => c !== null));
  return columns.filter((c) => !used.has(c));
}
