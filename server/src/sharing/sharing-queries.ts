import type { Knex } from 'knex';
import type { UnitLevel } from '../contracts/domain-enums.js';
import {
  activeStatusesOf,
  type ConsolidationGroup,
  type OperatorSharing,
  type Ratio,
  type Scenario,
  type SharingResponse,
  type SharingSummary,
  type SharingUnit,
  type SiteConflict,
} from '../contracts/sharing-contracts.js';
import { HttpProblem } from '../http/http-problem.js';
import { translate, type Language } from '../i18n/server-messages.js';
import type { SharingSettings } from './sharing-settings.js';
import { computedIndicators } from '../indicators/indicator-catalogue.js';
import { provinceWideTarget } from '../indicators/indicator-target-lookup.js';

interface RatioRow {
  unit_id: number;
  code: string;
  name: string;
  level: UnitLevel;
  parent_code: string | null;
  sites_active: number;
  sites_shared: number;
  tenancies: number;
  bts_active: number;
  bts_shared: number;
}

const ratio = (numerator: number, denominator: number): Ratio => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

function unitOf(r: RatioRow): SharingUnit {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    parentCode: r.parent_code,
    siteRatio: ratio(r.sites_shared, r.sites_active),
    tenancyRatio: ratio(r.tenancies, r.sites_active),
    stationShare: ratio(r.bts_shared, r.bts_active),
  };
}

/** The levels a boundary set has; a level it lacks is a 400 naming `parameter`. */
export async function assertLevelInSet(knex: Knex, boundarySet: string, level: UnitLevel, parameter = 'level'): Promise<void> {
  const row = (await knex.raw('SELECT levels FROM boundary_sets WHERE code = ?', [boundarySet])).rows[0] as { levels: string[] } | undefined;
  const levels = row?.levels ?? [];
  if (!levels.includes(level)) {
    throw new HttpProblem(400, 'level-not-in-set', { level, boundarySet, levels: levels.join(', ') || '—' }, parameter);
  }
}

async function ratioRows(knex: Knex, boundarySet: string, level: UnitLevel, scenario: Scenario): Promise<RatioRow[]> {
  const rows = (
    await knex.raw('SELECT * FROM hatang_sharing_ratios(?, ?, ?::text[])', [boundarySet, level, [...activeStatusesOf[scenario]]])
  ).rows as RatioRow[];
  return rows.map((r) => ({
    ...r,
    sites_active: Number(r.sites_active),
    sites_shared: Number(r.sites_shared),
    tenancies: Number(r.tenancies),
    bts_active: Number(r.bts_active),
    bts_shared: Number(r.bts_shared),
  }));
}

/** The first level of a boundary set (its provinces: a unit without a parent is a province). */
async function topLevelOf(knex: Knex, boundarySet: string): Promise<UnitLevel> {
  const levels = ((await knex.raw('SELECT levels FROM boundary_sets WHERE code = ?', [boundarySet])).rows[0]?.levels ?? []) as UnitLevel[];
  return (['province', 'district', 'commune'] as const).find((l) => levels.includes(l)) ?? 'province';
}

/**
 * The whole set as one unit from the rows of its top level: its province when
 * it has one, else the sum of its provinces' counts (each site is in one unit
 * of a level), named "Tất cả tỉnh (N)" in `language` like the indicators' root.
 */
function wholeSetOf(rows: RatioRow[], top: UnitLevel, boundarySet: string, language: Language): SharingUnit {
  if (top === 'province' && rows.length === 1) return unitOf(rows[0]!);
  const sum = (k: keyof RatioRow) => rows.reduce((s, r) => s + (r[k] as number), 0);
  return unitOf({
    unit_id: 0, code: boundarySet, name: translate(language, 'all-provinces-name', { n: rows.length }), level: 'province', parent_code: null,
    sites_active: sum('sites_active'), sites_shared: sum('sites_shared'), tenancies: sum('tenancies'),
    bts_active: sum('bts_active'), bts_shared: sum('bts_shared'),
  });
}

