-- Rebuilds the footprints of the given BTS (NULL = every BTS). On-air and
-- approved BTS have footprints; bts_status keeps which, so that the 'current'
-- scenario uses the on-air ones and 'planned' both (contracts/sharing-contracts.ts).
-- Per sector: MAPL = EIRP − receiver threshold − margins (from p_params, per
-- technology, optionally per band), range from hatang_range_km unless the BTS
-- has a radius override, environment from the BTS override or else from the
-- type of the default boundary set's commune it stands in
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
-- Both scratch tables and the footprints are built by CREATE TABLE AS, which
-- PostgreSQL runs with parallel workers (INSERT … SELECT and CTEs never are);
-- they are ordinary unlogged tables, created and dropped in the caller's
-- transaction (so no one else ever sees them), because workers cannot read
-- temporary tables. The embedded database runs the same statements in one process.
SET parallel_setup_cost = 0
SET parallel_tuple_cost = 0
SET min_parallel_table_scan_size = 0
SET min_parallel_index_scan_size = 0
SET client_min_messages = warning
AS $$
DECLARE
  written integer;
  radio text := format('coverage_scratch_radio_%s', pg_backend_pid());
  ranged text := format('coverage_scratch_ranged_%s', pg_backend_pid());
  placed text := format('coverage_scratch_placed_%s', pg_backend_pid());
BEGIN
  DELETE FROM coverage_footprints WHERE p_bts_ids IS NULL OR bts_id = ANY (p_bts_ids);
  EXECUTE format('DROP TABLE IF EXISTS %I, %I, %I', radio, ranged, placed);
  DROP TABLE IF EXISTS coverage_scratch_footprints;

  -- Every BTS's commune (for its environment), when all are rebuilt: found
  -- from the communes' side, each polygon tested once against the BTS its
  -- GiST box holds (PostGIS reuses the prepared polygon), as
  -- hatang_environment_at decides (lowest code on a border). One lookup per
  -- BTS, testing a different polygon each time, took 6 s nationally. A few
  -- BTS look their communes up one by one.
  EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
    SELECT DISTINCT ON (b.id) b.id, hatang_environment_of_unit_type(a.unit_type) AS environment
      FROM admin_units a
      JOIN boundary_sets bs ON bs.code = a.boundary_set AND bs.is_default
      JOIN bts b ON ST_Intersects(a.geom, b.geom)
     WHERE $1::integer[] IS NULL AND a.level = 'commune'
       AND b.status IN ('on_air', 'approved') AND b.environment_override IS NULL
     ORDER BY b.id, a.code$q$, placed)
    USING p_bts_ids;
  -- Per BTS, once (not once per sector): environment and MAPL, then the range
  -- from them (a separate step, so that neither is evaluated twice).
  EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
    SELECT b.id, b.geom, b.operator_id, b.technology, b.status, b.band_mhz, b.antenna_height_m, b.radius_override_m,
           coalesce(b.environment_override,
                    CASE WHEN $2::integer[] IS NULL THEN coalesce(e.environment, 'rural') ELSE hatang_environment_at(b.geom) END) AS environment,
           hatang_mapl_db($1, b.technology, b.band_mhz, b.eirp_dbm::float8) AS mapl_db
      FROM bts b
      LEFT JOIN %I e ON e.id = b.id
     WHERE b.status IN ('on_air', 'approved') AND ($2::integer[] IS NULL OR b.id = ANY ($2))$q$, radio, placed)
    USING p_params, p_bts_ids;
  EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
    SELECT a.*,
           coalesce(a.radius_override_m::float8,
                    1000 * hatang_range_km(a.band_mhz, a.antenna_height_m::float8,
                                           coalesce(($1->>'mobileHeightM')::float8, 1.5), a.environment, a.mapl_db)) AS range_m,
           CASE WHEN a.radius_override_m IS NOT NULL THEN 'override'
                WHEN a.band_mhz <= 1500 THEN 'okumura-hata' ELSE 'cost231-hata' END AS model
      FROM %I a
     WHERE a.mapl_db IS NOT NULL$q$, ranged, radio)
    USING p_params;
  EXECUTE format($q$
    CREATE TEMP TABLE coverage_scratch_footprints ON COMMIT DROP AS
    SELECT r.id AS bts_id, s.sector_no, r.operator_id, r.technology, r.status AS bts_status, r.environment, r.mapl_db, r.range_m, r.model,
           hatang_range_warnings(r.antenna_height_m::float8, r.band_mhz, r.range_m) AS warnings,
           hatang_sector_footprint(r.geom, r.range_m, s.azimuth_deg::float8, s.beamwidth_deg::float8) AS geom
      FROM %I r
      JOIN bts_sectors s ON s.bts_id = r.id$q$, ranged);
  INSERT INTO coverage_footprints (bts_id, sector_no, operator_id, technology, bts_status, environment, mapl_db, range_m, model, warnings, geom)
  SELECT bts_id, sector_no, operator_id, technology, bts_status, environment, mapl_db, range_m, model, warnings, geom
    FROM coverage_scratch_footprints;
  GET DIAGNOSTICS written = ROW_COUNT;
  EXECUTE format('DROP TABLE %I, %I, %I', radio, ranged, placed);
  DROP TABLE coverage_scratch_footprints;
  RETURN written;
END
$$;

COMMENT ON FUNCTION hatang_recompute_footprints(jsonb, integer[]) IS
  'Rebuilds coverage_footprints for the given BTS ids (NULL = all): one polygon per sector of each on-air or approved BTS (bts_status tells which scenarios it is in), range in metres from the Hata model and the link budget in p_params.';
