import type { Knex } from 'knex';
import type { Actor } from '../auth/actor.js';
import { writeAudit } from '../audit/audit-log.js';
import { roleMay } from '../auth/roles.js';
import type { AuditEntity } from '../contracts/auth-contracts.js';
import type { DryRunReport, ImportLayer, ImportMode, ImportOptions, ImportRun } from '../contracts/import-contracts.js';
import type { CoverageParams } from '../coverage/coverage-recompute.js';
import { HttpProblem } from '../http/http-problem.js';
import { resolveBoundarySet } from '../layers/admin-unit-lookup.js';
import { readImportPreparation, type PreparedImport } from './import-preparation.js';
import { buildReport } from './import-report.js';
import { ImportCancelled, jobOf, reportProgress, startJob, type ImportJob } from './import-jobs.js';
import {
  claimRun, createRun, discardStaleUploads, finishRun, loadRun, lockRunForCommit, saveAnalysis, toImportRun, type RunOwner, type StoredRun,
} from './import-runs.js';
import { checkStagedRows, stageRows, type StagingOptions } from './import-staging.js';
import type { ImportLimits } from './import-table.js';
import { writeStagedRows, type WriteCounts } from './import-writing.js';

/**
 * The import workflow, one implementation for the web routes and the CLI:
 * upload (stored with the run), dry run (read, map, parse, stage, check,
 * compare — then roll back), commit (the same analysis again in a transaction
 * that also writes, rebuilds coverage and site inference, audits, and marks
 * the run committed; a cancel or any failure rolls all of it back).
 */
export interface ImportEnvironment {
  knex: Knex;
  coverage: CoverageParams;
  siteInferenceEpsM: number;
  limits: ImportLimits;
}

export interface ImportCaller {
  /** The signed-in account; null for the command line, which acts with a planner's rights. */
  actor: Actor | null;
  actorName: string;
  clientIp: string | null;
}

const auditEntityOf: Record<ImportLayer, AuditEntity> = {
  sites: 'site',
  bts: 'bts',
  fiber: 'fiber',
  'admin-units': 'admin_unit',
  hamlets: 'hamlet',
  'population-clusters': 'population_cluster',
  measurements: 'field_measurements',
  'indicator-values': 'reported_value',
};

/**
 * Who may import which layer: operators their own BTS and fiber; planners everything; inspectors
 * measurements; reported indicator values whoever may edit the plan's figures (targets.edit: planners).
 */
export function assertMayImport(actor: Actor | null, layer: ImportLayer): void {
  if (!actor) return;
  const allowed = layer === 'measurements'
    ? actor.role === 'planner' || actor.role === 'inspector'
    : layer === 'bts' || layer === 'fiber'
      ? actor.role === 'planner' || actor.role === 'operator'
      : layer === 'indicator-values'
        ? roleMay(actor.role, 'targets.edit')
        : actor.role === 'planner';
  if (!allowed) throw new HttpProblem(403, 'import-layer-forbidden', { layer, role: actor.role });
}

/** Operators as files may name them: code, short name or full name. */
async function operatorNames(knex: Knex | Knex.Transaction): Promise<{ code: string; short_name: string; name: string }[]> {
  return (await knex.raw('SELECT code, short_name, name FROM operators')).rows;
}

function ownerOf(caller: ImportCaller): RunOwner {
  return { actorId: caller.actor?.userId ?? null, actorName: caller.actor?.username ?? caller.actorName, actorRole: caller.actor?.role ?? null };
}

function viewerOf(caller: ImportCaller): { userId: number; role: string } | null {
  return caller.actor ? { userId: caller.actor.userId, role: caller.actor.role } : null;
}

interface Analysis {
  prepared: PreparedImport;
  staging: StagingOptions;
  report: DryRunReport;
}

