-- Grid size for overlays (ST_Union, ST_Intersection, ST_Difference).
-- The embedded PostGIS is GEOS compiled to WebAssembly, where the exception
-- that GEOS's floating-point overlay throws to switch to its robust fallback
-- cannot be caught: the overlay's row silently disappears. There, overlays
-- snap-round on a 1e-9° grid (about 0.1 mm), which never needs the fallback.
-- Native PostgreSQL keeps the default overlay (-1), 3-4 times faster on large
-- unions. Declared IMMUTABLE so the planner folds it to a constant: the answer
-- depends only on the server binary, which cannot change under a session.
CREATE OR REPLACE FUNCTION hatang_overlay_grid() RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN version() LIKE '%emscripten%' THEN 1e-9::float8 ELSE -1::float8 END $$;

COMMENT ON FUNCTION hatang_overlay_grid() IS
  'Overlay grid size in degrees: 1e-9 on the WebAssembly (embedded) PostGIS, whose GEOS cannot use its exception-based robust fallback; -1 (default overlay) on native PostgreSQL.';
