import type { Knex } from 'knex';

/**
 * Accounts, sessions, API tokens, the audit log, and soft deletion of the
 * infrastructure register.
 *
 * Soft deletion: the tables `sites`, `bts` and `fiber_routes` become
 * `site_records`, `bts_records` and `fiber_route_records` with a `deleted_at`
 * column, and the old names become simple (automatically updatable) views of
 * the live rows. Every reader — layers, search, coverage, detail — keeps
 * querying `sites`/`bts`/`fiber_routes` and can never see a deleted record by
 * forgetting a filter; the planner inlines the views, so the GiST indexes of the
 * base tables are still used. Only deletion, restore and the audit log touch the
 * base tables.
 *
 * Users name their operator by code, not by id: a demo reset (TRUNCATE …
 * CASCADE of the register) must not cascade into the accounts.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE users (
      id             serial PRIMARY KEY,
      username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
      display_name   text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
      role           text NOT NULL CHECK (role IN ('admin', 'planner', 'operator', 'inspector')),
      operator_code  text CHECK (operator_code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
      password_hash  text NOT NULL,
      active         boolean NOT NULL DEFAULT true,
      version        integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at     timestamptz NOT NULL DEFAULT now(),
      updated_at     timestamptz NOT NULL DEFAULT now(),
      CHECK ((role = 'operator') = (operator_code IS NOT NULL))
    );

    -- The cookie holds a random token; only its SHA-256 is stored, so a copy of
    -- the database does not hand out live sessions.
    CREATE TABLE sessions (
      token_hash     text PRIMARY KEY,
      user_id        integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      csrf_token     text NOT NULL,
      created_at     timestamptz NOT NULL DEFAULT now(),
      last_seen_at   timestamptz NOT NULL DEFAULT now(),
      expires_at     timestamptz NOT NULL,
      user_agent     text
    );
    CREATE INDEX sessions_user ON sessions (user_id);
    CREATE INDEX sessions_expires ON sessions (expires_at);

    CREATE TABLE api_tokens (
      id             serial PRIMARY KEY,
      user_id        integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
      prefix         text NOT NULL UNIQUE,
      token_hash     text NOT NULL UNIQUE,
      created_at     timestamptz NOT NULL DEFAULT now(),
      expires_at     timestamptz,
      last_used_at   timestamptz,
      revoked_at     timestamptz
    );
    CREATE INDEX api_tokens_user ON api_tokens (user_id);

    -- One row per change (and per sign-in attempt): who, when, what, before and after.
    CREATE TABLE audit_log (
      id             bigserial PRIMARY KEY,
      at             timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor_id       integer REFERENCES users (id) ON DELETE SET NULL,
      actor_name     text NOT NULL,
      actor_role     text,
      action         text NOT NULL CHECK (action IN
                       ('create', 'update', 'delete', 'restore', 'import', 'login', 'login_failed', 'logout',
                        'token_create', 'token_revoke', 'password_change')),
      entity         text NOT NULL,
      entity_code    text,
      before         jsonb,
      after          jsonb,
      client_ip      text,
      summary        text
    );
    CREATE INDEX audit_log_at ON audit_log (at DESC);
    CREATE INDEX audit_log_entity ON audit_log (entity, entity_code);
    CREATE INDEX audit_log_actor ON audit_log (actor_name);
    -- Sign-in throttling counts recent failures per user name and per address.
    CREATE INDEX audit_log_login_failed ON audit_log (at) WHERE action = 'login_failed';

    -- An inspector's verdict of a hamlet's coverage seen in the field (biên bản
    -- kiểm tra), beside the model's: per operator ('*' = any) and technology group.
    CREATE TABLE hamlet_inspections (
      id               serial PRIMARY KEY,
      hamlet_id        integer NOT NULL REFERENCES hamlets (id) ON DELETE CASCADE,
      inspected_on     date NOT NULL,
      operator_code    text NOT NULL CHECK (operator_code ~ '^([*]|[a-z0-9][a-z0-9-]{0,31})$'),
      tech_group       text NOT NULL CHECK (tech_group IN ('2G', '3G', '4G', '5G', 'broadband')),
      observed_verdict text NOT NULL CHECK (observed_verdict IN ('covered', 'lom_song', 'trang_song')),
      note             text CHECK (length(note) <= 2000),
      measurement_batch text CHECK (length(measurement_batch) <= 100),
      inspector_id     integer NOT NULL REFERENCES users (id),
      version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_at       timestamptz NOT NULL DEFAULT now(),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      deleted_at       timestamptz
    );
    CREATE INDEX hamlet_inspections_hamlet ON hamlet_inspections (hamlet_id);

    ALTER TABLE sites RENAME TO site_records;
    ALTER TABLE bts RENAME TO bts_records;
    ALTER TABLE fiber_routes RENAME TO fiber_route_records;
    ALTER TABLE site_records ADD COLUMN deleted_at timestamptz;
    ALTER TABLE bts_records ADD COLUMN deleted_at timestamptz;
    ALTER TABLE fiber_route_records ADD COLUMN deleted_at timestamptz;
    CREATE VIEW sites AS SELECT * FROM site_records WHERE deleted_at IS NULL;
    CREATE VIEW bts AS SELECT * FROM bts_records WHERE deleted_at IS NULL;
    CREATE VIEW fiber_routes AS SELECT * FROM fiber_route_records WHERE deleted_at IS NULL;
    COMMENT ON VIEW sites IS 'Live (not soft-deleted) rows of site_records.';
    COMMENT ON VIEW bts IS 'Live (not soft-deleted) rows of bts_records.';
    COMMENT ON VIEW fiber_routes IS 'Live (not soft-deleted) rows of fiber_route_records.';
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP VIEW IF EXISTS sites, bts, fiber_routes;
    ALTER TABLE site_records DROP COLUMN deleted_at;
    ALTER TABLE bts_records DROP COLUMN deleted_at;
    ALTER TABLE fiber_route_records DROP COLUMN deleted_at;
    ALTER TABLE site_records RENAME TO sites;
    ALTER TABLE bts_records RENAME TO bts;
    ALTER TABLE fiber_route_records RENAME TO fiber_routes;
    DROP TABLE IF EXISTS hamlet_inspections, audit_log, api_tokens, sessions, users;
  `);
}
