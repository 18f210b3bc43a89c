-- The counts behind the computed indicators (DESIGN §3) of every unit of one
-- level of a boundary set, or of one unit (p_unit_id, then p_level is ignored),
-- in one scenario: p_scenario picks the stored hamlet verdicts (current |
-- planned), p_statuses the fiber routes that count ('on_air'; planned adds
-- 'approved').
--   hamlets, population           the unit's hamlets (hatang_hamlet_units) and their people
--   covered, lom_song, trang_song broadband verdicts of any operator ('*')
--   population_4g, population_5g  Σ hamlet_coverage.population_covered (people) for 4G, 5G
--   fiber_reached                 hamlets whose reference point lies within p_reach_m metres
--                                 (spheroid) of a counted fiber route
--   underground_m, fiber_m        fiber length inside the unit, metres on the spheroid (a route
--                                 crossing the edge counts with its part inside, so communes add
--                                 up to their district)
-- The && box of the reach test (p_reach_m / 90 km per degree: at least the
-- reach in both axes below 35° of latitude; Vietnam lies within 8.5–23.5° N)
-- lets the GiST index pick candidate routes before the geodesic test.
CREATE OR REPLACE FUNCTION hatang_unit_indicator_counts(p_boundary_set text, p_level text, p_unit_id integer,
                                                        p_scenario text, p_reach_m float8, p_statuses text[])
RETURNS TABLE (unit_id integer, hamlets integer, population bigint, covered integer, lom_song integer, trang_song integer,
               population_4g bigint, population_5g bigint, fiber_reached integer, underground_m float8, fiber_m float8)
LANGUAGE sql STABLE
AS $$
  WITH units AS MATERIALIZED (
    SELECT u.id, u.geom FROM admin_units u
     WHERE u.boundary_set = p_boundary_set AND (CASE WHEN p_unit_id IS NULL THEN u.level = p_level ELSE u.id = p_unit_id END)
  ),
  members AS MATERIALIZED (
    SELECT m.hamlet_id, m.unit_id FROM hatang_hamlet_units(p_boundary_set) m WHERE m.unit_id IN (SELECT id FROM units)
  ),
  facts AS MATERIALIZED (
    SELECT h.id, h.population, bb.verdict, g4.population_covered AS p4, g5.population_covered AS p5,
           EXISTS (
             SELECT 1 FROM fiber_routes f
              WHERE f.status = ANY (p_statuses)
                AND f.geom && ST_Expand(h.ref_point, p_reach_m / 90000.0)
                AND ST_DWithin(f.geom::geography, h.ref_point::geography, p_reach_m)) AS reached
      FROM hamlets h
      LEFT JOIN hamlet_coverage bb ON bb.hamlet_id = h.id AND bb.scenario = p_scenario AND bb.operator_code = '*' AND bb.tech_group = 'broadband'
      LEFT JOIN hamlet_coverage g4 ON g4.hamlet_id = h.id AND g4.scenario = p_scenario AND g4.operator_code = '*' AND g4.tech_group = '4G'
      LEFT JOIN hamlet_coverage g5 ON g5.hamlet_id = h.id AND g5.scenario = p_scenario AND g5.operator_code = '*' AND g5.tech_group = '5G'
     WHERE h.id IN (SELECT hamlet_id FROM members)
  ),
  per_unit AS (
    SELECT m.unit_id,
           count(*) AS hamlets,
           sum(f.population) AS population,
           count(*) FILTER (WHERE f.verdict = 'covered') AS covered,
           count(*) FILTER (WHERE f.verdict = 'lom_song') AS lom_song,
           count(*) FILTER (WHERE f.verdict = 'trang_song') AS trang_song,
           sum(f.p4) AS p4, sum(f.p5) AS p5,
           count(*) FILTER (WHERE f.reached) AS reached
      FROM members m JOIN facts f ON f.id = m.hamlet_id
     GROUP BY m.unit_id
  ),
  lengths AS (
    SELECT u.id AS unit_id,
           sum(l.m) FILTER (WHERE f.laying = 'underground') AS underground_m,
           sum(l.m) AS fiber_m
      FROM units u
      JOIN fiber_routes f ON f.status = ANY (p_statuses) AND f.geom && u.geom AND ST_Intersects(f.geom, u.geom)
     CROSS JOIN LATERAL (
       SELECT CASE WHEN ST_CoveredBy(f.geom, u.geom) THEN ST_Length(f.geom::geography)
                   ELSE ST_Length(ST_CollectionExtract(ST_Intersection(f.geom, u.geom, hatang_overlay_grid()), 2)::geography) END AS m) l
     GROUP BY u.id
  )
  SELECT u.id,
         coalesce(p.hamlets, 0)::integer, coalesce(p.population, 0)::bigint,
         coalesce(p.covered, 0)::integer, coalesce(p.lom_song, 0)::integer, coalesce(p.trang_song, 0)::integer,
         coalesce(p.p4, 0)::bigint, coalesce(p.p5, 0)::bigint, coalesce(p.reached, 0)::integer,
         coalesce(l.underground_m, 0)::float8, coalesce(l.fiber_m, 0)::float8
    FROM units u
    LEFT JOIN per_unit p ON p.unit_id = u.id
    LEFT JOIN lengths l ON l.unit_id = u.id
$$;

COMMENT ON FUNCTION hatang_unit_indicator_counts(text, text, integer, text, float8, text[]) IS
  'Per unit of a level of a boundary set (or one unit): hamlets, population (people), broadband verdict counts of any operator, people covered by 4G and 5G, hamlets within p_reach_m metres (spheroid) of a fiber route of a status in p_statuses, and underground and all fiber length inside the unit (m, spheroid).';
