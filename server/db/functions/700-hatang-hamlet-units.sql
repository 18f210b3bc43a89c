-- Every hamlet's units in one boundary set, one row per (hamlet, unit) at each
-- level. In the default set a hamlet belongs to its register commune
-- (hamlets.commune_id) and that commune's ancestors. In any other set (e.g. the
-- two-level set of 2025) it is assigned spatially: by its reference point to
-- the deepest unit of that set containing it (the smallest code when it lies on
-- a shared edge), and to that unit's ancestors. A hamlet whose reference point
-- lies outside the set's units belongs to none of them.
CREATE OR REPLACE FUNCTION hatang_hamlet_units(p_boundary_set text)
RETURNS TABLE (hamlet_id integer, unit_id integer)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH RECURSIVE is_default AS MATERIALIZED (
    SELECT coalesce((SELECT b.is_default FROM boundary_sets b WHERE b.code = p_boundary_set), false) AS yes
  ),
  deepest AS MATERIALIZED (
    SELECT h.id AS hamlet_id, h.commune_id AS unit_id
      FROM hamlets h
     WHERE (SELECT yes FROM is_default)
    UNION ALL
    SELECT h.id, d.id
      FROM hamlets h
     CROSS JOIN LATERAL (
       SELECT a.id FROM admin_units a
        WHERE a.boundary_set = p_boundary_set AND ST_Intersects(a.geom, h.ref_point)
        ORDER BY CASE a.level WHEN 'commune' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, a.code
        LIMIT 1) d
     WHERE NOT (SELECT yes FROM is_default)
  ),
  up AS (
    SELECT d.hamlet_id, d.unit_id FROM deepest d
    UNION ALL
    SELECT up.hamlet_id, a.parent_id FROM up JOIN admin_units a ON a.id = up.unit_id WHERE a.parent_id IS NOT NULL
  )
  SELECT up.hamlet_id, up.unit_id FROM up
$$;

COMMENT ON FUNCTION hatang_hamlet_units(text) IS
  'Rows (hamlet id, admin unit id) of one boundary set, every level: the register commune and its ancestors in the default set; else the deepest unit containing the hamlet''s reference point (smallest code on an edge) and its ancestors.';
