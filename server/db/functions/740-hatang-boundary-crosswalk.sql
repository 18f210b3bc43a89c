-- The crosswalk from the deepest level of boundary set p_from (e.g. the 2023
-- communes) to the deepest level of p_to (e.g. the communes of 1/7/2025): one
-- row per (old unit, new unit) pair that shares area or people.
--   area_m2           area of the old unit inside the new one, m² on the spheroid
--   area_share        area_m2 ÷ the old unit's area inside units of the new set
--   population        people of the old unit's hamlets whose reference point is in the new unit
--   population_share  population ÷ the old unit's people placed in the new set
--                     (its area share when it has no people)
-- Both shares sum to 1 per old unit. Two surveys' edges never coincide: a pair
-- under 0.1 % of the old unit's area and without people is such a sliver and
-- is dropped before the shares are taken. The overlay uses
-- hatang_overlay_grid() (see there).
CREATE OR REPLACE FUNCTION hatang_boundary_crosswalk(p_from text, p_to text)
RETURNS TABLE (from_unit_id integer, from_code text, from_name text, to_unit_id integer, to_code text, to_name text,
               area_m2 float8, area_share float8, population bigint, population_share float8)
LANGUAGE sql STABLE
AS $$
  WITH olds AS MATERIALIZED (
    SELECT u.id, u.code, u.name, u.geom FROM admin_units u
     WHERE u.boundary_set = p_from
       AND u.level = (SELECT a.level FROM admin_units a WHERE a.boundary_set = p_from
                       ORDER BY CASE a.level WHEN 'commune' THEN 0 WHEN 'district' THEN 1 ELSE 2 END LIMIT 1)
  ),
  news AS MATERIALIZED (
    SELECT u.id, u.code, u.name, u.geom FROM admin_units u
     WHERE u.boundary_set = p_to
       AND u.level = (SELECT a.level FROM admin_units a WHERE a.boundary_set = p_to
                       ORDER BY CASE a.level WHEN 'commune' THEN 0 WHEN 'district' THEN 1 ELSE 2 END LIMIT 1)
  ),
  intersections AS MATERIALIZED (
    SELECT o.id AS old_id, n.id AS new_id,
           CASE WHEN ST_CoveredBy(o.geom, n.geom) THEN ST_Area(o.geom::geography)
                ELSE ST_Area(ST_CollectionExtract(ST_Intersection(o.geom, n.geom, hatang_overlay_grid()), 3)::geography) END AS area_m2
      FROM olds o JOIN news n ON o.geom && n.geom AND ST_Intersects(o.geom, n.geom)
  ),
  old_of AS MATERIALIZED (SELECT m.hamlet_id, m.unit_id FROM hatang_hamlet_units(p_from) m WHERE m.unit_id IN (SELECT id FROM olds)),
  new_of AS MATERIALIZED (SELECT m.hamlet_id, m.unit_id FROM hatang_hamlet_units(p_to) m WHERE m.unit_id IN (SELECT id FROM news)),
  shared AS (
    SELECT o.unit_id AS old_id, n.unit_id AS new_id, sum(h.population) AS population
      FROM old_of o JOIN new_of n ON n.hamlet_id = o.hamlet_id JOIN hamlets h ON h.id = o.hamlet_id
     GROUP BY o.unit_id, n.unit_id
  ),
  pairs AS MATERIALIZED (
    SELECT coalesce(a.old_id, s.old_id) AS old_id, coalesce(a.new_id, s.new_id) AS new_id,
           coalesce(a.area_m2, 0) AS area_m2, coalesce(s.population, 0) AS population
      FROM (SELECT * FROM intersections WHERE area_m2 > 0) a
      FULL JOIN shared s ON s.old_id = a.old_id AND s.new_id = a.new_id
  ),
  kept AS MATERIALIZED (
    SELECT p.old_id, p.new_id, p.area_m2, p.population
      FROM (SELECT q.*, sum(q.area_m2) OVER (PARTITION BY q.old_id) AS old_area FROM pairs q) p
     WHERE p.population > 0 OR p.area_m2 >= 0.001 * p.old_area
  ),
  totals AS (SELECT k.old_id, sum(k.area_m2) AS area_m2, sum(k.population) AS population FROM kept k GROUP BY k.old_id)
  SELECT o.id, o.code, o.name, n.id, n.code, n.name,
         k.area_m2::float8,
         coalesce(k.area_m2 / nullif(t.area_m2, 0), k.population::float8 / nullif(t.population, 0))::float8,
         k.population::bigint,
         coalesce(k.population::float8 / nullif(t.population, 0), k.area_m2 / nullif(t.area_m2, 0))::float8
    FROM kept k
    JOIN totals t ON t.old_id = k.old_id
    JOIN olds o ON o.id = k.old_id
    JOIN news n ON n.id = k.new_id
   ORDER BY o.code COLLATE "C", n.code COLLATE "C"
$$;

COMMENT ON FUNCTION hatang_boundary_crosswalk(text, text) IS
  'Crosswalk from the deepest level of boundary set p_from to the deepest level of p_to: per (old, new) unit pair, shared area (m², spheroid) and its share of the old unit, shared people (hamlets by reference point) and their share (area share when the old unit has no people); shares sum to 1 per old unit, slivers < 0.1 % without people dropped.';
