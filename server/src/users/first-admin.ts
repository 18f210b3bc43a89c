import type { Knex } from 'knex';
import { writeAudit } from '../audit/audit-log.js';
import { hashPassword, randomSecret } from '../auth/password-hash.js';

export const FIRST_ADMIN_USERNAME = 'admin';

/**
 * With no accounts at all, creates the first admin: with HATANG_ADMIN_PASSWORD
 * when set, else with a random password that is returned once for the
 * start-up log. There is never a built-in default password.
 */
export async function ensureFirstAdmin(knex: Knex, configuredPassword: string): Promise<{ username: string; generatedPassword: string | null } | null> {
  const any = (await knex.raw('SELECT EXISTS (SELECT 1 FROM users) AS any')).rows[0] as { any: boolean };
  if (any.any) return null;
  const generated = configuredPassword ? null : randomSecret(15);
  const hash = await hashPassword(configuredPassword || generated!);
  await knex.transaction(async (trx) => {
    await trx.raw(
      `INSERT INTO users (username, display_name, role, password_hash) VALUES (?, 'Quản trị viên', 'admin', ?) ON CONFLICT (username) DO NOTHING`,
      [FIRST_ADMIN_USERNAME, hash],
    );
    await writeAudit(trx, { actor: null, actorName: 'system' }, {
      action: 'create',
      entity: 'user',
      code: FIRST_ADMIN_USERNAME,
      after: { username: FIRST_ADMIN_USERNAME, role: 'admin', passwordFrom: generated ? 'random' : 'HATANG_ADMIN_PASSWORD' },
      summary: 'first admin account',
    });
  });
  return { username: FIRST_ADMIN_USERNAME, generatedPassword: generated };
}
