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
-- touched hamlet is re-assessed as the what-if does (600), against its stored
-- verdict for (p_scenario, p_operator, p_technology).
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
  -- Hamlets the earlier picks reach: their "before" is computed with p_base, once per hamlet.
  with_base AS MATERIALIZED (
    SELECT o.hamlet_id, s.ref_covered, s.share
      FROM (SELECT DISTINCT hamlet_id FROM open_hamlets) o
      JOIN hamlets h ON h.id = o.hamlet_id, base b
     CROSS JOIN LATERAL hatang_hamlet_share_with_added(o.hamlet_id, p_operator, p_technology, b.geom, p_scenario) s
     WHERE b.geom IS NOT NULL
       AND (ST_Intersects(b.geom, h.ref_point) OR ST_Intersects(b.geom, h.geom)
            OR EXISTS (SELECT 1 FROM population_clusters pc WHERE pc.hamlet_id = h.id AND ST_Intersects(b.geom, pc.geom)))
  ),
  assessed AS MATERIALIZED (
    SELECT o.*, s.ref_covered, s.share, wb.hamlet_id IS NOT NULL AS base_reaches, wb.ref_covered AS base_ref_covered, wb.share AS base_share
      FROM open_hamlets o
      JOIN footprints f ON f.idx = o.idx
      LEFT JOIN with_base wb ON wb.hamlet_id = o.hamlet_id
      CROSS JOIN base b
     CROSS JOIN LATERAL hatang_hamlet_share_with_added(o.hamlet_id, p_operator, p_technology,
                          CASE WHEN b.geom IS NULL THEN f.fp ELSE ST_Union(f.fp, b.geom, hatang_overlay_grid()) END, p_scenario) s
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
