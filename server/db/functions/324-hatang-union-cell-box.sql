-- The square of grid cell p_cell = column × 100000 + row, column and row
-- counted in hatang_union_cell_size() steps from (-180°, -90°).
CREATE OR REPLACE FUNCTION hatang_union_cell_box(p_cell integer) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT ST_MakeEnvelope(-180 + (p_cell / 100000) * s, -90 + (p_cell % 100000) * s,
                         -180 + (p_cell / 100000 + 1) * s, -90 + (p_cell % 100000 + 1) * s, 4326)
    FROM (SELECT hatang_union_cell_size() AS s) k
$$;

COMMENT ON FUNCTION hatang_union_cell_box(integer) IS
  'Polygon (EPSG:4326) of coverage grid cell p_cell (column × 100000 + row from -180°, -90°, in hatang_union_cell_size() steps).';
