import type { Knex } from 'knex';

export interface ThrottleSettings {
  maxFailures: number;
  windowMinutes: number;
}

/**
 * Sign-in throttling from the audit log itself: the failures of the last
 * window, per user name and (at 4× the limit) per address. Kept in the
 * database, so it holds across restarts and across server processes.
 * Answers the seconds to wait, or 0 when a try is allowed.
 */
export async function loginRetryAfterSeconds(knex: Knex, username: string, ip: string | null, settings: ThrottleSettings): Promise<number> {
  const row = (
    await knex.raw(
      `WITH recent AS (
         SELECT at, actor_name, client_ip FROM audit_log
          WHERE action = 'login_failed' AND at > now() - make_interval(mins => ?))
       SELECT (SELECT count(*) FROM recent WHERE actor_name = ?)::int AS by_name,
              (SELECT count(*) FROM recent WHERE client_ip = ?)::int AS by_ip,
              ceil(extract(epoch FROM (SELECT min(at) FROM recent WHERE actor_name = ? OR client_ip = ?)
                     + make_interval(mins => ?) - now()))::int AS wait`,
      [settings.windowMinutes, username, ip, username, ip, settings.windowMinutes],
    )
  ).rows[0] as { by_name: number; by_ip: number; wait: number | null };
  const blocked = row.by_name >= settings.maxFailures || row.by_ip >= settings.maxFailures * 4;
  return blocked ? Math.max(1, row.wait ?? settings.windowMinutes * 60) : 0;
}
