-- Hamlet coverage of one unit in one scenario (current | planned), from the
-- stored verdicts of any operator ('*'): hamlets, and how many are covered by
-- mobile broadband (3G/4G/5G), lõm sóng or trắng sóng; population, and
-- population covered by 4G and by 5G (Σ hamlet_coverage.population_covered,
-- i.e. round(covered share × hamlet population), DESIGN §3). Hamlets without
-- a verdict yet count in hamlets and population only.
CREATE OR REPLACE FUNCTION hatang_unit_coverage_counts(p_unit_id integer, p_scenario text)
RETURNS TABLE (hamlets integer, covered integer, lom_song integer, trang_song integer,
               population bigint, population_4g bigint, population_5g bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH members AS MATERIALIZED (SELECT hamlet_id FROM hatang_unit_hamlets(p_unit_id))
  SELECT count(*)::integer,
         count(*) FILTER (WHERE bb.verdict = 'covered')::integer,
         count(*) FILTER (WHERE bb.verdict = 'lom_song')::integer,
         count(*) FILTER (WHERE bb.verdict = 'trang_song')::integer,
         coalesce(sum(h.population), 0)::bigint,
         coalesce(sum(g4.population_covered), 0)::bigint,
         coalesce(sum(g5.population_covered), 0)::bigint
    FROM members m
    JOIN hamlets h ON h.id = m.hamlet_id
    LEFT JOIN hamlet_coverage bb ON bb.hamlet_id = h.id AND bb.scenario = p_scenario AND bb.operator_code = '*' AND bb.tech_group = 'broadband'
    LEFT JOIN hamlet_coverage g4 ON g4.hamlet_id = h.id AND g4.scenario = p_scenario AND g4.operator_code = '*' AND g4.tech_group = '4G'
    LEFT JOIN hamlet_coverage g5 ON g5.hamlet_id = h.id AND g5.scenario = p_scenario AND g5.operator_code = '*' AND g5.tech_group = '5G'
$$;

COMMENT ON FUNCTION hatang_unit_coverage_counts(integer, text) IS
  'Per unit and scenario: hamlets, broadband verdict counts (any operator: covered, lom_song, trang_song), population (people), population covered by 4G and by 5G (people, from hamlet_coverage of operator *).';
