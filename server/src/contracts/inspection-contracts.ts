import { z } from 'zod';
import { verdictSchema } from './coverage-contracts.js';
import { technologyGroupSchema } from './layer-contracts.js';

// Field inspections of a hamlet's coverage (biên bản kiểm tra), recorded by inspectors.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const inspectionCreateSchema = z.strictObject({
  inspectedOn: isoDate,
  /** An operator code, or "*" for any operator. */
  operator: z.string().regex(/^(\*|[a-z0-9][a-z0-9-]{0,31})$/),
  technologyGroup: technologyGroupSchema,
  observedVerdict: verdictSchema,
  note: z.string().trim().max(2000).nullable().optional(),
  /** The field-measurement batch the inspection is based on, if any. */
  measurementBatch: z.string().trim().min(1).max(100).nullable().optional(),
});
export type InspectionCreate = z.infer<typeof inspectionCreateSchema>;

export const inspectionUpdateSchema = z.strictObject({
  ...inspectionCreateSchema.partial().shape,
  version: z.number().int().min(1).max(1e9).optional(),
});
export type InspectionUpdate = z.infer<typeof inspectionUpdateSchema>;

export const inspectionSchema = z.object({
  id: z.number().int(),
  hamletCode: z.string(),
  inspectedOn: z.string(),
  operator: z.string(),
  technologyGroup: technologyGroupSchema,
  observedVerdict: verdictSchema,
  /** The model's verdict for the same operator and technology group now; null when it has none. */
  modelVerdict: verdictSchema.nullable(),
  agreesWithModel: z.boolean().nullable(),
  note: z.string().nullable(),
  measurementBatch: z.string().nullable(),
  inspector: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Inspection = z.infer<typeof inspectionSchema>;
