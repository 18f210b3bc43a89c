-- One hamlet's coverage by the union of an operator ('*' = any), technology
-- group and scenario ('current' | 'planned') together with a hypothetical coverage p_added (not NULL), computed
-- exactly as the what-if re-assesses a touched hamlet (380): the reference
-- point's test, and the covered share over the population clusters (weighted by
-- population; a polygon cluster by its covered spheroidal area), else over the
-- hamlet's area, else from the reference point alone. For the co-location
-- finder and the site planner, which need it per candidate; writes nothing.
CREATE OR REPLACE FUNCTION hatang_hamlet_share_with_added(
  p_hamlet_id integer, p_operator_code text, p_tech_group text, p_added geometry, p_scenario text)
RETURNS TABLE (ref_covered boolean, share float8)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT hatang_fraction_with_added(h.ref_point, p_operator_code, p_tech_group, p_added, p_scenario) = 1,
         CASE WHEN EXISTS (SELECT 1 FROM population_clusters pc WHERE pc.hamlet_id = h.id AND pc.population > 0) THEN
                (SELECT sum(pc.population * hatang_fraction_with_added(pc.geom, p_operator_code, p_tech_group, p_added, p_scenario)) / sum(pc.population)
                   FROM population_clusters pc WHERE pc.hamlet_id = h.id)
              WHEN h.geom IS NOT NULL THEN hatang_fraction_with_added(h.geom, p_operator_code, p_tech_group, p_added, p_scenario)
              ELSE hatang_fraction_with_added(h.ref_point, p_operator_code, p_tech_group, p_added, p_scenario) END
    FROM hamlets h
   WHERE h.id = p_hamlet_id
$$;

COMMENT ON FUNCTION hatang_hamlet_share_with_added(integer, text, text, geometry, text) IS
  'For one hamlet id: whether its reference point is covered and its covered share (0..1, over clusters by population, else area, else the point) by the union of an operator (* = any), technology group and scenario (current | planned) plus an added hypothetical coverage (EPSG:4326).';
