-- The hamlets among p_hamlet_ids (NULL = all) that an approved BTS's footprint
-- touches: at the reference point, the polygon or a population cluster. Only
-- these can have planned verdicts and gaps other than the current ones; the
-- others copy theirs. Three index-friendly lookups instead of one OR join.
CREATE OR REPLACE FUNCTION hatang_hamlets_under_approved(p_hamlet_ids integer[])
RETURNS integer[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT x.id ORDER BY x.id), '{}')
    FROM (
      SELECT h.id FROM coverage_footprints f JOIN hamlets h ON ST_Intersects(f.geom, h.ref_point)
       WHERE f.bts_status = 'approved'
      UNION ALL
      SELECT h.id FROM coverage_footprints f JOIN hamlets h ON ST_Intersects(f.geom, h.geom)
       WHERE f.bts_status = 'approved'
      UNION ALL
      SELECT c.hamlet_id FROM coverage_footprints f JOIN population_clusters c ON ST_Intersects(f.geom, c.geom)
       WHERE f.bts_status = 'approved') x
   WHERE p_hamlet_ids IS NULL OR x.id = ANY (p_hamlet_ids)
$$;

COMMENT ON FUNCTION hatang_hamlets_under_approved(integer[]) IS
  'Ids (sorted) of the given hamlets (NULL = all) touched by a footprint of an approved BTS at their reference point, polygon or a population cluster: the hamlets whose planned coverage may differ from the current one.';
