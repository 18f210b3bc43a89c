-- One grid cell's piece of a union built from other unions' pieces of the same
-- cell and scenario: of the operator p_operator_code (NULL = every operator,
-- for the any-operator '*' unions) over the technology groups p_tech_groups.
-- The pieces already lie in the cell: no clipping. No row when none exists.
-- PL/pgSQL for the reason given in hatang_cell_union_of_footprints.
CREATE OR REPLACE FUNCTION hatang_cell_union_of_cells(
  p_scenario text, p_operator_code text, p_tech_groups text[], p_cell integer)
RETURNS TABLE (geom geometry, area_m2 float8)
LANGUAGE plpgsql STABLE PARALLEL SAFE
COST 1000 ROWS 1
AS $$
DECLARE
  u geometry;
BEGIN
  -- In a fixed order (see hatang_cell_union_of_footprints).
  SELECT ST_Union(c.geom, hatang_overlay_grid() ORDER BY c.operator_code, c.tech_group) INTO u
    FROM coverage_union_cells c
   WHERE c.scenario = p_scenario AND c.cell = p_cell AND c.tech_group = ANY (p_tech_groups)
     AND (CASE WHEN p_operator_code IS NULL THEN c.operator_code <> '*' ELSE c.operator_code = p_operator_code END);
  IF u IS NULL THEN RETURN; END IF;
  u := ST_Multi(ST_CollectionExtract(u, 3));
  IF ST_IsEmpty(u) THEN RETURN; END IF;
  RETURN QUERY SELECT u, ST_Area(u::geography);
END
$$;

COMMENT ON FUNCTION hatang_cell_union_of_cells(text, text, text[], integer) IS
  'Union (MultiPolygon, EPSG:4326, with its area in m² on the spheroid) of the coverage_union_cells pieces of one cell and scenario for an operator (NULL = every operator) over some technology groups; no row when none.';
