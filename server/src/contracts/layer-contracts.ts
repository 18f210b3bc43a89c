import { z } from 'zod';
import {
  fiberKindSchema,
  fiberLayingSchema,
  hamletKindSchema,
  lifecycleStatusSchema,
  structureTypeSchema,
  technologySchema,
  unitLevelSchema,
  unitTypeSchema,
} from './domain-enums.js';
import { consolidationGroupFacts } from './sharing-contracts.js';

/** Layers served as GeoJSON by GET /api/layers/{layer}. */
export const layerNames = ['sites', 'bts', 'shared-sites', 'fiber', 'hamlets', 'communes', 'districts', 'coverage', 'gaps', 'consolidation'] as const;
export const layerNameSchema = z.enum(layerNames);
export type LayerName = z.infer<typeof layerNameSchema>;

/** Which query filters each layer accepts (anything else is a 400). */
export const layerFilters: Record<LayerName, readonly string[]> = {
  sites: ['bbox', 'operator', 'technology', 'status', 'unit', 'boundarySet', 'lang'],
  'shared-sites': ['bbox', 'operator', 'technology', 'status', 'unit', 'boundarySet', 'scenario', 'lang'],
  bts: ['bbox', 'operator', 'technology', 'status', 'unit', 'boundarySet', 'lang'],
  fiber: ['bbox', 'operator', 'status', 'kind', 'laying', 'unit', 'boundarySet', 'lang'],
  hamlets: ['bbox', 'unit', 'boundarySet', 'scenario', 'lang'],
  communes: ['bbox', 'unit', 'boundarySet', 'lang'],
  districts: ['bbox', 'unit', 'boundarySet', 'lang'],
  coverage: ['bbox', 'operator', 'technology', 'scenario', 'lang'],
  gaps: ['bbox', 'unit', 'boundarySet', 'scenario', 'lang'],
  consolidation: ['bbox', 'unit', 'boundarySet', 'scenario', 'lang'],
};

/** Technology groups of coverage: one technology, or broadband = 3G, 4G or 5G. */
export const technologyGroups = ['2G', '3G', '4G', '5G', 'broadband'] as const;
export const technologyGroupSchema = z.enum(technologyGroups);
export type TechnologyGroup = z.infer<typeof technologyGroupSchema>;
/** The operator code that stands for "any operator" in coverage results. */
export const ANY_OPERATOR = '*';

/** Site: one physical structure. `operators` are those with an on-air BTS on it. */
export const sitePropertiesSchema = z.object({
  code: z.string(),
  name: z.string().nullable(),
  structureType: structureTypeSchema,
  heightM: z.number(),
  owner: z.string(),
  ownerName: z.string(),
  status: lifecycleStatusSchema,
  address: z.string().nullable(),
  operators: z.array(z.string()),
  operatorCount: z.number().int(),
  technologies: z.array(technologySchema),
  btsCount: z.number().int(),
  shared: z.boolean(),
  /** The physical site's key: the site code, or 'SUY-…' for a site inferred from BTS without a site code. */
  siteKey: z.string(),
  inferred: z.boolean(),
});
export type SiteProperties = z.infer<typeof sitePropertiesSchema>;

/**
 * Shared-sites layer: physical sites (DESIGN §3), site records and inferred
 * sites; an inferred site has no structure, height, owner or address, and its
 * status is the most advanced of its BTS. `operators` are those with an active
 * BTS in the scenario asked for (current: on air; planned: on air or approved).
 */
export const physicalSitePropertiesSchema = sitePropertiesSchema.extend({
  structureType: structureTypeSchema.nullable(),
  heightM: z.number().nullable(),
  owner: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** An inferred site's BTS (site inference grouped them); empty for a site record, whose BTS its detail lists. */
  btsCodes: z.array(z.string()),
});
export type PhysicalSiteProperties = z.infer<typeof physicalSitePropertiesSchema>;

