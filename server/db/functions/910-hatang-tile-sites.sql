-- Rows of the sites vector tile z/x/y, for both tile paths (ST_AsMVT on
-- PostgreSQL, the TypeScript encoder on the embedded database), so their
-- properties cannot drift: id (the site's row id), geom in EPSG:3857, ord (the
-- features' order) and props, the small set of attributes a map styles and
-- labels by. Filters as the sites layer's (NULL = all): operators and
-- technologies of the site's non-decommissioned BTS, the site's own status.
-- p_unit_id limits the tile to the sites inside that administrative unit, as
-- the sites layer does (NULL = any unit). Lists (operators, technologies) are
-- comma-separated text: a vector tile value is a scalar.
DROP FUNCTION IF EXISTS hatang_tile_sites(integer, integer, integer, text[], text[], text[]);
CREATE OR REPLACE FUNCTION hatang_tile_sites(
  p_z integer, p_x integer, p_y integer, p_operators text[], p_technologies text[], p_statuses text[], p_unit_id integer)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH candidates AS (
    SELECT s.* FROM sites s
     WHERE s.geom && hatang_tile_filter_box(p_z, p_x, p_y)
       AND (p_statuses IS NULL OR s.status = ANY (p_statuses))
       AND (p_unit_id IS NULL OR ST_Intersects(s.geom, (SELECT u.geom FROM admin_units u WHERE u.id = p_unit_id)))
       AND ((p_operators IS NULL AND p_technologies IS NULL) OR EXISTS (
             SELECT 1 FROM physical_sites ps
               JOIN bts_physical_sites bp ON bp.physical_site_id = ps.id
               JOIN bts b ON b.id = bp.bts_id JOIN operators o ON o.id = b.operator_id
              WHERE ps.site_id = s.id AND b.status <> 'decommissioned'
                AND (p_operators IS NULL OR o.code = ANY (p_operators))
                AND (p_technologies IS NULL OR b.technology = ANY (p_technologies))))
  ),
  tenants AS (SELECT * FROM hatang_site_tenants((SELECT array_agg(c.id) FROM candidates c)))
  SELECT c.id::bigint, ST_Transform(c.geom, 3857), c.id::bigint,
         jsonb_build_object(
           'code', c.code, 'name', c.name, 'status', c.status, 'owner', ow.code,
           'structureType', c.structure_type, 'heightM', c.height_m,
           'operators', array_to_string(coalesce(t.operators, '{}'), ','),
           'operatorCount', cardinality(coalesce(t.operators, '{}')),
           'technologies', array_to_string(coalesce(t.technologies, '{}'), ','),
           'btsCount', coalesce(t.bts_count, 0),
           'shared', cardinality(coalesce(t.operators, '{}')) >= 2)
    FROM candidates c
    JOIN operators ow ON ow.id = c.owner_id
    LEFT JOIN tenants t ON t.site_id = c.id
$$;

COMMENT ON FUNCTION hatang_tile_sites(integer, integer, integer, text[], text[], text[], integer) IS
  'Sites in Web Mercator tile z/x/y (and in admin unit p_unit_id unless NULL) (filter in EPSG:4326 on the GiST index): row id, point in EPSG:3857, order, and the tile properties (code, name, status, owner, structureType, heightM in metres, operators and technologies of on-air BTS as comma-separated text, operatorCount, btsCount, shared).';
