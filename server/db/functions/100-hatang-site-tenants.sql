-- Who is on each site record: the distinct operators with an on-air BTS on it,
-- their technologies, and how many non-decommissioned BTS stand on it — its
-- own coded BTS and those site inference joined to it (BTS without a site code
-- within ε, bts_physical_sites), so the site, the shared-sites layer and the
-- sharing ratios agree. "Shared" is defined on on-air tenants only (DESIGN §3:
-- sites with active BTS of >= 2 distinct operators), so a planned BTS does not
-- make a site shared.
CREATE OR REPLACE FUNCTION hatang_site_tenants(p_site_ids integer[])
RETURNS TABLE (site_id integer, operators text[], technologies text[], bts_count integer)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT ps.site_id,
         coalesce(array_agg(DISTINCT o.code ORDER BY o.code) FILTER (WHERE b.status = 'on_air'), '{}'::text[]),
         coalesce(array_agg(DISTINCT b.technology ORDER BY b.technology) FILTER (WHERE b.status = 'on_air'), '{}'::text[]),
         (count(*) FILTER (WHERE b.status <> 'decommissioned'))::integer
    FROM physical_sites ps
    JOIN bts_physical_sites bp ON bp.physical_site_id = ps.id
    JOIN bts b ON b.id = bp.bts_id
    JOIN operators o ON o.id = b.operator_id
   WHERE ps.site_id = ANY (p_site_ids)
   GROUP BY ps.site_id
$$;

COMMENT ON FUNCTION hatang_site_tenants(integer[]) IS
  'Per site record id: distinct operator codes and technologies of its on-air BTS (sorted), and the count of its non-decommissioned BTS — coded ones and those site inference joined to it.';
