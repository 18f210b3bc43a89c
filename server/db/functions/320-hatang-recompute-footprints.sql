-- Rebuilds the footprints of the given BTS (NULL = every BTS). Only on-air BTS
-- have footprints. Per sector: MAPL = EIRP − receiver threshold − margins (from
-- p_params, per technology, optionally per band), range from hatang_range_km
-- unless the BTS has a radius override, environment from the BTS override or
-- else from the type of the default boundary set's commune it stands in
-- (phường/quận → urban, thị trấn → suburban, otherwise rural).
--
-- p_params: {"mobileHeightM": 1.5,
--            "linkBudget": [{"technology": "4G", "bandMHz": null, "receiverThresholdDbm": -105, "marginsDb": 21}, …]}
-- A band-specific entry wins over the technology's entry with bandMHz null.
CREATE OR REPLACE FUNCTION hatang_recompute_footprints(p_params jsonb, p_bts_ids integer[])
RETURNS integer
LANGUAGE plpgsql
-- Cross joins over many rows give huge cost estimates; JIT compilation would then
-- cost more than the whole query.
SET jit = off
AS $$
DECLARE
  written integer;
BEGIN
  DELETE FROM coverage_footprints WHERE p_bts_ids IS NULL OR bts_id = ANY (p_bts_ids);

  -- MATERIALIZED: computed once per BTS, not once per sector.
  WITH budget AS (
    SELECT e->>'technology' AS technology, (e->>'bandMHz')::integer AS band_mhz,
           (e->>'receiverThresholdDbm')::float8 AS threshold_dbm, (e->>'marginsDb')::float8 AS margins_db
      FROM jsonb_array_elements(p_params->'linkBudget') e
  ),
  active AS MATERIALIZED (
    SELECT b.*,
           coalesce(b.environment_override, (
             SELECT CASE a.unit_type WHEN 'phuong' THEN 'urban' WHEN 'quan' THEN 'urban'
                                     WHEN 'thi_tran' THEN 'suburban' ELSE 'rural' END
               FROM admin_units a JOIN boundary_sets bs ON bs.code = a.boundary_set AND bs.is_default
              WHERE a.level = 'commune' AND ST_Intersects(a.geom, b.geom)
              ORDER BY a.code LIMIT 1), 'rural') AS environment,
           (SELECT b.eirp_dbm - g.threshold_dbm - g.margins_db FROM budget g
             WHERE g.technology = b.technology AND (g.band_mhz = b.band_mhz OR g.band_mhz IS NULL)
             ORDER BY g.band_mhz NULLS LAST LIMIT 1) AS mapl_db
      FROM bts b
     WHERE b.status = 'on_air' AND (p_bts_ids IS NULL OR b.id = ANY (p_bts_ids))
  ),
  ranged AS MATERIALIZED (
    SELECT a.*,
           coalesce(a.radius_override_m::float8,
                    1000 * hatang_range_km(a.band_mhz, a.antenna_height_m::float8,
                                           coalesce((p_params->>'mobileHeightM')::float8, 1.5), a.environment, a.mapl_db)) AS range_m,
           CASE WHEN a.radius_override_m IS NOT NULL THEN 'override'
                WHEN a.band_mhz <= 1500 THEN 'okumura-hata' ELSE 'cost231-hata' END AS model
      FROM active a
     WHERE a.mapl_db IS NOT NULL
  )
  INSERT INTO coverage_footprints (bts_id, sector_no, operator_id, technology, environment, mapl_db, range_m, model, warnings, geom)
  SELECT r.id, s.sector_no, r.operator_id, r.technology, r.environment, r.mapl_db, r.range_m, r.model,
         array_remove(ARRAY[
           CASE WHEN r.antenna_height_m < 30 THEN 'antenna-height-below-model' END,
           CASE WHEN r.antenna_height_m > 200 THEN 'antenna-height-above-model' END,
           CASE WHEN r.band_mhz < 150 THEN 'frequency-below-model' END,
           CASE WHEN r.band_mhz > 2000 THEN 'frequency-above-model' END,
           CASE WHEN r.range_m > 20000 THEN 'range-above-model' END], NULL),
         hatang_sector_footprint(r.geom, r.range_m, s.azimuth_deg::float8, s.beamwidth_deg::float8)
    FROM ranged r
    JOIN bts_sectors s ON s.bts_id = r.id;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$$;

COMMENT ON FUNCTION hatang_recompute_footprints(jsonb, integer[]) IS
  'Rebuilds coverage_footprints for the given BTS ids (NULL = all): one polygon per sector of each on-air BTS, range in metres from the Hata model and the link budget in p_params.';