/** Reads, maps and parses the file, then stages and checks it in `trx`. */
async function analyse(
  env: ImportEnvironment,
  trx: Knex.Transaction,
  run: StoredRun,
  caller: ImportCaller,
  job?: ImportJob,
  /** The file already read with these options (the upload's first dry run), not read twice. */
  alreadyRead?: PreparedImport,
): Promise<Analysis> {
  if (!run.bytes) throw new HttpProblem(409, 'import-not-uploaded', { id: run.id, status: run.status });
  reportProgress(job, { phase: 'reading', done: 0, total: run.fileSize });
  const prepared = alreadyRead ?? (await readImportPreparation(run.bytes, run.fileName, run.layer, run.options, await operatorNames(trx), env.limits));
  reportProgress(job, { phase: 'validating', done: 0, total: prepared.parsed.rows.length + prepared.parsed.errors.length });
  const boundarySet = await resolveBoundarySet(trx, run.options.boundarySet ?? undefined);
  const staging: StagingOptions = {
    layer: run.layer,
    srid: prepared.parsed.srid,
    boundarySet,
    batch: run.fileName.slice(0, 100),
    mapped: prepared.mapped,
    actor: caller.actor,
    actorName: caller.actor?.username ?? caller.actorName,
  };
  // Row parsing leaves `rows` empty after a file-level problem (a missing column, no coordinate system).
  await stageRows(trx, prepared.parsed.rows, staging);
  const summary = await checkStagedRows(trx, staging);
  const report = await buildReport(trx, prepared, summary);
  return { prepared, staging, report };
}

export async function uploadImport(
  env: ImportEnvironment,
  caller: ImportCaller,
  upload: { layer: ImportLayer; fileName: string; bytes: Buffer; options: ImportOptions },
): Promise<ImportRun> {
  assertMayImport(caller.actor, upload.layer);
  if (upload.bytes.length > env.limits.maxFileBytes) {
    throw new HttpProblem(413, 'import-file-too-large', { size: upload.bytes.length, max: env.limits.maxFileBytes });
  }
  if (upload.bytes.length === 0) throw new HttpProblem(400, 'import-file-empty');
  if (upload.options.boundarySet) await resolveBoundarySet(env.knex, upload.options.boundarySet);
  // Read once before storing anything: a file no reader understands leaves no run behind.
  const prepared = await readImportPreparation(upload.bytes, upload.fileName, upload.layer, upload.options, await operatorNames(env.knex), env.limits);
  await discardStaleUploads(env.knex);
  const id = await createRun(env.knex, { ...upload, format: prepared.table.format, owner: ownerOf(caller) });
  return dryRunImport(env, caller, id, {}, prepared);
}

/** Dry run with corrected options (mapping, CRS, sheet, boundary set): the report, and nothing written. */
export async function dryRunImport(
  env: ImportEnvironment,
  caller: ImportCaller,
  id: number,
  changes: ImportOptions,
  alreadyRead?: PreparedImport,
): Promise<ImportRun> {
  const stored = await loadRun(env.knex, id, viewerOf(caller), true);
  assertMayImport(caller.actor, stored.layer);
  if (stored.status !== 'uploaded') throw new HttpProblem(409, 'import-not-uploaded', { id, status: stored.status });
  const run: StoredRun = { ...stored, options: mergeOptions(stored.options, changes) };
  const trx = await env.knex.transaction();
  let analysis: Analysis;
  try {
    analysis = await analyse(env, trx, run, caller, undefined, alreadyRead);
  } finally {
    await trx.rollback();
  }
  await saveAnalysis(env.knex, id, run.options, analysis.prepared.detected, analysis.report);
  return toImportRun(await loadRun(env.knex, id, null), null);
}

