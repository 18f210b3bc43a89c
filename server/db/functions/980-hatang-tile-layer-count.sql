-- How many features a tiled layer has under the map's filters, over its whole
-- extent (not the view): the count the layer panel shows beside the layer.
-- The filters and their meaning are the tile functions' (9xx, NULL = all),
-- without the tile box, so the count is what the tiles of the whole layer draw:
--   sites         sites (status; operators/technologies of non-decommissioned BTS; in the unit)
--   shared-sites  physical sites with active BTS (p_active_statuses) of >= 2 operators
--   bts           BTS (operator, technology, status; in the unit)
--   fiber         fibre routes (operator, status, kind, laying; crossing the unit)
--   hamlets       hamlets whose reference point is in the unit; with their verdicts
--                 for operator p_operators[1] (or *) and technology group
--                 p_tech_groups[1] (or broadband) in p_scenario: covered, lom_song,
--                 trang_song, and over the assessed hamlets population and
--                 population covered (people)
--   coverage      coverage unions of the operators (or *) and groups (or broadband),
--                 area_km2 = their area (km², on the spheroid)
--   gaps          uncovered parts (broadband, any operator) of hamlets in the unit
--   districts,    units of that level in boundary set p_boundary_set (NULL = the
--   communes      default set): the unit and its descendants, as the tiles
-- Each is one count(*) with the filters in SQL, on the tables' own rows: no
-- geometry is built, so it stays cheap at national scale.
DROP FUNCTION IF EXISTS hatang_tile_layer_count(text, text[], text[], text[], text[], text[], text[], text[], text, integer);
CREATE OR REPLACE FUNCTION hatang_tile_layer_count(
  p_layer text, p_operators text[], p_technologies text[], p_tech_groups text[], p_statuses text[],
  p_kinds text[], p_layings text[], p_active_statuses text[], p_scenario text, p_unit_id integer, p_boundary_set text)
RETURNS TABLE (features bigint, area_km2 float8, covered bigint, lom_song bigint, trang_song bigint,
               assessed bigint, population bigint, population_covered bigint)
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
  v_unit geometry := (SELECT u.geom FROM admin_units u WHERE u.id = p_unit_id);