async function wholeSet(knex: Knex, boundarySet: string, scenario: Scenario, language: Language = 'vi'): Promise<SharingUnit> {
  const top = await topLevelOf(knex, boundarySet);
  return wholeSetOf(await ratioRows(knex, boundarySet, top, scenario), top, boundarySet, language);
}

/**
 * The three sharing figures of one unit (any level of the set, by code) or of
 * the whole set (unitCode null), for the indicators and a proposal's before/after.
 */
export async function sharingRatioFor(
  knex: Knex,
  q: { boundarySet: string; unitCode: string | null; scenario: Scenario },
): Promise<{ siteRatio: Ratio; tenancyRatio: Ratio; stationShare: Ratio }> {
  let unit: SharingUnit;
  if (q.unitCode === null) {
    unit = await wholeSet(knex, q.boundarySet, q.scenario);
  } else {
    const row = (await knex.raw('SELECT level FROM admin_units WHERE boundary_set = ? AND code = ?', [q.boundarySet, q.unitCode])).rows[0] as
      | { level: UnitLevel }
      | undefined;
    if (!row) throw new HttpProblem(400, 'unknown-unit', { unit: q.unitCode, boundarySet: q.boundarySet }, 'unit');
    unit = unitOf((await ratioRows(knex, q.boundarySet, row.level, q.scenario)).find((r) => r.code === q.unitCode)!);
  }
  return { siteRatio: unit.siteRatio, tenancyRatio: unit.tenancyRatio, stationShare: unit.stationShare };
}

export async function operatorSharing(knex: Knex, boundarySet: string, scenario: Scenario): Promise<OperatorSharing[]> {
  const rows = (await knex.raw('SELECT * FROM hatang_sharing_operators(?, ?::text[])', [boundarySet, [...activeStatusesOf[scenario]]]))
    .rows as { operator: string; operator_name: string; sites: number; shared_sites: number; partners: string | OperatorSharing['partners'] }[];
  return rows.map((r) => ({
    operator: r.operator,
    operatorName: r.operator_name,
    sites: Number(r.sites),
    sharedSites: Number(r.shared_sites),
    partners: (typeof r.partners === 'string' ? JSON.parse(r.partners) : r.partners) as OperatorSharing['partners'],
  }));
}

/** How the physical sites were found (counts over the whole register). */
export async function inferenceCounts(knex: Knex): Promise<SharingResponse['inference']> {
  const row = (
    await knex.raw(`
      SELECT (SELECT count(*) FROM physical_sites WHERE NOT inferred) AS site_records,
             (SELECT count(*) FROM physical_sites WHERE inferred) AS inferred_sites,
             (SELECT count(*) FROM bts_physical_sites WHERE assignment = 'explicit') AS bts_explicit,
             (SELECT count(*) FROM bts_physical_sites WHERE assignment = 'joined') AS bts_joined,
             (SELECT count(*) FROM bts_physical_sites WHERE assignment = 'inferred') AS bts_inferred,
             (SELECT count(*) FROM site_conflicts) AS conflicts`)
  ).rows[0] as Record<string, string | number>;
  return {
    siteRecords: Number(row.site_records),
    inferredSites: Number(row.inferred_sites),
    btsExplicit: Number(row.bts_explicit),
    btsJoined: Number(row.bts_joined),
    btsInferred: Number(row.bts_inferred),
    conflicts: Number(row.conflicts),
  };
}

/** The planners' every-unit target of the latest year when one is set, else the configuration's (HATANG_SHARING_TARGET). */
export async function sharingTarget(knex: Knex, settings: SharingSettings): Promise<number> {
  return (await provinceWideTarget(knex, computedIndicators.siteSharing.code))?.value ?? settings.sharingTargetRatio;
}

