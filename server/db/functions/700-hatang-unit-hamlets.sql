-- The hamlets of one administrative unit of any boundary set, each hamlet
-- counted once per level. Hamlets belong to communes of the default set
-- (hamlets.commune_id): in the default set a unit's hamlets are those of the
-- communes it is or contains. In another set (e.g. the two-level set of 2025)
-- each hamlet is assigned by its reference point to the deepest unit of that
-- set containing it (the smallest code when it lies on a shared edge), and
-- belongs to that unit and the units above it.
CREATE OR REPLACE FUNCTION hatang_unit_hamlets(p_unit_id integer)
RETURNS TABLE (hamlet_id integer)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH RECURSIVE unit AS MATERIALIZED (
    SELECT u.id, u.boundary_set, (SELECT b.is_default FROM boundary_sets b WHERE b.code = u.boundary_set) AS is_default
      FROM admin_units u WHERE u.id = p_unit_id
  ),
  descendants AS (
    SELECT id FROM unit
    UNION ALL
    SELECT c.id FROM admin_units c JOIN descendants d ON c.parent_id = d.id
  )
  SELECT h.id FROM hamlets h
   WHERE (SELECT is_default FROM unit) AND h.commune_id IN (SELECT id FROM descendants)
  UNION ALL
  SELECT h.id FROM hamlets h
   CROSS JOIN LATERAL (
     SELECT a.id FROM admin_units a
      WHERE a.boundary_set = (SELECT boundary_set FROM unit) AND ST_Intersects(a.geom, h.ref_point)
      ORDER BY CASE a.level WHEN 'commune' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, a.code
      LIMIT 1) deepest
   WHERE NOT (SELECT is_default FROM unit) AND deepest.id IN (SELECT id FROM descendants)
$$;

COMMENT ON FUNCTION hatang_unit_hamlets(integer) IS
  'Ids of the hamlets of an admin unit of any boundary set: through their communes in the default set, else by reference point (deepest containing unit of that set, smallest code on an edge) and its ancestors; each hamlet once.';
