import type { Knex } from 'knex';
import type { PlannedRadio } from '../contracts/colocation-contracts.js';
import type { Scenario } from '../contracts/sharing-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { radioEirpDbm, radioSectors } from './default-radio.js';

/** Where a hypothetical BTS of the operator would stand, and at what antenna height. */
export interface GainCandidate {
  lon: number;
  lat: number;
  antennaHeightM: number;
  /** A fixed range (m) instead of the Hata range: for hand-computed fixtures, as in the what-if. */
  radiusM?: number;
}

export interface GainedHamlet {
  code: string;
  name: string;
  communeName: string;
  population: number;
  populationCoveredBefore: number;
  populationCoveredAfter: number;
  verdictBefore: 'covered' | 'lom_song' | 'trang_song';
  verdictAfter: 'covered' | 'lom_song' | 'trang_song';
}

export interface CandidateGain {
  /** Position in the candidates asked about. */
  index: number;
  rangeM: number;
  /** The footprint as hex EWKB (EPSG:4326), to hand back as the base of later picks. */
  footprintEwkb: string;
  /** GeoJSON geometry of the footprint, when asked for. */
  footprint: { type: string; coordinates: unknown } | null;
  populationGain: number;
  hamletsNewlyCovered: number;
  hamlets: GainedHamlet[];
}

export interface GainQuery {
  operator: string;
  radio: Pick<PlannedRadio, 'technology' | 'bandMHz' | 'eirpDbm' | 'sectors'>;
  candidates: GainCandidate[];
  scenario: Scenario;
  params: CoverageParams;
  /** Footprints (hex EWKB) already added by earlier picks: gains are then marginal to them. */
  base?: string[];
  /** Return each footprint as GeoJSON too (the co-location preview). */
  withGeoJson?: boolean;
}

/**
 * Population the operator's coverage of one technology would gain from a BTS
 * at each candidate, each separately, in one statement
 * (server/db/functions/610-hatang-candidate-gains.sql).
 */
export async function candidateGains(knex: Knex | Knex.Transaction, query: GainQuery): Promise<CandidateGain[]> {
  if (query.candidates.length === 0) return [];
  const radio = {
    bandMHz: query.radio.bandMHz,
    eirpDbm: radioEirpDbm(query.radio),
    sectors: radioSectors(query.radio),
  };
  const rows = (
    await knex.raw(
      `SELECT g.idx, g.range_m, g.footprint::text AS footprint_ewkb,
              CASE WHEN ?::boolean THEN ST_AsGeoJSON(g.footprint, 6) END AS footprint_geojson,
              g.population_gain, g.hamlets_newly_covered, g.hamlets
         FROM hatang_candidate_gains(?::jsonb, ?::jsonb, ?::jsonb, ?, ?,
                (SELECT ST_Union(b::geometry, hatang_overlay_grid()) FROM unnest(?::text[]) AS b), ?) g`,
      [
        query.withGeoJson ?? false,
        JSON.stringify(query.candidates),
        JSON.stringify(radio),
        JSON.stringify(query.params),
        query.operator,
        query.radio.technology,
        query.base ?? [],
        query.scenario,
      ],
    )
  ).rows as {
    idx: number;
    range_m: number;
    footprint_ewkb: string;
    footprint_geojson: string | null;
    population_gain: number;
    hamlets_newly_covered: number;
    hamlets: GainedHamlet[] | string;
  }[];
  return rows.map((r) => ({
    index: Number(r.idx),
    rangeM: Number(r.range_m),
    footprintEwkb: r.footprint_ewkb,
    footprint: r.footprint_geojson ? (JSON.parse(r.footprint_geojson) as { type: string; coordinates: unknown }) : null,
    populationGain: Number(r.population_gain),
    hamletsNewlyCovered: Number(r.hamlets_newly_covered),
    hamlets: typeof r.hamlets === 'string' ? (JSON.parse(r.hamlets) as GainedHamlet[]) : r.hamlets,
  }));
}
