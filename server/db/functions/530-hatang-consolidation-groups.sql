-- Consolidation candidates: physical sites with >= 1 BTS of a status in
-- p_statuses, grouped by single linkage within p_distance_m metres (EPSG:32648,
-- ST_ClusterDBSCAN minpoints 1); a group is a candidate when its sites have at
-- least two distinct owners. A site record's owner is its owner; an inferred
-- site's is its single operator when it has one, else unknown (NULL) — and an
-- unknown owner counts as one of its own, different from every other.
-- span_m = largest distance between two sites of the group (m);
-- structures_saved = sites − 1; the commune is the unit of p_boundary_set's
-- commune level containing the group's centroid (lowest id on a border).
-- Groups are numbered by their smallest site key, so numbers are stable while
-- the groups are.
CREATE OR REPLACE FUNCTION hatang_consolidation_groups(p_distance_m float8, p_statuses text[], p_boundary_set text)
RETURNS TABLE (group_no integer, sites jsonb, owners text[], operators text[], span_m float8, structures_saved integer,
               commune_code text, commune_name text, geom geometry, centre geometry)
LANGUAGE sql STABLE
SET jit = off
AS $$
  WITH active AS MATERIALIZED (
    SELECT p.id, p.site_key, p.inferred, p.site_id, p.geom, ST_Transform(p.geom, 32648) AS g,
           array_agg(DISTINCT o.code ORDER BY o.code) AS ops
      FROM physical_sites p
      JOIN bts_physical_sites a ON a.physical_site_id = p.id
      JOIN bts b ON b.id = a.bts_id
      JOIN operators o ON o.id = b.operator_id
     WHERE b.status = ANY (p_statuses)
     GROUP BY p.id
  ),
  owned AS MATERIALIZED (
    SELECT a.*, s.structure_type, s.height_m::float8 AS height_m,
           CASE WHEN a.site_id IS NOT NULL THEN (SELECT o.code FROM operators o WHERE o.id = s.owner_id)
                WHEN cardinality(a.ops) = 1 THEN a.ops[1] END AS owner
      FROM active a
      LEFT JOIN site_records s ON s.id = a.site_id
  ),
  clustered AS MATERIALIZED (
    SELECT w.*, coalesce(w.owner, 'site:' || w.site_key) AS owner_key,
           ST_ClusterDBSCAN(w.g, p_distance_m, 1) OVER () AS cid
      FROM owned w
  ),
  groups AS (
    SELECT c.cid,
           min(c.site_key COLLATE "C") AS first_key,
           jsonb_agg(jsonb_build_object('siteKey', c.site_key, 'inferred', c.inferred, 'owner', c.owner,
                                        'structureType', c.structure_type, 'heightM', c.height_m, 'operators', to_jsonb(c.ops))
                     ORDER BY c.site_key COLLATE "C") AS sites,
           coalesce(array_agg(DISTINCT c.owner ORDER BY c.owner) FILTER (WHERE c.owner IS NOT NULL), '{}') AS owners,
           ST_MaxDistance(ST_Collect(c.g), ST_Collect(c.g)) AS span_m,
           (count(*) - 1)::integer AS saved,
           ST_Collect(c.geom ORDER BY c.site_key COLLATE "C") AS geom,
           ST_Centroid(ST_Collect(c.geom)) AS centre
      FROM clustered c
     GROUP BY c.cid
    HAVING count(DISTINCT c.owner_key) >= 2
  )
  SELECT (row_number() OVER (ORDER BY g.first_key))::integer, g.sites, g.owners,
         ARRAY(SELECT DISTINCT x FROM jsonb_array_elements(g.sites) s, jsonb_array_elements_text(s->'operators') x ORDER BY x),
         g.span_m, g.saved, cu.code, cu.name, g.geom, g.centre
    FROM groups g
    LEFT JOIN LATERAL (
      SELECT u.code, u.name FROM admin_units u
       WHERE u.boundary_set = p_boundary_set AND u.level = 'commune' AND ST_Intersects(u.geom, g.centre)
       ORDER BY u.id LIMIT 1) cu ON true
   ORDER BY g.first_key
$$;

COMMENT ON FUNCTION hatang_consolidation_groups(float8, text[], text) IS
  'Consolidation candidates: groups (single linkage within p_distance_m metres, EPSG:32648) of physical sites with active BTS (status in p_statuses) and >= 2 distinct owners; sites as JSON, span_m in metres, structures saved = sites - 1, commune of the centroid in p_boundary_set, geom = MultiPoint of the sites (EPSG:4326).';
