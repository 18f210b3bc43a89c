-- Per operator, over the physical sites inside a boundary set's area (a point in
-- any of its units): the sites where it has a BTS of a status in p_statuses,
-- those also carrying another operator's active BTS, and for each partner the
-- number of this operator's sites it stands on too.
CREATE OR REPLACE FUNCTION hatang_sharing_operators(p_boundary_set text, p_statuses text[])
RETURNS TABLE (operator text, operator_name text, sites integer, shared_sites integer, partners jsonb)
LANGUAGE sql STABLE
AS $$
  WITH site_ops AS (
    SELECT DISTINCT a.physical_site_id, b.operator_id
      FROM bts_physical_sites a
      JOIN bts b ON b.id = a.bts_id
      JOIN physical_sites p ON p.id = a.physical_site_id
     WHERE b.status = ANY (p_statuses)
       AND EXISTS (SELECT 1 FROM admin_units u WHERE u.boundary_set = p_boundary_set AND ST_Intersects(u.geom, p.geom))
  ),
  pairs AS (
    SELECT x.operator_id, y.operator_id AS partner_id, count(*) AS n
      FROM site_ops x JOIN site_ops y ON y.physical_site_id = x.physical_site_id AND y.operator_id <> x.operator_id
     GROUP BY x.operator_id, y.operator_id
  ),
  own AS (
    SELECT s.operator_id, count(*) AS sites,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM site_ops t WHERE t.physical_site_id = s.physical_site_id AND t.operator_id <> s.operator_id)) AS shared
      FROM site_ops s GROUP BY s.operator_id
  )
  SELECT o.code, o.name, own.sites::integer, own.shared::integer,
         coalesce((SELECT jsonb_agg(jsonb_build_object('operator', po.code, 'sites', p.n) ORDER BY p.n DESC, po.code COLLATE "C")
                     FROM pairs p JOIN operators po ON po.id = p.partner_id WHERE p.operator_id = o.id), '[]'::jsonb)
    FROM own JOIN operators o ON o.id = own.operator_id
   ORDER BY own.sites DESC, o.code COLLATE "C"
$$;

COMMENT ON FUNCTION hatang_sharing_operators(text, text[]) IS
  'Per operator, over physical sites inside the boundary set: sites with its BTS of a status in p_statuses, how many also carry another operator, and partners as [{operator, sites}] (counts).';
