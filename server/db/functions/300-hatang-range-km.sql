-- Cell range in km where the Hata path loss reaches p_mapl_db (DESIGN §3; the
-- TypeScript twin is server/src/coverage/range-model.ts). Okumura-Hata up to
-- 1500 MHz, COST-231 Hata above (extrapolated past 2000 MHz: callers flag it).
-- p_env: 'urban', 'dense_urban' (COST-231 Cm = 3 dB), 'suburban', 'rural'.
CREATE OR REPLACE FUNCTION hatang_range_km(
  p_freq_mhz float8, p_base_height_m float8, p_mobile_height_m float8, p_env text, p_mapl_db float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$
  WITH k AS (
    SELECT log(p_freq_mhz) AS lf, log(p_base_height_m) AS lh,
           (1.1 * log(p_freq_mhz) - 0.7) * p_mobile_height_m - (1.56 * log(p_freq_mhz) - 0.8) AS a_hm
  ), loss AS (
    SELECT CASE WHEN p_freq_mhz <= 1500
                THEN 69.55 + 26.16 * lf - 13.82 * lh - a_hm
                ELSE 46.3 + 33.9 * lf - 13.82 * lh - a_hm + CASE WHEN p_env = 'dense_urban' THEN 3 ELSE 0 END
           END
           - CASE p_env WHEN 'suburban' THEN 2 * power(log(p_freq_mhz / 28.0), 2) + 5.4
                        WHEN 'rural' THEN 4.78 * power(lf, 2) - 18.33 * lf + 40.94
                        ELSE 0 END AS at_1km,
           44.9 - 6.55 * lh AS slope
      FROM k
  )
  SELECT power(10, (p_mapl_db - at_1km) / slope) FROM loss
$$;

COMMENT ON FUNCTION hatang_range_km(float8, float8, float8, text, float8) IS
  'Range (km) at which Okumura-Hata (<=1500 MHz) or COST-231 Hata (>1500 MHz) path loss equals the MAPL (dB); frequency MHz, heights m; env urban|dense_urban|suburban|rural.';
