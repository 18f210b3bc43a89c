-- The reported figure of every indicator for each unit of p_unit_ids (all of
-- boundary set p_boundary_set), for the period p_period, or when it is NULL
-- for the latest period that has a figure (latest end, then the longest: the
-- year before its last quarter). A figure is
--   entered for the unit itself (derived_from NULL), or
--   derived from other units' figures for the same period: the mean of their
--   values weighted by the people (hamlets) each shares with the unit — the
--   crosswalk's population shares — over the units of one boundary set and
--   one level, taken only when those units hold at least 90 % of the unit's
--   people; derived_from names that set. The sources are the units of another
--   set at a level no coarser than the unit's own (a 2025 commune is never
--   given its old province's figure), or the unit's own set at a finer level
--   (a province from its communes).
-- For one period an entered figure wins over a derived one, and a coarser
-- source level over a finer one (a province's own report over its communes').
CREATE OR REPLACE FUNCTION hatang_reported_figures(p_boundary_set text, p_unit_ids integer[], p_period text)
RETURNS TABLE (unit_id integer, indicator_code text, period_code text, value float8, document text, derived_from text)
LANGUAGE sql STABLE
AS $$
  WITH targets AS MATERIALIZED (
    SELECT u.id, CASE u.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END AS depth
      FROM admin_units u WHERE u.id = ANY (p_unit_ids)
  ),
  own AS MATERIALIZED (
    SELECT r.unit_id, r.indicator_code, r.period_code, r.value, r.document, p.ends_on, p.starts_on
      FROM indicator_reported_values r JOIN reporting_periods p ON p.code = r.period_code
     WHERE r.unit_id = ANY (p_unit_ids) AND (p_period IS NULL OR r.period_code = p_period)
  ),
  -- Figures of units that may stand in (which ones is decided in combined).
  sources AS MATERIALIZED (
    SELECT r.unit_id, r.indicator_code, r.period_code, r.value, r.document, a.boundary_set,
           CASE a.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END AS depth, p.ends_on, p.starts_on
      FROM indicator_reported_values r
      JOIN admin_units a ON a.id = r.unit_id
      JOIN reporting_periods p ON p.code = r.period_code
     WHERE p_period IS NULL OR r.period_code = p_period
  ),
  target_hamlets AS MATERIALIZED (
    SELECT m.hamlet_id, m.unit_id, h.population
      FROM hatang_hamlet_units(p_boundary_set) m JOIN hamlets h ON h.id = m.hamlet_id
     WHERE m.unit_id IN (SELECT id FROM targets)
       AND EXISTS (SELECT 1 FROM sources)
  ),
  target_people AS (SELECT t.unit_id, sum(t.population) AS people FROM target_hamlets t GROUP BY t.unit_id),
  source_hamlets AS MATERIALIZED (
    SELECT s.boundary_set, m.hamlet_id, m.unit_id
      FROM (SELECT DISTINCT o.boundary_set FROM sources o) s
     CROSS JOIN LATERAL hatang_hamlet_units(s.boundary_set) m
     WHERE m.unit_id IN (SELECT o.unit_id FROM sources o)
  ),
  -- People each (unit, source unit) pair shares: a few pairs per unit, so the
  -- figures are joined to these and not to every hamlet.
  overlap AS MATERIALIZED (
    SELECT t.unit_id AS target_id, sh.unit_id AS source_id, sum(t.population) AS people
      FROM target_hamlets t JOIN source_hamlets sh ON sh.hamlet_id = t.hamlet_id
     WHERE sh.unit_id <> t.unit_id
     GROUP BY t.unit_id, sh.unit_id
  ),
  combined AS (
    SELECT ov.target_id, s.indicator_code, s.boundary_set, s.depth, s.period_code, s.ends_on, s.starts_on,
           sum(s.value * ov.people) / nullif(sum(ov.people), 0) AS value, sum(ov.people) AS people,
           string_agg(DISTINCT s.document, '; ') AS document
      FROM overlap ov
      JOIN targets tu ON tu.id = ov.target_id
      JOIN sources s ON s.unit_id = ov.source_id
     WHERE CASE WHEN s.boundary_set = p_boundary_set THEN s.depth > tu.depth ELSE s.depth >= tu.depth END
     GROUP BY ov.target_id, s.indicator_code, s.boundary_set, s.depth, s.period_code, s.ends_on, s.starts_on
  ),
  candidates AS (
    SELECT o.unit_id, o.indicator_code, o.period_code, o.value, o.document, NULL::text AS derived_from,
           o.ends_on, o.starts_on, true AS entered, -1 AS depth
      FROM own o
    UNION ALL
    SELECT c.target_id, c.indicator_code, c.period_code, c.value, c.document, c.boundary_set,
           c.ends_on, c.starts_on, false, c.depth
      FROM combined c JOIN target_people tp ON tp.unit_id = c.target_id
     WHERE tp.people > 0 AND c.people >= 0.9 * tp.people
  )
  SELECT DISTINCT ON (c.unit_id, c.indicator_code) c.unit_id, c.indicator_code, c.period_code, c.value::float8, c.document, c.derived_from
    FROM candidates c
   ORDER BY c.unit_id, c.indicator_code, c.ends_on DESC, c.starts_on ASC, c.entered DESC, c.depth ASC, c.derived_from
$$;

COMMENT ON FUNCTION hatang_reported_figures(text, integer[], text) IS
  'Reported figure per (unit, indicator) for units of one boundary set: the period asked for or the latest with a figure; entered for the unit (derived_from NULL) or else the population-weighted mean over one set''s units of one level (another set: no coarser than the unit; its own set: finer) holding >= 90 % of its people (derived_from = that set); entered before derived, coarser before finer.';
