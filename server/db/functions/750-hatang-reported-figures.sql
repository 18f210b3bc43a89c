-- The reported figure of every indicator for each unit of p_unit_ids (all of
-- boundary set p_boundary_set): the period p_period, or when it is NULL the
-- latest period (latest end, then the longest: the year before its last
-- quarter).
--   Entered for the unit itself: derived_from NULL.
--   Else derived from another boundary set's units that hold a value for the
--   period: the mean of their values weighted by the people (hamlets) each
--   shares with the unit — the crosswalk's population shares — taken over the
--   units of one level of that set no coarser than the unit's own (a 2025
--   commune is never given its old province's figure), and only when those
--   units hold at least 90 % of the unit's people; derived_from names the set.
--   Among candidates: the latest period, then the coarsest admissible level.
CREATE OR REPLACE FUNCTION hatang_reported_figures(p_boundary_set text, p_unit_ids integer[], p_period text)
RETURNS TABLE (unit_id integer, indicator_code text, period_code text, value float8, document text, derived_from text)
LANGUAGE sql STABLE
AS $$
  WITH own AS (
    SELECT DISTINCT ON (r.unit_id, r.indicator_code) r.unit_id, r.indicator_code, r.period_code, r.value, r.document
      FROM indicator_reported_values r JOIN reporting_periods p ON p.code = r.period_code
     WHERE r.unit_id = ANY (p_unit_ids) AND (p_period IS NULL OR r.period_code = p_period)
     ORDER BY r.unit_id, r.indicator_code, p.ends_on DESC, p.starts_on ASC
  ),
  targets AS MATERIALIZED (
    SELECT u.id, CASE u.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END AS depth
      FROM admin_units u WHERE u.id = ANY (p_unit_ids)
  ),
  others AS MATERIALIZED (
    SELECT r.unit_id, r.indicator_code, r.period_code, r.value, r.document, a.boundary_set,
           CASE a.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END AS depth, p.ends_on, p.starts_on
      FROM indicator_reported_values r
      JOIN admin_units a ON a.id = r.unit_id
      JOIN reporting_periods p ON p.code = r.period_code
     WHERE a.boundary_set <> p_boundary_set AND (p_period IS NULL OR r.period_code = p_period)
  ),
  target_hamlets AS MATERIALIZED (
    SELECT m.hamlet_id, m.unit_id, h.population
      FROM hatang_hamlet_units(p_boundary_set) m JOIN hamlets h ON h.id = m.hamlet_id
     WHERE m.unit_id IN (SELECT id FROM targets)
       AND EXISTS (SELECT 1 FROM others)
  ),
  target_people AS (SELECT t.unit_id, sum(t.population) AS people FROM target_hamlets t GROUP BY t.unit_id),
  other_hamlets AS MATERIALIZED (
    SELECT m.hamlet_id, m.unit_id
      FROM (SELECT DISTINCT o.boundary_set FROM others o) s
     CROSS JOIN LATERAL hatang_hamlet_units(s.boundary_set) m
     WHERE m.unit_id IN (SELECT o.unit_id FROM others o)
  ),
  -- People each (unit, other set's unit) pair shares: small (a few per unit), so the
  -- values are joined to it and not to every hamlet.
  overlap AS MATERIALIZED (
    SELECT t.unit_id AS target_id, oh.unit_id AS source_id, sum(t.population) AS people
      FROM target_hamlets t JOIN other_hamlets oh ON oh.hamlet_id = t.hamlet_id
     GROUP BY t.unit_id, oh.unit_id
  ),
  shares AS (
    SELECT ov.target_id, o.indicator_code, o.boundary_set, o.depth, o.period_code, o.ends_on, o.starts_on,
           o.value, o.document, ov.people
      FROM overlap ov
      JOIN targets tu ON tu.id = ov.target_id
      JOIN others o ON o.unit_id = ov.source_id AND o.depth >= tu.depth
  ),
  combined AS (
    SELECT s.target_id, s.indicator_code, s.boundary_set, s.depth, s.period_code, s.ends_on, s.starts_on,
           sum(s.value * s.people) / nullif(sum(s.people), 0) AS value, sum(s.people) AS people,
           string_agg(DISTINCT s.document, '; ') AS document
      FROM shares s
     GROUP BY s.target_id, s.indicator_code, s.boundary_set, s.depth, s.period_code, s.ends_on, s.starts_on
  ),
  derived AS (
    SELECT DISTINCT ON (c.target_id, c.indicator_code) c.target_id, c.indicator_code, c.period_code, c.value, c.document, c.boundary_set
      FROM combined c JOIN target_people tp ON tp.unit_id = c.target_id
     WHERE tp.people > 0 AND c.people >= 0.9 * tp.people
       AND NOT EXISTS (SELECT 1 FROM own o WHERE o.unit_id = c.target_id AND o.indicator_code = c.indicator_code)
     ORDER BY c.target_id, c.indicator_code, c.ends_on DESC, c.starts_on ASC, c.depth ASC, c.boundary_set
  )
  SELECT o.unit_id, o.indicator_code, o.period_code, o.value, o.document, NULL::text FROM own o
  UNION ALL
  SELECT d.target_id, d.indicator_code, d.period_code, d.value::float8, d.document, d.boundary_set FROM derived d
$$;

COMMENT ON FUNCTION hatang_reported_figures(text, integer[], text) IS
  'Reported figure per (unit, indicator) for units of one boundary set: the period asked for or the latest; entered for the unit (derived_from NULL) or else the population-weighted mean of another set''s units of a level no coarser than the unit''s that hold >= 90 % of its people (derived_from = that set).';
