/**
 * Whether an error means "the database cannot be reached right now" (server
 * down, restarting, connection lost) rather than a bug or bad input: the API
 * answers those with 503 + Retry-After, and the request may simply be retried.
 *
 * What pg and knex throw when PostgreSQL goes away (measured with pg 8, knex 3
 * against PostgreSQL 15, see test/faults/postgres-restart.test.ts):
 * - a new connection while the server is down: Node's ECONNREFUSED (or
 *   ENOTFOUND/EHOSTUNREACH/ETIMEDOUT for a host that is gone);
 * - a session ended by `pg_ctl stop -m fast` or `pg_terminate_backend`:
 *   SQLSTATE 57P01 admin_shutdown; 57P02 crash_shutdown; 57P03 cannot_connect_now
 *   while the server starts or shuts down;
 * - a session whose server died (`-m immediate`, kill -9, network cut): pg's
 *   plain Error "Connection terminated unexpectedly" (no code; knex puts the SQL
 *   in front of it), or ECONNRESET/EPIPE;
 * - pg's own connect timeout: "timeout expired" / "Connection terminated due to
 *   connection timeout";
 * - knex waiting for a pooled connection longer than acquireConnectionTimeout:
 *   KnexTimeoutError "Knex: Timeout acquiring a connection…".
 * SQLSTATE class 08 (connection exception) covers the rest of the protocol's own.
 */
const unavailableSystemCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03']);
// knex prefixes a failed statement's message with its SQL and " - ".
const unavailableMessages = [
  /Connection terminated/i,
  /^Knex: Timeout acquiring a connection/i,
  /(?:^| - )timeout expired$/i,
  /(?:^| - )Client has encountered a connection error and is not queryable$/i,
  /(?:^| - )Connection ended unexpectedly$/i,
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const { code, name, message, cause, errors } = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (unavailableSystemCodes.has(code) || unavailableSqlStates.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (name === 'KnexTimeoutError') return true;
  if (typeof message === 'string' && unavailableMessages.some((pattern) => pattern.test(message))) return true;
  // Node wraps a refused connection to a host with several addresses (localhost: ::1 and 127.0.0.1) in an AggregateError.
  if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
