import type { Request } from 'express';
import type { Knex } from 'knex';
import type { HamletCoverageRow } from '../contracts/coverage-contracts.js';
import { ANY_OPERATOR, technologyGroups } from '../contracts/layer-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';
import { parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { operatorCodes, resolveBoundarySet, resolveUnitId } from '../layers/admin-unit-lookup.js';

export const hamletVerdicts = ['covered', 'lom_song', 'trang_song'] as const;

/** The parameters of the hamlet coverage table (GET /api/hamlets/coverage and its CSV/XLSX export). */
export const hamletCoverageParameters = ['technology', 'operator', 'unit', 'boundarySet', 'verdict', 'scenario', 'lang'] as const;

export interface HamletCoverageQuery {
  operator: string;
  technologyGroup: (typeof technologyGroups)[number];
  scenario: Scenario;
  boundarySet: string;
  /** The unit asked for (its code), null for the whole province. */
  unitCode: string | null;
  unitId: number | null;
  verdicts: (typeof hamletVerdicts)[number][] | null;
}

/**
 * Reads the table's filters from the query (the caller has checked which
 * parameters are allowed): technology group (default broadband), operator
 * (default any), unit of a boundary set (default set), verdicts, scenario.
 * Unknown values are 400s naming the parameter.
 */
export async function parseHamletCoverageQuery(knex: Knex, req: Request): Promise<HamletCoverageQuery> {
  const q = (name: string) => singleParameter(req, name);
  const scenario = parseScenario(q('scenario'));
  const technologyGroup = parseEnumList(q('technology'), 'technology', technologyGroups, 1)?.[0] ?? 'broadband';
  const operator =
    parseEnumList(q('operator'), 'operator', q('operator') === undefined ? [] : [ANY_OPERATOR, ...(await operatorCodes(knex))], 1)?.[0] ??
    ANY_OPERATOR;
  const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
  const unitCode = parseCode(q('unit'), 'unit') ?? null;
  const unitId = await resolveUnitId(knex, unitCode ?? undefined, boundarySet);
  const verdicts = parseEnumList(q('verdict'), 'verdict', hamletVerdicts) ?? null;
  return { operator, technologyGroup, scenario, boundarySet, unitCode, unitId, verdicts };
}

interface CoverageRowSql {
  code: string;
  name: string;
  commune_code: string;
  commune_name: string;
  district_name: string | null;
  population: number;
  verdict: HamletCoverageRow['verdict'];
  covered_share: number;
  ref_covered: boolean;
  share_basis: HamletCoverageRow['shareBasis'];
  population_covered: number;
  gap_area_m2: number;
}

/** One row per hamlet (code order) with its verdict for the query's operator, technology group and scenario. */
export async function hamletCoverageRows(knex: Knex, query: HamletCoverageQuery): Promise<HamletCoverageRow[]> {
  const sqlRows = (
    await knex.raw('SELECT * FROM hatang_hamlet_coverage_rows(?, ?, ?::integer, ?::text[], ?)', [
      query.operator,
      query.technologyGroup,
      query.unitId,
      query.verdicts,
      query.scenario,
    ])
  ).rows as CoverageRowSql[];
  return sqlRows.map((r) => ({
    code: r.code,
    name: r.name,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    districtName: r.district_name,
    population: r.population,
    verdict: r.verdict,
    coveredShare: r.covered_share,
    refCovered: r.ref_covered,
    shareBasis: r.share_basis,
    populationCovered: r.population_covered,
    // Whole square metres: the gap polygons are estimates, and the table reads easier.
    gapAreaM2: Math.round(r.gap_area_m2),
  }));
}
