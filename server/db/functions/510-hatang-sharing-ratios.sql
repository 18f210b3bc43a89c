-- Sharing ratios (DESIGN §3) of every unit of one level of a boundary set, over
-- the physical sites found by site inference, counting BTS whose status is in
-- p_statuses (current: on_air; planned: on_air + approved). Each physical site
-- with an active BTS belongs to exactly one unit of the level: the one whose
-- polygon contains its point, the lowest unit id when it lies on a border, so
-- the counts of the communes add up to their district's and the province's.
--   sites_active = sites with ≥ 1 active BTS        (denominator of both ratios)
--   sites_shared = sites with active BTS of ≥ 2 distinct operators
--   tenancies    = distinct (site, operator) pairs with an active BTS
--   bts_active   = active BTS on those sites; bts_shared = those on shared sites
CREATE OR REPLACE FUNCTION hatang_sharing_ratios(p_boundary_set text, p_level text, p_statuses text[])
RETURNS TABLE (unit_id integer, code text, name text, level text, parent_code text,
               sites_active integer, sites_shared integer, tenancies integer, bts_active integer, bts_shared integer)
LANGUAGE sql STABLE
AS $$
  -- From the units' side: each polygon is read once and tested against the
  -- sites its GiST bbox finds (PostGIS reuses the prepared polygon across
  -- them), instead of one polygon lookup per site.
  WITH placed AS MATERIALIZED (
    SELECT DISTINCT ON (p.id) p.id AS physical_site_id, u.id AS unit_id
      FROM admin_units u
      JOIN physical_sites p ON ST_Intersects(u.geom, p.geom)
     WHERE u.boundary_set = p_boundary_set AND u.level = p_level
     ORDER BY p.id, u.id
  ),
  site_ops AS MATERIALIZED (
    SELECT a.physical_site_id, b.operator_id, count(*) AS n
      FROM bts_physical_sites a
      JOIN bts b ON b.id = a.bts_id
     WHERE b.status = ANY (p_statuses)
     GROUP BY a.physical_site_id, b.operator_id
  ),
  site_stats AS (
    SELECT o.physical_site_id, count(*) AS operators, sum(o.n) AS bts FROM site_ops o GROUP BY o.physical_site_id
  ),
  per_unit AS (
    SELECT pl.unit_id,
           count(*) AS sites_active,
           count(*) FILTER (WHERE s.operators >= 2) AS sites_shared,
           sum(s.operators) AS tenancies,
           sum(s.bts) AS bts_active,
           coalesce(sum(s.bts) FILTER (WHERE s.operators >= 2), 0) AS bts_shared
      FROM site_stats s JOIN placed pl ON pl.physical_site_id = s.physical_site_id
     GROUP BY pl.unit_id
  )
  SELECT u.id, u.code, u.name, u.level, (SELECT p.code FROM admin_units p WHERE p.id = u.parent_id),
         coalesce(x.sites_active, 0)::integer, coalesce(x.sites_shared, 0)::integer, coalesce(x.tenancies, 0)::integer,
         coalesce(x.bts_active, 0)::integer, coalesce(x.bts_shared, 0)::integer
    FROM admin_units u
    LEFT JOIN per_unit x ON x.unit_id = u.id
   WHERE u.boundary_set = p_boundary_set AND u.level = p_level
   ORDER BY u.code COLLATE "C"
$$;

COMMENT ON FUNCTION hatang_sharing_ratios(text, text, text[]) IS
  'Per unit of one level of a boundary set: physical sites with >= 1 BTS of a status in p_statuses, those with >= 2 distinct operators, distinct (site, operator) pairs, and BTS on all and on shared sites (counts; each site in the one unit containing its point, lowest id on a border).';
