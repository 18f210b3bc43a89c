import { Router } from 'express';
import type { Knex } from 'knex';
import type { HamletCoverageResponse, HamletCoverageRow, HamletDetail } from '../contracts/coverage-contracts.js';
import { ANY_OPERATOR, technologyGroups } from '../contracts/layer-contracts.js';
import { measurementThresholdDbm } from '../coverage/link-budget.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode, parseEnumList, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { operatorCodes, resolveBoundarySet, resolveUnitId } from '../layers/admin-unit-lookup.js';

const verdicts = ['covered', 'lom_song', 'trang_song'] as const;

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

export function hamletRoutes(knex: Knex, theta: number): Router {
  const router = Router();

  router.get('/hamlets/coverage', async (req, res) => {
    assertOnlyParameters(req, ['technology', 'operator', 'unit', 'boundarySet', 'verdict', 'scenario', 'lang']);
    const q = (name: string) => singleParameter(req, name);
    const scenario = parseScenario(q('scenario'));
    const group = parseEnumList(q('technology'), 'technology', technologyGroups, 1)?.[0] ?? 'broadband';
    const operator =
      parseEnumList(q('operator'), 'operator', q('operator') === undefined ? [] : [ANY_OPERATOR, ...(await operatorCodes(knex))], 1)?.[0] ??
      ANY_OPERATOR;
    const boundarySet = await resolveBoundarySet(knex, q('boundarySet'));
    const unitId = await resolveUnitId(knex, parseCode(q('unit'), 'unit'), boundarySet);
    const verdictFilter = parseEnumList(q('verdict'), 'verdict', verdicts);
    const sqlRows = (
      await knex.raw('SELECT * FROM hatang_hamlet_coverage_rows(?, ?, ?::integer, ?::text[], ?)', [
        operator,
        group,
        unitId,
        verdictFilter ?? null,
        scenario,
      ])
    ).rows as CoverageRowSql[];
    const rows: HamletCoverageRow[] = sqlRows.map((r) => ({
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
      gapAreaM2: Math.round(r.gap_area_m2),
    }));
    const count = (v: HamletCoverageRow['verdict']) => rows.filter((r) => r.verdict === v).length;
    const body: HamletCoverageResponse = {
      operator,
      technologyGroup: group,
      scenario,
      theta,
      summary: {
        hamlets: rows.length,
        covered: count('covered'),
        lomSong: count('lom_song'),
        trangSong: count('trang_song'),
        coverageRatio: rows.length ? count('covered') / rows.length : null,
        population: rows.reduce((s, r) => s + r.population, 0),
        populationCovered: rows.reduce((s, r) => s + r.populationCovered, 0),
      },
      rows,
    };
    res.json(body);
  });

  router.get('/hamlets/:code', async (req, res) => {
    assertOnlyParameters(req, ['scenario', 'lang']);
    const code = parseCode(String(req.params.code), 'code')!;
    const scenario = parseScenario(singleParameter(req, 'scenario'));
    const hamlet = (
      await knex.raw(
        `SELECT h.id, h.code, h.name, h.kind, c.code AS "communeCode", c.name AS "communeName", d.name AS "districtName",
                h.population, h.households, ST_X(h.ref_point) AS lon, ST_Y(h.ref_point) AS lat, h.ref_kind AS "refKind",
                ST_Area(h.geom::geography) AS "areaM2",
                (SELECT count(*)::int FROM population_clusters pc WHERE pc.hamlet_id = h.id) AS clusters
           FROM hamlets h JOIN admin_units c ON c.id = h.commune_id
           LEFT JOIN admin_units d ON d.id = c.parent_id AND d.level = 'district'
          WHERE h.code = ?`,
        [code],
      )
    ).rows[0];
    if (!hamlet) throw new HttpProblem(404, 'unknown-hamlet', { code });
    const verdictRows = (
      await knex.raw(
        `SELECT operator_code AS operator, tech_group AS "technologyGroup", verdict, covered_share AS "coveredShare",
                ref_covered AS "refCovered", share_basis AS "shareBasis", population_covered AS "populationCovered"
           FROM hamlet_coverage WHERE hamlet_id = ? AND scenario = ?
          ORDER BY operator_code = '*' DESC, operator_code, tech_group`,
        [hamlet.id, scenario],
      )
    ).rows as HamletDetail['verdicts'];
    const gaps = (
      await knex.raw(
        `SELECT part_no AS "partNo", round(area_m2::numeric, 0)::float8 AS "areaM2", round(population_est::numeric, 0)::float8 AS "populationEstimate"
           FROM coverage_gaps WHERE hamlet_id = ? AND scenario = ? ORDER BY part_no`,
        [hamlet.id, scenario],
      )
    ).rows as HamletDetail['gaps'];
    const measurements = (
      await knex.raw(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE contradiction IS NULL)::int AS agree,
                count(*) FILTER (WHERE contradiction = 'predicted-covered-measured-below')::int AS "predictedCoveredMeasuredBelow",
                count(*) FILTER (WHERE contradiction = 'predicted-uncovered-measured-above')::int AS "predictedUncoveredMeasuredAbove"
           FROM hatang_measurement_checks(?::jsonb) WHERE hamlet_id = ?`,
        [JSON.stringify(measurementThresholdDbm), hamlet.id],
      )
    ).rows[0] as HamletDetail['measurements'];
    const { lon, lat, ...rest } = hamlet;
    delete rest.id;
    const body: HamletDetail = { hamlet: { ...rest, refPoint: [lon, lat] }, scenario, verdicts: verdictRows, gaps, measurements };
    res.json(body);
  });
  return router;
}
