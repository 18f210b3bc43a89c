-- Site inference (DESIGN §3): rewrites physical_sites, bts_physical_sites and
-- site_conflicts from the register, everywhere (both arrays NULL) or only for
-- the part of the register connected to the given BTS and site records.
--
-- Points taking part: live, non-decommissioned site records; live,
-- non-decommissioned BTS (a BTS whose site record is decommissioned counts as
-- one without a site code: the record no longer names a structure). Two points
-- are linked when they stand within p_eps_m metres (EPSG:32648, UTM 48N: metric
-- for Việt Nam); groups are the connected parts (single linkage,
-- ST_ClusterDBSCAN with minpoints 1).
--   * every site record is a physical site (key = its code); its coded BTS are
--     'explicit' on it however far they stand (an explicit code always wins);
--   * BTS without a code join the site record of their group ('joined') — the
--     nearest one when the group holds several (a coded BTS also stands for its
--     site record, so the nearest is measured to the record's point or to its
--     BTS, ties to the lowest site id);
--   * a group without any site record is an inferred site ('inferred'):
--     key 'SUY-' || its smallest BTS code, point = centroid of its BTS.
-- distance_m is the metric distance from each BTS to its physical site's point.
--
-- Incremental runs: the closure starts from the touched BTS and sites where
-- they stand now and where they stood at the last inference (the positions kept
-- in bts_physical_sites and physical_sites), plus the members of their previous
-- physical sites, and grows by ε-links over the current points until it is
-- closed. It is then a union of whole groups, before and after the change, so
-- rebuilding only those gives what a full run gives. Rows are upserted by
-- site_key: ids and keys of unchanged sites stay as they were.
--
-- Conflicts are rewritten for the same site codes: code_spread (a site code
-- whose BTS stand more than ε from its point or from one another; distance_m =
-- the largest distance between its point and its BTS, geom = those points,
-- the site first) and codes_colocated (two site records within ε; distance_m
-- between them).
CREATE OR REPLACE FUNCTION hatang_infer_sites(p_eps_m float8, p_bts_ids integer[], p_site_ids integer[])
RETURNS TABLE (scope_points integer, physical_sites integer, inferred_sites integer,
               bts_explicit integer, bts_joined integer, bts_inferred integer, conflicts integer)
LANGUAGE plpgsql
SET jit = off
AS $$
DECLARE
  everywhere boolean := p_bts_ids IS NULL AND p_site_ids IS NULL;
  added integer;
  -- A bound in degrees for the && prefilter on the 4326 GiST indexes: ε metres
  -- are at most this many degrees of longitude below 60° of latitude.
  eps_deg float8 := p_eps_m / (111320 * cos(radians(60)));
