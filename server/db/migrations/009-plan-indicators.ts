import type { Knex } from 'knex';

/**
 * The plan's indicators as data: the registry of indicator codes (their texts
 * live in server/src/indicators/indicator-catalogue.ts, checked against this
 * table by a test), the plan's targets, the reporting periods, the values
 * reported per unit and period, and dated snapshots of the computed values.
 *
 * Targets and reported values are edited by planners with optimistic locking
 * (`version`) and audited like the register. Snapshots keep unit codes and
 * names rather than ids: a snapshot must outlive a re-imported boundary.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    -- Replaced by the set-based hatang_hamlet_units and hatang_unit_indicator_counts.
    DROP FUNCTION IF EXISTS hatang_unit_hamlets(integer);
    DROP FUNCTION IF EXISTS hatang_unit_coverage_counts(integer, text);
    DROP FUNCTION IF EXISTS hatang_unit_fiber_reach(integer, float8, text[]);
    DROP FUNCTION IF EXISTS hatang_unit_fiber_lengths(integer, text[]);

    CREATE TABLE indicator_definitions (
      code        text PRIMARY KEY CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
      source      text NOT NULL CHECK (source IN ('computed', 'reported')),
      measure     text NOT NULL CHECK (measure IN ('share', 'ratio', 'count', 'mbps', 'per_100_people')),
      sort_order  smallint NOT NULL UNIQUE
    );
    INSERT INTO indicator_definitions (code, source, measure, sort_order) VALUES
      ('hamlets-mobile-broadband', 'computed', 'share', 10),
      ('population-4g', 'computed', 'share', 20),
      ('population-5g', 'computed', 'share', 30),
      ('hamlets-fiber-reach', 'computed', 'share', 40),
      ('fiber-underground-share', 'computed', 'share', 50),
      ('site-sharing-ratio', 'computed', 'share', 60),
      ('mobile-broadband-subscriptions', 'reported', 'per_100_people', 110),
      ('smartphone-subscription-share', 'reported', 'share', 120),
      ('adults-with-smartphone', 'reported', 'share', 130),
      ('mobile-broadband-speed', 'reported', 'mbps', 140),
      ('fixed-broadband-speed', 'reported', 'mbps', 150),
      ('households-ftth', 'reported', 'share', 160);

    -- A year, a half-year (2025-H1), a quarter (2025-Q2) or a month (2025-06).
    CREATE TABLE reporting_periods (
      code       text PRIMARY KEY CHECK (code ~ '^(19|20)[0-9]{2}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))\\?$'),
      starts_on  date NOT NULL,
      ends_on    date NOT NULL,
      source     text NOT NULL,
      CHECK (ends_on >= starts_on)
    );
    INSERT INTO reporting_periods (code, starts_on, ends_on, source)
    SELECT y::text, make_date(y, 1, 1), make_date(y, 12, 31), 'migration 009' FROM generate_series(2019, 2030) y;

    -- unit_id NULL: the target holds for every unit (the province's plan);
    -- a unit's own target wins over it.
    CREATE TABLE indicator_targets (
      id              serial PRIMARY KEY,
      indicator_code  text NOT NULL REFERENCES indicator_definitions (code),
      unit_id         integer REFERENCES admin_units (id),
      target_year     smallint NOT NULL CHECK (target_year BETWEEN 2000 AND 2100),
      value           float8 NOT NULL CHECK (value >= 0 AND value < 1e6),
      document        text CHECK (length(document) <= 300),
      note            text CHECK (length(note) <= 2000),
      version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      updated_by      text NOT NULL,
      source          text NOT NULL,
      source_date     date NOT NULL
    );
    CREATE UNIQUE INDEX indicator_targets_natural_key ON indicator_targets (indicator_code, coalesce(unit_id, 0), target_year);

    CREATE TABLE indicator_reported_values (
      id              serial PRIMARY KEY,
      indicator_code  text NOT NULL REFERENCES indicator_definitions (code),
      unit_id         integer NOT NULL REFERENCES admin_units (id),
      period_code     text NOT NULL REFERENCES reporting_periods (code),
      value           float8 NOT NULL CHECK (value >= 0 AND value < 1e6),
      document        text CHECK (length(document) <= 300),
      note            text CHECK (length(note) <= 2000),
      version         integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      updated_by      text NOT NULL,
      source          text NOT NULL,
      source_date     date NOT NULL,
      import_id       integer REFERENCES import_runs (id),
      UNIQUE (indicator_code, unit_id, period_code)
    );
    CREATE INDEX indicator_reported_values_unit ON indicator_reported_values (unit_id);

    CREATE TABLE indicator_snapshots (
      id             serial PRIMARY KEY,
      taken_at       timestamptz NOT NULL DEFAULT now(),
      label          text CHECK (length(label) <= 200),
      scenario       text NOT NULL CHECK (scenario IN ('current', 'planned')),
      -- θ, r, ε and the model the values were computed with.
      settings       jsonb NOT NULL,
      recomputed     boolean NOT NULL,
      taken_by       text NOT NULL
    );
    CREATE INDEX indicator_snapshots_taken ON indicator_snapshots (taken_at);

    CREATE TABLE indicator_snapshot_values (
      snapshot_id     integer NOT NULL REFERENCES indicator_snapshots (id) ON DELETE CASCADE,
      indicator_code  text NOT NULL REFERENCES indicator_definitions (code),
      boundary_set    text NOT NULL,
      unit_code       text NOT NULL,
      unit_name       text NOT NULL,
      unit_level      text NOT NULL CHECK (unit_level IN ('province', 'district', 'commune')),
      numerator       float8,
      denominator     float8,
      value           float8,
      PRIMARY KEY (snapshot_id, boundary_set, unit_code, indicator_code)
    );
    CREATE INDEX indicator_snapshot_values_unit ON indicator_snapshot_values (boundary_set, unit_code, indicator_code);

    ALTER TABLE import_runs DROP CONSTRAINT import_runs_layer_check;
    ALTER TABLE import_runs ADD CONSTRAINT import_runs_layer_check
      CHECK (layer IN ('sites', 'bts', 'fiber', 'admin-units', 'hamlets', 'population-clusters', 'measurements', 'indicator-values'));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DELETE FROM import_runs WHERE layer = 'indicator-values';
    ALTER TABLE import_runs DROP CONSTRAINT import_runs_layer_check;
    ALTER TABLE import_runs ADD CONSTRAINT import_runs_layer_check
      CHECK (layer IN ('sites', 'bts', 'fiber', 'admin-units', 'hamlets', 'population-clusters', 'measurements'));
    DROP TABLE IF EXISTS indicator_snapshot_values, indicator_snapshots, indicator_reported_values,
      indicator_targets, reporting_periods, indicator_definitions CASCADE;
  `);
}
