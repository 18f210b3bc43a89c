-- Co-location finder and site planner: for each candidate point separately,
-- the population the coverage of one operator and technology would newly gain
-- if the operator's BTS stood there, in one statement for all candidates.
--
-- p_candidates: JSON array of {lon, lat, antennaHeightM, radiusM?} (degrees,
-- metres); p_radio: {bandMHz, eirpDbm | maplDb, sectors?, environment?,
-- radiusM?} shared by all candidates; p_params: the coverage parameters (link
-- budget, θ, mobile height). Footprints are built exactly as for real BTS and
-- in the what-if (hatang_range_km, hatang_sector_footprint; environment from
-- the commune's type unless given; three 65° sectors by default), and every
-- touched hamlet is re-assessed with the what-if's rule (reference point; share
-- over clusters by population, else area, else the point; θ), against its
-- stored verdict for (p_scenario, p_operator, p_technology).
--
-- p_base (may be NULL or empty): coverage already added by earlier picks of the
-- site planner. Gains are then marginal: a hamlet's population covered before is
-- computed with p_base and after with p_base ∪ the candidate's footprint, so a
-- hamlet's newly covered people are counted once across picks. Populations
-- covered never drop below the stored ones (a hypothetical BTS only adds).
--
-- Only hamlets the candidate's footprint touches (reference point, polygon or a
-- population cluster) and that are not already fully covered (population and
-- verdict) are assessed: the others cannot gain. Returns one row per candidate
-- (idx = position in p_candidates, from 0) with its footprint (EPSG:4326), its
-- range (m), the population gained, the hamlets turning 'covered', and the
-- hamlets that gain people or change verdict (largest gain first).
CREATE OR REPLACE FUNCTION hatang_candidate_gains(
  p_candidates jsonb, p_radio jsonb, p_params jsonb, p_operator text, p_technology text, p_base geometry, p_scenario text)
