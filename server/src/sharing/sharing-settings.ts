import { z } from 'zod';
import type { Config } from '../config.js';
import { structureTypes, type StructureType } from '../contracts/domain-enums.js';

/**
 * Most tenants (distinct operators) a structure of each type can carry before
 * it has no room for another, from common practice in Vietnamese tower sharing:
 * a self-supporting tower of 40–60 m takes 3–4 operators' antenna sets, a guyed
 * mast 3, a monopole or rooftop pole 2, a camouflaged pole (tree, lamp post) 1.
 * Planners override them per structure type (HATANG_TENANT_LIMITS).
 */
export const defaultTenantLimits: Record<StructureType, number> = {
  self_supporting: 4,
  guyed: 3,
  monopole: 2,
  rooftop: 2,
  camouflaged: 1,
};

const tenantLimitsOverrideSchema = z.partialRecord(z.enum(structureTypes), z.number().int().min(1).max(20)).refine(
  (o) => Object.keys(o).length > 0,
  'name at least one structure type',
);

export function resolveTenantLimits(json: string): Record<StructureType, number> {
  if (!json.trim()) return defaultTenantLimits;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new Error(`HATANG_TENANT_LIMITS is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const checked = tenantLimitsOverrideSchema.safeParse(parsed);
  if (!checked.success) {
    throw new Error(`HATANG_TENANT_LIMITS: ${checked.error.issues.map((i) => `${i.path.join('.') || '(object)'}: ${i.message}`).join('; ')}`);
  }
  return { ...defaultTenantLimits, ...checked.data };
}

/** The parameters of site inference, sharing, consolidation and co-location. */
export interface SharingSettings {
  /** ε, metres. */
  siteInferenceEpsM: number;
  /** D, metres. */
  consolidationDistanceM: number;
  tenantLimits: Record<StructureType, number>;
  colocationMaxRadiusM: number;
  sharingTargetRatio: number;
}

export function sharingSettingsFrom(
  config: Pick<Config, 'siteInferenceEpsM' | 'consolidationDistanceM' | 'tenantLimitsJson' | 'colocationMaxRadiusM' | 'sharingTargetRatio'>,
): SharingSettings {
  return {
    siteInferenceEpsM: config.siteInferenceEpsM,
    consolidationDistanceM: config.consolidationDistanceM,
    tenantLimits: resolveTenantLimits(config.tenantLimitsJson),
    colocationMaxRadiusM: config.colocationMaxRadiusM,
    sharingTargetRatio: config.sharingTargetRatio,
  };
}