/** Consolidation layer: one MultiPoint per group of sites of different owners within D metres. */
export const consolidationPropertiesSchema = z.object({
  groupNo: z.number().int(),
  siteKeys: z.array(z.string()),
  siteCount: z.number().int(),
  ...consolidationGroupFacts,
});
export type ConsolidationProperties = z.infer<typeof consolidationPropertiesSchema>;

export const sectorSchema = z.object({
  azimuthDeg: z.number(),
  beamwidthDeg: z.number(),
  tiltDeg: z.number(),
});
export type Sector = z.infer<typeof sectorSchema>;

export const btsPropertiesSchema = z.object({
  code: z.string(),
  siteCode: z.string().nullable(),
  operator: z.string(),
  technology: technologySchema,
  bandMHz: z.number(),
  antennaHeightM: z.number(),
  eirpDbm: z.number(),
  status: lifecycleStatusSchema,
  sectors: z.array(sectorSchema),
});
export type BtsProperties = z.infer<typeof btsPropertiesSchema>;

export const fiberPropertiesSchema = z.object({
  code: z.string(),
  name: z.string().nullable(),
  operator: z.string(),
  kind: fiberKindSchema,
  laying: fiberLayingSchema,
  cores: z.number().int(),
  status: lifecycleStatusSchema,
  lengthM: z.number(),
});
export type FiberProperties = z.infer<typeof fiberPropertiesSchema>;

/** Hamlet polygon (or its reference point when it has no polygon). */
export const hamletPropertiesSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: hamletKindSchema,
  communeCode: z.string(),
  communeName: z.string(),
  population: z.number().int(),
  households: z.number().int(),
  refPoint: z.tuple([z.number(), z.number()]),
  refKind: z.enum(['cultural_house', 'centre']),
  /** Broadband verdict for any operator in the requested scenario (null before coverage is computed). */
  verdict: z.enum(['covered', 'lom_song', 'trang_song']).nullable(),
  /** Covered share (0–1) behind that verdict. */
  coveredShare: z.number().nullable(),
});
export type HamletProperties = z.infer<typeof hamletPropertiesSchema>;

export const adminUnitPropertiesSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: unitLevelSchema,
  unitType: unitTypeSchema,
  boundarySet: z.string(),
  parentCode: z.string().nullable(),
  parentName: z.string().nullable(),
  areaKm2: z.number(),
  population: z.number().int(),
  hamletCount: z.number().int(),
});
export type AdminUnitProperties = z.infer<typeof adminUnitPropertiesSchema>;

/** Coverage union of one operator ('*' = any) and technology group. */
export const coveragePropertiesSchema = z.object({
  operator: z.string(),
  technologyGroup: technologyGroupSchema,
  scenario: z.enum(['current', 'planned']),
  areaKm2: z.number(),
});
export type CoverageProperties = z.infer<typeof coveragePropertiesSchema>;

/** One uncovered part of a hamlet (broadband, any operator). */
export const gapPropertiesSchema = z.object({
  hamletCode: z.string(),
  hamletName: z.string(),
  communeName: z.string(),
  partNo: z.number().int(),
  areaM2: z.number(),
  populationEstimate: z.number(),
});
export type GapProperties = z.infer<typeof gapPropertiesSchema>;

export interface LayerPropertiesByName {
  sites: SiteProperties;
  'shared-sites': PhysicalSiteProperties;
  bts: BtsProperties;
  fiber: FiberProperties;
  hamlets: HamletProperties;
  communes: AdminUnitProperties;
  districts: AdminUnitProperties;
  coverage: CoverageProperties;
  gaps: GapProperties;
  consolidation: ConsolidationProperties;
}

export interface Feature<P> {
  type: 'Feature';
  id?: string | number;
  geometry: { type: string; coordinates: unknown };
  properties: P;
}

/** RFC 7946 FeatureCollection; `truncated` is a foreign member set when the feature limit was hit. */
export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
  numberReturned: number;
  truncated: boolean;
}
