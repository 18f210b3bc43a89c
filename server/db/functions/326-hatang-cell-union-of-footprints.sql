-- One grid cell's piece of an (operator, technology) union: the union of the
-- operator's footprints of that technology with status p_bts_status whose box
-- reaches the cell, and of p_base (the current piece, when the planned one
-- adds the approved footprints to it), clipped to the cell. Whole footprints
-- are unioned and the union clipped once: cutting every footprint first would
-- cost an overlay per footprint. No row when nothing covers the cell.
-- PL/pgSQL (never inlined) so that a query calling it per cell in FROM runs it
-- once per cell, in whichever parallel worker reads that cell's row.
CREATE OR REPLACE FUNCTION hatang_cell_union_of_footprints(
  p_operator_id integer, p_technology text, p_cell integer, p_bts_status text, p_base geometry)
RETURNS TABLE (geom geometry, area_m2 float8)
LANGUAGE plpgsql STABLE PARALLEL SAFE
COST 10000 ROWS 1
AS $$
DECLARE
  box geometry := hatang_union_cell_box(p_cell);
  u geometry;
BEGIN
  -- In a fixed order: the overlay's last bits depend on it, and a cell rebuilt
  -- after an edit must come out exactly as a full recompute builds it.
  SELECT ST_Union(x.g, hatang_overlay_grid() ORDER BY x.bts_id, x.sector_no) INTO u
    FROM (SELECT f.geom AS g, f.bts_id, f.sector_no FROM coverage_footprints f
           WHERE f.geom && box AND f.operator_id = p_operator_id AND f.technology = p_technology AND f.bts_status = p_bts_status
          UNION ALL
          SELECT p_base, 0, 0 WHERE p_base IS NOT NULL) x;
  IF u IS NULL THEN RETURN; END IF;
  u := ST_Multi(ST_CollectionExtract(ST_Intersection(u, box, hatang_overlay_grid()), 3));
  IF ST_IsEmpty(u) THEN RETURN; END IF;
  RETURN QUERY SELECT u, ST_Area(u::geography);
END
$$;

COMMENT ON FUNCTION hatang_cell_union_of_footprints(integer, text, integer, text, geometry) IS
  'Union (MultiPolygon, EPSG:4326, with its area in m² on the spheroid) of an operator''s footprints of one technology and BTS status reaching coverage grid cell p_cell, with p_base added, clipped to the cell; no row when empty.';
