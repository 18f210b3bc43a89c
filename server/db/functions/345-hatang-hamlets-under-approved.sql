-- The (operator, technology, hamlet) triples of the hamlets among p_hamlet_ids
-- (NULL = all) that the footprint of an approved BTS touches — at the
-- reference point, the polygon or a population cluster — counting only
-- approved BTS of operator p_operator_code ('*' or NULL = any) and of the
-- technologies of group p_tech_group (NULL = any; 'broadband' = 3G/4G/5G).
-- The approved footprints drive three GiST lookups into the hamlets and
-- clusters (both CTEs MATERIALIZED: the planner must not push the id filter
-- into them and probe every hamlet against all footprints): the plan for many
-- hamlets. The full recompute's planned verdicts take the triples of all
-- operators and technologies once and derive every union's hamlets from them.
CREATE OR REPLACE FUNCTION hatang_approved_touches(p_hamlet_ids integer[], p_operator_code text, p_tech_group text)
RETURNS TABLE (operator_code text, technology text, hamlet_id integer)
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
  techs text[] := CASE WHEN p_tech_group IS NULL THEN NULL
                       WHEN p_tech_group = 'broadband' THEN ARRAY['3G', '4G', '5G'] ELSE ARRAY[p_tech_group] END;
  any_operator boolean := p_operator_code IS NULL OR p_operator_code = '*';
  wanted_operator_id integer := (SELECT o.id FROM operators o WHERE o.code = p_operator_code);
BEGIN
  RETURN QUERY
  WITH approved AS MATERIALIZED (
    SELECT f.operator_id, f.technology, f.geom FROM coverage_footprints f
     WHERE f.bts_status = 'approved' AND (techs IS NULL OR f.technology = ANY (techs))
       AND (any_operator OR f.operator_id = wanted_operator_id)
  ),
  touched AS MATERIALIZED (
    SELECT f.operator_id, f.technology, h.id FROM approved f JOIN hamlets h ON ST_Intersects(f.geom, h.ref_point)
    UNION ALL
    SELECT f.operator_id, f.technology, h.id FROM approved f JOIN hamlets h ON ST_Intersects(f.geom, h.geom)
    UNION ALL
    SELECT f.operator_id, f.technology, c.hamlet_id FROM approved f JOIN population_clusters c ON ST_Intersects(f.geom, c.geom)
  )
  SELECT DISTINCT o.code, t.technology, t.id
    FROM touched t JOIN operators o ON o.id = t.operator_id
   WHERE p_hamlet_ids IS NULL OR t.id IN (SELECT unnest(p_hamlet_ids));
END
$$;

COMMENT ON FUNCTION hatang_approved_touches(integer[], text, text) IS
  'Distinct (operator code, technology, hamlet id) of the given hamlets (NULL = all) touched by a footprint of an approved BTS (of an operator, * or NULL = any; of a technology group, NULL = any) at their reference point, polygon or a population cluster.';

-- The hamlets among p_hamlet_ids (NULL = all) that the footprint of an approved
-- BTS touches — at the reference point, the polygon or a population cluster —
-- counting only approved BTS of operator p_operator_code ('*' or NULL = any)
-- and of the technologies of group p_tech_group (NULL = any; 'broadband' =
-- 3G/4G/5G). Only these can have planned verdicts (or gaps) of that union other
-- than the current ones; the others copy theirs.
-- Two plans, chosen here rather than left to a generic plan. For all hamlets,
-- or many (the full recompute's planned gaps: tens of thousands of hamlets in
-- a country), those of hatang_approved_touches. For the few hamlets of an edit (tens to
-- hundreds), each of them probes the footprints' GiST index instead: joining
-- every approved footprint of the country to find them cost seconds per union
-- at national scale.
DROP FUNCTION IF EXISTS hatang_hamlets_under_approved(integer[]);
CREATE OR REPLACE FUNCTION hatang_hamlets_under_approved(p_hamlet_ids integer[], p_operator_code text, p_tech_group text)
RETURNS integer[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
  techs text[] := CASE WHEN p_tech_group IS NULL THEN NULL
                       WHEN p_tech_group = 'broadband' THEN ARRAY['3G', '4G', '5G'] ELSE ARRAY[p_tech_group] END;
  any_operator boolean := p_operator_code IS NULL OR p_operator_code = '*';
  wanted_operator_id integer := (SELECT o.id FROM operators o WHERE o.code = p_operator_code);
  result integer[];
BEGIN
  IF p_hamlet_ids IS NULL OR cardinality(p_hamlet_ids) > 2000 THEN
    SELECT coalesce(array_agg(DISTINCT t.hamlet_id ORDER BY t.hamlet_id), '{}') INTO result
      FROM hatang_approved_touches(p_hamlet_ids, p_operator_code, p_tech_group) t;
  ELSE
    -- Three sets, not one OR of three EXISTS: under an OR PostgreSQL turns the
    -- clusters' EXISTS into a hashed subplan over every approved footprint's clusters.
    SELECT coalesce(array_agg(DISTINCT t.id ORDER BY t.id), '{}') INTO result
      FROM (SELECT h.id FROM hamlets h
             WHERE h.id = ANY (p_hamlet_ids)
               AND EXISTS (SELECT 1 FROM coverage_footprints f
                            WHERE ST_Intersects(f.geom, h.ref_point) AND f.bts_status = 'approved'
                              AND (techs IS NULL OR f.technology = ANY (techs)) AND (any_operator OR f.operator_id = wanted_operator_id))
            UNION ALL
            SELECT h.id FROM hamlets h
             WHERE h.id = ANY (p_hamlet_ids)
               AND EXISTS (SELECT 1 FROM coverage_footprints f
                            WHERE ST_Intersects(f.geom, h.geom) AND f.bts_status = 'approved'
                              AND (techs IS NULL OR f.technology = ANY (techs)) AND (any_operator OR f.operator_id = wanted_operator_id))
            UNION ALL
            SELECT c.hamlet_id FROM population_clusters c
             WHERE c.hamlet_id = ANY (p_hamlet_ids)
               AND EXISTS (SELECT 1 FROM coverage_footprints f
                            WHERE ST_Intersects(f.geom, c.geom) AND f.bts_status = 'approved'
                              AND (techs IS NULL OR f.technology = ANY (techs)) AND (any_operator OR f.operator_id = wanted_operator_id))) t;
  END IF;
  RETURN result;
END
$$;

COMMENT ON FUNCTION hatang_hamlets_under_approved(integer[], text, text) IS
  'Ids (sorted) of the given hamlets (NULL = all) touched by a footprint of an approved BTS (of an operator, * or NULL = any; of a technology group, NULL = any) at their reference point, polygon or a population cluster: the hamlets whose planned coverage of that union may differ from the current one.';
