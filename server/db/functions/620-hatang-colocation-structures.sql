-- The structures that could host an operator (DESIGN §3, co-location
-- candidates): physical sites (site inference, migration 005) that are active —
-- at least one BTS of any operator active in the scenario ('current': on air;
-- 'planned': on air or approved, as approved proposals become approved records),
-- or a site record that is on air (approved too in 'planned') — and that carry no
-- live, non-decommissioned BTS of p_operator. Within p_radius_m metres
-- (spheroid) of p_center when p_center is given, inside p_within when given.
-- Tenants are the operators with a live, non-decommissioned BTS on the structure
-- (through inference, or the site record's own BTS when inference has not run
-- since). Per-site facts by key lookups (scalar subqueries): on PostgreSQL 15 the
-- SQL function's generic plan may misjudge joins.
CREATE OR REPLACE FUNCTION hatang_colocation_structures(
  p_operator text, p_scenario text, p_center geometry, p_radius_m float8, p_within geometry)
RETURNS TABLE (physical_site_id integer, site_key text, site_code text, inferred boolean, owner text, owner_name text,
               structure_type text, height_m float8, tenants text[], distance_m float8, lon float8, lat float8)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  -- The search area once (a caller's parameters may be expressions, not constants the planner folds).
  WITH q AS MATERIALIZED (
    SELECT p_center::geography AS center,
           CASE WHEN p_center IS NOT NULL THEN ST_Envelope(ST_Buffer(p_center::geography, p_radius_m * 1.01)::geometry) END AS envelope,
           p_within AS within
  ),
  near AS MATERIALIZED (
    SELECT ps.id, ps.site_key, ps.site_id, ps.inferred, ps.geom,
           CASE WHEN q.center IS NULL THEN 0::float8 ELSE ST_Distance(ps.geom::geography, q.center) END AS distance_m
      FROM q, physical_sites ps
     WHERE (q.center IS NULL OR (ps.geom && q.envelope AND ST_DWithin(ps.geom::geography, q.center, p_radius_m)))
       AND (q.within IS NULL OR ST_Intersects(q.within, ps.geom))
  ),
  described AS MATERIALIZED (
    SELECT n.*,
           (SELECT s.code FROM site_records s WHERE s.id = n.site_id AND s.deleted_at IS NULL) AS site_code,
           (SELECT s.status FROM site_records s WHERE s.id = n.site_id AND s.deleted_at IS NULL) AS site_status,
           ARRAY(SELECT DISTINCT x.code FROM (
                   SELECT o.code FROM bts_physical_sites bp
                     JOIN bts_records b ON b.id = bp.bts_id JOIN operators o ON o.id = b.operator_id
                    WHERE bp.physical_site_id = n.id AND b.deleted_at IS NULL AND b.status <> 'decommissioned'
                   UNION ALL
                   SELECT o.code FROM bts_records b JOIN operators o ON o.id = b.operator_id
                    WHERE n.site_id IS NOT NULL AND b.site_id = n.site_id AND b.deleted_at IS NULL AND b.status <> 'decommissioned') x
                  ORDER BY x.code) AS tenants,
           EXISTS (SELECT 1 FROM bts_physical_sites bp JOIN bts_records b ON b.id = bp.bts_id
                    WHERE bp.physical_site_id = n.id AND b.deleted_at IS NULL
                      AND (b.status = 'on_air' OR (p_scenario = 'planned' AND b.status = 'approved'))) AS has_active_bts
      FROM near n
  )
  SELECT d.id, d.site_key, d.site_code, d.inferred, o.code, o.name, s.structure_type, s.height_m::float8,
         d.tenants, d.distance_m, ST_X(d.geom), ST_Y(d.geom)
    FROM described d
    LEFT JOIN site_records s ON s.id = d.site_id AND s.deleted_at IS NULL
    LEFT JOIN operators o ON o.id = s.owner_id
   WHERE NOT (p_operator = ANY (d.tenants))
     AND (d.has_active_bts OR d.site_status = 'on_air' OR (p_scenario = 'planned' AND d.site_status = 'approved'))
     AND (d.site_id IS NULL OR d.site_code IS NOT NULL)
   ORDER BY d.distance_m, d.site_key
$$;

COMMENT ON FUNCTION hatang_colocation_structures(text, text, geometry, float8, geometry) IS
  'Active physical sites (BTS active in the scenario current|planned, or an on-air site record) not carrying a live, non-decommissioned BTS of the operator, within a radius (m, spheroid) of a point and/or inside an area (EPSG:4326); with owner, structure type, height (m), tenants and distance (m).';

