import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';

/**
 * One knex object the route handlers keep receiving (`deps.knex`), whose
 * queries run on the database chosen for the request being handled: the read
 * routing middleware picks a replica for a read-only request and runs the rest
 * of the request inside `runWith`. Outside such a request (start-up, writes,
 * background import commits) everything goes to the primary, and so does every
 * transaction: a transaction is where writes and read-then-write checks live.
 * This way no handler had to change to read from replicas.
 */
const chosen = new AsyncLocalStorage<Knex>();
const primaryKey = Symbol('hatang.primaryKnex');

export function routedKnex(primary: Knex): Knex {
  const pick = () => chosen.getStore() ?? primary;
  return new Proxy(primary, {
    apply(_target, _this, args: unknown[]) {
      return (pick() as unknown as (...a: unknown[]) => unknown)(...args);
    },
    get(_target, property) {
      if (property === primaryKey) return primary;
      const target = property === 'transaction' || property === 'transactionProvider' ? primary : pick();
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Runs `work` (the rest of a request) with its queries on `knex`. */
export function runWith<T>(knex: Knex, work: () => T): T {
  return chosen.run(knex, work);
}

/**
 * The primary behind a routed knex (or the knex itself): for the few reads that
 * must see the latest commit and for writes made while serving a GET, such as a
 * session's sliding expiry.
 */
export function primaryOf(knex: Knex): Knex {
  return ((knex as unknown as Record<symbol, Knex | undefined>)[primaryKey]) ?? knex;
}
