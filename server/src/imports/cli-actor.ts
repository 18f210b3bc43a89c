import type { Knex } from 'knex';
import type { Actor } from '../auth/actor.js';
import type { Role } from '../auth/roles.js';

/** The active account `--as <username>` names: the command line then imports with that account's rights and name. */
export async function cliActor(knex: Knex, username: string): Promise<Actor> {
  const row = (
    await knex.raw('SELECT id, username, display_name, role, operator_code FROM users WHERE username = ? AND active', [username])
  ).rows[0] as { id: number; username: string; display_name: string; role: Role; operator_code: string | null } | undefined;
  if (!row) throw new Error(`no active account named "${username}"`);
  return {
    userId: row.id, username: row.username, displayName: row.display_name, role: row.role, operatorCode: row.operator_code,
    via: 'token', csrfToken: null, sessionHash: null, sessionExpiresAt: null,
  };
}
