import { z } from 'zod';
import { btsPropertiesSchema, sitePropertiesSchema } from './layer-contracts.js';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['embedded', 'postgres']),
  postgis: z.string(),
  demoData: z.boolean(),
});
export type Health = z.infer<typeof healthSchema>;

/** GET /api/sites/{code}: the site, its BTS, and the commune/district it stands in. */
export const siteDetailSchema = z.object({
  site: sitePropertiesSchema.extend({
    lon: z.number(),
    lat: z.number(),
    communeCode: z.string().nullable(),
    communeName: z.string().nullable(),
    districtName: z.string().nullable(),
    source: z.string(),
    sourceDate: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  }),
  bts: z.array(btsPropertiesSchema),
});
export type SiteDetail = z.infer<typeof siteDetailSchema>;

export const searchKinds = ['site', 'hamlet', 'commune', 'district', 'province'] as const;
export const searchResultSchema = z.object({
  kind: z.enum(searchKinds),
  code: z.string(),
  name: z.string(),
  /** Where it is: commune and district names, or the site's owner. */
  context: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  /** [minLon, minLat, maxLon, maxLat] to fly to, for areas. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
export const searchResponseSchema = z.object({ query: z.string(), results: z.array(searchResultSchema) });
export type SearchResponse = z.infer<typeof searchResponseSchema>;

export const operatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(['mno', 'towerco']),
  colour: z.string(),
  mnc: z.string().nullable(),
});
export type Operator = z.infer<typeof operatorSchema>;

/** GET /api/meta: what the client needs to build its panels. */
export const metaSchema = z.object({
  operators: z.array(operatorSchema),
  boundarySets: z.array(z.object({ code: z.string(), name: z.string(), levels: z.array(z.string()), isDefault: z.boolean() })),
  /** [minLon, minLat, maxLon, maxLat] of the default boundary set's province. */
  extent: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  demoData: z.boolean(),
  counts: z.object({ sites: z.number(), bts: z.number(), hamlets: z.number(), fiberKm: z.number() }),
});
export type Meta = z.infer<typeof metaSchema>;

/** RFC 9457 problem details, as every error is answered. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;
