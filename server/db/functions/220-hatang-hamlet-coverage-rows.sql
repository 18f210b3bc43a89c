-- One row per hamlet with its verdict for one operator ('*' = any) and
-- technology group, optionally only hamlets whose reference point lies in a unit
-- and only some verdicts; gap area is the broadband, any-operator uncovered area;
-- all in one scenario (current | planned).
DROP FUNCTION IF EXISTS hatang_hamlet_coverage_rows(text, text, integer, text[]);
CREATE OR REPLACE FUNCTION hatang_hamlet_coverage_rows(
  p_operator text, p_tech_group text, p_unit_id integer, p_verdicts text[], p_scenario text)
RETURNS TABLE (code text, name text, commune_code text, commune_name text, district_name text,
               population integer, verdict text, covered_share float8, ref_covered boolean,
               share_basis text, population_covered integer, gap_area_m2 float8)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT h.code, h.name, c.code, c.name, d.name, h.population, hc.verdict, hc.covered_share, hc.ref_covered,
         hc.share_basis, hc.population_covered,
         coalesce((SELECT sum(g.area_m2) FROM coverage_gaps g WHERE g.hamlet_id = h.id AND g.scenario = p_scenario), 0)
    FROM hamlet_coverage hc
    JOIN hamlets h ON h.id = hc.hamlet_id
    JOIN admin_units c ON c.id = h.commune_id
    LEFT JOIN admin_units d ON d.id = c.parent_id AND d.level = 'district'
   WHERE hc.scenario = p_scenario AND hc.operator_code = p_operator AND hc.tech_group = p_tech_group
     AND (p_unit_id IS NULL OR ST_Intersects(h.ref_point, (SELECT geom FROM admin_units WHERE id = p_unit_id)))
     AND (p_verdicts IS NULL OR hc.verdict = ANY (p_verdicts))
   ORDER BY h.code
$$;

COMMENT ON FUNCTION hatang_hamlet_coverage_rows(text, text, integer, text[], text) IS
  'Hamlet coverage table of a scenario (current | planned): verdict, covered share (0..1), reference-point test, population covered and uncovered area (m²) per hamlet for an operator (* = any) and technology group.';
