import { z } from 'zod';
import { technologySchema } from './domain-enums.js';
import { technologyGroupSchema } from './layer-contracts.js';
import { scenarioSchema } from './sharing-contracts.js';

export const environmentSchema = z.enum(['urban', 'dense_urban', 'suburban', 'rural']);
export const verdictSchema = z.enum(['covered', 'lom_song', 'trang_song']);
export type Verdict = z.infer<typeof verdictSchema>;

/** GET /api/coverage/range */
export const rangeResponseSchema = z.object({
  rangeKm: z.number(),
  model: z.enum(['okumura-hata', 'cost231-hata']),
  maplDb: z.number(),
  warnings: z.array(z.string()),
});
export type RangeResponse = z.infer<typeof rangeResponseSchema>;

/** GET /api/coverage/model: the parameters in use, for the model panel. */
export const coverageModelSchema = z.object({
  theta: z.number(),
  minGapAreaM2: z.number(),
  mobileHeightM: z.number(),
  linkBudget: z.array(z.object({
    technology: technologySchema,
    bandMHz: z.number().nullable(),
    receiverThresholdDbm: z.number(),
    marginsDb: z.number(),
  })),
  validity: z.object({
    okumuraHataMHz: z.tuple([z.number(), z.number()]),
    cost231HataMHz: z.tuple([z.number(), z.number()]),
    baseHeightM: z.tuple([z.number(), z.number()]),
    maxRangeKm: z.number(),
  }),
  /** Footprints computed outside the model's validity, by warning. */
  footprintWarnings: z.array(z.object({ warning: z.string(), sectors: z.number().int() })),
  footprints: z.number().int(),
});
export type CoverageModel = z.infer<typeof coverageModelSchema>;

export const hamletCoverageRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  districtName: z.string().nullable(),
  population: z.number().int(),
  verdict: verdictSchema,
  coveredShare: z.number(),
  refCovered: z.boolean(),
  shareBasis: z.enum(['clusters', 'area', 'point']),
  populationCovered: z.number().int(),
  gapAreaM2: z.number(),
});
export type HamletCoverageRow = z.infer<typeof hamletCoverageRowSchema>;

/** GET /api/hamlets/coverage: one row per hamlet, and the hamlet coverage ratio. */
export const hamletCoverageResponseSchema = z.object({
  operator: z.string(),
  technologyGroup: technologyGroupSchema,
  /** current = BTS on air; planned = with approved BTS. */
  scenario: scenarioSchema,
  theta: z.number(),
  summary: z.object({
    hamlets: z.number().int(),
    covered: z.number().int(),
    lomSong: z.number().int(),
    trangSong: z.number().int(),
    /** covered ÷ hamlets (null when there are no hamlets). */
    coverageRatio: z.number().nullable(),
    population: z.number().int(),
    populationCovered: z.number().int(),
  }),
  rows: z.array(hamletCoverageRowSchema),
});
export type HamletCoverageResponse = z.infer<typeof hamletCoverageResponseSchema>;

/** GET /api/hamlets/{code} */
export const hamletDetailSchema = z.object({
  hamlet: z.object({
    code: z.string(),
    name: z.string(),
    kind: z.string(),
    communeCode: z.string(),
    communeName: z.string(),
    districtName: z.string().nullable(),
    population: z.number().int(),
    households: z.number().int(),
    refPoint: z.tuple([z.number(), z.number()]),
    refKind: z.string(),
    areaM2: z.number().nullable(),
    clusters: z.number().int(),
  }),
  /** The scenario of the verdicts and gaps (measurements always compare with current). */
  scenario: scenarioSchema,
  verdicts: z.array(z.object({
    operator: z.string(),
    technologyGroup: technologyGroupSchema,
    verdict: verdictSchema,
    coveredShare: z.number(),
    refCovered: z.boolean(),
    shareBasis: z.enum(['clusters', 'area', 'point']),
    populationCovered: z.number().int(),
  })),
  gaps: z.array(z.object({ partNo: z.number().int(), areaM2: z.number(), populationEstimate: z.number() })),
  measurements: z.lazy(() => hamletMeasurementSummarySchema),
});
export type HamletDetail = z.infer<typeof hamletDetailSchema>;

