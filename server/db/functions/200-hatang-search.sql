-- Diacritic- and case-insensitive search over sites (code, name), hamlets,
-- communes and districts of every boundary set. Rank: exact name or code, then
-- a match at the start of a word, then anywhere; then districts before
-- communes before hamlets before sites. Matching uses position(), not LIKE, so
-- '%' and '_' in the query are plain characters. The context of a hamlet or a
-- unit names its parents up to the province: names repeat across provinces
-- ("Xã An Hữu" is in several), so the parents tell the results apart.
CREATE OR REPLACE FUNCTION hatang_search(p_query text, p_limit integer)
RETURNS TABLE (kind text, code text, name text, context text, lon float8, lat float8,
               min_lon float8, min_lat float8, max_lon float8, max_lat float8)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH q AS (SELECT hatang_fold(regexp_replace(trim(p_query), '\s+', ' ', 'g')) AS f),
  candidates AS (
    SELECT 'site'::text AS kind, s.code, coalesce(s.name, s.code) AS name,
           concat_ws(' · ', ow.short_name, s.address) AS context,
           s.geom AS point, NULL::geometry AS area,
           hatang_fold(s.code || ' ' || coalesce(s.name, '')) AS folded, 4 AS kind_rank
      FROM sites s JOIN operators ow ON ow.id = s.owner_id
    UNION ALL
    SELECT 'hamlet', h.code, h.name, concat_ws(', ', c.name, d.name, g.name),
           h.ref_point, h.geom, hatang_fold(h.code || ' ' || h.name), 3
      FROM hamlets h JOIN admin_units c ON c.id = h.commune_id LEFT JOIN admin_units d ON d.id = c.parent_id
      LEFT JOIN admin_units g ON g.id = d.parent_id
    UNION ALL
    SELECT a.level, a.code, a.name,
           concat_ws(', ', p.name, g.name, 'ranh giới ' || a.boundary_set),
           ST_PointOnSurface(a.geom), a.geom, hatang_fold(a.code || ' ' || a.name),
           CASE a.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END
      FROM admin_units a LEFT JOIN admin_units p ON p.id = a.parent_id LEFT JOIN admin_units g ON g.id = p.parent_id
  ),
  matched AS (
    SELECT c.*,
           CASE WHEN hatang_fold(c.name) = q.f OR lower(c.code) = q.f THEN 0
                WHEN position(' ' || q.f IN ' ' || c.folded) > 0 THEN 1
                ELSE 2 END AS match_rank
      FROM candidates c, q
     WHERE q.f <> '' AND position(q.f IN c.folded) > 0
  )
  SELECT m.kind, m.code, m.name, nullif(m.context, ''),
         ST_X(m.point), ST_Y(m.point),
         ST_XMin(m.area), ST_YMin(m.area), ST_XMax(m.area), ST_YMax(m.area)
    FROM matched m
   ORDER BY m.match_rank, m.kind_rank, length(m.name), m.name, m.code
   LIMIT p_limit
$$;

COMMENT ON FUNCTION hatang_search(text, integer) IS
  'Search sites, hamlets and admin units ignoring diacritics and case ("cai be" finds "Cái Bè"); lon/lat of a point on the feature, bbox for areas, EPSG:4326; context: a hamlet''s or unit''s parents up to the province (with the boundary set for a unit), a site''s owner and address.';
