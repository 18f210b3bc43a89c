import { z } from 'zod';
import { structureTypeSchema, unitLevelSchema } from './domain-enums.js';

/**
 * Which network the indicators, layers and sharing ratios describe:
 * current = BTS on air; planned = BTS on air plus BTS approved but not yet on
 * air (among them those of approved proposals).
 */
export const scenarios = ['current', 'planned'] as const;
export const scenarioSchema = z.enum(scenarios);
export type Scenario = z.infer<typeof scenarioSchema>;
/** BTS statuses that count as active in each scenario. */
export const activeStatusesOf: Record<Scenario, readonly ('on_air' | 'approved')[]> = {
  current: ['on_air'],
  planned: ['on_air', 'approved'],
};

/** A ratio with what it is made of; value null when the denominator is 0. */
export const ratioSchema = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  value: z.number().nullable(),
});
export type Ratio = z.infer<typeof ratioSchema>;

/** The sharing indicators of one administrative unit (DESIGN §3). */
export const sharingUnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: unitLevelSchema,
  parentCode: z.string().nullable(),
  /** Site sharing ratio: sites with active BTS of ≥ 2 distinct operators ÷ sites with ≥ 1 active BTS. */
  siteRatio: ratioSchema,
  /** Tenancy ratio: distinct (site, operator) pairs ÷ sites with ≥ 1 active BTS (a number ≥ 1, not a share). */
  tenancyRatio: ratioSchema,
  /** Station-based share: active BTS on shared sites ÷ active BTS. */
  stationShare: ratioSchema,
});
export type SharingUnit = z.infer<typeof sharingUnitSchema>;

/** Per operator: its sites (with an active BTS of it), how many are shared, and with whom. */
export const operatorSharingSchema = z.object({
  operator: z.string(),
  operatorName: z.string(),
  sites: z.number().int(),
  sharedSites: z.number().int(),
  /** Partner operator → number of this operator's sites it also stands on. */
  partners: z.array(z.object({ operator: z.string(), sites: z.number().int() })),
});
export type OperatorSharing = z.infer<typeof operatorSharingSchema>;

/** GET /api/sharing?level=&boundarySet=&scenario= */
export const sharingResponseSchema = z.object({
  boundarySet: z.string(),
  level: unitLevelSchema,
  scenario: scenarioSchema,
  /** ε of site inference, metres. */
  siteInferenceEpsM: z.number(),
  /** The plan's target for the site sharing ratio (0–1). */
  target: z.number(),
  province: sharingUnitSchema,
  units: z.array(sharingUnitSchema),
  operators: z.array(operatorSharingSchema),
  /** How the sites were found: site records, and sites inferred from BTS without a site code. */
  inference: z.object({
    siteRecords: z.number().int(),
    inferredSites: z.number().int(),
    btsExplicit: z.number().int(),
    btsJoined: z.number().int(),
    btsInferred: z.number().int(),
    conflicts: z.number().int(),
  }),
});
export type SharingResponse = z.infer<typeof sharingResponseSchema>;

/**
 * GET /api/sharing/summary?boundarySet=&scenario= : the whole set's figures
 * (`province`: its province, or with several provinces their sums, named
 * "Tất cả tỉnh (N)") against the target, without the units and operators.
 */
export const sharingSummarySchema = sharingResponseSchema.pick({ boundarySet: true, scenario: true, siteInferenceEpsM: true, target: true, province: true });
export type SharingSummary = z.infer<typeof sharingSummarySchema>;

/** GET /api/sharing/conflicts: inconsistencies of the register found by site inference. */
export const siteConflictSchema = z.object({
  id: z.number().int(),
  /** code_spread: one site code whose BTS stand more than ε apart; codes_colocated: two site codes within ε. */
  kind: z.enum(['code_spread', 'codes_colocated']),
  siteCodes: z.array(z.string()),
  btsCodes: z.array(z.string()),
  distanceM: z.number(),
  lon: z.number(),
  lat: z.number(),
});
export type SiteConflict = z.infer<typeof siteConflictSchema>;
export const siteConflictsResponseSchema = z.object({ epsM: z.number(), conflicts: z.array(siteConflictSchema) });

/** What the consolidation answer and the consolidation map layer both say about a group. */
export const consolidationGroupFacts = {
  owners: z.array(z.string()),
  operators: z.array(z.string()),
  /** Largest distance between two sites of the group, m. */
  spanM: z.number(),
  /** Structures that would no longer be needed: sites − 1. */
  structuresSaved: z.number().int(),
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
};

/** GET /api/sharing/consolidation: groups of sites of different owners within D metres that could become one. */
export const consolidationGroupSchema = z.object({
  id: z.number().int(),
  sites: z.array(z.object({
    siteKey: z.string(),
    inferred: z.boolean(),
    owner: z.string().nullable(),
    structureType: structureTypeSchema.nullable(),
    heightM: z.number().nullable(),
    operators: z.array(z.string()),
  })),
  ...consolidationGroupFacts,
  lon: z.number(),
  lat: z.number(),
});
export type ConsolidationGroup = z.infer<typeof consolidationGroupSchema>;
export const consolidationResponseSchema = z.object({
  distanceM: z.number(),
  scenario: scenarioSchema,
  groups: z.array(consolidationGroupSchema),
});
export type ConsolidationResponse = z.infer<typeof consolidationResponseSchema>;
export type SiteConflictsResponse = z.infer<typeof siteConflictsResponseSchema>;
