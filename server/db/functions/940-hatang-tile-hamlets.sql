-- Rows of the hamlets vector tile z/x/y (see hatang_tile_sites for the shape):
-- the polygon, or the reference point for a hamlet without one, as the
-- hamlets layer; with the verdict and the covered share (0..1) for the
-- coverage the map shows: operator p_operator ('*' = any, NULL = '*'),
-- technology group p_tech_group (NULL = broadband), scenario p_scenario
-- (current | planned); absent before coverage is computed. The map colours
-- the hamlets by this property, so it needs no list of every hamlet's verdict.
-- From zoom 10 on (where the map draws them), the tile also carries each
-- hamlet's reference point (cultural house or centre: where its verdict's
-- 'trắng sóng' test is made) as a point feature of its own, refPoint = true,
-- without a feature id (the id is the hamlet polygon's), ordered after every
-- polygon. p_unit_id: hamlets whose reference point is inside that
-- administrative unit, as the hamlets layer (NULL = any).
DROP FUNCTION IF EXISTS hatang_tile_hamlets(integer, integer, integer, text);
DROP FUNCTION IF EXISTS hatang_tile_hamlets(integer, integer, integer, text, integer);
CREATE OR REPLACE FUNCTION hatang_tile_hamlets(
  p_z integer, p_x integer, p_y integer, p_scenario text, p_operator text, p_tech_group text, p_unit_id integer)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH shown AS (
    SELECT h.id, h.code, h.name, h.kind, h.population, h.geom, h.ref_point, h.ref_kind, c.name AS commune_name,
           hc.verdict, hc.covered_share
      FROM hamlets h
      JOIN admin_units c ON c.id = h.commune_id
      LEFT JOIN hamlet_coverage hc
             ON hc.hamlet_id = h.id AND hc.scenario = p_scenario
            AND hc.operator_code = coalesce(p_operator, '*') AND hc.tech_group = coalesce(p_tech_group, 'broadband')
     WHERE (h.geom && hatang_tile_filter_box(p_z, p_x, p_y) OR h.ref_point && hatang_tile_filter_box(p_z, p_x, p_y))
       AND (p_unit_id IS NULL OR ST_Intersects(h.ref_point, (SELECT u.geom FROM admin_units u WHERE u.id = p_unit_id)))
  )
  SELECT s.id::bigint, ST_Transform(hatang_tile_simplify(coalesce(s.geom, s.ref_point), p_z), 3857), s.id::bigint,
         jsonb_build_object(
           'code', s.code, 'name', s.name, 'kind', s.kind, 'communeName', s.commune_name,
           'population', s.population, 'verdict', s.verdict,
           'coveredShare', round(s.covered_share::numeric, 4))
    FROM shown s
   WHERE s.geom && hatang_tile_filter_box(p_z, p_x, p_y) OR (s.geom IS NULL AND s.ref_point && hatang_tile_filter_box(p_z, p_x, p_y))
  UNION ALL
  SELECT NULL::bigint, ST_Transform(s.ref_point, 3857), (1::bigint << 40) + s.id,
         jsonb_build_object(
           'code', s.code, 'name', s.name, 'kind', s.kind, 'communeName', s.commune_name,
           'refPoint', true, 'refKind', s.ref_kind, 'verdict', s.verdict)
    FROM shown s
   WHERE p_z >= 10 AND s.ref_point && hatang_tile_filter_box(p_z, p_x, p_y)
$$;

COMMENT ON FUNCTION hatang_tile_hamlets(integer, integer, integer, text, text, text, integer) IS
  'Hamlets in Web Mercator tile z/x/y (reference point in admin unit p_unit_id unless NULL): row id, polygon (or reference point) in EPSG:3857, order, tile properties (code, name, kind, communeName, population, verdict and coveredShare 0..1 for an operator (* = any) and technology group in a scenario, current | planned); from z10 also each reference point as a feature without id (refPoint = true, refKind, verdict).';
