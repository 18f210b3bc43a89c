import { z } from 'zod';
import { structureTypeSchema, technologySchema } from './domain-enums.js';

/** Why a candidate structure may not take the operator. */
export const candidateWarnings = [
  /** The structure already holds as many tenants as its type allows (HATANG_TENANT_LIMITS). */
  'no_room',
  /** The structure is lower than the antenna height asked for; the gain is computed at the structure's height. */
  'structure_lower_than_antenna',
  /** An inferred site: structure type and height are not in the register. */
  'structure_unknown',
] as const;
export const candidateWarningSchema = z.enum(candidateWarnings);
export type CandidateWarning = z.infer<typeof candidateWarningSchema>;

/** The radio of a BTS asked about: what the operator would mount. */
export const plannedRadioSchema = z.strictObject({
  technology: technologySchema,
  bandMHz: z.number().int().min(400).max(6000),
  antennaHeightM: z.number().gt(0).max(300),
  /** Default per technology (see colocation/default-radio.ts). */
  eirpDbm: z.number().min(0).max(90).optional(),
  /** Default: three 65° sectors at 0°, 120°, 240°. */
  sectors: z.array(z.strictObject({ azimuthDeg: z.number().min(0).lt(360), beamwidthDeg: z.number().gt(0).max(360) })).min(1).max(12).optional(),
});
export type PlannedRadio = z.infer<typeof plannedRadioSchema>;

/** POST /api/colocation/candidates */
export const colocationRequestSchema = plannedRadioSchema.extend({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  operator: z.string().min(1).max(32),
  /** Search radius, m: > 0 and at most HATANG_COLOCATION_MAX_RADIUS_M. */
  radiusM: z.number().gt(0),
  scenario: z.enum(['current', 'planned']).optional(),
});
export type ColocationRequest = z.infer<typeof colocationRequestSchema>;

export const newlyCoveredHamletSchema = z.object({
  code: z.string(),
  name: z.string(),
  communeName: z.string(),
  population: z.number().int(),
  populationCoveredBefore: z.number().int(),
  populationCoveredAfter: z.number().int(),
  verdictBefore: z.enum(['covered', 'lom_song', 'trang_song']),
  verdictAfter: z.enum(['covered', 'lom_song', 'trang_song']),
});

export const colocationCandidateSchema = z.object({
  rank: z.number().int(),
  siteKey: z.string(),
  /** Site code of the site record; null for an inferred site. */
  siteCode: z.string().nullable(),
  inferred: z.boolean(),
  owner: z.string().nullable(),
  ownerName: z.string().nullable(),
  structureType: structureTypeSchema.nullable(),
  heightM: z.number().nullable(),
  /** Operators with a live, non-decommissioned BTS on the structure. */
  tenants: z.array(z.string()),
  tenantLimit: z.number().int().nullable(),
  distanceM: z.number(),
  lon: z.number(),
  lat: z.number(),
  /** Antenna height the gain was computed at: the one asked for, or the structure's height when lower. */
  effectiveAntennaHeightM: z.number(),
  /** Population the operator's coverage (the asked technology) would gain, from the coverage what-if. */
  populationNewlyCovered: z.number().int(),
  /** Hamlets the BTS would add population to, largest gain first. */
  newlyCoveredHamlets: z.array(newlyCoveredHamletSchema),
  /** Hamlets whose verdict would become covered. */
  hamletsNewlyCovered: z.number().int(),
  warnings: z.array(candidateWarningSchema),
  /** The footprint the BTS would have there (a preview), EPSG:4326. */
  footprint: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
});
export type ColocationCandidate = z.infer<typeof colocationCandidateSchema>;

export const colocationResponseSchema = z.object({
  operator: z.string(),
  technology: technologySchema,
  radiusM: z.number(),
  scenario: z.enum(['current', 'planned']),
  /** Ranked by populationNewlyCovered, then distance. */
  candidates: z.array(colocationCandidateSchema),
  /** What a new site at the point itself would add (for comparison with co-locating). */
  atPoint: z.object({ populationNewlyCovered: z.number().int(), hamletsNewlyCovered: z.number().int() }),
});
export type ColocationResponse = z.infer<typeof colocationResponseSchema>;

/**
 * A new tower costs several times a tenancy on an existing one, and every
 * duplicated tower is what the plan wants to end: by default the planner takes
 * a new site only when it adds more than 1.5 times the people the best
 * co-location would.
 */
export const defaultNewSitePreference = 1.5;

/** POST /api/site-planner: for an operator and a budget K, the best up to K locations (greedy maximum coverage). */
export const sitePlannerRequestSchema = plannedRadioSchema.extend({
  operator: z.string().min(1).max(32),
  /** Budget: at most this many picks (1–50). */
  k: z.number().int().min(1).max(50),
  /** Limit the search to one administrative unit (code in boundarySet); default the whole province. */
  unit: z.string().min(1).max(32).optional(),
  boundarySet: z.string().min(1).max(32).optional(),
  /** Spacing of candidate new-site points inside uncovered areas, m (default 1000). */
  gridM: z.number().min(200).max(10_000).optional(),
  /** The network gains are counted against (default current; planned: with approved proposals). */
  scenario: z.enum(['current', 'planned']).optional(),
  /**
   * Co-location first: a new site is picked over a co-location only when its marginal gain is more
   * than this many times the co-location's (default defaultNewSitePreference; 1 = gains alone decide).
   */
  newSitePreference: z.number().min(1).max(10).optional(),
});
export type SitePlannerRequest = z.infer<typeof sitePlannerRequestSchema>;

export const sitePlannerPickSchema = z.object({
  order: z.number().int(),
  kind: z.enum(['colocation', 'new_site']),
  siteKey: z.string().nullable(),
  siteCode: z.string().nullable(),
  owner: z.string().nullable(),
  structureType: structureTypeSchema.nullable(),
  heightM: z.number().nullable(),
  lon: z.number(),
  lat: z.number(),
  /** Population this pick adds given the picks before it (greedy marginal gain). */
  marginalGain: z.number().int(),
  /** Population it would add alone. */
  standaloneGain: z.number().int(),
  cumulativeGain: z.number().int(),
  hamlets: z.array(z.string()),
  warnings: z.array(candidateWarningSchema),
});
export type SitePlannerPick = z.infer<typeof sitePlannerPickSchema>;

export const sitePlannerResponseSchema = z.object({
  operator: z.string(),
  technology: technologySchema,
  k: z.number().int(),
  scenario: z.enum(['current', 'planned']),
  newSitePreference: z.number(),
  candidatesConsidered: z.object({
    colocation: z.number().int(),
    newSite: z.number().int(),
    /** New-site points found in the uncovered areas before the cap; newSite < newSiteFound when capped. */
    newSiteFound: z.number().int().optional(),
    /** The cap on new-site points (round-robin over the uncovered parts, most populated first). */
    newSiteCap: z.number().int().optional(),
  }),
  picks: z.array(sitePlannerPickSchema),
  totalGain: z.number().int(),
  ms: z.number(),
});
export type SitePlannerResponse = z.infer<typeof sitePlannerResponseSchema>;
