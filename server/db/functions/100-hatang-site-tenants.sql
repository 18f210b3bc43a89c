-- Who is on each site: the distinct operators with an on-air BTS there, their
-- technologies, and how many non-decommissioned BTS stand on it. "Shared" is
-- defined on on-air tenants only (DESIGN §3: sites with active BTS of >= 2
-- distinct operators), so a planned BTS does not make a site shared.
CREATE OR REPLACE FUNCTION hatang_site_tenants(p_site_ids integer[])
RETURNS TABLE (site_id integer, operators text[], technologies text[], bts_count integer)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT b.site_id,
         coalesce(array_agg(DISTINCT o.code ORDER BY o.code) FILTER (WHERE b.status = 'on_air'), '{}'::text[]),
         coalesce(array_agg(DISTINCT b.technology ORDER BY b.technology) FILTER (WHERE b.status = 'on_air'), '{}'::text[]),
         (count(*) FILTER (WHERE b.status <> 'decommissioned'))::integer
    FROM bts b
    JOIN operators o ON o.id = b.operator_id
   WHERE b.site_id = ANY (p_site_ids)
   GROUP BY b.site_id
$$;

COMMENT ON FUNCTION hatang_site_tenants(integer[]) IS
  'Per site id: distinct operator codes and technologies of its on-air BTS (sorted), and the count of its non-decommissioned BTS.';
