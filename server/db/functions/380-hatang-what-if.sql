-- What-if: the effect of hypothetical BTS on hamlet coverage, computed without
-- writing anything. p_bts is a JSON array of {lon, lat, operator, technology,
-- bandMHz, antennaHeightM, eirpDbm | maplDb | radiusM, environment?, sectors?}
-- (validated by the API); footprints are built exactly as for real BTS
-- (hatang_range_km, hatang_sector_footprint; environment from the commune's
-- type unless given; three 65° sectors by default). Only the hamlets the
-- footprints touch are re-assessed, for one operator ('*' = any) and
-- technology group, against their stored verdicts in the scenario p_scenario
-- ('current' = on-air BTS, the default; 'planned' = with approved BTS). The gap
-- area removed is the part of that scenario's uncovered areas (broadband, any
-- operator) under the new broadband footprints.
DROP FUNCTION IF EXISTS hatang_what_if(jsonb, jsonb, text, text);
CREATE OR REPLACE FUNCTION hatang_what_if(p_bts jsonb, p_params jsonb, p_operator text, p_tech_group text, p_scenario text DEFAULT 'current')
RETURNS jsonb
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
  theta float8 := coalesce((p_params->>'theta')::float8, 0.9);
  group_techs text[] := CASE p_tech_group WHEN 'broadband' THEN ARRAY['3G', '4G', '5G'] ELSE ARRAY[p_tech_group] END;
  result jsonb;
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS what_if_footprints (
    bts_index integer, sector_no integer, operator text, technology text, range_m float8,
    environment text, model text, warnings text[], geom geometry) ON COMMIT DROP;
  TRUNCATE what_if_footprints;

  WITH placed AS MATERIALIZED (
    SELECT (t.ord - 1)::integer AS idx, t.e,
           ST_SetSRID(ST_MakePoint((t.e->>'lon')::float8, (t.e->>'lat')::float8), 4326) AS geom,
           t.e->>'operator' AS operator, t.e->>'technology' AS technology,
           (t.e->>'bandMHz')::integer AS band_mhz, (t.e->>'antennaHeightM')::float8 AS hb
      FROM jsonb_array_elements(p_bts) WITH ORDINALITY AS t(e, ord)
  ),
  sized AS MATERIALIZED (
    SELECT p.*,
           coalesce(p.e->>'environment', hatang_environment_at(p.geom)) AS environment,
           coalesce((p.e->>'maplDb')::float8, hatang_mapl_db(p_params, p.technology, p.band_mhz, (p.e->>'eirpDbm')::float8)) AS mapl_db
      FROM placed p
  ),
  ranged AS MATERIALIZED (
    SELECT s.*,
           coalesce((s.e->>'radiusM')::float8,
                    1000 * hatang_range_km(s.band_mhz, s.hb, coalesce((p_params->>'mobileHeightM')::float8, 1.5), s.environment, s.mapl_db)) AS range_m,
           CASE WHEN s.e ? 'radiusM' THEN 'override' WHEN s.band_mhz <= 1500 THEN 'okumura-hata' ELSE 'cost231-hata' END AS model
      FROM sized s
  )
  INSERT INTO what_if_footprints
  SELECT r.idx, sc.ord::integer, r.operator, r.technology, r.range_m, r.environment, r.model,
         hatang_range_warnings(r.hb, r.band_mhz, r.range_m),
         hatang_sector_footprint(r.geom, r.range_m, (sc.s->>'azimuthDeg')::float8, (sc.s->>'beamwidthDeg')::float8)
    FROM ranged r
   CROSS JOIN LATERAL jsonb_array_elements(coalesce(r.e->'sectors',
         '[{"azimuthDeg":0,"beamwidthDeg":65},{"azimuthDeg":120,"beamwidthDeg":65},{"azimuthDeg":240,"beamwidthDeg":65}]'::jsonb))
         WITH ORDINALITY AS sc(s, ord)
   WHERE r.range_m > 0;

  WITH added AS MATERIALIZED (
    SELECT coalesce(ST_Union(f.geom, hatang_overlay_grid()), 'SRID=4326;POLYGON EMPTY'::geometry) AS geom
      FROM what_if_footprints f
     WHERE f.technology = ANY (group_techs) AND (p_operator = '*' OR f.operator = p_operator)
  ),
  added_broadband AS MATERIALIZED (
    SELECT ST_Union(f.geom, hatang_overlay_grid()) AS geom FROM what_if_footprints f WHERE f.technology IN ('3G', '4G', '5G')
  ),
  -- Hamlets under the added coverage by their reference point, polygon or a
  -- cluster: three index probes (GiST) joined as a set; one OR of the three
  -- tests would scan every hamlet of the country.
  touched_ids AS MATERIALIZED (
    SELECT h.id FROM hamlets h, added a WHERE NOT ST_IsEmpty(a.geom) AND ST_Intersects(a.geom, h.ref_point)
    UNION
    SELECT h.id FROM hamlets h, added a WHERE NOT ST_IsEmpty(a.geom) AND ST_Intersects(a.geom, h.geom)
    UNION
    SELECT pc.hamlet_id FROM population_clusters pc, added a WHERE NOT ST_IsEmpty(a.geom) AND ST_Intersects(a.geom, pc.geom)
  ),
  touched AS MATERIALIZED (
    SELECT h.*, c.name AS commune_name,
           EXISTS (SELECT 1 FROM population_clusters pc WHERE pc.hamlet_id = h.id AND pc.population > 0) AS has_clusters
      FROM touched_ids t JOIN hamlets h ON h.id = t.id JOIN admin_units c ON c.id = h.commune_id
  ),
  after AS (
    SELECT t.id, t.code, t.name, t.commune_name, t.population,
           hatang_fraction_with_added(t.ref_point, p_operator, p_tech_group, a.geom, p_scenario) = 1 AS ref_covered,
           CASE WHEN t.has_clusters THEN
                  (SELECT sum(pc.population * hatang_fraction_with_added(pc.geom, p_operator, p_tech_group, a.geom, p_scenario)) / sum(pc.population)
                     FROM population_clusters pc WHERE pc.hamlet_id = t.id)
                WHEN t.geom IS NOT NULL THEN hatang_fraction_with_added(t.geom, p_operator, p_tech_group, a.geom, p_scenario)
                ELSE hatang_fraction_with_added(t.ref_point, p_operator, p_tech_group, a.geom, p_scenario) END AS share
      FROM touched t, added a
  ),
  compared AS (
    SELECT af.*, coalesce(hc.verdict, 'trang_song') AS verdict_before, coalesce(hc.covered_share, 0) AS share_before,
           coalesce(hc.population_covered, 0) AS population_before,
           CASE WHEN NOT af.ref_covered THEN 'trang_song' WHEN af.share >= theta THEN 'covered' ELSE 'lom_song' END AS verdict_after,
           round(af.share * af.population)::integer AS population_after
      FROM after af
      LEFT JOIN hamlet_coverage hc ON hc.hamlet_id = af.id AND hc.scenario = p_scenario
                                  AND hc.operator_code = p_operator AND hc.tech_group = p_tech_group
  )
  SELECT jsonb_build_object(
    'operator', p_operator,
    'technologyGroup', p_tech_group,
    'scenario', p_scenario,
    'footprints', jsonb_build_object('type', 'FeatureCollection', 'features', coalesce((
      SELECT jsonb_agg(jsonb_build_object('type', 'Feature', 'geometry', ST_AsGeoJSON(f.geom, 6)::jsonb,
               'properties', jsonb_build_object('btsIndex', f.bts_index, 'sectorNo', f.sector_no, 'rangeM', round(f.range_m::numeric, 1),
                                                'environment', f.environment, 'model', f.model, 'warnings', to_jsonb(f.warnings)))
               ORDER BY f.bts_index, f.sector_no)
        FROM what_if_footprints f), '[]'::jsonb)),
    'changedHamlets', coalesce((
      SELECT jsonb_agg(jsonb_build_object('code', c.code, 'name', c.name, 'communeName', c.commune_name,
               'before', c.verdict_before, 'after', c.verdict_after,
               'coveredShareBefore', round(c.share_before::numeric, 4), 'coveredShareAfter', round(c.share::numeric, 4),
               'populationCoveredBefore', c.population_before, 'populationCoveredAfter', c.population_after) ORDER BY c.code)
        FROM compared c WHERE c.verdict_after <> c.verdict_before), '[]'::jsonb),
    'populationNewlyCovered', coalesce((SELECT sum(greatest(0, c.population_after - c.population_before)) FROM compared c), 0),
    'hamletsNewlyCovered', (SELECT count(*) FROM compared c WHERE c.verdict_after = 'covered' AND c.verdict_before <> 'covered'),
    'gapAreaRemovedM2', coalesce((
      SELECT round(sum(ST_Area(ST_Intersection(g.geom, ab.geom, hatang_overlay_grid())::geography))::numeric, 0)
        FROM coverage_gaps g, added_broadband ab
       WHERE g.scenario = p_scenario AND ab.geom IS NOT NULL AND ST_Intersects(g.geom, ab.geom)), 0))
    INTO result;
  RETURN result;
END
$$;

COMMENT ON FUNCTION hatang_what_if(jsonb, jsonb, text, text, text) IS
  'What-if for hypothetical BTS (JSON array): their footprints, hamlets whose verdict changes for an operator (* = any) and technology group against a scenario (current | planned), population newly covered and uncovered area removed (m², spheroid); writes nothing persistent.';
