import { z } from 'zod';
import { lifecycleStatusSchema, structureTypeSchema } from './domain-enums.js';
import { plannedRadioSchema } from './colocation-contracts.js';
import { ratioSchema } from './sharing-contracts.js';

export const proposalKinds = ['colocation', 'new_site'] as const;
export const proposalKindSchema = z.enum(proposalKinds);
export type ProposalKind = z.infer<typeof proposalKindSchema>;

/** submitted → approved | rejected (by a planner) | withdrawn (by its operator). */
export const proposalStatuses = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const proposalStatusSchema = z.enum(proposalStatuses);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

/** POST /api/proposals: an operator's proposal (tờ trình) for its own operator. */
export const proposalSubmitSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('colocation'),
    operator: z.string().min(1).max(32),
    /** The physical site to co-locate on: a site code, or the key of an inferred site (SUY-…). */
    siteKey: z.string().min(1).max(80),
    radio: plannedRadioSchema,
    note: z.string().max(4000).optional(),
  }),
  z.strictObject({
    kind: z.literal('new_site'),
    operator: z.string().min(1).max(32),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    structureType: structureTypeSchema,
    heightM: z.number().gt(0).max(300),
    radio: plannedRadioSchema,
    /** The radius in which co-location was looked for, m (default 1000). */
    searchRadiusM: z.number().gt(0).optional(),
    /** Required when a co-location candidate with room existed within searchRadiusM. */
    justification: z.string().max(4000).optional(),
    note: z.string().max(4000).optional(),
  }),
]);
export type ProposalSubmit = z.infer<typeof proposalSubmitSchema>;

/** POST /api/proposals/{code}/decision: a planner approves or rejects (reason required for both). */
export const proposalDecisionSchema = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  reason: z.string().trim().min(1).max(4000),
  version: z.number().int().min(1).optional(),
});
export type ProposalDecision = z.infer<typeof proposalDecisionSchema>;

/** What the proposal is predicted to change, stored at submission. */
export const proposalImpactSchema = z.object({
  populationNewlyCovered: z.number().int(),
  hamletsNewlyCovered: z.array(z.object({ code: z.string(), name: z.string(), populationGain: z.number().int(), verdictBefore: z.string(), verdictAfter: z.string() })),
  /** Province site sharing ratio (scenario planned) before and after the proposal. */
  sharingBefore: ratioSchema,
  sharingAfter: ratioSchema,
  nearestStructure: z.object({ siteKey: z.string(), siteCode: z.string().nullable(), owner: z.string().nullable(), distanceM: z.number() }).nullable(),
  /** Co-location candidates with room within the search radius (new-site proposals). */
  candidatesInRadius: z.array(z.object({ siteKey: z.string(), distanceM: z.number(), populationNewlyCovered: z.number().int() })),
  computedAt: z.string(),
});
export type ProposalImpact = z.infer<typeof proposalImpactSchema>;

export const proposalEventSchema = z.object({
  at: z.string(),
  action: z.enum(['submitted', 'approved', 'rejected', 'withdrawn']),
  actor: z.string(),
  actorRole: z.string().nullable(),
  note: z.string().nullable(),
});

export const proposalSchema = z.object({
  code: z.string(),
  kind: proposalKindSchema,
  status: proposalStatusSchema,
  operator: z.string(),
  operatorName: z.string(),
  siteKey: z.string().nullable(),
  siteCode: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  structureType: structureTypeSchema.nullable(),
  heightM: z.number().nullable(),
  radio: plannedRadioSchema,
  justification: z.string().nullable(),
  note: z.string().nullable(),
  impact: proposalImpactSchema,
  submittedBy: z.string(),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** Records created on approval (status approved): the new site's code and the BTS code. */
  createdSiteCode: z.string().nullable(),
  createdBtsCode: z.string().nullable(),
  createdStatus: lifecycleStatusSchema.nullable(),
  events: z.array(proposalEventSchema),
  version: z.number().int(),
});
export type Proposal = z.infer<typeof proposalSchema>;

/** GET /api/proposals?status=&operator=&kind= */
export const proposalListSchema = z.object({
  proposals: z.array(proposalSchema.omit({ events: true })),
  counts: z.record(proposalStatusSchema, z.number().int()),
});
export type ProposalList = z.infer<typeof proposalListSchema>;
