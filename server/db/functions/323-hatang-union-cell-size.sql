-- Side of the grid cells that coverage unions are stored in, in degrees.
-- 0.25° (about 27 km) keeps a cell's union to a few hundred footprints in the
-- densest province, so that rebuilding the cells one BTS change reaches costs
-- a fraction of a second, while the longest ranges (2G at 900 MHz, rural:
-- 20–35 km) reach a handful of cells. Cells are aligned to multiples of the
-- size from (-180°, -90°), so their edges fall on exact coordinates that both
-- neighbours compute alike. Changing it needs a full recompute.
CREATE OR REPLACE FUNCTION hatang_union_cell_size() RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT 0.25::float8 $$;

COMMENT ON FUNCTION hatang_union_cell_size() IS
  'Side in degrees (0.25) of the grid cells coverage unions are stored in (coverage_union_cells).';
