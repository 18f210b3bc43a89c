import { z } from 'zod';
import { unitLevelSchema } from './domain-enums.js';
import { scenarioSchema } from './sharing-contracts.js';

/** Text in both languages of the app (Vietnamese first). */
export const bilingualSchema = z.object({ vi: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;

/**
 * How an indicator's value reads: share = numerator ÷ denominator in 0–1 (shown
 * as %); ratio = the same quotient when it is not a share (e.g. tenants per
 * site); the others are for reported indicators (speeds, subscriptions).
 */
export const indicatorMeasures = ['share', 'ratio', 'count', 'mbps', 'per_100_people'] as const;
export const indicatorMeasureSchema = z.enum(indicatorMeasures);

/**
 * computed: from the register and the coverage model, live; reported: entered
 * from a source document (a later issue: registry, snapshots).
 */
export const indicatorSourceSchema = z.enum(['computed', 'reported']);

/** met: value ≥ target; below: value < target; null: no target or no value. */
export const indicatorStatusSchema = z.enum(['met', 'below']).nullable();

/** One indicator of the plan for one unit and scenario (DESIGN §3: each with numerator and denominator). */
export const indicatorSchema = z.object({
  /** Stable code, e.g. 'hamlets-mobile-broadband'. */
  code: z.string(),
  /** The plan's group of criteria (QĐ 885/QĐ-BTTTT), e.g. 'mobile', 'fiber', 'sharing'. */
  group: z.string(),
  name: bilingualSchema,
  /** How it is computed, with numerator and denominator named. */
  definition: bilingualSchema,
  measure: indicatorMeasureSchema,
  source: indicatorSourceSchema,
  /** numerator ÷ denominator; null when the denominator is 0. */
  value: z.number().nullable(),
  numerator: z.number(),
  denominator: z.number(),
  /** What numerator and denominator count: 'hamlets', 'people', 'm', 'sites'. */
  counts: z.string(),
  /** The plan's target for `value` (same measure), null while none is set. */
  target: z.number().nullable(),
  status: indicatorStatusSchema,
  /** Further counts behind the value, e.g. lõm sóng and trắng sóng hamlets. */
  breakdown: z.array(z.object({ code: z.string(), name: bilingualSchema, count: z.number() })),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** GET /api/indicators?unit=&boundarySet=&scenario= */
export const indicatorsResponseSchema = z.object({
  unit: z.object({ code: z.string(), name: z.string(), level: unitLevelSchema, boundarySet: z.string() }),
  scenario: scenarioSchema,
  /** The settings the computed values depend on. */
  settings: z.object({
    /** θ: share of a hamlet's population that must be covered for 'covered'. */
    coverageTheta: z.number(),
    /** r: a hamlet is reached by fiber within this many metres of its reference point. */
    fiberReachM: z.number(),
    /** ε of site inference, metres. */
    siteInferenceEpsM: z.number(),
  }),
  indicators: z.array(indicatorSchema),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponseSchema>;
