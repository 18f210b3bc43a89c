import { z } from 'zod';
import { unitLevelSchema } from './domain-enums.js';
import { scenarioSchema } from './sharing-contracts.js';

/** Text in both languages of the app (Vietnamese first). */
export const bilingualSchema = z.object({ vi: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof bilingualSchema>;

/**
 * How an indicator's value reads: share = numerator ÷ denominator in 0–1 (shown
 * as %); ratio = the same quotient when it is not a share (e.g. tenants per
 * site); per_100_people (subscriptions per 100 people), mbps (speed) and count
 * are for reported indicators.
 */
export const indicatorMeasures = ['share', 'ratio', 'count', 'mbps', 'per_100_people'] as const;
export const indicatorMeasureSchema = z.enum(indicatorMeasures);
export type IndicatorMeasure = z.infer<typeof indicatorMeasureSchema>;

/**
 * computed: from the register and the coverage model, live; reported: entered
 * per unit and reporting period from a source document (a form or a CSV/XLSX import).
 */
export const indicatorSources = ['computed', 'reported'] as const;
export const indicatorSourceSchema = z.enum(indicatorSources);
export type IndicatorSource = z.infer<typeof indicatorSourceSchema>;

/** met: value ≥ target; below: value < target; null: no target or no value. */
export const indicatorStatusSchema = z.enum(['met', 'below']).nullable();
export type IndicatorStatus = z.infer<typeof indicatorStatusSchema>;

/** What the registry says about an indicator, whatever the unit. */
export const indicatorDefinitionSchema = z.object({
  /** Stable code, e.g. 'hamlets-mobile-broadband'. */
  code: z.string(),
  /** The plan's group of criteria (QĐ 885/QĐ-BTTTT): 'mobile', 'fiber', 'sharing', 'usage'. */
  group: z.string(),
  name: bilingualSchema,
  /** How it is computed or reported, with numerator and denominator named. */
  definition: bilingualSchema,
  numeratorName: bilingualSchema,
  denominatorName: bilingualSchema,
  measure: indicatorMeasureSchema,
  /** The unit the value is written in: '%', 'thuê bao/100 dân', 'Mbit/s'. */
  unitLabel: bilingualSchema,
  source: indicatorSourceSchema,
  /** What numerator and denominator count: 'hamlets', 'people', 'm', 'sites', 'subscriptions', …. */
  counts: z.string(),
});
export type IndicatorDefinition = z.infer<typeof indicatorDefinitionSchema>;

/** A value entered for a unit and period (or derived through the crosswalk from another boundary set's units). */
export const reportedFigureSchema = z.object({
  period: z.string(),
  value: z.number(),
  /** The source document (báo cáo, kế hoạch) the value comes from. */
  document: z.string().nullable(),
  /**
   * null when entered for this very unit; else the boundary set whose units'
   * values were combined, weighted by the population they share with this
   * unit (the crosswalk's population shares).
   */
  derivedFrom: z.string().nullable(),
});
export type ReportedFigure = z.infer<typeof reportedFigureSchema>;

export const trendPointSchema = z.object({
  /** The snapshot's day, or the last day of the reporting period (YYYY-MM-DD). */
  date: z.string(),
  value: z.number().nullable(),
  kind: z.enum(['snapshot', 'reported']),
  /** The snapshot's label or the period's code. */
  label: z.string(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

/** The target that applies to one unit: its own, else the one set for every unit. */
export const appliedTargetSchema = z.object({
  value: z.number(),
  year: z.number().int(),
  /** unit: set for this unit; all: the province's target for every unit. */
  scope: z.enum(['unit', 'all']),
  document: z.string().nullable(),
});
export type AppliedTarget = z.infer<typeof appliedTargetSchema>;

/** One indicator of the plan for one unit and scenario (DESIGN §3: each with numerator and denominator). */
export const indicatorSchema = indicatorDefinitionSchema.extend({
  /**
   * computed: numerator ÷ denominator (null when the denominator is 0);
   * reported: the reported figure of the period asked for (else the latest).
   */
  value: z.number().nullable(),
  /** Counts behind a computed value; null for a reported one. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The plan's target for `value` (same measure), null while none is set. */
  target: z.number().nullable(),
  targetDetail: appliedTargetSchema.nullable(),
  /** value − target (same measure; negative: short of the target). */
  gap: z.number().nullable(),
  status: indicatorStatusSchema,
  /** The reported figure for this unit (period asked for, else the latest), for computed indicators too (the official figure). */
  reported: reportedFigureSchema.nullable(),
  /** Earlier values: saved snapshots (computed) and reported periods, oldest first. */
  trend: z.array(trendPointSchema),
  /** Further counts behind the value, e.g. lõm sóng and trắng sóng hamlets. */
  breakdown: z.array(z.object({ code: z.string(), name: bilingualSchema, count: z.number() })),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorSettingsSchema = z.object({
  /** θ: share of a hamlet's population that must be covered for 'covered'. */
  coverageTheta: z.number(),
  /** r: a hamlet is reached by fiber within this many metres of its reference point. */
  fiberReachM: z.number(),
  /** ε of site inference, metres. */
  siteInferenceEpsM: z.number(),
});
export type IndicatorSettingsView = z.infer<typeof indicatorSettingsSchema>;

export const indicatorUnitRefSchema = z.object({ code: z.string(), name: z.string(), level: unitLevelSchema, boundarySet: z.string() });
export type IndicatorUnitRef = z.infer<typeof indicatorUnitRefSchema>;

/**
 * The level of the root of a boundary set with several provinces: all its
 * provinces as one unit ("Tất cả tỉnh (N)" / "All provinces (N)"), whose
 * computed indicators sum the provinces' numerators and denominators.
 */
export const allProvincesLevel = 'all' as const;

/** What GET /api/indicators answers for: a unit of the set, or (level 'all') every province of it. */
export const indicatorScopeSchema = indicatorUnitRefSchema.extend({
  level: z.union([unitLevelSchema, z.literal(allProvincesLevel)]),
  /** Level 'all': how many provinces are summed; null for a unit. */
  provinces: z.number().int().nullable(),
  /** The name of the province the unit lies in (its own for a province); null for all provinces. */
  province: z.string().nullable(),
});
export type IndicatorScope = z.infer<typeof indicatorScopeSchema>;

/** GET /api/indicators?unit=&boundarySet=&scenario=&period= */
export const indicatorsResponseSchema = z.object({
  /** Without `unit`: the set's province when it has one, else all its provinces (level 'all', code ''). */
  unit: indicatorScopeSchema,
  scenario: scenarioSchema,
  /** The reporting period asked for; null: each reported indicator shows its latest period. */
  period: z.string().nullable(),
  settings: indicatorSettingsSchema,
  indicators: z.array(indicatorSchema),
});
export type IndicatorsResponse = z.infer<typeof indicatorsResponseSchema>;

/** One indicator's figures for one unit in the per-unit table. */
export const unitIndicatorValueSchema = z.object({
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  target: z.number().nullable(),
  status: indicatorStatusSchema,
  /** Reported indicators: the period of the value shown, and the boundary set it was derived from (null: entered for this unit). */
  period: z.string().nullable(),
  derivedFrom: z.string().nullable(),
});
export type UnitIndicatorValue = z.infer<typeof unitIndicatorValueSchema>;

export const indicatorUnitRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: unitLevelSchema,
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  /** Hamlets and their population in the unit (the drill-down's next step). */
  hamlets: z.number().int(),
  population: z.number(),
  values: z.record(z.string(), unitIndicatorValueSchema),
});
export type IndicatorUnitRow = z.infer<typeof indicatorUnitRowSchema>;

/** GET /api/indicators/units?boundarySet=&level=&scenario=&period=&parent= : every unit of a level, for the table, the bar chart and the choropleth. */
export const indicatorUnitsResponseSchema = z.object({
  boundarySet: z.string(),
  level: unitLevelSchema,
  scenario: scenarioSchema,
  period: z.string().nullable(),
  /** The parent unit the rows were limited to, if any. */
  parent: indicatorUnitRefSchema.nullable(),
  settings: indicatorSettingsSchema,
  indicators: z.array(indicatorDefinitionSchema),
  units: z.array(indicatorUnitRowSchema),
});
export type IndicatorUnitsResponse = z.infer<typeof indicatorUnitsResponseSchema>;
