import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  DryRunReport, ImportFormat, ImportLayer, ImportOptions, ImportProgress, ImportRun, ImportStatus,
} from '../contracts/import-contracts.js';
import { HttpProblem } from '../http/http-problem.js';

/** What the reader and the mapping found, kept with the run so a later dry run or commit shows it without re-reading. */
export interface DetectedFile {
  columns: string[];
  fields: ImportRun['fields'];
  mapping: ImportRun['mapping'];
  sheets: string[] | null;
  encoding: string | null;
  crs: ImportRun['crs'];
}

export interface StoredRun {
  id: number;
  layer: ImportLayer;
  fileName: string;
  fileSize: number;
  format: ImportFormat;
  options: ImportOptions;
  status: ImportStatus;
  actorId: number | null;
  actorName: string;
  createdAt: string;
  finishedAt: string | null;
  detected: DetectedFile | null;
  report: DryRunReport | null;
  counts: ImportRun['counts'];
  bytes: Buffer | null;
}

export interface RunOwner {
  actorId: number | null;
  actorName: string;
  actorRole: string | null;
}

export async function createRun(
  knex: Knex,
  run: { layer: ImportLayer; fileName: string; bytes: Buffer; format: ImportFormat; options: ImportOptions; owner: RunOwner },
): Promise<number> {
  const row = (
    await knex.raw(
      `INSERT INTO import_runs (layer, file_name, file_size, file_sha256, format, file_bytes, options, status, actor_id, actor_name, actor_role)
       VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, 'uploaded', ?, ?, ?) RETURNING id`,
      [
        run.layer, run.fileName, run.bytes.length, createHash('sha256').update(run.bytes).digest('hex'), run.format, run.bytes,
        JSON.stringify(run.options), run.owner.actorId, run.owner.actorName, run.owner.actorRole,
      ],
    )
  ).rows[0] as { id: number };
  return row.id;
}

const selectRun = `
  SELECT id, layer, file_name, file_size, format, options, status, actor_id, actor_name,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
         to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS finished_at,
         detected, report, counts`;

type RunRow = {
  id: number; layer: ImportLayer; file_name: string; file_size: number; format: ImportFormat; options: ImportOptions; status: ImportStatus;
  actor_id: number | null; actor_name: string; created_at: string; finished_at: string | null; detected: DetectedFile | null;
  report: DryRunReport | null; counts: ImportRun['counts']; file_bytes?: Buffer | Uint8Array | null;
};

function fromRow(r: RunRow): StoredRun {
  return {
    id: r.id, layer: r.layer, fileName: r.file_name, fileSize: r.file_size, format: r.format, options: r.options ?? {}, status: r.status,
    actorId: r.actor_id, actorName: r.actor_name, createdAt: r.created_at, finishedAt: r.finished_at, detected: r.detected,
    report: r.report, counts: r.counts, bytes: r.file_bytes ? Buffer.from(r.file_bytes) : null,
  };
}

/** A run the caller may see: planners see every run, other accounts their own (404 otherwise, as if absent). */
export async function loadRun(knex: Knex, id: number, viewer: { userId: number; role: string } | null, withBytes = false): Promise<StoredRun> {
  const row = (await knex.raw(`${selectRun}${withBytes ? ', file_bytes' : ''} FROM import_runs WHERE id = ?`, [id])).rows[0] as RunRow | undefined;
  if (!row || (viewer && viewer.role !== 'planner' && row.actor_id !== viewer.userId)) {
    throw new HttpProblem(404, 'import-not-found', { id });
  }
  return fromRow(row);
}

export async function listRuns(knex: Knex, viewer: { userId: number; role: string }, limit: number): Promise<StoredRun[]> {
  const rows = (
    await knex.raw(`${selectRun} FROM import_runs WHERE ?::boolean OR actor_id = ? ORDER BY id DESC LIMIT ?`, [viewer.role === 'planner', viewer.userId, limit])
  ).rows as RunRow[];
  return rows.map(fromRow);
}

