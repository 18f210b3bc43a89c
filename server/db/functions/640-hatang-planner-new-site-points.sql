-- Candidate points for new sites in the site planner: inside today's uncovered
-- areas of one operator and technology — each hamlet's polygon minus the
-- operator's coverage union of that technology (from the union's indexed parts
-- meeting the hamlet), split into parts; parts under p_min_area_m2 (spheroid)
-- are dropped, as for the gaps layer. Each part gives its point on surface, and
-- a part larger than one grid cell also the points of a p_grid_m grid (laid out
-- in EPSG:32648, UTM 48N, metres) that fall inside it. A hamlet without a
-- polygon whose reference point is not covered gives that point.
-- Only hamlets not already fully covered are looked at, inside p_within when
-- given. At most p_cap points: round-robin over the parts, the parts with the
-- most people (population clusters inside the part, else the hamlet's population
-- by area share) first, so a large part does not crowd out the others.
-- p_scenario is the coverage scenario the uncovered areas are read in.
CREATE OR REPLACE FUNCTION hatang_planner_new_site_points(
  p_operator text, p_technology text, p_grid_m float8, p_min_area_m2 float8, p_within geometry, p_cap integer, p_scenario text)
RETURNS TABLE (lon float8, lat float8, hamlet_id integer, part_population float8, points_in_part integer, total_points integer)
LANGUAGE sql STABLE
SET jit = off
AS $$
  WITH open_hamlets AS MATERIALIZED (
    SELECT h.id, h.population, h.geom, h.ref_point
      FROM hamlets h
      LEFT JOIN hamlet_coverage hc ON hc.hamlet_id = h.id AND hc.scenario = p_scenario AND hc.operator_code = p_operator AND hc.tech_group = p_technology
     WHERE (coalesce(hc.population_covered, 0) < h.population OR coalesce(hc.verdict, 'trang_song') <> 'covered')
       AND (p_within IS NULL OR ST_Intersects(p_within, coalesce(h.geom, h.ref_point)))
  ),
  uncovered AS MATERIALIZED (
    SELECT o.id, o.population, o.geom AS hamlet_geom,
           coalesce(ST_Difference(o.geom,
                      (SELECT ST_Union(p.geom, hatang_overlay_grid()) FROM coverage_union_parts p
                        WHERE p.scenario = p_scenario AND p.operator_code = p_operator AND p.tech_group = p_technology AND ST_Intersects(p.geom, o.geom)),
                      hatang_overlay_grid()),
                    o.geom) AS geom
      FROM open_hamlets o
     WHERE o.geom IS NOT NULL
  ),
  parts AS MATERIALIZED (
    SELECT u.id AS hamlet_id, u.population, u.hamlet_geom, d.geom, ST_Area(d.geom::geography) AS area_m2,
           row_number() OVER () AS part_id
      FROM uncovered u
     CROSS JOIN LATERAL ST_Dump(ST_CollectionExtract(u.geom, 3)) d
  ),
  kept AS MATERIALIZED (
    SELECT p.*,
           CASE WHEN EXISTS (SELECT 1 FROM population_clusters pc WHERE pc.hamlet_id = p.hamlet_id AND pc.population > 0)
                THEN coalesce((SELECT sum(pc.population) FROM population_clusters pc
                                WHERE pc.hamlet_id = p.hamlet_id AND ST_Intersects(p.geom, ST_PointOnSurface(pc.geom))), 0)
                ELSE p.population * p.area_m2 / nullif(ST_Area(p.hamlet_geom::geography), 0) END AS population_est
      FROM parts p
     WHERE p.area_m2 >= p_min_area_m2
  ),
  points AS (
    SELECT k.part_id, k.hamlet_id, k.population_est, 0 AS seq, ST_PointOnSurface(k.geom) AS geom
      FROM kept k
    UNION ALL
    SELECT g.part_id, g.hamlet_id, g.population_est, g.seq, ST_Transform(g.geom, 4326)
      FROM (
        SELECT k.part_id, k.hamlet_id, k.population_est, m.geom AS part_m,
               row_number() OVER (PARTITION BY k.part_id ORDER BY gy.i, gx.i)::integer AS seq,
               ST_SetSRID(ST_MakePoint(gx.i * p_grid_m, gy.i * p_grid_m), 32648) AS geom
          FROM kept k
         CROSS JOIN LATERAL (SELECT ST_Transform(k.geom, 32648) AS geom) m
         CROSS JOIN LATERAL generate_series(floor(ST_XMin(m.geom) / p_grid_m)::integer + 1, floor(ST_XMax(m.geom) / p_grid_m)::integer) AS gx(i)
         CROSS JOIN LATERAL generate_series(floor(ST_YMin(m.geom) / p_grid_m)::integer + 1, floor(ST_YMax(m.geom) / p_grid_m)::integer) AS gy(i)
         WHERE k.area_m2 > p_grid_m * p_grid_m
           AND ST_Intersects(m.geom, ST_SetSRID(ST_MakePoint(gx.i * p_grid_m, gy.i * p_grid_m), 32648))) g
    UNION ALL
    SELECT -o.id, o.id, o.population, 0, o.ref_point
      FROM open_hamlets o
     WHERE o.geom IS NULL
       AND NOT EXISTS (SELECT 1 FROM coverage_union_parts p
                        WHERE p.scenario = p_scenario AND p.operator_code = p_operator AND p.tech_group = p_technology AND ST_Intersects(p.geom, o.ref_point))
  ),
  ranked AS (
    SELECT pt.*, count(*) OVER (PARTITION BY pt.part_id)::integer AS in_part, count(*) OVER ()::integer AS total
      FROM points pt
  )
  SELECT ST_X(r.geom), ST_Y(r.geom), r.hamlet_id, r.population_est, r.in_part, r.total
    FROM ranked r
   ORDER BY r.seq, r.population_est DESC, r.part_id
   LIMIT p_cap
$$;

COMMENT ON FUNCTION hatang_planner_new_site_points(text, text, float8, float8, geometry, integer, text) IS
  'Candidate new-site points (EPSG:4326) inside the uncovered parts (hamlet polygon minus the operator''s union of a technology; parts of at least p_min_area_m2 m²) of not fully covered hamlets: point on surface per part plus a p_grid_m-metre grid (EPSG:32648) in larger parts; at most p_cap, round-robin over parts by estimated population (people); total_points = all before the cap.';
