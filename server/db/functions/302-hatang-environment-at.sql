-- Propagation environment at a point, from the type of the default boundary
-- set's commune it lies in (DESIGN §3): phường (and quận) urban, thị trấn
-- suburban, anything else (xã) or outside every commune rural. On a border,
-- the commune with the lowest code decides.
CREATE OR REPLACE FUNCTION hatang_environment_of_unit_type(p_unit_type text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE p_unit_type WHEN 'phuong' THEN 'urban' WHEN 'quan' THEN 'urban'
                          WHEN 'thi_tran' THEN 'suburban' ELSE 'rural' END
$$;

COMMENT ON FUNCTION hatang_environment_of_unit_type(text) IS
  'urban (phuong, quan) | suburban (thi_tran) | rural (anything else) for an administrative unit type.';

CREATE OR REPLACE FUNCTION hatang_environment_at(p_point geometry)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce((
    SELECT hatang_environment_of_unit_type(a.unit_type)
      FROM admin_units a JOIN boundary_sets bs ON bs.code = a.boundary_set AND bs.is_default
     WHERE a.level = 'commune' AND ST_Intersects(a.geom, p_point)
     ORDER BY a.code LIMIT 1), 'rural')
$$;

COMMENT ON FUNCTION hatang_environment_at(geometry) IS
  'urban | suburban | rural at a point (EPSG:4326), from the unit type of the default boundary set''s commune there.';
