-- Maximum allowed path loss (dB) = EIRP − receiver threshold − margins, with the
-- link budget of p_params (see server/src/coverage/link-budget.ts): the entry
-- for the technology and band, else the technology's entry without a band.
CREATE OR REPLACE FUNCTION hatang_mapl_db(p_params jsonb, p_technology text, p_band_mhz integer, p_eirp_dbm float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT p_eirp_dbm - (e->>'receiverThresholdDbm')::float8 - (e->>'marginsDb')::float8
    FROM jsonb_array_elements(p_params->'linkBudget') e
   WHERE e->>'technology' = p_technology
     AND ((e->>'bandMHz')::integer = p_band_mhz OR e->>'bandMHz' IS NULL)
   ORDER BY (e->>'bandMHz') IS NULL
   LIMIT 1
$$;

COMMENT ON FUNCTION hatang_mapl_db(jsonb, text, integer, float8) IS
  'MAPL in dB from EIRP (dBm) and the link budget entry (receiver threshold dBm, margins dB) for a technology and band.';