/** POST /api/coverage/what-if: hypothetical BTS, nothing is saved. */
export const whatIfSectorSchema = z.strictObject({
  azimuthDeg: z.number().min(0).lt(360),
  beamwidthDeg: z.number().gt(0).max(360),
});
export const whatIfBtsSchema = z.strictObject({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  operator: z.string().min(1).max(32),
  technology: technologySchema,
  bandMHz: z.number().int().min(400).max(6000),
  antennaHeightM: z.number().gt(0).max(300),
  /** One of eirpDbm (MAPL from the link budget), maplDb, or radiusM (range override). */
  eirpDbm: z.number().min(0).max(90).optional(),
  maplDb: z.number().min(50).max(250).optional(),
  radiusM: z.number().gt(0).max(50_000).optional(),
  /** Default: from the commune the point stands in (phường urban, thị trấn suburban, else rural). */
  environment: environmentSchema.optional(),
  /** Default: three 65° sectors at 0°, 120°, 240°. */
  sectors: z.array(whatIfSectorSchema).min(1).max(12).optional(),
});
export type WhatIfBts = z.infer<typeof whatIfBtsSchema>;
export const whatIfRequestSchema = z.strictObject({
  bts: z.array(whatIfBtsSchema).min(1).max(50),
  /** Whose coverage to assess: an operator code or '*' (any operator, default). */
  operator: z.string().min(1).max(32).optional(),
  technologyGroup: technologyGroupSchema.optional(),
  /** Coverage the hypothetical BTS are added to: current (default, on air) or planned (with approved BTS). */
  scenario: scenarioSchema.optional(),
});
export type WhatIfRequest = z.infer<typeof whatIfRequestSchema>;

export const whatIfResponseSchema = z.object({
  operator: z.string(),
  technologyGroup: technologyGroupSchema,
  scenario: scenarioSchema,
  /** The hypothetical footprints, EPSG:4326, with range and warnings per sector. */
  footprints: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }),
      properties: z.object({ btsIndex: z.number().int(), sectorNo: z.number().int(), rangeM: z.number(), environment: z.string(), model: z.string(), warnings: z.array(z.string()) }),
    })),
  }),
  changedHamlets: z.array(z.object({
    code: z.string(),
    name: z.string(),
    communeName: z.string(),
    before: verdictSchema,
    after: verdictSchema,
    coveredShareBefore: z.number(),
    coveredShareAfter: z.number(),
    populationCoveredBefore: z.number().int(),
    populationCoveredAfter: z.number().int(),
  })),
  /** Σ over touched hamlets of (population covered after − before). */
  populationNewlyCovered: z.number().int(),
  /** Hamlets whose verdict becomes 'covered'. */
  hamletsNewlyCovered: z.number().int(),
  /** Area of today's uncovered parts (broadband, any operator) that the hypothetical footprints cover, m². */
  gapAreaRemovedM2: z.number(),
});
export type WhatIfResponse = z.infer<typeof whatIfResponseSchema>;

/** Field measurements: where a measurement and the model disagree. */
export const measurementContradictions = ['predicted-covered-measured-below', 'predicted-uncovered-measured-above'] as const;
export type MeasurementContradiction = (typeof measurementContradictions)[number];

/** Properties of GET /api/layers/measurements features. */
export const measurementPropertiesSchema = z.object({
  id: z.number().int(),
  batch: z.string(),
  operator: z.string(),
  technology: technologySchema,
  /** RxLev (2G), RSCP (3G), RSRP (4G) or SS-RSRP (5G), dBm. */
  signalDbm: z.number(),
  downloadMbps: z.number().nullable(),
  measuredAt: z.string(),
  hamletCode: z.string().nullable(),
  thresholdDbm: z.number(),
  measuredCovered: z.boolean(),
  predictedCovered: z.boolean(),
  contradiction: z.enum(measurementContradictions).nullable(),
});
export type MeasurementProperties = z.infer<typeof measurementPropertiesSchema>;

/** POST /api/measurements (text/csv) answer. */
export const measurementImportResultSchema = z.object({
  batch: z.string(),
  inserted: z.number().int(),
  contradictions: z.number().int(),
});
export type MeasurementImportResult = z.infer<typeof measurementImportResultSchema>;

/** Per hamlet in GET /api/hamlets/{code}: measurements inside the hamlet against the model. */
export const hamletMeasurementSummarySchema = z.object({
  total: z.number().int(),
  agree: z.number().int(),
  predictedCoveredMeasuredBelow: z.number().int(),
  predictedUncoveredMeasuredAbove: z.number().int(),
});
export type HamletMeasurementSummary = z.infer<typeof hamletMeasurementSummarySchema>;