function mergeOptions(current: ImportOptions, changes: ImportOptions): ImportOptions {
  const merged: ImportOptions = { ...current };
  for (const [key, value] of Object.entries(changes) as [keyof ImportOptions, unknown][]) {
    if (value === undefined) continue;
    (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

/**
 * Starts the commit in the background and answers at once; `finished`
 * settles when it is over. All or nothing refuses a file the last dry run
 * found invalid rows in (422) before anything starts.
 */
export async function commitImport(
  env: ImportEnvironment,
  caller: ImportCaller,
  id: number,
  mode: ImportMode,
): Promise<{ run: ImportRun; finished: Promise<void> }> {
  const stored = await loadRun(env.knex, id, viewerOf(caller), false);
  assertMayImport(caller.actor, stored.layer);
  if (stored.status !== 'uploaded') throw new HttpProblem(409, 'import-not-uploaded', { id, status: stored.status });
  if (mode === 'all-or-nothing' && stored.report && stored.report.invalid > 0) {
    throw new HttpProblem(422, 'import-has-invalid-rows', { invalid: stored.report.invalid, rows: stored.report.rows });
  }
  await claimRun(env.knex, id);
  const running: StoredRun = { ...stored, status: 'running' };
  const job = startJob(id, running, (job) => runCommit(env, caller, id, mode, job));
  return { run: toImportRun(running, job.progress), finished: job.finished };
}

async function runCommit(env: ImportEnvironment, caller: ImportCaller, id: number, mode: ImportMode, job: ImportJob): Promise<void> {
  try {
    await env.knex.transaction(async (trx) => {
      await lockRunForCommit(trx, id);
      const run = await loadRun(trx as unknown as Knex, id, null, true);
      const analysis = await analyse(env, trx, run, caller, job);
      // The register may have changed since the dry run: the rule is applied to what is true now.
      if (mode === 'all-or-nothing' && analysis.report.invalid > 0) {
        throw new HttpProblem(422, 'import-has-invalid-rows', { invalid: analysis.report.invalid, rows: analysis.report.rows });
      }
      const written: WriteCounts = await writeStagedRows(trx, {
        layer: run.layer, mapped: analysis.staging.mapped, importId: id, fileName: run.fileName,
        coverage: env.coverage, siteInferenceEpsM: env.siteInferenceEpsM, job,
      });
      const counts = { ...written, skipped: analysis.report.invalid };
      await writeAudit(trx, { actor: caller.actor, actorName: caller.actorName, clientIp: caller.clientIp }, {
        action: 'import',
        entity: auditEntityOf[run.layer],
        code: `import-${id}`,
        after: { importId: id, layer: run.layer, file: run.fileName, mode, ...counts },
        summary: `${run.fileName}: ${counts.inserted} inserted, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.skipped} skipped`,
      });
      await saveAnalysis(trx as unknown as Knex, id, run.options, analysis.prepared.detected, analysis.report);
      await finishRun(trx, id, 'committed', { counts });
    });
  } catch (error) {
    if (error instanceof ImportCancelled) {
      await finishRun(env.knex, id, 'cancelled', {});
    } else {
      const problem = error instanceof HttpProblem ? { status: error.status, messageKey: error.messageKey, params: error.params } : { status: 500, messageKey: 'internal', params: {} };
      if (!(error instanceof HttpProblem)) console.error(`import ${id} failed:`, error);
      await finishRun(env.knex, id, 'failed', { error: problem });
    }
  }
}

/** Asks a running commit to stop: it rolls back at its next batch. An uploaded run is discarded. */
export async function cancelImport(env: ImportEnvironment, caller: ImportCaller, id: number): Promise<ImportRun> {
  const job = jobOf(id);
  const stored = job ? runningSnapshot(job, caller) : await loadRun(env.knex, id, viewerOf(caller), false);
  if (job) {
    job.cancelRequested = true;
    await job.finished;
  } else if (stored.status === 'uploaded') {
    await finishRun(env.knex, id, 'cancelled', {});
  } else {
    throw new HttpProblem(409, 'import-not-cancellable', { id, status: stored.status });
  }
  return toImportRun(await loadRun(env.knex, id, null), null);
}

/** A run as it is now; while it commits, from memory (the embedded database's one connection is busy with it). */
export async function importRunView(env: ImportEnvironment, caller: ImportCaller, id: number): Promise<ImportRun> {
  const job = jobOf(id);
  if (job) return toImportRun(runningSnapshot(job, caller), job.progress);
  return toImportRun(await loadRun(env.knex, id, viewerOf(caller), false), null);
}

/** The same visibility rule as loadRun: planners see every run, others their own. */
function runningSnapshot(job: ImportJob, caller: ImportCaller): StoredRun {
  const run = job.snapshot;
  const viewer = viewerOf(caller);
  if (viewer && viewer.role !== 'planner' && run.actorId !== viewer.userId) throw new HttpProblem(404, 'import-not-found', { id: run.id });
  return run;
}

export { ownerOf as importOwnerOf };
