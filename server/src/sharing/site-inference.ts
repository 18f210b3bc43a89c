import type { Knex } from 'knex';

/** What one inference run rebuilt (the whole register, or the part around the touched records). */
export interface InferenceSummary {
  /** Site records and BTS the run regrouped. */
  scopePoints: number;
  physicalSites: number;
  inferredSites: number;
  btsExplicit: number;
  btsJoined: number;
  btsInferred: number;
  conflicts: number;
  ms: number;
}

export interface InferenceScope {
  btsIds?: number[];
  siteIds?: number[];
}

/**
 * Site inference (DESIGN §3, server/db/functions/500-hatang-infer-sites.sql):
 * without a scope everywhere; with one, only the physical sites connected
 * within ε to those BTS and site records, where they stand now and where they
 * stood at the last run — call it after the write, in the same transaction, with
 * every id the write touched (whatever their status now, deleted ones too).
 * Runs in the caller's transaction when given one.
 */
export async function inferSites(knex: Knex | Knex.Transaction, epsM: number, scope?: InferenceScope): Promise<InferenceSummary> {
  const btsIds = scope ? [...new Set(scope.btsIds ?? [])] : null;
  const siteIds = scope ? [...new Set(scope.siteIds ?? [])] : null;
  const run = async (trx: Knex.Transaction): Promise<InferenceSummary> => {
    const t0 = performance.now();
    if (scope && btsIds!.length === 0 && siteIds!.length === 0) {
      return { scopePoints: 0, physicalSites: 0, inferredSites: 0, btsExplicit: 0, btsJoined: 0, btsInferred: 0, conflicts: 0, ms: 0 };
    }
    const row = (await trx.raw('SELECT * FROM hatang_infer_sites(?::float8, ?::integer[], ?::integer[])', [epsM, btsIds, siteIds]))
      .rows[0] as Record<string, number>;
    return {
      scopePoints: Number(row.scope_points),
      physicalSites: Number(row.physical_sites),
      inferredSites: Number(row.inferred_sites),
      btsExplicit: Number(row.bts_explicit),
      btsJoined: Number(row.bts_joined),
      btsInferred: Number(row.bts_inferred),
      conflicts: Number(row.conflicts),
      ms: Math.round(performance.now() - t0),
    };
  };
  return knex.isTransaction ? run(knex as Knex.Transaction) : knex.transaction(run);
}

/** True when the register has sites or BTS but inference never ran (a database from before issue 5, or a bare import). */
export async function physicalSitesMissing(knex: Knex): Promise<boolean> {
  const row = (
    await knex.raw(
      `SELECT (EXISTS (SELECT 1 FROM sites WHERE status <> 'decommissioned') OR EXISTS (SELECT 1 FROM bts WHERE status <> 'decommissioned'))
              AND NOT EXISTS (SELECT 1 FROM physical_sites) AS missing`,
    )
  ).rows[0] as { missing: boolean };
  return row.missing;
}
