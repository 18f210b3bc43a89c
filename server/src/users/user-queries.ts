import type { Knex } from 'knex';
import type { Role, User } from '../contracts/auth-contracts.js';

export interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  operator_code: string | null;
  password_hash: string;
  active: boolean;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export async function findUserRowByName(knex: Knex | Knex.Transaction, username: string, forUpdate = false): Promise<UserRow | undefined> {
  return (await knex.raw(`SELECT * FROM users WHERE username = ?${forUpdate ? ' FOR UPDATE' : ''}`, [username])).rows[0] as UserRow | undefined;
}

/** The account as it crosses the wire: never the password hash. */
export function toUser(row: UserRow): User {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    operator: row.operator_code,
    active: row.active,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
