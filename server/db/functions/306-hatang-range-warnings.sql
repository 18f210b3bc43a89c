-- Where a footprint lies outside the validity of the Hata models (DESIGN §3):
-- base antenna height outside 30–200 m, frequency outside 150–2000 MHz, range
-- over 20 km. The same list as server/src/coverage/range-model.ts.
CREATE OR REPLACE FUNCTION hatang_range_warnings(p_base_height_m float8, p_freq_mhz float8, p_range_m float8)
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT array_remove(ARRAY[
    CASE WHEN p_base_height_m < 30 THEN 'antenna-height-below-model' END,
    CASE WHEN p_base_height_m > 200 THEN 'antenna-height-above-model' END,
    CASE WHEN p_freq_mhz < 150 THEN 'frequency-below-model' END,
    CASE WHEN p_freq_mhz > 2000 THEN 'frequency-above-model' END,
    CASE WHEN p_range_m > 20000 THEN 'range-above-model' END], NULL)
$$;

COMMENT ON FUNCTION hatang_range_warnings(float8, float8, float8) IS
  'Model-validity warnings for a footprint: antenna height (m), frequency (MHz) and range (m) outside the Hata models.';
