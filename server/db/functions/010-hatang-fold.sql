-- Folds text for diacritic- and case-insensitive search: 'Cái Bè' -> 'cai be'.
-- unaccent() is only STABLE (its dictionary could change); naming the dictionary
-- makes the result depend on its input alone, so it can be declared IMMUTABLE.
CREATE OR REPLACE FUNCTION hatang_fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, input)) $$;

COMMENT ON FUNCTION hatang_fold(text) IS
  'Lower-case text with Vietnamese diacritics removed (đ -> d), for search that ignores diacritics.';
