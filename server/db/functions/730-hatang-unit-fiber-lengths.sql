-- Fiber length inside a unit, metres on the spheroid: underground and all,
-- for routes with a status in p_statuses ('on_air'; the planned scenario adds
-- 'approved'). A route crossing the unit's edge counts with its part inside,
-- so the lengths of a unit's communes add up to the unit's. The overlay uses
-- hatang_overlay_grid() (see there).
CREATE OR REPLACE FUNCTION hatang_unit_fiber_lengths(p_unit_id integer, p_statuses text[])
RETURNS TABLE (underground_m float8, total_m float8)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH unit AS MATERIALIZED (SELECT geom FROM admin_units WHERE id = p_unit_id),
  inside AS (
    SELECT f.laying,
           CASE WHEN ST_CoveredBy(f.geom, u.geom) THEN ST_Length(f.geom::geography)
                ELSE ST_Length(ST_CollectionExtract(ST_Intersection(f.geom, u.geom, hatang_overlay_grid()), 2)::geography) END AS length_m
      FROM fiber_routes f, unit u
     WHERE f.status = ANY (p_statuses) AND f.geom && u.geom AND ST_Intersects(f.geom, u.geom)
  )
  SELECT coalesce(sum(length_m) FILTER (WHERE laying = 'underground'), 0)::float8, coalesce(sum(length_m), 0)::float8
    FROM inside
$$;

COMMENT ON FUNCTION hatang_unit_fiber_lengths(integer, text[]) IS
  'Per unit: length (m, spheroid) of underground fiber and of all fiber inside the unit, for routes with a status in p_statuses.';
