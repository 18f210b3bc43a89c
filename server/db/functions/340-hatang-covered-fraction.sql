-- Share (0..1) of a polygon's area inside one coverage union (scenario,
-- operator, technology group), measured on the spheroid, from the union's
-- subdivided, GiST-indexed parts (which do not overlap, so their intersection
-- areas add up). Callers first test the whole union with ST_Intersects /
-- ST_Covers, which PostGIS answers from a prepared geometry when the same union
-- meets many rows in a row, and call this only for polygons that are partly covered.
-- Every overlay passes hatang_overlay_grid() as its grid size (see there: the
-- embedded PostGIS would otherwise silently drop some overlay rows).
DROP FUNCTION IF EXISTS hatang_partly_covered_fraction(geometry, text, text);
CREATE OR REPLACE FUNCTION hatang_partly_covered_fraction(p_geom geometry, p_operator_code text, p_tech_group text, p_scenario text)
RETURNS float8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
  SELECT least(1.0, greatest(0.0, coalesce((
    SELECT sum(ST_Area(ST_Intersection(p.geom, p_geom, hatang_overlay_grid())::geography))
      FROM coverage_union_parts p
     WHERE p.scenario = p_scenario AND p.operator_code = p_operator_code AND p.tech_group = p_tech_group
       AND ST_Intersects(p.geom, p_geom)), 0) / nullif(ST_Area(p_geom::geography), 0)))
$$;

COMMENT ON FUNCTION hatang_partly_covered_fraction(geometry, text, text, text) IS
  'Fraction (0..1) of a polygon''s spheroidal area inside the coverage union of an operator (* = any) and technology group in a scenario (current | planned), computed from the union''s parts.';
