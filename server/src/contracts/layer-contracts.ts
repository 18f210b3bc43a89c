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

/** Layers served as GeoJSON by GET /api/layers/{layer}. */
export const layerNames = ['sites', 'bts', 'shared-sites', 'fiber', 'hamlets', 'communes', 'districts'] as const;
export const layerNameSchema = z.enum(layerNames);
export type LayerName = z.infer<typeof layerNameSchema>;

/** Which query filters each layer accepts (anything else is a 400). */
export const layerFilters: Record<LayerName, readonly string[]> = {
  sites: ['bbox', 'operator', 'technology', 'status', 'unit', 'boundarySet', 'lang'],
  'shared-sites': ['bbox', 'operator', 'technology', 'status', 'unit', 'boundarySet', 'lang'],
  bts: ['bbox', 'operator', 'technology', 'status', 'unit', 'boundarySet', 'lang'],
  fiber: ['bbox', 'operator', 'status', 'kind', 'laying', 'unit', 'boundarySet', 'lang'],
  hamlets: ['bbox', 'unit', 'boundarySet', 'lang'],
  communes: ['bbox', 'unit', 'boundarySet', 'lang'],
  districts: ['bbox', 'unit', 'boundarySet', 'lang'],
};

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
});
export type SiteProperties = z.infer<typeof sitePropertiesSchema>;

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

export interface LayerPropertiesByName {
  sites: SiteProperties;
  'shared-sites': SiteProperties;
  bts: BtsProperties;
  fiber: FiberProperties;
  hamlets: HamletProperties;
  communes: AdminUnitProperties;
  districts: AdminUnitProperties;
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
