-- Per operator, over the physical sites inside a boundary set's area (a point in
-- a unit of its top level): the sites where it has a BTS of a status in p_statuses,
-- those also carrying another operator's active BTS, and for each partner the
-- number of this operator's sites it stands on too.
CREATE OR REPLACE FUNCTION hatang_sharing_operators(p_boundary_set text, p_statuses text[])
RETURNS TABLE (operator text, operator_name text, sites integer, shared_sites integer, partners jsonb)
LANGUAGE sql STABLE
AS $$
  -- Sites inside the set's top level (its province), found from the units' side as in hatang_sharing_ratios.
  WITH inside AS MATERIALIZED (
    SELECT DISTINCT p.id
      FROM admin_units u
      JOIN physical_sites p ON ST_Intersects(u.geom, p.geom)
     WHERE u.boundary_set = p_boundary_set AND u.level = (SELECT bs.levels[1] FROM boundary_sets bs WHERE bs.code = p_boundary_set)
  ),
  site_ops AS MATERIALIZED (
    SELECT DISTINCT a.physical_site_id, b.operator_id
      FROM bts_physical_sites a
      JOIN bts b ON b.id = a.bts_id
      JOIN inside i ON i.id = a.physical_site_id
     WHERE b.status = ANY (p_statuses)
  ),
  -- Per site the array of its operators: pairs and counts come from unnesting small arrays, with no self-join.
  site_arr AS MATERIALIZED (
    SELECT o.physical_site_id, array_agg(o.operator_id) AS ops FROM site_ops o GROUP BY o.physical_site_id
  ),
  pairs AS (
    SELECT x AS operator_id, y AS partner_id, count(*) AS n
      FROM site_arr s, unnest(s.ops) x, unnest(s.ops) y
     WHERE x <> y
     GROUP BY x, y
  ),
  own AS (
    SELECT x AS operator_id, count(*) AS sites, count(*) FILTER (WHERE cardinality(s.ops) >= 2) AS shared
      FROM site_arr s, unnest(s.ops) x
     GROUP BY x
  )
  SELECT o.code, o.name, own.sites::integer, own.shared::integer,
         coalesce((SELECT jsonb_agg(jsonb_build_object('operator', po.code, 'sites', p.n) ORDER BY p.n DESC, po.code COLLATE "C")
                     FROM pairs p JOIN operators po ON po.id = p.partner_id WHERE p.operator_id = o.id), '[]'::jsonb)
    FROM own JOIN operators o ON o.id = own.operator_id
   ORDER BY own.sites DESC, o.code COLLATE "C"
$$;

COMMENT ON FUNCTION hatang_sharing_operators(text, text[]) IS
  'Per operator, over physical sites inside the boundary set: sites with its BTS of a status in p_statuses, how many also carry another operator, and partners as [{operator, sites}] (counts).';
