import type { Knex } from 'knex';
import type { CandidateWarning } from '../contracts/colocation-contracts.js';
import type { StructureType } from '../contracts/domain-enums.js';
import type { Scenario } from '../contracts/sharing-contracts.js';

/** A structure that could host the operator (server/db/functions/620-hatang-colocation-structures.sql). */
export interface HostStructure {
  siteKey: string;
  siteCode: string | null;
  inferred: boolean;
  owner: string | null;
  ownerName: string | null;
  structureType: StructureType | null;
  heightM: number | null;
  tenants: string[];
  tenantLimit: number | null;
  distanceM: number;
  lon: number;
  lat: number;
}

export interface StructureSearch {
  operator: string;
  scenario: Scenario;
  /** Around a point (spheroidal metres)… */
  around?: { lon: number; lat: number; radiusM: number };
  /** …and/or inside an administrative unit (admin_units.id). */
  unitId?: number | null;
}

export async function hostStructures(
  knex: Knex | Knex.Transaction,
  search: StructureSearch,
  tenantLimits: Record<StructureType, number>,
): Promise<HostStructure[]> {
  const a = search.around;
  const rows = (
    await knex.raw(
      `SELECT * FROM hatang_colocation_structures(?, ?,
                CASE WHEN ?::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?::float8, ?::float8), 4326) END, ?::float8,
                (SELECT u.geom FROM admin_units u WHERE u.id = ?::integer))`,
      [search.operator, search.scenario, a?.lon ?? null, a?.lon ?? null, a?.lat ?? null, a?.radiusM ?? null, search.unitId ?? null],
    )
  ).rows as {
    site_key: string;
    site_code: string | null;
    inferred: boolean;
    owner: string | null;
    owner_name: string | null;
    structure_type: StructureType | null;
    height_m: number | null;
    tenants: string[] | string;
    distance_m: number;
    lon: number;
    lat: number;
  }[];
  return rows.map((r) => ({
    siteKey: r.site_key,
    siteCode: r.site_code,
    inferred: r.inferred,
    owner: r.owner,
    ownerName: r.owner_name,
    structureType: r.structure_type,
    heightM: r.height_m === null ? null : Number(r.height_m),
    tenants: Array.isArray(r.tenants) ? r.tenants : parsePgArray(r.tenants),
    tenantLimit: r.structure_type ? tenantLimits[r.structure_type] : null,
    distanceM: Number(r.distance_m),
    lon: Number(r.lon),
    lat: Number(r.lat),
  }));
}

/** PGlite may hand a text[] back as its literal ({a,b}); operator codes never need quoting. */
function parsePgArray(literal: string): string[] {
  const inner = literal.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((s) => s.replace(/^"|"$/g, '')) : [];
}

/**
 * Why the structure may not take the operator as asked, and the antenna
 * height the gain is computed at: the height asked for, or the structure's own
 * height when it is lower (an antenna cannot stand above its mast).
 */
export function assessStructure(s: HostStructure, antennaHeightM: number): { warnings: CandidateWarning[]; effectiveAntennaHeightM: number } {
  const warnings: CandidateWarning[] = [];
  if (s.tenantLimit !== null && s.tenants.length >= s.tenantLimit) warnings.push('no_room');
  let effectiveAntennaHeightM = antennaHeightM;
  if (s.heightM !== null && s.heightM < antennaHeightM) {
    warnings.push('structure_lower_than_antenna');
    effectiveAntennaHeightM = s.heightM;
  }
  if (s.inferred || s.structureType === null) warnings.push('structure_unknown');
  return { warnings, effectiveAntennaHeightM };
}
