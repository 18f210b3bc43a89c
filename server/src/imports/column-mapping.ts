import type { ColumnMapping, ImportLayer } from '../contracts/import-contracts.js';
import type { FieldError } from '../http/http-problem.js';
import { foldHeader, importFields, type ImportField } from './import-fields.js';

/**
 * Which file column feeds which field of a layer: suggested from the headers,
 * corrected by the user.
 */

// Units written after a header: "Chiều cao (m)" → chieu_cao_m → chieu_cao.
const unitSuffix = /_(?:m|met|mhz|dbm|db|deg|do|mbps)$/;

interface LayerSynonyms {
  exact: ReadonlyMap<string, number>[];
}
const synonymsByLayer = new Map<ImportLayer, LayerSynonyms>();

function layerSynonyms(layer: ImportLayer): LayerSynonyms {
  let cached = synonymsByLayer.get(layer);
  if (!cached) {
    cached = { exact: importFields[layer].map((field) => new Map([field.key, ...field.synonyms].map((s) => [foldHeader(s), 1]))) };
    synonymsByLayer.set(layer, cached);
  }
  return cached;
}

/**
 * The mapping suggested from the headers: each header folded (`foldHeader`)
 * and matched against each field's synonyms, exactly first, then with a unit
 * suffix (`_m`, `_mhz`, `_dbm`, …) taken off the header. Fields are served in
 * catalogue order and take the first column that matches; a column feeds one
 * field at most. Every field of the layer is a key, null when unmapped.
 */
export function suggestMapping(layer: ImportLayer, columns: readonly string[]): ColumnMapping {
  const fields = importFields[layer];
  const { exact } = layerSynonyms(layer);
  const folded = columns.map(foldHeader);
  const stripped = folded.map((h) => h.replace(unitSuffix, ''));
  const taken = new Set<number>();
  const mapping: ColumnMapping = Object.fromEntries(fields.map((f) => [f.key, null]));
  for (const headers of [folded, stripped]) {
    fields.forEach((field, fieldIndex) => {
      if (mapping[field.key] !== null) return;
      const column = headers.findIndex((h, i) => !taken.has(i) && h !== '' && exact[fieldIndex]!.has(h));
      if (column >= 0) {
        taken.add(column);
        mapping[field.key] = columns[column]!;
      }
    });
  }
  return mapping;
}

export interface MappingResolution {
  mapping: ColumnMapping;
  /** Unknown fields or columns of the user's mapping: the route answers 400 with them. */
  problems: FieldError[];
  /**
   * Required fields left unmapped, in catalogue order, and `position` when a
   * layer that needs a position or shape has none (see `missingRequiredFields`).
   * Not an error here: row parsing reports each once, as a file-level problem.
   */
  missingRequired: string[];
}

/**
 * The mapping in force: the suggestion with the user's corrections over it.
 * A user entry maps a field to a column of the file (exactly as in the file)
 * or to null (unmapped); a column the user gives to a field is taken away from
 * the field it was only suggested for.
 */
export function resolveMapping(
  layer: ImportLayer,
  columns: readonly string[],
  suggested: ColumnMapping,
  userMapping?: ColumnMapping,
  fileHasGeometry = false,
): MappingResolution {
  const fields = importFields[layer];
  const mapping: ColumnMapping = Object.fromEntries(fields.map((f) => [f.key, suggested[f.key] ?? null]));
  const problems: FieldError[] = [];
  const known = new Set(fields.map((f) => f.key));
  const present = new Set(columns);
  const userKeys = new Set<string>();
  for (const [field, column] of Object.entries(userMapping ?? {})) {
    if (!known.has(field)) {
      problems.push({ parameter: `mapping.${field}`, messageKey: 'mapping-unknown-field', params: { field: field.slice(0, 40), layer, allowed: [...known].join(', ') } });
    } else if (column !== null && !present.has(column)) {
      problems.push({ parameter: `mapping.${field}`, messageKey: 'mapping-unknown-column', params: { field, column: column.slice(0, 40) } });
    } else {
      userKeys.add(field);
      if (column !== null) {
        for (const other of fields) if (!userKeys.has(other.key) && mapping[other.key] === column) mapping[other.key] = null;
      }
      mapping[field] = column;
    }
  }
  return { mapping, problems, missingRequired: missingRequiredFields(layer, mapping, fileHasGeometry) };
}

const isMapped = (mapping: ColumnMapping, key: string) => mapping[key] !== undefined && mapping[key] !== null;

/**
 * Required fields the mapping leaves without a column. Position: a layer
 * whose fields include a position (`required: 'position'`) needs lon and lat,
 * or x and y, or a WKT column, or geometries in the file; when it has none,
 * the missing half of a pair is named (`lat` when only `lon` is mapped), else
 * the pseudo-field `position`. A BTS needs no position when its site code is
 * mapped: it then stands at its site's point.
 */
export function missingRequiredFields(layer: ImportLayer, mapping: ColumnMapping, fileHasGeometry: boolean): string[] {
  const fields = importFields[layer];
  const missing = fields.filter((f: ImportField) => f.required === true && !isMapped(mapping, f.key)).map((f) => f.key);
  const positional = fields.some((f) => f.required === 'position');
  if (!positional || fileHasGeometry || (layer === 'bts' && isMapped(mapping, 'siteCode'))) return missing;
  const has = (key: string) => fields.some((f) => f.key === key) && isMapped(mapping, key);
  if ((has('lon') && has('lat')) || (has('x') && has('y')) || has('wkt')) return missing;
  if (has('lon') !== has('lat')) missing.push(has('lon') ? 'lat' : 'lon');
  else if (has('x') !== has('y')) missing.push(has('x') ? 'y' : 'x');
  else missing.push('position');
  return missing;
}
