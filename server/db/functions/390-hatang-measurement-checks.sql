-- Field measurements against the model: the hamlet a measurement lies in, and
-- whether the model predicts coverage there (the point inside the coverage
-- union of its operator and technology) against whether it was measured
-- (signal at or above the technology's edge threshold, p_thresholds
-- {"2G": -102, …} in dBm). A contradiction is either disagreement. A
-- measurement is of the network on air, so it is checked against the current
-- scenario, never the planned one.
CREATE OR REPLACE FUNCTION hatang_measurement_checks(p_thresholds jsonb)
RETURNS TABLE (id integer, hamlet_id integer, threshold_dbm float8, measured_covered boolean,
               predicted_covered boolean, contradiction text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT m.id, h.id, t.threshold, m.signal_dbm >= t.threshold, p.covered,
         CASE WHEN p.covered AND m.signal_dbm < t.threshold THEN 'predicted-covered-measured-below'
              WHEN NOT p.covered AND m.signal_dbm >= t.threshold THEN 'predicted-uncovered-measured-above' END
    FROM field_measurements m
    JOIN operators o ON o.id = m.operator_id
    CROSS JOIN LATERAL (SELECT (p_thresholds->>m.technology)::float8 AS threshold) t
    CROSS JOIN LATERAL (
      SELECT EXISTS (SELECT 1 FROM coverage_union_parts u
                      WHERE u.scenario = 'current' AND u.operator_code = o.code AND u.tech_group = m.technology AND ST_Intersects(u.geom, m.geom)) AS covered) p
    LEFT JOIN LATERAL (
      SELECT hh.id FROM hamlets hh WHERE ST_Intersects(hh.geom, m.geom) ORDER BY hh.code LIMIT 1) h ON true
$$;

COMMENT ON FUNCTION hatang_measurement_checks(jsonb) IS
  'Per field measurement: its hamlet, edge threshold (dBm), measured and predicted coverage (current union of its operator and technology) and the contradiction, if any.';
