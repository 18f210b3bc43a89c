-- A covered share summed from the parts of a union, clamped to 0..1. The parts
-- do not overlap, so the sum is the share up to the overlay's rounding; within
-- 1e-9 of 0 or 1 it is that bound, so a polygon that lies whole in the union
-- but across several parts reads exactly 1, as it did when whole unions were
-- tested with ST_Covers.
CREATE OR REPLACE FUNCTION hatang_clamped_share(p_share float8)
RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN p_share IS NULL THEN 0.0
              WHEN p_share >= 1 - 1e-9 THEN 1.0
              WHEN p_share <= 1e-9 THEN 0.0
              ELSE p_share END
$$;

COMMENT ON FUNCTION hatang_clamped_share(float8) IS
  'A covered share (0..1) summed from a union''s non-overlapping parts, clamped to 0..1 and snapped to 0 or 1 within 1e-9 (the overlay''s rounding); NULL reads 0.';
