import type { ImportProgress } from '../contracts/import-contracts.js';
import type { StoredRun } from './import-runs.js';

/**
 * Commits that are running in this process: their progress, for polling and
 * server-sent events, and a cancel flag the writer checks between batches.
 * Only live state is here; what a run did is in `import_runs`.
 */
export interface ImportJob {
  /** The run as it was when the commit started (no file bytes): served while the transaction holds the embedded database's one connection. */
  snapshot: StoredRun;
  progress: ImportProgress;
  cancelRequested: boolean;
  listeners: Set<(progress: ImportProgress) => void>;
  /** Settles when the run has committed, failed or been cancelled. */
  finished: Promise<void>;
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled');
  }
}

const jobs = new Map<number, ImportJob>();

export function startJob(id: number, snapshot: StoredRun, work: (job: ImportJob) => Promise<void>): ImportJob {
  let resolve!: () => void;
  const finished = new Promise<void>((r) => (resolve = r));
  const job: ImportJob = { snapshot, progress: { phase: 'reading', done: 0, total: 0 }, cancelRequested: false, listeners: new Set(), finished };
  jobs.set(id, job);
  // The work records its own failures in import_runs; what escapes that (the database gone at shutdown) is logged here.
  void work(job).catch((error: unknown) => console.error(`import ${id}:`, error)).finally(() => {
    jobs.delete(id);
    for (const listener of job.listeners) listener({ ...job.progress, phase: 'done' });
    resolve();
  });
  return job;
}

export function jobOf(id: number): ImportJob | undefined {
  return jobs.get(id);
}

export function reportProgress(job: ImportJob | undefined, progress: ImportProgress): void {
  if (!job) return;
  job.progress = progress;
  for (const listener of job.listeners) listener(progress);
}

/** Throws ImportCancelled when someone asked to cancel: the transaction then rolls back. */
export function checkCancelled(job: ImportJob | undefined): void {
  if (job?.cancelRequested) throw new ImportCancelled();
}
