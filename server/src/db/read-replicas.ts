import type { Knex } from 'knex';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { parseLsn } from './wal-lsn.js';

/** What a replica said the last time it was asked. */
interface ReplicaState {
  usable: boolean;
  /** WAL replayed so far (a lower bound of what it holds now). */
  replayLsn: bigint | null;
  lagS: number | null;
  checkedAt: number;
}

export interface Replica {
  /** "replica-1" for the first of READ_DATABASE_URLS: the X-Hatang-Database header. */
  name: string;
  knex: Knex;
}

export interface ReplicaSettings {
  /** A replica further behind the primary than this is skipped. */
  maxLagS: number;
  /** A replica's replay position and lag are asked again after this long. */
  stateTtlMs?: number;
  /** …and a replica found down or unusable after this long. */
  downRetryMs?: number;
  /** The state query gives up after this long (a replica that accepts TCP but does not answer). */
  probeTimeoutMs?: number;
  /** Told when a replica starts or stops taking reads (instead of the pool's warning at every failed probe). */
  log?: (line: string) => void;
}

/**
 * Lag as the standby sees it: nothing received is left to replay → 0;
 * otherwise the age of the last transaction it replayed. (On an idle primary
 * the replay timestamp ages while nothing is missing: hence the first case.)
 */
const stateQuery = `
  SELECT pg_is_in_recovery() AS standby,
         pg_last_wal_replay_lsn()::text AS replay_lsn,
         CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
              ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag_s`;

/**
 * The streaming replicas reads may go to, tried in turn (round robin). Each
 * one's replay position is cached for ~100 ms, so choosing costs a query at
 * most ten times a second per replica, shared by the requests waiting for it.
 * A replica that is down, promoted (no longer a standby) or lagging more than
 * maxLagS is skipped until it is asked again; with none usable, reads go to
 * the primary.
 */
export class ReadReplicas {
  private next = 0;
  private readonly states = new Map<string, ReplicaState>();
  private readonly probes = new Map<string, Promise<ReplicaState>>();
  private readonly ttlMs: number;
  private readonly downRetryMs: number;
  private readonly probeTimeoutMs: number;

  constructor(readonly replicas: Replica[], private readonly settings: ReplicaSettings) {
    this.ttlMs = settings.stateTtlMs ?? 100;
    this.downRetryMs = settings.downRetryMs ?? 1000;
    this.probeTimeoutMs = settings.probeTimeoutMs ?? 1000;
    for (const replica of replicas) {
      // A statement that fails because the replica went away marks it down at once, before its next probe.
      replica.knex.on('query-error', (error: unknown) => {
        if (isDatabaseUnavailable(error)) this.note(replica, { usable: false, replayLsn: null, lagS: null, checkedAt: Date.now() });
      });
    }
  }

  /** A replica that holds everything up to `minLsn` (when given) and lags no more than allowed, or null. */
  async choose(minLsn: bigint | null): Promise<Replica | null> {
    const count = this.replicas.length;
    const start = this.next;
    this.next = (this.next + 1) % count;
    for (let i = 0; i < count; i++) {
      const replica = this.replicas[(start + i) % count]!;
      const state = await this.stateOf(replica);
      if (state.usable && (minLsn === null || (state.replayLsn !== null && state.replayLsn >= minLsn))) return replica;
    }
    return null;
  }

  private async stateOf(replica: Replica): Promise<ReplicaState> {
    const known = this.states.get(replica.name);
    if (known && Date.now() - known.checkedAt < (known.usable ? this.ttlMs : this.downRetryMs)) return known;
    let probe = this.probes.get(replica.name);
    if (!probe) {
      probe = this.probe(replica).finally(() => this.probes.delete(replica.name));
      this.probes.set(replica.name, probe);
    }
    return probe;
  }

  private async probe(replica: Replica): Promise<ReplicaState> {
    let timer: NodeJS.Timeout | undefined;
    let state: ReplicaState;
    try {
      const row = await Promise.race([
        replica.knex.raw(stateQuery).then((r: { rows: { standby: boolean; replay_lsn: string | null; lag_s: number | null }[] }) => r.rows[0]!),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${replica.name} did not answer within ${this.probeTimeoutMs} ms`)), this.probeTimeoutMs);
        }),
      ]);
      const lagS = row.lag_s === null ? null : Number(row.lag_s);
      state = {
        usable: row.standby && lagS !== null && lagS <= this.settings.maxLagS,
        replayLsn: parseLsn(row.replay_lsn),
        lagS,
        checkedAt: Date.now(),
      };
    } catch {
      state = { usable: false, replayLsn: null, lagS: null, checkedAt: Date.now() };
    } finally {
      clearTimeout(timer);
    }
    this.note(replica, state);
    return state;
  }

  private note(replica: Replica, state: ReplicaState): void {
    const before = this.states.get(replica.name);
    this.states.set(replica.name, state);
    if ((before?.usable ?? true) !== state.usable) {
      this.settings.log?.(state.usable
        ? `${replica.name} takes reads again (lag ${state.lagS ?? 0} s)`
        : `${replica.name} gets no reads: ${state.lagS === null ? 'down, not a standby, or its lag unknown' : `lags ${state.lagS.toFixed(1)} s > ${this.settings.maxLagS} s`}`);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((r) => r.knex.destroy()));
  }
}
