-- Rows of the shared-sites vector tile z/x/y (see hatang_tile_sites for the
-- shape): physical sites (site inference, site records and inferred sites)
-- with active BTS of at least two operators in the scenario given by
-- p_active_statuses (current: on_air; planned: on_air, approved), as the
-- shared-sites layer. Filters (NULL = all): operators and technologies of the
-- site's BTS, status (a site record's own; an inferred site's is the most
-- advanced of its BTS), administrative unit (p_unit_id: physical sites inside
-- it, as the shared-sites layer; NULL = any).
DROP FUNCTION IF EXISTS hatang_tile_shared_sites(integer, integer, integer, text[], text[], text[], text[]);
CREATE OR REPLACE FUNCTION hatang_tile_shared_sites(
  p_z integer, p_x integer, p_y integer, p_operators text[], p_technologies text[], p_statuses text[], p_active_statuses text[], p_unit_id integer)
RETURNS TABLE (id bigint, geom geometry, ord bigint, props jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  -- Each candidate's BTS are aggregated in a LATERAL subquery (an index lookup
  -- per site): joined to one aggregate over all candidates, the planner, which
  -- guesses one row for the && filter, re-ran that aggregate per site (7 s at z8).
  SELECT c.id::bigint, ST_Transform(c.geom, 3857), c.id::bigint,
         jsonb_build_object(
           'code', c.site_key, 'inferred', c.inferred, 'status', coalesce(s.status, t.bts_status),
           'operators', array_to_string(t.operators, ','), 'operatorCount', cardinality(t.operators),
           'technologies', array_to_string(t.technologies, ','), 'btsCount', t.bts_count, 'shared', true)
    FROM physical_sites c
   CROSS JOIN LATERAL (
     SELECT coalesce(array_agg(DISTINCT o.code ORDER BY o.code) FILTER (WHERE b.status = ANY (p_active_statuses)), '{}') AS operators,
            coalesce(array_agg(DISTINCT b.technology ORDER BY b.technology) FILTER (WHERE b.status = ANY (p_active_statuses)), '{}') AS technologies,
            count(*)::integer AS bts_count,
            CASE WHEN bool_or(b.status = 'on_air') THEN 'on_air' WHEN bool_or(b.status = 'approved') THEN 'approved' ELSE 'planned' END AS bts_status,
            bool_or((p_operators IS NULL OR o.code = ANY (p_operators)) AND (p_technologies IS NULL OR b.technology = ANY (p_technologies))) AS matches
       FROM bts_physical_sites a
       JOIN bts b ON b.id = a.bts_id
       JOIN operators o ON o.id = b.operator_id
      WHERE a.physical_site_id = c.id) t
    LEFT JOIN site_records s ON s.id = c.site_id
   WHERE c.geom && hatang_tile_filter_box(p_z, p_x, p_y)
     AND (p_unit_id IS NULL OR ST_Intersects(c.geom, (SELECT u.geom FROM admin_units u WHERE u.id = p_unit_id)))
     AND cardinality(t.operators) >= 2
     AND (p_statuses IS NULL OR coalesce(s.status, t.bts_status) = ANY (p_statuses))
     AND ((p_operators IS NULL AND p_technologies IS NULL) OR t.matches)
$$;

COMMENT ON FUNCTION hatang_tile_shared_sites(integer, integer, integer, text[], text[], text[], text[], integer) IS
  'Shared physical sites (active BTS of >= 2 operators, active = a status in p_active_statuses) in Web Mercator tile z/x/y (and in admin unit p_unit_id unless NULL): row id, point in EPSG:3857, order, tile properties (code = site key, inferred, status, operators and technologies as comma-separated text, operatorCount, btsCount, shared).';
