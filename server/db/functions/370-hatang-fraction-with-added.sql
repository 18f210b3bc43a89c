-- Share (0..1) of a point (1/0) or polygon (spheroidal area) inside the union of
-- the coverage of an operator ('*' = any) and technology group in a scenario
-- ('current' | 'planned') with an added, hypothetical coverage p_added (may be
-- empty). For the what-if: nothing is written. Overlays use hatang_overlay_grid().
-- Intersections keep only their polygons: a part or footprint that only touches
-- the polygon along an edge leaves a line, and an overlay of a collection of
-- mixed dimensions is refused by GEOS (an exception the embedded PostGIS cannot
-- even report: the statement fails with an unrelated error).
DROP FUNCTION IF EXISTS hatang_fraction_with_added(geometry, text, text, geometry);
CREATE OR REPLACE FUNCTION hatang_fraction_with_added(
  p_geom geometry, p_operator_code text, p_tech_group text, p_added geometry, p_scenario text)
RETURNS float8
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN ST_Dimension(p_geom) = 0 THEN
      CASE WHEN ST_Intersects(p_added, p_geom)
             OR EXISTS (SELECT 1 FROM coverage_union_parts p
                         WHERE p.scenario = p_scenario AND p.operator_code = p_operator_code AND p.tech_group = p_tech_group
                           AND ST_Intersects(p.geom, p_geom)) THEN 1.0 ELSE 0.0 END
    ELSE
      least(1.0, greatest(0.0, coalesce(ST_Area(ST_Union(
        ST_CollectionExtract(ST_Intersection(p_added, p_geom, hatang_overlay_grid()), 3),
        coalesce((SELECT ST_Union(ST_CollectionExtract(ST_Intersection(p.geom, p_geom, hatang_overlay_grid()), 3), hatang_overlay_grid())
                    FROM coverage_union_parts p
                   WHERE p.scenario = p_scenario AND p.operator_code = p_operator_code AND p.tech_group = p_tech_group
                     AND ST_Intersects(p.geom, p_geom)), 'SRID=4326;POLYGON EMPTY'::geometry),
        hatang_overlay_grid())::geography), 0) / nullif(ST_Area(p_geom::geography), 0)))
  END
$$;

COMMENT ON FUNCTION hatang_fraction_with_added(geometry, text, text, geometry, text) IS
  'Fraction (0..1) of a point or polygon inside the coverage union (operator or *, technology group, scenario current | planned) together with an added hypothetical coverage; spheroidal areas.';