export async function saveAnalysis(knex: Knex, id: number, options: ImportOptions, detected: DetectedFile, report: DryRunReport): Promise<void> {
  await knex.raw('UPDATE import_runs SET options = ?::jsonb, detected = ?::jsonb, report = ?::jsonb WHERE id = ?', [
    JSON.stringify(options), JSON.stringify(detected), JSON.stringify(report), id,
  ]);
}

/**
 * Moves a run on. A finished run keeps its provenance but drops the file's
 * bytes: only committed data and who brought it must last.
 */
export async function finishRun(
  knex: Knex | Knex.Transaction,
  id: number,
  status: Exclude<ImportStatus, 'uploaded' | 'running'>,
  extra: { counts?: ImportRun['counts']; error?: unknown },
): Promise<void> {
  await knex.raw(
    `UPDATE import_runs SET status = ?, finished_at = now(), file_bytes = NULL, counts = coalesce(?::jsonb, counts), error = ?::jsonb WHERE id = ?`,
    [status, extra.counts ? JSON.stringify(extra.counts) : null, extra.error === undefined ? null : JSON.stringify(extra.error), id],
  );
}

/** uploaded → running, atomically: a second commit of the same run is a 409. */
export async function claimRun(knex: Knex, id: number): Promise<void> {
  const claimed = (await knex.raw(`UPDATE import_runs SET status = 'running' WHERE id = ? AND status = 'uploaded' RETURNING id`, [id])).rows;
  if (!claimed.length) {
    const status = ((await knex.raw('SELECT status FROM import_runs WHERE id = ?', [id])).rows[0] as { status: string } | undefined)?.status ?? '';
    throw new HttpProblem(409, 'import-not-uploaded', { id, status });
  }
}

export function toImportRun(run: StoredRun, progress: ImportProgress | null): ImportRun {
  return {
    id: run.id,
    layer: run.layer,
    fileName: run.fileName,
    fileSize: run.fileSize,
    format: run.format,
    status: run.status,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    actor: run.actorName,
    options: run.options,
    columns: run.detected?.columns ?? [],
    fields: run.detected?.fields ?? [],
    mapping: run.detected?.mapping ?? {},
    sheets: run.detected?.sheets ?? null,
    encoding: run.detected?.encoding ?? null,
    crs: run.detected?.crs ?? null,
    report: run.report,
    progress,
    counts: run.counts,
  };
}

/**
 * Housekeeping: a file uploaded and left (never committed nor discarded) for a
 * day is discarded, its bytes dropped; a run still `running` when the server
 * starts was cut off by a stop or crash — its transaction rolled back, so it
 * wrote nothing — and is marked failed.
 */
export async function discardStaleUploads(knex: Knex): Promise<void> {
  await knex.raw(`UPDATE import_runs SET status = 'cancelled', finished_at = now(), file_bytes = NULL
                   WHERE status = 'uploaded' AND created_at < now() - interval '1 day'`);
}

/** First key of the advisory lock a commit's transaction holds on its run (the second is the run's id). */
const runLockClass = 8008;

/**
 * Called first inside a commit's transaction: while it runs, the run is
 * "running" because someone is running it, which another process (several
 * behind a load balancer) can tell from PostgreSQL's lock table.
 */
export async function lockRunForCommit(trx: Knex.Transaction, id: number): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [runLockClass, id]);
}

/**
 * Only runs whose commit lock nobody holds: a process starting while another
 * one commits an import must not call that import interrupted. (A commit
 * claimed but not yet inside its transaction, a few milliseconds, is the one
 * window left.)
 */
export async function failInterruptedRuns(knex: Knex): Promise<number> {
  const rows = (
    await knex.raw(`UPDATE import_runs SET status = 'failed', finished_at = now(), file_bytes = NULL,
                           error = '{"status": 503, "messageKey": "import-interrupted", "params": {}}'::jsonb
                     WHERE status = 'running' AND pg_try_advisory_xact_lock(?, id) RETURNING id`, [runLockClass])
  ).rows as unknown[];
  return rows.length;
}
