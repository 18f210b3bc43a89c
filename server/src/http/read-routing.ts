import type { Request, RequestHandler, Response } from 'express';
import type { Knex } from 'knex';
import { readCookie } from '../auth/authenticate.js';
import type { ReadReplicas } from '../db/read-replicas.js';
import { runWith } from '../db/routed-knex.js';
import { formatLsn, parseLsn } from '../db/wal-lsn.js';

/** Which database a request's reads ran on, for operators. */
export const DATABASE_HEADER = 'X-Hatang-Database';
/** The primary's WAL position after a write; sent back (cookie or header), it keeps the client's reads on databases that hold it. */
export const WAL_LSN_COOKIE = 'hatang_wal_lsn';
export const WAL_LSN_HEADER = 'X-Hatang-Wal-Lsn';

const readMethods = new Set(['GET', 'HEAD']);
const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * With READ_DATABASE_URLS: a GET or HEAD runs its queries on a replica that
 * holds the client's last write (its WAL LSN cookie or header, if any), every
 * other request on the primary. A successful write answers with the primary's
 * WAL position (pg_current_wal_lsn() once the handler's transaction has
 * committed), valid for the replica lag limit: after that any replica in use
 * holds the write anyway.
 */
export function readRouting(primary: Knex, replicas: ReadReplicas, maxLagS: number): RequestHandler {
  return (req, res, next) => {
    if (writeMethods.has(req.method)) {
      res.set(DATABASE_HEADER, 'primary');
      answerWithWalLsn(res, primary, maxLagS);
      return next();
    }
    if (!readMethods.has(req.method)) {
      res.set(DATABASE_HEADER, 'primary');
      return next();
    }
    replicas.choose(clientLsn(req)).then(
      (replica) => {
        res.set(DATABASE_HEADER, replica ? replica.name : 'primary');
        if (replica) runWith(replica.knex, next);
        else next();
      },
      next,
    );
  };
}

function clientLsn(req: Request): bigint | null {
  return parseLsn(req.get(WAL_LSN_HEADER) ?? readCookie(req, WAL_LSN_COOKIE));
}

/**
 * Headers cannot wait for a query once the handler writes its body, so the
 * first write or end of a successful answer is held until the primary has said
 * where its WAL is; later ones queue behind it in order.
 */
function answerWithWalLsn(res: Response, primary: Knex, maxLagS: number): void {
  type Call = (...args: unknown[]) => unknown;
  const write = res.write.bind(res) as Call;
  const end = res.end.bind(res) as Call;
  const held: [Call, unknown[]][] = [];
  let holding = false;
  const restore = () => {
    res.write = write as Response['write'];
    res.end = end as Response['end'];
  };
  const startHolding = () => {
    holding = true;
    primary.raw('SELECT pg_current_wal_lsn()::text AS lsn').then(
      (result: { rows: { lsn: string }[] }) => {
        const lsn = parseLsn(result.rows[0]?.lsn);
        if (lsn !== null && !res.headersSent) {
          res.set(WAL_LSN_HEADER, formatLsn(lsn));
          res.cookie(WAL_LSN_COOKIE, formatLsn(lsn), { path: '/', maxAge: maxLagS * 1000, httpOnly: true, sameSite: 'lax' });
        }
      },
      // The primary gone right after the write: the answer goes out without a position (reads may then lag; nothing breaks).
      () => undefined,
    ).finally(() => {
      restore();
      for (const [original, args] of held) original(...args);
    });
  };
  /** True when the call was held; false when the answer needs no position (an error, or headers already out). */
  const hold = (original: Call, args: unknown[]): boolean => {
    if (!holding && (res.statusCode >= 400 || res.headersSent)) {
      restore();
      return false;
    }
    held.push([original, args]);
    if (!holding) startHolding();
    return true;
  };
  res.write = ((...args: unknown[]) => (hold(write, args) ? true : write(...args))) as Response['write'];
  res.end = ((...args: unknown[]) => (hold(end, args) ? res : end(...args))) as Response['end'];
}