RETURNS TABLE (idx integer, range_m float8, footprint geometry, population_gain integer, hamlets_newly_covered integer, hamlets jsonb)
LANGUAGE sql STABLE
SET jit = off
AS $$
  WITH cand AS MATERIALIZED (
    SELECT (t.ord - 1)::integer AS idx, t.e,
           ST_SetSRID(ST_MakePoint((t.e->>'lon')::float8, (t.e->>'lat')::float8), 4326) AS geom,
           (t.e->>'antennaHeightM')::float8 AS hb
      FROM jsonb_array_elements(p_candidates) WITH ORDINALITY AS t(e, ord)
  ),
  ranged AS MATERIALIZED (
    SELECT c.idx, c.geom,
           coalesce((c.e->>'radiusM')::float8, (p_radio->>'radiusM')::float8,
                    1000 * hatang_range_km((p_radio->>'bandMHz')::integer, c.hb, coalesce((p_params->>'mobileHeightM')::float8, 1.5),
                                           coalesce(p_radio->>'environment', hatang_environment_at(c.geom)),
                                           coalesce((p_radio->>'maplDb')::float8,
                                                    hatang_mapl_db(p_params, p_technology, (p_radio->>'bandMHz')::integer, (p_radio->>'eirpDbm')::float8))))
             AS range_m
      FROM cand c
  ),
  footprints AS MATERIALIZED (
    SELECT r.idx, r.range_m,
           ST_Union(hatang_sector_footprint(r.geom, r.range_m, (sc.s->>'azimuthDeg')::float8, (sc.s->>'beamwidthDeg')::float8),
                    hatang_overlay_grid()) AS fp
      FROM ranged r
     CROSS JOIN LATERAL jsonb_array_elements(coalesce(p_radio->'sectors',
           '[{"azimuthDeg":0,"beamwidthDeg":65},{"azimuthDeg":120,"beamwidthDeg":65},{"azimuthDeg":240,"beamwidthDeg":65}]'::jsonb)) AS sc(s)
     WHERE r.range_m > 0
     GROUP BY r.idx, r.range_m
  ),
  base AS MATERIALIZED (
    SELECT CASE WHEN p_base IS NULL OR ST_IsEmpty(p_base) THEN NULL ELSE p_base END AS geom
  ),
  touched AS MATERIALIZED (
    SELECT DISTINCT f.idx, x.hamlet_id
      FROM footprints f
     CROSS JOIN LATERAL (
       SELECT h.id AS hamlet_id FROM hamlets h WHERE ST_Intersects(h.geom, f.fp)
       UNION SELECT h.id FROM hamlets h WHERE ST_Intersects(h.ref_point, f.fp)
       UNION SELECT pc.hamlet_id FROM population_clusters pc WHERE ST_Intersects(pc.geom, f.fp)) x
  ),
  open_hamlets AS MATERIALIZED (
    SELECT t.idx, h.id AS hamlet_id, h.code, h.name, h.population, c.name AS commune_name,
           coalesce(hc.population_covered, 0) AS stored_population, coalesce(hc.verdict, 'trang_song') AS stored_verdict
      FROM touched t
      JOIN hamlets h ON h.id = t.hamlet_id
      JOIN admin_units c ON c.id = h.commune_id
      LEFT JOIN hamlet_coverage hc ON hc.hamlet_id = h.id AND hc.scenario = p_scenario AND hc.operator_code = p_operator AND hc.tech_group = p_technology
     WHERE coalesce(hc.population_covered, 0) < h.population OR coalesce(hc.verdict, 'trang_song') <> 'covered'
  ),
  -- Each hamlet's population as pieces (its clusters, weighted by population, else its polygon, else its reference
  -- point), each with the share today's union covers and the rest it leaves uncovered, once per hamlet rather than
  -- per candidate: a candidate then only adds the part of the rest under its footprint. This is the what-if's
  -- share (area of the piece under union ∪ added ÷ area of the piece), factored: union ∪ added = union + (rest ∩ added).
  -- Intersections keep only their polygons (see hatang_fraction_with_added: a part touching a piece leaves a line).
  hamlet_ids AS MATERIALIZED (
    SELECT DISTINCT o.hamlet_id, h.ref_point,
           EXISTS (SELECT 1 FROM coverage_union_parts p
                    WHERE p.scenario = p_scenario AND p.operator_code = p_operator AND p.tech_group = p_technology
                      AND ST_Intersects(p.geom, h.ref_point)) AS ref_before
      FROM open_hamlets o JOIN hamlets h ON h.id = o.hamlet_id
  ),
  raw_pieces AS MATERIALIZED (
    SELECT hi.hamlet_id, pc.population::float8 / nullif(sum(pc.population) OVER (PARTITION BY hi.hamlet_id), 0) AS weight, pc.geom
      FROM hamlet_ids hi JOIN population_clusters pc ON pc.hamlet_id = hi.hamlet_id
     WHERE EXISTS (SELECT 1 FROM population_clusters x WHERE x.hamlet_id = hi.hamlet_id AND x.population > 0)
    UNION ALL
    SELECT hi.hamlet_id, 1.0, coalesce(h.geom, h.ref_point)
      FROM hamlet_ids hi JOIN hamlets h ON h.id = hi.hamlet_id
     WHERE NOT EXISTS (SELECT 1 FROM population_clusters x WHERE x.hamlet_id = hi.hamlet_id AND x.population > 0)
  ),
  pieces AS MATERIALIZED (
    SELECT r.hamlet_id, r.weight, r.is_point, r.area_m2,
           CASE WHEN r.rest IS NULL OR ST_IsEmpty(r.rest) THEN NULL ELSE r.rest END AS rest,
           CASE WHEN r.is_point THEN CASE WHEN r.rest IS NULL THEN 1.0 ELSE 0.0 END
                ELSE least(1.0, greatest(0.0, 1.0 - coalesce(ST_Area(r.rest::geography), 0) / nullif(r.area_m2, 0))) END AS covered_before
      FROM (
        SELECT rp.hamlet_id, coalesce(rp.weight, 0) AS weight, ST_Dimension(rp.geom) = 0 AS is_point,
               CASE WHEN ST_Dimension(rp.geom) = 0 THEN 0 ELSE ST_Area(rp.geom::geography) END AS area_m2,
               CASE WHEN ST_Dimension(rp.geom) = 0 THEN
                      CASE WHEN EXISTS (SELECT 1 FROM coverage_union_parts p
                                         WHERE p.scenario = p_scenario AND p.operator_code = p_operator AND p.tech_group = p_technology
                                           AND ST_Intersects(p.geom, rp.geom)) THEN NULL ELSE rp.geom END
                    ELSE ST_Difference(rp.geom,
                           coalesce((SELECT ST_Union(ST_CollectionExtract(ST_Intersection(p.geom, rp.geom, hatang_overlay_grid()), 3), hatang_overlay_grid())
                                       FROM coverage_union_parts p
                                      WHERE p.scenario = p_scenario AND p.operator_code = p_operator AND p.tech_group = p_technology
                                        AND ST_Intersects(p.geom, rp.geom)), 'SRID=4326;POLYGON EMPTY'::geometry),
                           hatang_overlay_grid()) END AS rest
          FROM raw_pieces rp) r
  ),
  -- With earlier picks (p_base), the rest each piece still leaves uncovered after them, once per piece; a
  -- candidate's gain is then marginal: only what its footprint adds to stored coverage ∪ p_base.
  based AS MATERIALIZED (
    SELECT pc.hamlet_id, pc.weight, pc.is_point, pc.area_m2,
           (b.geom IS NOT NULL AND pc.rest IS NOT NULL AND ST_Intersects(pc.rest, b.geom)) AS base_reaches,
           CASE WHEN b.geom IS NULL OR pc.rest IS NULL OR NOT ST_Intersects(pc.rest, b.geom) THEN pc.rest
                WHEN pc.is_point THEN NULL
                ELSE ST_Difference(pc.rest, b.geom, hatang_overlay_grid()) END AS rest
      FROM pieces pc, base b
  ),
  based_pieces AS MATERIALIZED (
    SELECT x.hamlet_id, x.weight, x.is_point, x.area_m2, x.base_reaches,
           CASE WHEN x.rest IS NULL OR ST_IsEmpty(x.rest) THEN NULL ELSE x.rest END AS rest,
           CASE WHEN x.is_point THEN CASE WHEN x.rest IS NULL THEN 1.0 ELSE 0.0 END
                ELSE least(1.0, greatest(0.0, 1.0 - coalesce(ST_Area(x.rest::geography), 0) / nullif(x.area_m2, 0))) END AS covered
      FROM based x
  ),
  with_base AS MATERIALIZED (
    SELECT hi.hamlet_id, hi.ref_before OR coalesce(ST_Intersects(b.geom, hi.ref_point), false) AS ref_covered,
           (SELECT sum(bp.weight * bp.covered) FROM based_pieces bp WHERE bp.hamlet_id = hi.hamlet_id) AS share,
           coalesce(ST_Intersects(b.geom, hi.ref_point), false)
             OR EXISTS (SELECT 1 FROM based_pieces bp WHERE bp.hamlet_id = hi.hamlet_id AND bp.base_reaches) AS base_reaches
      FROM hamlet_ids hi, base b
  ),
  assessed AS MATERIALIZED (
    SELECT o.*, wb.ref_covered OR ST_Intersects(f.fp, hi.ref_point) AS ref_covered,
           (SELECT sum(bp.weight * least(1.0, bp.covered + CASE
                      WHEN bp.rest IS NULL OR NOT ST_Intersects(bp.rest, f.fp) THEN 0.0
                      WHEN bp.is_point THEN 1.0
                      ELSE ST_Area(ST_Intersection(bp.rest, f.fp, hatang_overlay_grid())::geography) / nullif(bp.area_m2, 0) END))
              FROM based_pieces bp WHERE bp.hamlet_id = o.hamlet_id) AS share,
           wb.base_reaches, wb.ref_covered AS base_ref_covered, wb.share AS base_share
      FROM open_hamlets o
      JOIN footprints f ON f.idx = o.idx
      JOIN hamlet_ids hi ON hi.hamlet_id = o.hamlet_id
      JOIN with_base wb ON wb.hamlet_id = o.hamlet_id
  ),
  compared AS (
    SELECT a.idx, a.code, a.name, a.commune_name, a.population,
           CASE WHEN a.base_reaches THEN greatest(a.stored_population, round(a.base_share * a.population)::integer)
                ELSE a.stored_population END AS population_before,
           greatest(a.stored_population, round(a.share * a.population)::integer) AS population_after,
           CASE WHEN NOT a.base_reaches THEN a.stored_verdict
                WHEN NOT a.base_ref_covered THEN 'trang_song'
                WHEN a.base_share >= coalesce((p_params->>'theta')::float8, 0.9) THEN 'covered' ELSE 'lom_song' END AS verdict_before,
           CASE WHEN NOT a.ref_covered THEN 'trang_song'
                WHEN a.share >= coalesce((p_params->>'theta')::float8, 0.9) THEN 'covered' ELSE 'lom_song' END AS verdict_after
      FROM assessed a
  ),
  per_candidate AS (
    SELECT c.idx,
           sum(greatest(0, c.population_after - c.population_before))::integer AS population_gain,
           (count(*) FILTER (WHERE c.verdict_after = 'covered' AND c.verdict_before <> 'covered'))::integer AS hamlets_newly_covered,
           jsonb_agg(jsonb_build_object('code', c.code, 'name', c.name, 'communeName', c.commune_name, 'population', c.population,
                                        'populationCoveredBefore', c.population_before, 'populationCoveredAfter', c.population_after,
                                        'verdictBefore', c.verdict_before, 'verdictAfter', c.verdict_after)
                     ORDER BY c.population_after - c.population_before DESC, c.code)
             FILTER (WHERE c.population_after > c.population_before OR c.verdict_after <> c.verdict_before) AS hamlets
      FROM compared c
     GROUP BY c.idx
  )
  SELECT f.idx, f.range_m, f.fp, coalesce(p.population_gain, 0), coalesce(p.hamlets_newly_covered, 0), coalesce(p.hamlets, '[]'::jsonb)
    FROM footprints f
    LEFT JOIN per_candidate p ON p.idx = f.idx
   ORDER BY f.idx
$$;

COMMENT ON FUNCTION hatang_candidate_gains(jsonb, jsonb, jsonb, text, text, geometry, text) IS
  'Per candidate point (JSON {lon, lat, antennaHeightM (m), radiusM?}) and shared radio parameters: footprint (EPSG:4326), range (m), population newly covered for an operator and technology (people, on top of stored coverage and the optional base geometry of earlier picks), hamlets turning covered, and the hamlets gaining (JSON); writes nothing.';
