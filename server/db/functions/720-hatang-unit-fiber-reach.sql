-- Hamlets of a unit reached by fiber (DESIGN §3): a fiber route of one of
-- p_statuses ('on_air'; the planned scenario adds 'approved') passes within
-- p_reach_m metres of the hamlet's reference point, measured on the spheroid.
-- The && box (p_reach_m / 90 km per degree: at least the reach in both axes
-- below 35° of latitude, Vietnam lies within 8.5–23.5° N) lets the GiST index
-- pick the candidate routes before the geodesic test.
CREATE OR REPLACE FUNCTION hatang_unit_fiber_reach(p_unit_id integer, p_reach_m float8, p_statuses text[])
RETURNS TABLE (hamlets integer, reached integer)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT count(*)::integer,
         count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM fiber_routes f
            WHERE f.status = ANY (p_statuses)
              AND f.geom && ST_Expand(h.ref_point, p_reach_m / 90000.0)
              AND ST_DWithin(f.geom::geography, h.ref_point::geography, p_reach_m)))::integer
    FROM hatang_unit_hamlets(p_unit_id) m
    JOIN hamlets h ON h.id = m.hamlet_id
$$;

COMMENT ON FUNCTION hatang_unit_fiber_reach(integer, float8, text[]) IS
  'Per unit: hamlets, and hamlets whose reference point lies within p_reach_m metres (spheroid) of a fiber route with a status in p_statuses.';
