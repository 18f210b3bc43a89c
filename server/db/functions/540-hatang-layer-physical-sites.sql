-- GeoJSON FeatureCollection (text) of physical sites (site inference, DESIGN
-- §3): site records and sites inferred from BTS without a site code, with the
-- operators that have a BTS of a status in p_active_statuses on them (the
-- scenario: current = on_air, planned = on_air + approved). Filters as for the
-- sites layer (NULL = all): bbox (&& on the GiST index), operators and
-- technologies of the site's BTS, status (a site record's own; an inferred
-- site's is the most advanced of its BTS), an administrative unit;
-- p_shared_only keeps sites with active BTS of >= 2 distinct operators. An
-- inferred site lists its member BTS (btsCodes): nothing else names them.
CREATE OR REPLACE FUNCTION hatang_layer_physical_sites(
  p_bbox geometry, p_operators text[], p_technologies text[], p_statuses text[],
  p_unit_id integer, p_shared_only boolean, p_active_statuses text[], p_limit integer)
RETURNS text
LANGUAGE sql STABLE
AS $$
  WITH unit AS (SELECT geom FROM admin_units WHERE id = p_unit_id),
  candidates AS MATERIALIZED (
    SELECT p.* FROM physical_sites p
     WHERE (p_bbox IS NULL OR p.geom && p_bbox)
       AND (p_unit_id IS NULL OR ST_Intersects(p.geom, (SELECT geom FROM unit)))
  ),
  members AS MATERIALIZED (
    SELECT a.physical_site_id, b.code, b.status, b.technology, o.code AS operator
      FROM candidates c
      JOIN bts_physical_sites a ON a.physical_site_id = c.id
      JOIN bts b ON b.id = a.bts_id
      JOIN operators o ON o.id = b.operator_id
  ),
  tenants AS (
    SELECT m.physical_site_id,
           coalesce(array_agg(DISTINCT m.operator ORDER BY m.operator) FILTER (WHERE m.status = ANY (p_active_statuses)), '{}') AS operators,
           coalesce(array_agg(DISTINCT m.technology ORDER BY m.technology) FILTER (WHERE m.status = ANY (p_active_statuses)), '{}') AS technologies,
           count(*)::integer AS bts_count,
           array_agg(m.code ORDER BY m.code COLLATE "C") AS bts_codes,
           CASE WHEN bool_or(m.status = 'on_air') THEN 'on_air' WHEN bool_or(m.status = 'approved') THEN 'approved' ELSE 'planned' END AS bts_status,
           bool_or((p_operators IS NULL OR m.operator = ANY (p_operators)) AND (p_technologies IS NULL OR m.technology = ANY (p_technologies))) AS matches
      FROM members m GROUP BY m.physical_site_id
  ),
  rows AS (
    SELECT c.id, c.site_key, c.inferred, c.geom, s.name, s.structure_type, s.height_m, ow.code AS owner_code, ow.name AS owner_name,
           coalesce(s.status, t.bts_status) AS status, s.address,
           coalesce(t.operators, '{}') AS operators, coalesce(t.technologies, '{}') AS technologies, coalesce(t.bts_count, 0) AS bts_count,
           CASE WHEN c.inferred THEN t.bts_codes ELSE '{}'::text[] END AS bts_codes,
           row_number() OVER (ORDER BY c.site_key) AS rn
      FROM candidates c
      LEFT JOIN site_records s ON s.id = c.site_id
      LEFT JOIN operators ow ON ow.id = s.owner_id
      LEFT JOIN tenants t ON t.physical_site_id = c.id
     WHERE (NOT p_shared_only OR cardinality(t.operators) >= 2)
       AND (p_statuses IS NULL OR coalesce(s.status, t.bts_status) = ANY (p_statuses))
       AND ((p_operators IS NULL AND p_technologies IS NULL) OR t.matches)
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', r.id,
        'geometry', ST_AsGeoJSON(r.geom, 7)::json,
        'properties', json_build_object(
          'code', r.site_key, 'siteKey', r.site_key, 'inferred', r.inferred,
          'name', r.name, 'structureType', r.structure_type,
          'heightM', r.height_m::float8, 'owner', r.owner_code, 'ownerName', r.owner_name,
          'status', r.status, 'address', r.address,
          'operators', r.operators, 'operatorCount', cardinality(r.operators),
          'technologies', r.technologies, 'btsCount', r.bts_count, 'btsCodes', r.bts_codes,
          'shared', cardinality(r.operators) >= 2))
      ORDER BY r.site_key) FILTER (WHERE r.rn <= p_limit), '[]'::json),
    'numberReturned', least(count(*), p_limit),
    'truncated', count(*) > p_limit)::text
  FROM rows r
$$;

COMMENT ON FUNCTION hatang_layer_physical_sites(geometry, text[], text[], text[], integer, boolean, text[], integer) IS
  'Physical sites (site records and inferred sites) as an RFC 7946 FeatureCollection (text), EPSG:4326 rounded to 7 decimals, with operatorCount = distinct operators with a BTS of a status in p_active_statuses; at most p_limit features, truncated=true when more matched.';
