-- The grid cells (see hatang_union_cell_box) that the bounding box of p_geom
-- overlaps: the cells whose union a footprint may be part of.
CREATE OR REPLACE FUNCTION hatang_union_cells_of(p_geom geometry) RETURNS SETOF integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
ROWS 4
AS $$
  SELECT (x * 100000 + y)::integer
    FROM (SELECT hatang_union_cell_size() AS s) k
   CROSS JOIN generate_series(floor((ST_XMin(p_geom) + 180) / k.s)::integer, floor((ST_XMax(p_geom) + 180) / k.s)::integer) x
   CROSS JOIN generate_series(floor((ST_YMin(p_geom) + 90) / k.s)::integer, floor((ST_YMax(p_geom) + 90) / k.s)::integer) y
$$;

COMMENT ON FUNCTION hatang_union_cells_of(geometry) IS
  'Coverage grid cells (column × 100000 + row) overlapped by the bounding box of a geometry in EPSG:4326.';