BEGIN
  IF p_layer = 'sites' THEN
    RETURN QUERY
      SELECT count(*), NULL::float8, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint
        FROM sites s
       WHERE (p_statuses IS NULL OR s.status = ANY (p_statuses))
         AND (v_unit IS NULL OR ST_Intersects(s.geom, v_unit))
         AND ((p_operators IS NULL AND p_technologies IS NULL) OR EXISTS (
               SELECT 1 FROM physical_sites ps
                 JOIN bts_physical_sites bp ON bp.physical_site_id = ps.id
                 JOIN bts b ON b.id = bp.bts_id JOIN operators o ON o.id = b.operator_id
                WHERE ps.site_id = s.id AND b.status <> 'decommissioned'
                  AND (p_operators IS NULL OR o.code = ANY (p_operators))
                  AND (p_technologies IS NULL OR b.technology = ANY (p_technologies))));
  ELSIF p_layer = 'shared-sites' THEN
    -- The BTS grouped by physical site in one pass (a LATERAL aggregate per site
    -- took three times as long over the national register's 250,000 BTS).
    RETURN QUERY
      SELECT count(*), NULL::float8, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint
        FROM (SELECT a.physical_site_id,
                     CASE WHEN bool_or(b.status = 'on_air') THEN 'on_air' WHEN bool_or(b.status = 'approved') THEN 'approved' ELSE 'planned' END AS bts_status
                FROM bts_physical_sites a
                JOIN bts b ON b.id = a.bts_id
                JOIN operators o ON o.id = b.operator_id
               GROUP BY a.physical_site_id
              HAVING count(DISTINCT o.code) FILTER (WHERE b.status = ANY (p_active_statuses)) >= 2
                 AND ((p_operators IS NULL AND p_technologies IS NULL)
                      OR bool_or((p_operators IS NULL OR o.code = ANY (p_operators)) AND (p_technologies IS NULL OR b.technology = ANY (p_technologies))))) t
        JOIN physical_sites c ON c.id = t.physical_site_id
        LEFT JOIN site_records s ON s.id = c.site_id
       WHERE (v_unit IS NULL OR ST_Intersects(c.geom, v_unit))
         AND (p_statuses IS NULL OR coalesce(s.status, t.bts_status) = ANY (p_statuses));
  ELSIF p_layer = 'bts' THEN
    RETURN QUERY
      SELECT count(*), NULL::float8, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint
        FROM bts b
        JOIN operators o ON o.id = b.operator_id
       WHERE (p_operators IS NULL OR o.code = ANY (p_operators))
         AND (p_technologies IS NULL OR b.technology = ANY (p_technologies))
         AND (p_statuses IS NULL OR b.status = ANY (p_statuses))
         AND (v_unit IS NULL OR ST_Intersects(b.geom, v_unit));
  ELSIF p_layer = 'fiber' THEN
    RETURN QUERY
      SELECT count(*), NULL::float8, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint
        FROM fiber_routes f
        JOIN operators o ON o.id = f.operator_id
       WHERE (p_operators IS NULL OR o.code = ANY (p_operators))
         AND (p_statuses IS NULL OR f.status = ANY (p_statuses))
         AND (p_kinds IS NULL OR f.kind = ANY (p_kinds))
         AND (p_layings IS NULL OR f.laying = ANY (p_layings))
         AND (v_unit IS NULL OR ST_Intersects(f.geom, v_unit));
  ELSIF p_layer = 'hamlets' THEN
    RETURN QUERY
      SELECT count(*), NULL::float8,
             count(*) FILTER (WHERE hc.verdict = 'covered'), count(*) FILTER (WHERE hc.verdict = 'lom_song'),
             count(*) FILTER (WHERE hc.verdict = 'trang_song'), count(hc.verdict),
             coalesce(sum(h.population) FILTER (WHERE hc.verdict IS NOT NULL), 0)::bigint,
             coalesce(sum(hc.population_covered), 0)::bigint
        FROM hamlets h
        LEFT JOIN hamlet_coverage hc
               ON hc.hamlet_id = h.id AND hc.scenario = p_scenario
              AND hc.operator_code = coalesce(p_operators[1], '*') AND hc.tech_group = coalesce(p_tech_groups[1], 'broadband')
       WHERE v_unit IS NULL OR ST_Intersects(h.ref_point, v_unit);
  ELSIF p_layer = 'coverage' THEN
    RETURN QUERY
      SELECT count(*), coalesce(sum(u.area_m2), 0) / 1e6, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint
        FROM coverage_unions u
       WHERE u.scenario = p_scenario AND u.area_m2 > 0
         AND u.operator_code = ANY (coalesce(p_operators, ARRAY['*']))
         AND u.tech_group = ANY (coalesce(p_tech_groups, ARRAY['broadband']));
  ELSIF p_layer = 'gaps' THEN
    RETURN QUERY
      SELECT count(*), NULL::float8, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint
        FROM coverage_gaps g
        JOIN hamlets h ON h.id = g.hamlet_id
       WHERE g.scenario = p_scenario
         AND (v_unit IS NULL OR ST_Intersects(h.ref_point, v_unit));
  ELSIF p_layer IN ('districts', 'communes') THEN
    RETURN QUERY
      SELECT count(*), NULL::float8, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint
        FROM admin_units a
        LEFT JOIN admin_units p ON p.id = a.parent_id
       WHERE a.boundary_set = coalesce(p_boundary_set, (SELECT b.code FROM boundary_sets b WHERE b.is_default ORDER BY b.code LIMIT 1))
         AND a.level = CASE p_layer WHEN 'districts' THEN 'district' ELSE 'commune' END
         AND (p_unit_id IS NULL OR a.id = p_unit_id OR a.parent_id = p_unit_id OR p.parent_id = p_unit_id);
  ELSE
    RAISE EXCEPTION 'hatang_tile_layer_count: no tiled layer %', p_layer;
  END IF;
END
$$;

COMMENT ON FUNCTION hatang_tile_layer_count(text, text[], text[], text[], text[], text[], text[], text[], text, integer, text) IS
  'Features of a tiled layer (sites, shared-sites, bts, fiber, hamlets, coverage, gaps, districts, communes; the units in a boundary set, default if NULL) under the tile filters over the whole layer; coverage: area_km2 (spheroid); hamlets: verdict counts for one operator (* = any) and technology group in a scenario, assessed hamlets, their population and population covered.';
