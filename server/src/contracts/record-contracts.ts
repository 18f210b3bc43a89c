import { z } from 'zod';
import { fiberKindSchema, fiberLayingSchema, lifecycleStatusSchema, structureTypeSchema, technologySchema } from './domain-enums.js';

// Bodies of the register's writes (create, edit) and the records they answer
// with. Edits are partial; each names the version it was based on (here or in
// If-Match). Limits mirror the database's check constraints.

const code = z.string().regex(/^[\p{L}\p{N}_.-]{1,64}$/u);
const operatorCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const text = (max: number) => z.string().trim().max(max);
const version = z.number().int().min(1).max(1e9);

export const sectorSchema = z.strictObject({
  azimuthDeg: z.number().min(0).lt(360),
  beamwidthDeg: z.number().gt(0).max(360),
  tiltDeg: z.number().min(-10).max(20).optional(),
});

const siteFields = {
  name: text(200).nullable(),
  lon,
  lat,
  structureType: structureTypeSchema,
  heightM: z.number().gt(0).max(300),
  owner: operatorCode,
  address: text(500).nullable(),
  status: lifecycleStatusSchema,
};
export const siteCreateSchema = z.strictObject({ code: code.max(32), ...siteFields, name: siteFields.name.optional(), address: siteFields.address.optional() });
export const siteUpdateSchema = z.strictObject({ ...z.object(siteFields).partial().shape, version: version.optional() });
export type SiteCreate = z.infer<typeof siteCreateSchema>;
export type SiteUpdate = z.infer<typeof siteUpdateSchema>;

const btsFields = {
  siteCode: code.max(32).nullable(),
  operator: operatorCode,
  lon,
  lat,
  technology: technologySchema,
  bandMHz: z.number().int().min(400).max(6000),
  antennaHeightM: z.number().gt(0).max(300),
  eirpDbm: z.number().min(0).max(90),
  radiusOverrideM: z.number().gt(0).max(50_000).nullable(),
  /** Radio environment for the Hata model when the commune type would give the wrong one. */
  environmentOverride: z.enum(['urban', 'dense_urban', 'suburban', 'rural']).nullable(),
  status: lifecycleStatusSchema,
  sectors: z.array(sectorSchema).min(1).max(12),
};
/** On a site, lon/lat may be left out: the BTS stands at the site's point. */
export const btsCreateSchema = z.strictObject({
  code,
  ...btsFields,
  siteCode: btsFields.siteCode.optional(),
  lon: lon.optional(),
  lat: lat.optional(),
  radiusOverrideM: btsFields.radiusOverrideM.optional(),
  environmentOverride: btsFields.environmentOverride.optional(),
  /** Omitted: one omnidirectional sector. */
  sectors: btsFields.sectors.optional(),
});
export const btsUpdateSchema = z.strictObject({ ...z.object(btsFields).partial().shape, version: version.optional() });
export type BtsCreate = z.infer<typeof btsCreateSchema>;
export type BtsUpdate = z.infer<typeof btsUpdateSchema>;

const position = z.tuple([lon, lat]);
export const lineGeometrySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('LineString'), coordinates: z.array(position).min(2).max(10_000) }),
  z.strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position).min(2).max(10_000)).min(1).max(1000) }),
]);
const fiberFields = {
  name: text(200).nullable(),
  operator: operatorCode,
  kind: fiberKindSchema,
  laying: fiberLayingSchema,
  cores: z.number().int().min(1).max(1728),
  geometry: lineGeometrySchema,
  status: lifecycleStatusSchema,
};
export const fiberCreateSchema = z.strictObject({ code, ...fiberFields, name: fiberFields.name.optional() });
export const fiberUpdateSchema = z.strictObject({ ...z.object(fiberFields).partial().shape, version: version.optional() });
export type FiberCreate = z.infer<typeof fiberCreateSchema>;
export type FiberUpdate = z.infer<typeof fiberUpdateSchema>;

/** Delete and restore name only the version. */
export const versionOnlySchema = z.strictObject({ version: version.optional() });

const provenance = {
  version: z.number().int(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  source: z.string(),
  sourceDate: z.string(),
};
export const siteRecordSchema = z.object({ code: z.string(), ...siteFields, ...provenance });
export const btsRecordSchema = z.object({
  code: z.string(),
  ...btsFields,
  sectors: z.array(z.object({ azimuthDeg: z.number(), beamwidthDeg: z.number(), tiltDeg: z.number() })),
  ...provenance,
});
export const fiberRecordSchema = z.object({ code: z.string(), ...fiberFields, lengthM: z.number(), ...provenance });
export type SiteRecord = z.infer<typeof siteRecordSchema>;
export type BtsRecord = z.infer<typeof btsRecordSchema>;
export type FiberRecord = z.infer<typeof fiberRecordSchema>;
export type RegisterEntity = 'site' | 'bts' | 'fiber';
