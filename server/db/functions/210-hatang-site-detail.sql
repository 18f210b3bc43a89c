-- One site with its tenants and the commune and district (of the default
-- boundary set) its point lies in.
CREATE OR REPLACE FUNCTION hatang_site_detail(p_code text)
RETURNS TABLE (id integer, code text, name text, structure_type text, height_m float8,
               owner_code text, owner_name text, status text, address text,
               operators text[], technologies text[], bts_count integer,
               lon float8, lat float8, commune_code text, commune_name text, district_name text,
               source text, source_date text, updated_at text, version integer)
LANGUAGE sql STABLE
AS $$
  SELECT s.id, s.code, s.name, s.structure_type, s.height_m::float8, o.code, o.name, s.status, s.address,
         coalesce(t.operators, '{}'), coalesce(t.technologies, '{}'), coalesce(t.bts_count, 0),
         ST_X(s.geom), ST_Y(s.geom), c.code, c.name, d.name,
         s.source, to_char(s.source_date, 'YYYY-MM-DD'),
         to_char(s.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), s.version
    FROM sites s
    JOIN operators o ON o.id = s.owner_id
    LEFT JOIN hatang_site_tenants(ARRAY[s.id]) t ON true
    LEFT JOIN LATERAL (
      SELECT a.code, a.name, a.parent_id FROM admin_units a
        JOIN boundary_sets bs ON bs.code = a.boundary_set AND bs.is_default
       WHERE a.level = 'commune' AND ST_Intersects(a.geom, s.geom)
       ORDER BY a.code LIMIT 1) c ON true
    LEFT JOIN admin_units d ON d.id = c.parent_id AND d.level = 'district'
   WHERE s.code = p_code
$$;

COMMENT ON FUNCTION hatang_site_detail(text) IS
  'A site by code with its on-air operators and technologies, its BTS count and its commune/district in the default boundary set.';
