// Coverage figures for `npm run bench`: full recompute, what-if latency and the
// incremental update after one BTS edit on one database; and the same unions
// and hamlet differences written straightforwardly with @turf/turf.
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import type { Knex } from 'knex';
import { coverageParamsFrom, recomputeAllCoverage, recomputeCoverageForBts, type CoverageParams } from '../server/src/coverage/coverage-recompute.js';
import { loadConfig } from '../server/src/config.js';

export const benchCoverageParams: CoverageParams = coverageParamsFrom(loadConfig().config);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export interface CoverageFigures {
  recomputeSeconds: number;
  recomputeBreakdownMs: { footprints: number; unions: number; verdicts: number; gaps: number };
  whatIfMsMedian: number;
  incrementalMsMedian: number;
  /** Our unions + verdicts + gaps, the part the Turf version also does, in ms. */
  sqlOverlayMs: number;
}

export async function measureCoverage(knex: Knex): Promise<CoverageFigures> {
  const full = await recomputeAllCoverage(knex, benchCoverageParams);
  // What-if: one hypothetical 4G BTS at ten places spread over the province's hamlets.
  const places = (
    await knex.raw(`SELECT ST_X(ref_point) AS lon, ST_Y(ref_point) AS lat FROM hamlets ORDER BY md5(code) LIMIT 10`)
  ).rows as { lon: number; lat: number }[];
  const whatIf: number[] = [];
  for (const p of places) whatIf.push(await timeWhatIf(knex, p));
  const incremental = await timeIncrementalMoves(knex, 3);
  return {
    recomputeSeconds: Math.round(full.ms.total / 10) / 100,
    recomputeBreakdownMs: { footprints: full.ms.footprints, unions: full.ms.unions, verdicts: full.ms.verdicts, gaps: full.ms.gaps },
    whatIfMsMedian: Math.round(median(whatIf)),
    incrementalMsMedian: Math.round(median(incremental)),
    sqlOverlayMs: full.ms.unions + full.ms.verdicts + full.ms.gaps,
  };
}

class RollbackBench extends Error {}

/**
 * Incremental update after an edit: moves an on-air 4G BTS by 500 m and
 * recomputes its coverage (footprints, the unions' touched cells, verdicts and
 * gaps of the hamlets under it), `count` BTS one after the other, each in a
 * transaction rolled back. The milliseconds of each recompute.
 */
export async function timeIncrementalMoves(knex: Knex, count: number): Promise<number[]> {
  const incremental: number[] = [];
  const ids = (await knex.raw(`SELECT id FROM bts WHERE status = 'on_air' AND technology = '4G' ORDER BY md5(code) LIMIT ?`, [count])).rows as { id: number }[];
  for (const { id } of ids) {
    await knex
      .transaction(async (trx) => {
        await trx.raw('UPDATE bts SET geom = ST_Project(geom::geography, 500, radians(90))::geometry WHERE id = ?', [id]);
        const t0 = performance.now();
        await recomputeCoverageForBts(trx, benchCoverageParams, [id]);
        incremental.push(performance.now() - t0);
        throw new RollbackBench();
      })
      .catch((error) => {
        if (!(error instanceof RollbackBench)) throw error;
      });
  }
  return incremental;
}

/** One what-if request, as POST /api/coverage/what-if runs it: a hypothetical 4G BTS at a place, any operator, broadband; ms. */
export async function timeWhatIf(knex: Knex, place: { lon: number; lat: number }): Promise<number> {
  const bts = JSON.stringify([{ lon: place.lon, lat: place.lat, operator: 'vietnamobile', technology: '4G', bandMHz: 1800, antennaHeightM: 35, eirpDbm: 60 }]);
  const t0 = performance.now();
  await knex.raw('SELECT hatang_what_if(?::jsonb, ?::jsonb, ?, ?) AS r', [bts, JSON.stringify(benchCoverageParams), '*', 'broadband']);
  return performance.now() - t0;
}

/**
 * The same broadband any-operator union and per-hamlet difference (covered
 * share by area, reference-point test, uncovered area) as one would script it
 * with Turf over the footprints our database computed. Turf's union grows far
 * worse than linearly on overlapping footprints (on this machine 250 of them
 * take ~7 s, 500 take ~26 s and 1.3 GB, 1,000 exhaust a 4 GB heap), so it runs
 * on a west–east strip of `windowFootprints` footprints and
 * the hamlets whose reference point lies in that strip, and the province figure
 * is extrapolated linearly from it: a lower bound of what Turf would take.
 */
export async function measureTurf(knex: Knex, windowFootprints = 250): Promise<{
  windowMs: number;
  windowFootprints: number;
  windowHamlets: number;
  /** Hamlets of the strip that Turf finds not covered (a check that it did the work). */
  windowNotCovered: number;
  totalFootprints: number;
  extrapolatedMs: number;
}> {
  const all = (
    await knex.raw(`SELECT ST_AsGeoJSON(geom, 9)::json AS g, ST_X(ST_Centroid(geom)) AS x
                      FROM coverage_footprints WHERE technology IN ('3G', '4G', '5G') ORDER BY x, bts_id, sector_no`)
  ).rows as { g: Polygon | string; x: number }[];
  const window = all.slice(0, windowFootprints);
  const maxX = window[window.length - 1]?.x ?? -Infinity;
  const footprints = window.map((r) => turf.feature(typeof r.g === 'string' ? JSON.parse(r.g) : r.g) as Feature<Polygon>);
  const hamlets = (
    await knex.raw(`SELECT ST_AsGeoJSON(geom, 9)::json AS g, ST_AsGeoJSON(ref_point, 9)::json AS p
                      FROM hamlets WHERE geom IS NOT NULL AND ST_X(ref_point) <= ?`, [maxX])
  ).rows.map((r: { g: MultiPolygon | string; p: Point | string }) => ({
    polygon: turf.feature(typeof r.g === 'string' ? JSON.parse(r.g) : r.g) as Feature<MultiPolygon>,
    point: turf.feature(typeof r.p === 'string' ? JSON.parse(r.p) : r.p) as Feature<Point>,
  }));
  const t0 = performance.now();
  const union = turf.union(turf.featureCollection(footprints));
  let notCovered = 0;
  for (const h of hamlets) {
    const refCovered = union ? turf.booleanPointInPolygon(h.point, union) : false;
    const gap = union ? turf.difference(turf.featureCollection([h.polygon, union])) : h.polygon;
    const share = 1 - (gap ? turf.area(gap) : 0) / turf.area(h.polygon);
    if (!refCovered || share < 0.9) notCovered++;
  }
  const windowMs = performance.now() - t0;
  return {
    windowMs: Math.round(windowMs),
    windowFootprints: footprints.length,
    windowHamlets: hamlets.length,
    windowNotCovered: notCovered,
    totalFootprints: all.length,
    extrapolatedMs: Math.round((windowMs * all.length) / Math.max(1, footprints.length)),
  };
}
