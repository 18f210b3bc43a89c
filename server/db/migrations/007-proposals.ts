import type { Knex } from 'knex';

/**
 * Proposals (tờ trình): an operator asks to co-locate on an existing structure
 * or to build a new site; a planner approves or rejects with a reason. The
 * predicted impact is computed once, at submission, and kept with the proposal
 * so the decision can be checked later against what was claimed. Approval
 * creates the site and BTS records (status 'approved'), which the planned
 * scenario counts; every step is a row of proposal_events and an audit entry.
 *
 * Operators are referenced by id: a demo reset (TRUNCATE … CASCADE of the
 * register) empties the proposals with it, as they name its sites.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE SEQUENCE proposal_number_seq;

    CREATE TABLE proposals (
      id               serial PRIMARY KEY,
      -- 'ĐX-' year '-' number: what the Sở TT&TT writes on the file.
      code             text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
      kind             text NOT NULL CHECK (kind IN ('colocation', 'new_site')),
      status           text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected', 'withdrawn')),
      operator_id      integer NOT NULL REFERENCES operators (id) ON DELETE CASCADE,
      -- Co-location: the physical site (a site code, or an inferred site's SUY- key) and its record when it has one.
      site_key         text CHECK (length(site_key) <= 80),
      site_id          integer REFERENCES site_records (id) ON DELETE CASCADE,
      geom             geometry(Point, 4326) NOT NULL,
      -- New site: the structure to build.
      structure_type   text CHECK (structure_type IN ('self_supporting', 'guyed', 'monopole', 'rooftop', 'camouflaged')),
      height_m         numeric(6, 1) CHECK (height_m > 0 AND height_m <= 300),
      radio            jsonb NOT NULL,
      search_radius_m  float8 CHECK (search_radius_m > 0),
      justification    text CHECK (length(justification) <= 4000),
      note             text CHECK (length(note) <= 4000),
      impact           jsonb NOT NULL,
      submitted_by     integer REFERENCES users (id) ON DELETE SET NULL,
      submitted_by_name text NOT NULL,
      submitted_at     timestamptz NOT NULL DEFAULT now(),
      decided_by_name  text,
      decided_at       timestamptz,
      decision_reason  text CHECK (length(decision_reason) <= 4000),
      created_site_id  integer REFERENCES site_records (id) ON DELETE SET NULL,
      created_bts_id   integer REFERENCES bts_records (id) ON DELETE SET NULL,
      version          integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      updated_at       timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'colocation') = (site_key IS NOT NULL)),
      CHECK (kind = 'colocation' OR (structure_type IS NOT NULL AND height_m IS NOT NULL)),
      CHECK ((status IN ('approved', 'rejected')) = (decided_at IS NOT NULL AND decision_reason IS NOT NULL))
    );
    CREATE INDEX proposals_status ON proposals (status);
    CREATE INDEX proposals_operator ON proposals (operator_id);
    CREATE INDEX proposals_geom_gist ON proposals USING gist (geom);
    -- One open proposal per operator and structure: a second would be decided twice.
    CREATE UNIQUE INDEX proposals_one_open_per_site ON proposals (operator_id, site_key) WHERE status = 'submitted' AND site_key IS NOT NULL;

    CREATE TABLE proposal_events (
      id           bigserial PRIMARY KEY,
      proposal_id  integer NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
      at           timestamptz NOT NULL DEFAULT clock_timestamp(),
      action       text NOT NULL CHECK (action IN ('submitted', 'approved', 'rejected', 'withdrawn')),
      actor_name   text NOT NULL,
      actor_role   text,
      note         text
    );
    CREATE INDEX proposal_events_proposal ON proposal_events (proposal_id, at);

    ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
    ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN
      ('create', 'update', 'delete', 'restore', 'import', 'login', 'login_failed', 'logout',
       'token_create', 'token_revoke', 'password_change', 'submit', 'approve', 'reject', 'withdraw'));
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    DROP TABLE IF EXISTS proposal_events, proposals;
    DROP SEQUENCE IF EXISTS proposal_number_seq;
    ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check;
    ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN
      ('create', 'update', 'delete', 'restore', 'import', 'login', 'login_failed', 'logout',
       'token_create', 'token_revoke', 'password_change'));
  `);
}
