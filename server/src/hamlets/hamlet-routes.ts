import { Router } from 'express';
import type { Knex } from 'knex';
import type { HamletCoverageResponse, HamletCoverageRow, HamletDetail } from '../contracts/coverage-contracts.js';
import { measurementThresholdDbm } from '../coverage/link-budget.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters, parseCode, singleParameter } from '../http/query-params.js';
import { parseScenario } from '../http/scenario-param.js';
import { hamletCoverageParameters, hamletCoverageRows, parseHamletCoverageQuery } from './hamlet-coverage-query.js';

export function hamletRoutes(knex: Knex, theta: number): Router {
  const router = Router();

  router.get('/hamlets/coverage', async (req, res) => {
    assertOnlyParameters(req, hamletCoverageParameters);
    const query = await parseHamletCoverageQuery(knex, req);
    const { operator, technologyGroup: group, scenario } = query;
    const rows = await hamletCoverageRows(knex, query);
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
