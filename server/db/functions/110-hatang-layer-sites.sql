-- GeoJSON FeatureCollection (text) of sites. Filters are optional (NULL = all):
-- bbox in EPSG:4326 (matched with && on the GiST index), operators and
-- technologies of the site's non-decommissioned BTS, the site's own status, and
-- an administrative unit (sites inside its polygon). p_shared_only keeps sites
-- with on-air BTS of at least two distinct operators.
CREATE OR REPLACE FUNCTION hatang_layer_sites(
  p_bbox geometry, p_operators text[], p_technologies text[], p_statuses text[],
  p_unit_id integer, p_shared_only boolean, p_limit integer)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH unit AS (SELECT geom FROM admin_units WHERE id = p_unit_id),
  candidates AS (
    SELECT s.*
      FROM sites s
     WHERE (p_bbox IS NULL OR s.geom && p_bbox)
       AND (p_statuses IS NULL OR s.status = ANY (p_statuses))
       AND (p_unit_id IS NULL OR ST_Intersects(s.geom, (SELECT geom FROM unit)))
       -- The site's BTS: its coded ones and those site inference joined to it.
       AND ((p_operators IS NULL AND p_technologies IS NULL) OR EXISTS (
             SELECT 1 FROM physical_sites ps
               JOIN bts_physical_sites bp ON bp.physical_site_id = ps.id
               JOIN bts b ON b.id = bp.bts_id JOIN operators o ON o.id = b.operator_id
              WHERE ps.site_id = s.id AND b.status <> 'decommissioned'
                AND (p_operators IS NULL OR o.code = ANY (p_operators))
                AND (p_technologies IS NULL OR b.technology = ANY (p_technologies))))
  ),
  tenants AS (SELECT * FROM hatang_site_tenants((SELECT array_agg(id) FROM candidates))),
  rows AS (
    SELECT c.*, ow.code AS owner_code, ow.name AS owner_name,
           coalesce(t.operators, '{}') AS operators, coalesce(t.technologies, '{}') AS technologies,
           coalesce(t.bts_count, 0) AS bts_count,
           row_number() OVER (ORDER BY c.code) AS rn
      FROM candidates c
      JOIN operators ow ON ow.id = c.owner_id
      LEFT JOIN tenants t ON t.site_id = c.id
     WHERE NOT p_shared_only OR cardinality(t.operators) >= 2
  )
  SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(json_build_object(
        'type', 'Feature',
        'id', r.id,
        'geometry', ST_AsGeoJSON(r.geom, 7)::json,
        'properties', json_build_object(
          'code', r.code, 'siteKey', r.code, 'inferred', false, 'name', r.name, 'structureType', r.structure_type,
          'heightM', r.height_m::float8, 'owner', r.owner_code, 'ownerName', r.owner_name,
          'status', r.status, 'address', r.address,
          'operators', r.operators, 'operatorCount', cardinality(r.operators),
          'technologies', r.technologies, 'btsCount', r.bts_count,
          'shared', cardinality(r.operators) >= 2))
      ORDER BY r.code) FILTER (WHERE r.rn <= p_limit), '[]'::json),
    'numberReturned', least(count(*), p_limit),
    'truncated', count(*) > p_limit)::text
  FROM rows r
$$;

COMMENT ON FUNCTION hatang_layer_sites(geometry, text[], text[], text[], integer, boolean, integer) IS
  'Sites as an RFC 7946 FeatureCollection (text), coordinates in EPSG:4326 rounded to 7 decimals; at most p_limit features, truncated=true when more matched.';