BEGIN
  IF p_eps_m IS NULL OR p_eps_m <= 0 THEN
    RAISE EXCEPTION 'hatang_infer_sites: eps must be > 0 m, got %', p_eps_m;
  END IF;

  CREATE TEMP TABLE IF NOT EXISTS infer_nodes (
    kind char(1) NOT NULL,   -- 's' site record, 'b' BTS
    id integer NOT NULL,
    site_id integer,         -- the site record a BTS names (live, not decommissioned), else NULL
    code text NOT NULL,
    geom geometry(Point, 4326) NOT NULL,
    g geometry(Point, 32648) NOT NULL,
    expanded boolean NOT NULL DEFAULT false,  -- closure: already used as a frontier
    PRIMARY KEY (kind, id)
  ) ON COMMIT DROP;
  CREATE TEMP TABLE IF NOT EXISTS infer_frontier (g geometry(Point, 32648) NOT NULL, geom geometry(Point, 4326) NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE IF NOT EXISTS infer_old_sites (id integer PRIMARY KEY, site_key text NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE IF NOT EXISTS infer_new_sites (
    site_key text PRIMARY KEY, site_id integer, inferred boolean NOT NULL, geom geometry(Point, 4326) NOT NULL) ON COMMIT DROP;
  CREATE TEMP TABLE IF NOT EXISTS infer_assign (
    bts_id integer PRIMARY KEY, site_key text NOT NULL, assignment text NOT NULL, distance_m float8 NOT NULL,
    geom geometry(Point, 4326) NOT NULL) ON COMMIT DROP;
  CREATE INDEX IF NOT EXISTS infer_nodes_g ON infer_nodes USING gist (g);
  CREATE INDEX IF NOT EXISTS infer_nodes_site ON infer_nodes (site_id);
  TRUNCATE infer_nodes, infer_frontier, infer_old_sites, infer_new_sites, infer_assign;

  IF everywhere THEN
    INSERT INTO infer_nodes (kind, id, site_id, code, geom, g)
    SELECT 's', s.id, NULL, s.code, s.geom, ST_Transform(s.geom, 32648)
      FROM sites s WHERE s.status <> 'decommissioned';
    INSERT INTO infer_nodes (kind, id, site_id, code, geom, g)
    SELECT 'b', b.id, s.id, b.code, b.geom, ST_Transform(b.geom, 32648)
      FROM bts b LEFT JOIN sites s ON s.id = b.site_id AND s.status <> 'decommissioned'
     WHERE b.status <> 'decommissioned';
    INSERT INTO infer_old_sites SELECT p.id, p.site_key FROM physical_sites p;
  ELSE
    -- Seeds: the touched points now and at the last inference, and every member of their previous physical sites.
    INSERT INTO infer_old_sites
    SELECT DISTINCT p.id, p.site_key
      FROM physical_sites p
     WHERE p.site_id = ANY (p_site_ids)
        OR p.id IN (SELECT a.physical_site_id FROM bts_physical_sites a WHERE a.bts_id = ANY (p_bts_ids));
    INSERT INTO infer_frontier (geom, g)
    SELECT x.geom, ST_Transform(x.geom, 32648) FROM (
      SELECT b.geom FROM bts_records b WHERE b.id = ANY (p_bts_ids)
      UNION ALL SELECT s.geom FROM site_records s WHERE s.id = ANY (p_site_ids)
      UNION ALL SELECT p.geom FROM physical_sites p WHERE p.id IN (SELECT o.id FROM infer_old_sites o)
      UNION ALL SELECT a.geom FROM bts_physical_sites a
                 WHERE a.bts_id = ANY (p_bts_ids) OR a.physical_site_id IN (SELECT o.id FROM infer_old_sites o)
    ) x;
    LOOP
      INSERT INTO infer_nodes (kind, id, site_id, code, geom, g)
      SELECT DISTINCT 's', s.id, NULL::integer, s.code, s.geom, ST_Transform(s.geom, 32648)
        FROM infer_frontier f
        JOIN sites s ON s.geom && ST_Expand(f.geom, eps_deg)
       WHERE s.status <> 'decommissioned'
         AND ST_DWithin(ST_Transform(s.geom, 32648), f.g, p_eps_m)
      ON CONFLICT DO NOTHING;
      INSERT INTO infer_nodes (kind, id, site_id, code, geom, g)
      SELECT DISTINCT 'b', b.id, (SELECT s.id FROM sites s WHERE s.id = b.site_id AND s.status <> 'decommissioned'),
             b.code, b.geom, ST_Transform(b.geom, 32648)
        FROM infer_frontier f
        JOIN bts b ON b.geom && ST_Expand(f.geom, eps_deg)
       WHERE b.status <> 'decommissioned'
         AND ST_DWithin(ST_Transform(b.geom, 32648), f.g, p_eps_m)
      ON CONFLICT DO NOTHING;
      -- A coded BTS brings its site record (and so the record's other BTS) into the scope, however far.
      INSERT INTO infer_nodes (kind, id, site_id, code, geom, g)
      SELECT DISTINCT 's', s.id, NULL::integer, s.code, s.geom, ST_Transform(s.geom, 32648)
        FROM infer_nodes n JOIN sites s ON s.id = n.site_id
       WHERE n.kind = 'b'
      ON CONFLICT DO NOTHING;
      INSERT INTO infer_nodes (kind, id, site_id, code, geom, g)
      SELECT 'b', b.id, n.id, b.code, b.geom, ST_Transform(b.geom, 32648)
        FROM infer_nodes n JOIN bts b ON b.site_id = n.id
       WHERE n.kind = 's' AND b.status <> 'decommissioned'
      ON CONFLICT DO NOTHING;
      -- The frontier of the next round: points not yet expanded from.
      TRUNCATE infer_frontier;
      INSERT INTO infer_frontier (geom, g)
      SELECT n.geom, n.g FROM infer_nodes n WHERE NOT n.expanded;
      GET DIAGNOSTICS added = ROW_COUNT;
      UPDATE infer_nodes SET expanded = true WHERE NOT expanded;
      EXIT WHEN added = 0;
    END LOOP;
    -- Previous physical sites of every point in the scope are rebuilt too.
    INSERT INTO infer_old_sites
    SELECT p.id, p.site_key FROM physical_sites p
     WHERE p.site_id IN (SELECT n.id FROM infer_nodes n WHERE n.kind = 's')
        OR p.id IN (SELECT a.physical_site_id FROM bts_physical_sites a JOIN infer_nodes n ON n.kind = 'b' AND n.id = a.bts_id)
    ON CONFLICT DO NOTHING;
  END IF;

  -- The whole register: statistics for the joins below (a temporary table has none).
  IF everywhere THEN
    ANALYZE infer_nodes;
  END IF;

  -- Groups over the scope, and which site records each group holds (a coded BTS stands for its record).
  -- A table rather than a CTE, analyzed for a whole-register run, and the CTEs below inlined (NOT
  -- MATERIALIZED): the planner cannot estimate filters on a materialized CTE (it guessed one uncoded
  -- BTS and joined 20,000 × 20,000 in nested loops: 37 s instead of well under one).
  DROP TABLE IF EXISTS infer_clustered;
  CREATE TEMP TABLE infer_clustered ON COMMIT DROP AS
    SELECT n.*, ST_ClusterDBSCAN(n.g, p_eps_m, 1) OVER () AS cid FROM infer_nodes n;
  IF everywhere THEN
    ANALYZE infer_clustered;
  END IF;
  WITH clustered AS NOT MATERIALIZED (
    SELECT * FROM infer_clustered
  ),
  reps AS NOT MATERIALIZED (
    SELECT c.cid, coalesce(c.site_id, c.id) AS site_id, c.g FROM clustered c WHERE c.kind = 's' OR c.site_id IS NOT NULL
  ),
  uncoded AS NOT MATERIALIZED (
    SELECT c.* FROM clustered c WHERE c.kind = 'b' AND c.site_id IS NULL
  ),
  nearest_rep AS NOT MATERIALIZED (
    -- Groups are small: a hash join on the group, then the nearest record per BTS.
    SELECT DISTINCT ON (u.id) u.id, r.site_id
      FROM uncoded u JOIN reps r ON r.cid = u.cid
     ORDER BY u.id, ST_Distance(r.g, u.g), r.site_id
  ),
  joined AS NOT MATERIALIZED (
    SELECT u.id AS bts_id, u.code, u.geom, u.g, u.cid, n.site_id
      FROM uncoded u LEFT JOIN nearest_rep n ON n.id = u.id
  ),
  lone AS NOT MATERIALIZED (
    SELECT j.cid, 'SUY-' || min(j.code COLLATE "C") AS site_key, ST_Centroid(ST_Collect(j.geom)) AS geom
      FROM joined j WHERE j.site_id IS NULL GROUP BY j.cid
  ),
  new_sites AS (
    INSERT INTO infer_new_sites (site_key, site_id, inferred, geom)
    SELECT c.code, c.id, false, c.geom FROM clustered c WHERE c.kind = 's'
    UNION ALL
    SELECT l.site_key, NULL, true, l.geom FROM lone l
    RETURNING 1
  )
  INSERT INTO infer_assign (bts_id, site_key, assignment, distance_m, geom)
  SELECT c.id, s.code, 'explicit', ST_Distance(c.g, ST_Transform(s.geom, 32648)), c.geom
    FROM clustered c JOIN sites s ON s.id = c.site_id
   WHERE c.kind = 'b' AND c.site_id IS NOT NULL
  UNION ALL
  SELECT j.bts_id, s.code, 'joined', ST_Distance(j.g, ST_Transform(s.geom, 32648)), j.geom
    FROM joined j JOIN sites s ON s.id = j.site_id
  UNION ALL
  SELECT j.bts_id, l.site_key, 'inferred', ST_Distance(j.g, ST_Transform(l.geom, 32648)), j.geom
    FROM joined j JOIN lone l ON l.cid = j.cid
   WHERE j.site_id IS NULL;

  -- Rewrite: the scope's assignments, then its physical sites (kept by key, so their ids stay).
  DELETE FROM bts_physical_sites a
   WHERE everywhere
      OR a.bts_id = ANY (p_bts_ids)
      OR a.bts_id IN (SELECT n.id FROM infer_nodes n WHERE n.kind = 'b')
      OR a.physical_site_id IN (SELECT o.id FROM infer_old_sites o);
  DELETE FROM physical_sites p
   WHERE p.id IN (SELECT o.id FROM infer_old_sites o)
     AND NOT EXISTS (SELECT 1 FROM infer_new_sites n WHERE n.site_key = p.site_key AND n.site_id IS NOT DISTINCT FROM p.site_id);
  INSERT INTO physical_sites AS p (site_key, site_id, inferred, geom)
  SELECT n.site_key, n.site_id, n.inferred, n.geom FROM infer_new_sites n
  ON CONFLICT (site_key) DO UPDATE SET geom = excluded.geom, inferred = excluded.inferred, site_id = excluded.site_id;
  INSERT INTO bts_physical_sites (bts_id, physical_site_id, assignment, distance_m, geom)
  SELECT a.bts_id, p.id, a.assignment, a.distance_m, a.geom
    FROM infer_assign a JOIN physical_sites p ON p.site_key = a.site_key;

  -- Conflicts of the scope's site codes (and of the codes it had before).
  DELETE FROM site_conflicts c
   WHERE everywhere
      OR c.site_codes && ARRAY(SELECT n.code FROM infer_nodes n WHERE n.kind = 's'
                               UNION SELECT o.site_key FROM infer_old_sites o
                               UNION SELECT s.code FROM site_records s WHERE s.id = ANY (p_site_ids));
  INSERT INTO site_conflicts (kind, site_codes, bts_codes, distance_m, geom)
  SELECT 'code_spread', ARRAY[x.code], x.bts_codes, x.spread_m, ST_Collect(x.geom, x.points)
    FROM (
      SELECT s.code, s.geom,
             array_agg(b.code ORDER BY b.code COLLATE "C") AS bts_codes,
             ST_Collect(b.geom ORDER BY b.code COLLATE "C") AS points,
             ST_MaxDistance(ST_Collect(s.g, ST_Collect(b.g)), ST_Collect(s.g, ST_Collect(b.g))) AS spread_m
        FROM infer_nodes b JOIN infer_nodes s ON s.kind = 's' AND s.id = b.site_id
       WHERE b.kind = 'b'
       GROUP BY s.id, s.code, s.geom, s.g
    ) x
   WHERE x.spread_m > p_eps_m;
  INSERT INTO site_conflicts (kind, site_codes, bts_codes, distance_m, geom)
  SELECT 'codes_colocated', ARRAY[a.code, b.code],
         ARRAY(SELECT n.code FROM infer_nodes n WHERE n.kind = 'b' AND n.site_id IN (a.id, b.id) ORDER BY n.code COLLATE "C"),
         ST_Distance(a.g, b.g), ST_Collect(a.geom, b.geom)
    FROM infer_nodes a
    JOIN infer_nodes b ON b.kind = 's' AND a.code COLLATE "C" < b.code COLLATE "C" AND ST_DWithin(a.g, b.g, p_eps_m)
   WHERE a.kind = 's';

  RETURN QUERY
  SELECT (SELECT count(*) FROM infer_nodes)::integer,
         (SELECT count(*) FROM infer_new_sites)::integer,
         (SELECT count(*) FROM infer_new_sites n WHERE n.inferred)::integer,
         (SELECT count(*) FROM infer_assign a WHERE a.assignment = 'explicit')::integer,
         (SELECT count(*) FROM infer_assign a WHERE a.assignment = 'joined')::integer,
         (SELECT count(*) FROM infer_assign a WHERE a.assignment = 'inferred')::integer,
         (SELECT count(*) FROM site_conflicts c
           WHERE everywhere OR c.site_codes && ARRAY(SELECT n.code FROM infer_nodes n WHERE n.kind = 's'))::integer;
END
$$;

COMMENT ON FUNCTION hatang_infer_sites(float8, integer[], integer[]) IS
  'Site inference: rewrites physical_sites, bts_physical_sites and site_conflicts from the register, everywhere (both arrays NULL) or for the part connected within p_eps_m metres (EPSG:32648) to the given BTS and site record ids, old and new positions. Returns counts of the rebuilt scope: points, physical sites, inferred sites, BTS explicit/joined/inferred, conflicts.';
