import { z } from 'zod';

// Imports (DESIGN §4 `/api/imports`): upload a file, correct the column
// mapping, dry-run, commit all or nothing (or the valid rows only), follow the
// progress, cancel. Shared by the server, the CLI and the client.

export const importLayers = ['sites', 'bts', 'fiber', 'admin-units', 'hamlets', 'population-clusters', 'measurements', 'indicator-values'] as const;
export const importLayerSchema = z.enum(importLayers);
export type ImportLayer = z.infer<typeof importLayerSchema>;

export const importFormats = ['csv', 'xlsx', 'geojson', 'kml', 'kmz', 'shapefile'] as const;
export type ImportFormat = (typeof importFormats)[number];

export const importModes = ['all-or-nothing', 'valid-rows-only'] as const;
export const importModeSchema = z.enum(importModes);
export type ImportMode = z.infer<typeof importModeSchema>;

export const importStatuses = ['uploaded', 'running', 'committed', 'cancelled', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

/**
 * A coordinate system option as users write it: `EPSG:4326`, `EPSG:4756`,
 * `EPSG:3405` (VN-2000 UTM 48N), `EPSG:3406` (49N), `EPSG:5896`–`5899`,
 * `VN2000-TM3:105.75` or `VN2000-TM3:105d45` (a provincial TM-3 zone).
 */
export const crsOptionSchema = z.string().trim().min(3).max(40);

/** Which file column feeds each field; null leaves the field unmapped. */
export const columnMappingSchema = z.record(z.string().max(40), z.string().max(200).nullable());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importOptionsSchema = z.strictObject({
  mapping: columnMappingSchema.optional(),
  crs: crsOptionSchema.nullable().optional(),
  sheet: z.string().max(100).nullable().optional(),
  boundarySet: z.string().max(32).nullable().optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** A new dry run names what changes: at least one option, and a mapping at least one field. */
export const importDryRunSchema = importOptionsSchema
  .extend({ mapping: columnMappingSchema.refine((m) => Object.keys(m).length > 0, 'at least one field').optional() })
  .refine((o) => Object.values(o).some((v) => v !== undefined), 'at least one of mapping, crs, sheet, boundarySet');

/** The mode is said explicitly: writing only the valid rows must be a choice, never a default. */
export const importCommitSchema = z.strictObject({ mode: importModeSchema });

/** One problem of one row: rows are numbered as the user sees them (a spreadsheet's header is row 1). */
export const rowProblemSchema = z.object({
  row: z.number().int(),
  field: z.string().nullable(),
  column: z.string().nullable(),
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});
export type RowProblem = z.infer<typeof rowProblemSchema>;

export const importChangeKinds = ['insert', 'update', 'unchanged'] as const;
export type ImportChangeKind = (typeof importChangeKinds)[number];

export const dryRunReportSchema = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  inserts: z.number().int(),
  updates: z.number().int(),
  unchanged: z.number().int(),
  /** Up to `errorsShown` problems, in row order; `errorCount` counts them all. */
  errors: z.array(rowProblemSchema),
  errorCount: z.number().int(),
  warnings: z.array(rowProblemSchema),
  warningCount: z.number().int(),
  /** [minLon, minLat, maxLon, maxLat] of the valid rows, in EPSG:4326. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  /** What the rows become, for the map preview: up to `previewLimit` features with `change` and `row`. */
  preview: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }),
  previewTruncated: z.boolean(),
});
export type DryRunReport = z.infer<typeof dryRunReportSchema>;

export const importFieldInfoSchema = z.object({
  key: z.string(),
  vi: z.string(),
  en: z.string(),
  required: z.union([z.boolean(), z.literal('position')]),
});

export const importProgressSchema = z.object({
  phase: z.enum(['reading', 'validating', 'writing', 'coverage', 'sites', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

export const importRunSchema = z.object({
  id: z.number().int(),
  layer: importLayerSchema,
  fileName: z.string(),
  fileSize: z.number().int(),
  format: z.enum(importFormats),
  status: z.enum(importStatuses),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  actor: z.string(),
  options: importOptionsSchema,
  /** The file's columns (attribute names for GIS formats), the fields and the mapping in force. */
  columns: z.array(z.string()),
  fields: z.array(importFieldInfoSchema),
  mapping: columnMappingSchema,
  sheets: z.array(z.string()).nullable(),
  encoding: z.string().nullable(),
  /** SRID the coordinates were read in and why: the option, the file (.prj, GeoJSON crs), the values' magnitude, or the default. */
  crs: z.object({ srid: z.number().int(), label: z.string(), source: z.enum(['option', 'file', 'magnitude', 'default']) }).nullable(),
  report: dryRunReportSchema.nullable(),
  progress: importProgressSchema.nullable(),
  /** After a commit: what was written. */
  counts: z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), skipped: z.number().int() }).nullable(),
});
export type ImportRun = z.infer<typeof importRunSchema>;
