-- Rebuilds the coverage unions from the footprints, per scenario ('current':
-- on-air BTS; 'planned': on-air and approved), per (operator, technology group)
-- and per group for any operator ('*'), groups being each technology and
-- 'broadband' (3G, 4G, 5G). A union is stored as its pieces in grid cells
-- (coverage_union_cells, see hatang_union_cell_size): p_operator_codes limits
-- the rebuild to those operators' unions (and the '*' unions, which depend on
-- every operator's), p_cells to those cells; NULL rebuilds everything. A BTS
-- change passes the cells its old and new footprints reach, so its cost is that
-- of a few cells, whatever the size of the register.
-- Every combination of an operator with BTS and a group has a coverage_unions
-- row in both scenarios (with its area, the sum of its cells), even when
-- nothing covers it, so that verdicts exist for it.
-- Built bottom-up so that no footprint is unioned more than once per cell:
-- (operator, technology) from footprints; (*, technology) and (operator,
-- broadband) from those; (*, broadband) from the (*, technology) pieces. A
-- planned piece is the current one plus the approved footprints among its
-- inputs; without any it is a copy of the current one (is_copy), so the planned
-- scenario costs only what approved BTS change.
-- The overlay is planar in lon/lat: footprint edges are at most 5° arc chords,
-- so the result differs from a metric CRS by well under a metre; areas are
-- measured on the spheroid. Pieces are also stored subdivided (<= 128 vertices
-- per part, GiST-indexed) for fast point-in-coverage and overlay tests.
-- Every overlay passes hatang_overlay_grid() as its grid size (see there: the
-- embedded PostGIS would otherwise silently drop some overlay rows).
-- Each level's pieces are computed by one CREATE TABLE AS over an unlogged
-- table of the level's keys, calling a PL/pgSQL function per key: PostgreSQL
-- hands the keys' pages to parallel workers, so each worker unions whole cells
-- (ST_Union's own parallel aggregate would leave every union to the leader).
-- The scratch tables are ordinary unlogged tables named after the backend
-- (workers cannot read temporary tables), created and dropped in the caller's
-- transaction, so no one else ever sees them.
DROP FUNCTION IF EXISTS hatang_recompute_unions(text[]);
CREATE OR REPLACE FUNCTION hatang_recompute_unions(p_operator_codes text[], p_cells integer[])
RETURNS integer
LANGUAGE plpgsql
-- Cross joins over many rows give huge cost estimates; JIT compilation would then
-- cost more than the whole query.
SET jit = off
SET parallel_setup_cost = 0
SET parallel_tuple_cost = 0
SET min_parallel_table_scan_size = 0
SET client_min_messages = warning
AS $$
DECLARE
  keys text := format('coverage_scratch_keys_%s', pg_backend_pid());
  pieces text := format('coverage_scratch_pieces_%s', pg_backend_pid());
  parts text := format('coverage_scratch_parts_%s', pg_backend_pid());
  sc text;
  written integer;
BEGIN
  -- The unions' rows: dropped for operators without BTS (with their cells and
  -- parts), added for operators that have BTS now.
  DELETE FROM coverage_unions u
   WHERE (p_operator_codes IS NULL AND u.operator_code <> '*')
      OR (u.operator_code = ANY (p_operator_codes)
          AND NOT EXISTS (SELECT 1 FROM bts b JOIN operators o ON o.id = b.operator_id WHERE o.code = u.operator_code));
  INSERT INTO coverage_unions (scenario, operator_code, tech_group, area_m2)
  SELECT s.scenario, k.code, t.tech_group, 0
    FROM (VALUES ('current'), ('planned')) s(scenario)
   CROSS JOIN (SELECT '*' AS code
               UNION ALL
               SELECT o.code FROM operators o
                WHERE EXISTS (SELECT 1 FROM bts b WHERE b.operator_id = o.id)
                  AND (p_operator_codes IS NULL OR o.code = ANY (p_operator_codes))) k
   CROSS JOIN (VALUES ('2G'), ('3G'), ('4G'), ('5G'), ('broadband')) t(tech_group)
  ON CONFLICT DO NOTHING;

  -- The pieces to rebuild (their parts go with them: ON DELETE CASCADE).
  DELETE FROM coverage_union_cells c
   WHERE (p_operator_codes IS NULL OR c.operator_code = '*' OR c.operator_code = ANY (p_operator_codes))
     AND (p_cells IS NULL OR c.cell IN (SELECT unnest(p_cells)));

  EXECUTE format('DROP TABLE IF EXISTS %I, %I, %I', keys, pieces, parts);
  FOREACH sc IN ARRAY ARRAY['current', 'planned'] LOOP
    -- Three levels, each built from the one before; after each, a planned piece
    -- none of whose inputs differs from the current ones is copied (is_copy).
    FOR level IN 0..2 LOOP
      IF level = 0 THEN
        -- (operator, technology) pieces: current from the on-air footprints; planned
        -- where approved footprints reach the cell, from the current piece and them.
        -- Given cells, the footprints are found from each cell's box (GiST): listing
        -- the cells of every footprint of the operator first cost seconds nationally.
        EXECUTE format(CASE WHEN p_cells IS NULL THEN $q$
          CREATE UNLOGGED TABLE %I AS
          SELECT DISTINCT f.operator_id, o.code AS operator_code, f.technology AS tech_group, c.cell
            FROM coverage_footprints f
            JOIN operators o ON o.id = f.operator_id
           CROSS JOIN LATERAL hatang_union_cells_of(f.geom) c(cell)
           WHERE f.bts_status = $1 AND ($2::text[] IS NULL OR o.code = ANY ($2))$q$ ELSE $q$
          CREATE UNLOGGED TABLE %I AS
          SELECT DISTINCT f.operator_id, o.code AS operator_code, f.technology AS tech_group, c.cell
            FROM unnest($3::integer[]) k(cell)
            JOIN coverage_footprints f ON f.geom && hatang_union_cell_box(k.cell)
            JOIN operators o ON o.id = f.operator_id
           CROSS JOIN LATERAL hatang_union_cells_of(f.geom) c(cell)
           WHERE c.cell = k.cell AND f.bts_status = $1 AND ($2::text[] IS NULL OR o.code = ANY ($2))$q$ END, keys)
          USING CASE sc WHEN 'current' THEN 'on_air' ELSE 'approved' END, p_operator_codes, p_cells;
        EXECUTE format($q$
          CREATE UNLOGGED TABLE %I AS
          SELECT k.operator_code, k.tech_group, k.cell, x.geom, x.area_m2
            FROM %I k
            LEFT JOIN coverage_union_cells b
              ON $1 = 'planned' AND b.scenario = 'current' AND b.operator_code = k.operator_code AND b.tech_group = k.tech_group AND b.cell = k.cell
           CROSS JOIN LATERAL hatang_cell_union_of_footprints(k.operator_id, k.tech_group, k.cell, CASE $1 WHEN 'current' THEN 'on_air' ELSE 'approved' END, b.geom) x$q$,
          pieces, keys)
          USING sc;
      ELSE
        -- Level 1: (*, technology) from every operator's pieces of the cell, and
        -- (operator, broadband) from the operator's 3G/4G/5G pieces. Level 2:
        -- (*, broadband) from the (*, 3G/4G/5G) pieces.
        IF level = 1 THEN
          EXECUTE format($q$
            CREATE UNLOGGED TABLE %I AS
            SELECT DISTINCT '*'::text AS operator_code, c.tech_group, c.cell
              FROM coverage_union_cells c
             WHERE c.scenario = $1 AND c.operator_code <> '*' AND c.tech_group <> 'broadband'
               AND ($3::integer[] IS NULL OR c.cell IN (SELECT unnest($3)))
               AND ($1 = 'current' OR NOT c.is_copy)
            UNION
            SELECT DISTINCT c.operator_code, 'broadband', c.cell
              FROM coverage_union_cells c
             WHERE c.scenario = $1 AND c.operator_code <> '*' AND c.tech_group IN ('3G', '4G', '5G')
               AND ($2::text[] IS NULL OR c.operator_code = ANY ($2))
               AND ($3::integer[] IS NULL OR c.cell IN (SELECT unnest($3)))
               AND ($1 = 'current' OR NOT c.is_copy)$q$, keys)
            USING sc, p_operator_codes, p_cells;
        ELSE
          EXECUTE format($q$
            CREATE UNLOGGED TABLE %I AS
            SELECT DISTINCT '*'::text AS operator_code, 'broadband'::text AS tech_group, c.cell
              FROM coverage_union_cells c
             WHERE c.scenario = $1 AND c.operator_code = '*' AND c.tech_group IN ('3G', '4G', '5G')
               AND ($2::integer[] IS NULL OR c.cell IN (SELECT unnest($2)))
               AND ($1 = 'current' OR NOT c.is_copy)$q$, keys)
            USING sc, p_cells;
        END IF;
        EXECUTE format($q$
          CREATE UNLOGGED TABLE %I AS
          SELECT k.operator_code, k.tech_group, k.cell, x.geom, x.area_m2
            FROM %I k
           CROSS JOIN LATERAL hatang_cell_union_of_cells(
                  $1, CASE WHEN k.operator_code = '*' AND k.tech_group <> 'broadband' THEN NULL ELSE k.operator_code END,
                  CASE k.tech_group WHEN 'broadband' THEN ARRAY['3G', '4G', '5G'] ELSE ARRAY[k.tech_group] END, k.cell) x$q$,
          pieces, keys)
          USING sc;
      END IF;
      EXECUTE format('INSERT INTO coverage_union_cells (scenario, operator_code, tech_group, cell, geom, area_m2) SELECT $1, operator_code, tech_group, cell, geom, area_m2 FROM %I', pieces)
        USING sc;
      EXECUTE format('DROP TABLE %I, %I', keys, pieces);
      IF sc = 'planned' THEN
        INSERT INTO coverage_union_cells (scenario, operator_code, tech_group, cell, geom, area_m2, is_copy)
        SELECT 'planned', c.operator_code, c.tech_group, c.cell, c.geom, c.area_m2, true
          FROM coverage_union_cells c
         WHERE c.scenario = 'current'
           AND CASE level WHEN 0 THEN c.operator_code <> '*' AND c.tech_group <> 'broadband'
                          WHEN 1 THEN (c.operator_code = '*') <> (c.tech_group = 'broadband')
                          ELSE c.operator_code = '*' AND c.tech_group = 'broadband' END
           AND (p_operator_codes IS NULL OR c.operator_code = '*' OR c.operator_code = ANY (p_operator_codes))
           AND (p_cells IS NULL OR c.cell IN (SELECT unnest(p_cells)))
           AND NOT EXISTS (SELECT 1 FROM coverage_union_cells p
                            WHERE p.scenario = 'planned' AND p.operator_code = c.operator_code AND p.tech_group = c.tech_group AND p.cell = c.cell);
      END IF;
    END LOOP;
  END LOOP;

  -- Parts of the new pieces: subdivided (in parallel, like the pieces) ...
  EXECUTE format($q$
    CREATE UNLOGGED TABLE %I AS
    SELECT c.scenario, c.operator_code, c.tech_group, c.cell, (ST_Dump(ST_Subdivide(c.geom, 128))).geom AS geom
      FROM coverage_union_cells c
     WHERE NOT c.is_copy
       AND ($1::text[] IS NULL OR c.operator_code = '*' OR c.operator_code = ANY ($1))
       AND ($2::integer[] IS NULL OR c.cell IN (SELECT unnest($2)))$q$, parts)
    USING p_operator_codes, p_cells;
  EXECUTE format('INSERT INTO coverage_union_parts (scenario, operator_code, tech_group, cell, geom) SELECT * FROM %I', parts);
  EXECUTE format('DROP TABLE %I', parts);
  -- ... and a copied piece takes the current piece's parts (subdivided just above when new).
  INSERT INTO coverage_union_parts (scenario, operator_code, tech_group, cell, geom)
  SELECT 'planned', p.operator_code, p.tech_group, p.cell, p.geom
    FROM coverage_union_cells c
    JOIN coverage_union_parts p ON p.scenario = 'current' AND p.operator_code = c.operator_code AND p.tech_group = c.tech_group AND p.cell = c.cell
   WHERE c.scenario = 'planned' AND c.is_copy
     AND (p_operator_codes IS NULL OR c.operator_code = '*' OR c.operator_code = ANY (p_operator_codes))
     AND (p_cells IS NULL OR c.cell IN (SELECT unnest(p_cells)));

  -- A union's area is the sum of its pieces' (they do not overlap), added in
  -- cell order so that a partial rebuild gives the very same number as a full one.
  UPDATE coverage_unions u
     SET area_m2 = coalesce((SELECT sum(c.area_m2 ORDER BY c.cell) FROM coverage_union_cells c
                              WHERE c.scenario = u.scenario AND c.operator_code = u.operator_code AND c.tech_group = u.tech_group), 0)
   WHERE p_operator_codes IS NULL OR u.operator_code = '*' OR u.operator_code = ANY (p_operator_codes);
  SELECT count(*) INTO written FROM coverage_unions;
  RETURN written;
END
$$;

COMMENT ON FUNCTION hatang_recompute_unions(text[], integer[]) IS
  'Rebuilds coverage_unions (one row per scenario, operator or * = any, technology group 2G/3G/4G/5G/broadband, with area_m2 on the spheroid), their pieces per grid cell (coverage_union_cells; a planned piece without approved input is a copy of the current one) and the pieces'' subdivided parts; only the given operators'' and the * unions (NULL = all) in the given cells (NULL = all).';
