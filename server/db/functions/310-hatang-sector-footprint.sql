-- Footprint of one antenna sector: the area within p_range_m metres of the
-- site and within azimuth ± beamwidth/2 (degrees clockwise from north), built on
-- the spheroid with ST_Project (one arc vertex every 5° at most); a beamwidth of
-- 360 gives a circle (geography buffer, 64 segments). Result in EPSG:4326.
CREATE OR REPLACE FUNCTION hatang_sector_footprint(
  p_center geometry, p_range_m float8, p_azimuth_deg float8, p_beamwidth_deg float8)
RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT CASE
    WHEN p_beamwidth_deg >= 360 THEN
      ST_Buffer(p_center::geography, p_range_m, 'quad_segs=16')::geometry
    ELSE
      ST_MakePolygon(ST_MakeLine(
        ARRAY[p_center]
        || ARRAY(SELECT ST_Project(p_center::geography, p_range_m,
                                   radians(p_azimuth_deg - p_beamwidth_deg / 2 + p_beamwidth_deg * i / n))::geometry
                   FROM (SELECT greatest(2, ceil(p_beamwidth_deg / 5))::integer AS n) k,
                        generate_series(0, k.n) AS i
                  ORDER BY i)
        || ARRAY[p_center]))
  END
$$;

COMMENT ON FUNCTION hatang_sector_footprint(geometry, float8, float8, float8) IS
  'Sector footprint polygon (EPSG:4326) for a site point, range in metres, azimuth and beamwidth in degrees (360 = omni circle); built on the spheroid.';
