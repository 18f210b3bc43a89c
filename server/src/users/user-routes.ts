import { Router } from 'express';
import type { Knex } from 'knex';
import { writeAudit } from '../audit/audit-log.js';
import { clientIp, requirePermission } from '../auth/authenticate.js';
import { hashPassword } from '../auth/password-hash.js';
import { endAllAccess } from '../auth/session-store.js';
import { userCreateRequestSchema, userUpdateRequestSchema, type User } from '../contracts/auth-contracts.js';
import { parseBody } from '../http/body-validation.js';
import { HttpProblem } from '../http/http-problem.js';
import { assertOnlyParameters } from '../http/query-params.js';
import { operatorCodes } from '../layers/admin-unit-lookup.js';
import { assertVersion, etagOf, expectedVersion } from '../records/record-version.js';
import { findUserRowByName, toUser, type UserRow } from './user-queries.js';

const usernameInPath = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/** Accounts, managed by admins: list, create, edit (role, operator, active, password reset). */
export function userRoutes(knex: Knex): Router {
  const router = Router();
  router.use('/users', requirePermission('users.manage'));

  async function checkOperator(db: Knex, role: string, operator: string | null | undefined): Promise<string | null> {
    if (role !== 'operator') {
      if (operator) throw new HttpProblem(400, 'operator-only-for-operator-role', {}, 'operator');
      return null;
    }
    if (!operator) throw new HttpProblem(400, 'operator-required', {}, 'operator');
    if (!(await operatorCodes(db)).includes(operator)) throw new HttpProblem(400, 'unknown-operator', { operator }, 'operator');
    return operator;
  }

  router.get('/users', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const rows = (await knex.raw('SELECT * FROM users ORDER BY active DESC, role, username')).rows as UserRow[];
    res.json({ users: rows.map(toUser) });
  });

  router.post('/users', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const request = parseBody(userCreateRequestSchema, req.body);
    const operator = await checkOperator(knex, request.role, request.operator);
    const hash = await hashPassword(request.password);
    const user = await knex.transaction(async (trx) => {
      const row = (
        await trx.raw(
          `INSERT INTO users (username, display_name, role, operator_code, password_hash) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (username) DO NOTHING RETURNING *`,
          [request.username, request.displayName, request.role, operator, hash],
        )
      ).rows[0] as UserRow | undefined;
      if (!row) throw new HttpProblem(409, 'username-taken', { username: request.username }, 'username');
      const after = toUser(row);
      await writeAudit(trx, { actor: req.actor!, clientIp: clientIp(req) }, { action: 'create', entity: 'user', code: row.username, after });
      return after;
    });
    res.status(201).set('ETag', etagOf(user.version)).json(user);
  });

  router.patch('/users/:username', async (req, res) => {
    assertOnlyParameters(req, ['lang']);
    const username = String(req.params.username);
    if (!usernameInPath.test(username)) throw new HttpProblem(400, 'code-format', { code: username.slice(0, 64) }, 'username');
    const request = parseBody(userUpdateRequestSchema, req.body);
    const expected = expectedVersion(req, request.version);
    const hash = request.password ? await hashPassword(request.password) : null;
    const user = await knex.transaction(async (trx) => {
      const current = await findUserRowByName(trx, username, true);
      if (!current) throw new HttpProblem(404, 'unknown-user', { username });
      const before = toUser(current);
      assertVersion(expected, current.version, before);
      const role = request.role ?? current.role;
      const operator = await checkOperator(trx, role, request.operator === undefined ? (role === 'operator' ? current.operator_code : null) : request.operator);
      const active = request.active ?? current.active;
      if (current.id === req.actor!.userId && (role !== 'admin' || !active)) throw new HttpProblem(409, 'cannot-demote-self');
      if (current.role === 'admin' && (role !== 'admin' || !active)) {
        const admins = (await trx.raw(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`)).rows[0].n as number;
        if (admins <= 1) throw new HttpProblem(409, 'last-admin');
      }
      const row = (
        await trx.raw(
          `UPDATE users SET display_name = ?, role = ?, operator_code = ?, active = ?, password_hash = coalesce(?, password_hash),
                  version = version + 1, updated_at = now()
            WHERE id = ? RETURNING *`,
          [request.displayName ?? current.display_name, role, operator, active, hash, current.id],
        )
      ).rows[0] as UserRow;
      // A new password, a new role or a deactivation ends every session and token of the account.
      if (hash || role !== current.role || operator !== current.operator_code || !active) await endAllAccess(trx, current.id);
      const after = toUser(row);
      await writeAudit(trx, { actor: req.actor!, clientIp: clientIp(req) }, {
        action: 'update',
        entity: 'user',
        code: username,
        before,
        after: { ...after, ...(hash ? { passwordReset: true } : {}) },
      });
      return after;
    });
    res.set('ETag', etagOf(user.version)).json(user satisfies User);
  });
  return router;
}
