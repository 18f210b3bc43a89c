import { z } from 'zod';
import { unitLevelSchema } from './domain-enums.js';
import { bilingualSchema, indicatorDefinitionSchema } from './indicator-contracts.js';
import { scenarioSchema } from './sharing-contracts.js';

/*
 * The plan's registry as planners edit it: targets, reporting periods, reported
 * values, snapshots; and the crosswalk between boundary sets. Values are in the
 * indicator's measure: a share is 0–1 (the form and the importer take percent
 * and divide by 100), speeds in Mbit/s, subscriptions per 100 people.
 */

const indicatorCode = z.string().min(1).max(64);
const unitCode = z.string().min(1).max(32);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Year, half-year, quarter or month: 2025, 2025-H1, 2025-Q2, 2025-06. */
export const periodCodePattern = /^(19|20)\d{2}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;
export const periodKinds = ['year', 'half', 'quarter', 'month'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export const reportingPeriodSchema = z.object({
  code: z.string(),
  kind: z.enum(periodKinds),
  startsOn: z.string(),
  endsOn: z.string(),
  label: bilingualSchema,
});
export type ReportingPeriod = z.infer<typeof reportingPeriodSchema>;

/** POST /api/reporting-periods */
export const reportingPeriodCreateSchema = z.object({ code: z.string().regex(periodCodePattern) }).strict();

export const unitRefSchema = z.object({ boundarySet: z.string(), code: z.string(), name: z.string(), level: unitLevelSchema });
export type UnitRef = z.infer<typeof unitRefSchema>;

export const indicatorTargetSchema = z.object({
  id: z.number().int(),
  indicator: z.string(),
  year: z.number().int(),
  /** null: the target holds for every unit (the province's plan). */
  unit: unitRefSchema.nullable(),
  value: z.number(),
  document: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type IndicatorTarget = z.infer<typeof indicatorTargetSchema>;

/** POST /api/indicator-targets (planners). */
export const indicatorTargetCreateSchema = z
  .object({
    indicator: indicatorCode,
    year: z.number().int().min(2000).max(2100),
    /** With `unit`: the unit's own target; the boundary set defaults to the default one. */
    boundarySet: z.string().min(1).max(32).optional(),
    unit: unitCode.optional(),
    value: z.number().finite().min(0),
    document: optionalText(300),
    note: optionalText(2000),
  })
  .strict();
export type IndicatorTargetCreate = z.infer<typeof indicatorTargetCreateSchema>;

/** PATCH /api/indicator-targets/{id} (planners; version in If-Match or body). */
export const indicatorTargetUpdateSchema = z
  .object({
    year: z.number().int().min(2000).max(2100).optional(),
    value: z.number().finite().min(0).optional(),
    document: optionalText(300),
    note: optionalText(2000),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type IndicatorTargetUpdate = z.infer<typeof indicatorTargetUpdateSchema>;

export const reportedValueSchema = z.object({
  id: z.number().int(),
  indicator: z.string(),
  period: z.string(),
  unit: unitRefSchema,
  value: z.number(),
  document: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Provenance: 'api:<user>', an imported file's name, or the demo generator. */
  source: z.string(),
  importId: z.number().int().nullable(),
});
export type ReportedValue = z.infer<typeof reportedValueSchema>;

/** POST /api/reported-values (planners). */
export const reportedValueCreateSchema = z
  .object({
    indicator: indicatorCode,
    period: z.string().min(1).max(16),
    boundarySet: z.string().min(1).max(32).optional(),
    unit: unitCode,
    value: z.number().finite().min(0),
    document: optionalText(300),
    note: optionalText(2000),
  })
  .strict();
export type ReportedValueCreate = z.infer<typeof reportedValueCreateSchema>;

/** PATCH /api/reported-values/{id} (planners; version in If-Match or body). */
export const reportedValueUpdateSchema = z
  .object({
    value: z.number().finite().min(0).optional(),
    document: optionalText(300),
    note: optionalText(2000),
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type ReportedValueUpdate = z.infer<typeof reportedValueUpdateSchema>;

/** GET /api/reported-values?indicator=&boundarySet=&unit=&period= : by indicator (catalogue order), unit code, period. */
export const reportedValuesResponseSchema = z.object({ values: z.array(reportedValueSchema) });
export type ReportedValuesResponse = z.infer<typeof reportedValuesResponseSchema>;

/** GET /api/reporting-periods: by first day, the longer period first. */
export const reportingPeriodsResponseSchema = z.object({ periods: z.array(reportingPeriodSchema) });
export type ReportingPeriodsResponse = z.infer<typeof reportingPeriodsResponseSchema>;

/** GET /api/indicator-registry: the indicators with every target, and the reporting periods. */
export const indicatorRegistrySchema = z.object({
  indicators: z.array(indicatorDefinitionSchema.extend({ targets: z.array(indicatorTargetSchema) })),
  periods: z.array(reportingPeriodSchema),
});
export type IndicatorRegistry = z.infer<typeof indicatorRegistrySchema>;

export const indicatorSnapshotSchema = z.object({
  id: z.number().int(),
  takenAt: z.string(),
  /** The day of the snapshot in the province's time (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  date: z.string(),
  label: z.string().nullable(),
  scenario: scenarioSchema,
  settings: z.record(z.string(), z.unknown()),
  /** Whether the whole coverage and site inference were recomputed before the values were taken. */
  recomputed: z.boolean(),
  takenBy: z.string(),
  /** Rows saved: units × computed indicators, over every boundary set. */
  values: z.number().int(),
});
export type IndicatorSnapshot = z.infer<typeof indicatorSnapshotSchema>;

/** POST /api/indicator-snapshots (planners). */
export const indicatorSnapshotCreateSchema = z
  .object({
    /** What the trend's point is called: 'Quý 4/2026', 'Trước đợt phát triển trạm 2027'. */
    label: z.string().trim().min(1).max(200),
    scenario: scenarioSchema.optional(),
    /** Recompute coverage and site inference from the register first (seconds on a province). */
    recompute: z.boolean().optional(),
  })
  .strict();
export type IndicatorSnapshotCreate = z.infer<typeof indicatorSnapshotCreateSchema>;

export const boundarySetSchema = z.object({
  code: z.string(),
  name: z.string(),
  levels: z.array(unitLevelSchema),
  validFrom: z.string(),
  isDefault: z.boolean(),
  /** Units per level. */
  units: z.record(z.string(), z.number().int()),
});
export type BoundarySet = z.infer<typeof boundarySetSchema>;

export const crosswalkRowSchema = z.object({
  fromCode: z.string(),
  fromName: z.string(),
  toCode: z.string(),
  toName: z.string(),
  /** Area of the old unit inside the new one, m² on the spheroid. */
  areaM2: z.number(),
  /** areaM2 ÷ the old unit's area inside units of the new set: the shares of one old unit sum to 1. */
  areaShare: z.number(),
  /** People of the old unit's hamlets whose reference point lies in the new unit. */
  population: z.number(),
  /** population ÷ the old unit's population (its area share when it has no people): sums to 1 per old unit. */
  populationShare: z.number(),
});
export type CrosswalkRow = z.infer<typeof crosswalkRowSchema>;

/** GET /api/boundary-sets/{from}/crosswalk/{to}: deepest level of one set onto the deepest level of the other. */
export const crosswalkResponseSchema = z.object({
  from: z.object({ boundarySet: z.string(), level: unitLevelSchema }),
  to: z.object({ boundarySet: z.string(), level: unitLevelSchema }),
  rows: z.array(crosswalkRowSchema),
});
export type CrosswalkResponse = z.infer<typeof crosswalkResponseSchema>;
