-- Rows of the hamlets vector tile z/x/y (see hatang_tile_sites for the shape):
-- the polygon, or the reference point for a hamlet without one, as the
-- hamlets layer; with the broadband verdict for any operator and the covered
-- share (0..1) in scenario p_scenario (current | planned), absent before
-- coverage is computed.
CREATE OR REPLACE FUNCTION hatang_tile_hamlets(p_z integer, p_x integer, p_y integer, p_scenario text)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT h.id::bigint, ST_Transform(hatang_tile_simplify(coalesce(h.geom, h.ref_point), p_z), 3857), h.id::bigint,
         jsonb_build_object(
           'code', h.code, 'name', h.name, 'kind', h.kind, 'communeName', c.name,
           'population', h.population, 'verdict', hc.verdict,
           'coveredShare', round(hc.covered_share::numeric, 4))
    FROM hamlets h
    JOIN admin_units c ON c.id = h.commune_id
    LEFT JOIN hamlet_coverage hc
           ON hc.hamlet_id = h.id AND hc.scenario = p_scenario AND hc.operator_code = '*' AND hc.tech_group = 'broadband'
   WHERE h.geom && hatang_tile_filter_box(p_z, p_x, p_y)
      OR (h.geom IS NULL AND h.ref_point && hatang_tile_filter_box(p_z, p_x, p_y))
$$;

COMMENT ON FUNCTION hatang_tile_hamlets(integer, integer, integer, text) IS
  'Hamlets in Web Mercator tile z/x/y: row id, polygon (or reference point) in EPSG:3857, order, tile properties (code, name, kind, communeName, population, broadband verdict of any operator and coveredShare 0..1 in a scenario, current | planned).';