/** The register's figures of GET /api/sharing (what its data versions decide): the units of the level, the whole set, the operators. */
export async function sharingFigures(
  knex: Knex,
  q: { boundarySet: string; level: UnitLevel; scenario: Scenario; language?: Language },
): Promise<Pick<SharingResponse, 'province' | 'units' | 'operators'>> {
  await assertLevelInSet(knex, q.boundarySet, q.level);
  const top = await topLevelOf(knex, q.boundarySet);
  // Each query reads every active BTS once; apart they run side by side on the pool's connections.
  const [rows, topRows, operators] = await Promise.all([
    ratioRows(knex, q.boundarySet, q.level, q.scenario),
    q.level === top ? null : ratioRows(knex, q.boundarySet, top, q.scenario),
    operatorSharing(knex, q.boundarySet, q.scenario),
  ]);
  return { province: wholeSetOf(topRows ?? rows, top, q.boundarySet, q.language ?? 'vi'), units: rows.map(unitOf), operators };
}

/** GET /api/sharing: every unit of the level, the whole set, the operators. */
export async function sharingReport(
  knex: Knex,
  settings: SharingSettings,
  q: { boundarySet: string; level: UnitLevel; scenario: Scenario; language?: Language },
): Promise<SharingResponse> {
  const figures = await sharingFigures(knex, q);
  return {
    boundarySet: q.boundarySet,
    level: q.level,
    scenario: q.scenario,
    siteInferenceEpsM: settings.siteInferenceEpsM,
    target: await sharingTarget(knex, settings),
    ...figures,
    inference: await inferenceCounts(knex),
  };
}

/** GET /api/sharing/summary: the whole set's ratios against the target, what the map's left panel shows at start. */
export async function sharingSummary(
  knex: Knex,
  settings: SharingSettings,
  q: { boundarySet: string; scenario: Scenario; language?: Language },
): Promise<SharingSummary> {
  return {
    boundarySet: q.boundarySet,
    scenario: q.scenario,
    siteInferenceEpsM: settings.siteInferenceEpsM,
    target: await sharingTarget(knex, settings),
    province: await wholeSet(knex, q.boundarySet, q.scenario, q.language ?? 'vi'),
  };
}

export async function siteConflicts(knex: Knex): Promise<SiteConflict[]> {
  const rows = (
    await knex.raw(`
      SELECT id, kind, site_codes, bts_codes, distance_m,
             ST_X(ST_PointOnSurface(ST_GeometryN(geom, 1))) AS lon, ST_Y(ST_PointOnSurface(ST_GeometryN(geom, 1))) AS lat
        FROM site_conflicts ORDER BY kind, site_codes[1] COLLATE "C", id`)
  ).rows as { id: number; kind: SiteConflict['kind']; site_codes: string[]; bts_codes: string[]; distance_m: number; lon: number; lat: number }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    siteCodes: r.site_codes,
    btsCodes: r.bts_codes,
    distanceM: Math.round(Number(r.distance_m) * 10) / 10,
    lon: Number(r.lon),
    lat: Number(r.lat),
  }));
}

export async function consolidationGroups(
  knex: Knex,
  q: { distanceM: number; scenario: Scenario; boundarySet: string },
): Promise<ConsolidationGroup[]> {
  const rows = (
    await knex.raw(
      `SELECT group_no, sites, owners, operators, span_m, structures_saved, commune_code, commune_name,
              ST_X(centre) AS lon, ST_Y(centre) AS lat
         FROM hatang_consolidation_groups(?::float8, ?::text[], ?)`,
      [q.distanceM, [...activeStatusesOf[q.scenario]], q.boundarySet],
    )
  ).rows as {
    group_no: number; sites: string | ConsolidationGroup['sites']; owners: string[]; operators: string[]; span_m: number;
    structures_saved: number; commune_code: string | null; commune_name: string | null; lon: number; lat: number;
  }[];
  return rows.map((r) => ({
    id: Number(r.group_no),
    sites: (typeof r.sites === 'string' ? JSON.parse(r.sites) : r.sites) as ConsolidationGroup['sites'],
    owners: r.owners,
    operators: r.operators,
    spanM: Math.round(Number(r.span_m) * 10) / 10,
    structuresSaved: Number(r.structures_saved),
    communeCode: r.commune_code,
    communeName: r.commune_name,
    lon: Number(r.lon),
    lat: Number(r.lat),
  }));
}
