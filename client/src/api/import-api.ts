import type { ImportLayer, ImportMode, ImportOptions, ImportRun } from '../../../server/src/contracts/import-contracts.js';
import type { Lang } from '../i18n/i18n-context.js';
import { apiFetch, getJson, readEmpty, readJson } from './api-client.js';

// Imports (server/src/contracts/import-contracts.ts): the file goes up as the
// body, the server answers with a dry run (nothing written); the mapping and
// options are corrected with more dry runs; a commit runs in the background
// with progress (server-sent events, or polling) and may be cancelled, which
// writes nothing.

export type { ColumnMapping, DryRunReport, ImportLayer, ImportMode, ImportOptions, ImportProgress, ImportRun, ImportStatus, RowProblem } from '../../../server/src/contracts/import-contracts.js';

/** What the upload names in its query string; empty options are left out. */
export interface ImportUpload {
  layer: ImportLayer;
  fileName: string;
  crs?: string | null;
  sheet?: string | null;
  boundarySet?: string | null;
}

export function importUploadUrl(upload: ImportUpload): string {
  const params = new URLSearchParams({ layer: upload.layer, fileName: upload.fileName });
  if (upload.crs) params.set('crs', upload.crs);
  if (upload.sheet) params.set('sheet', upload.sheet);
  if (upload.boundarySet) params.set('boundarySet', upload.boundarySet);
  return `/api/imports?${params.toString()}`;
}

export function importRunPath(id: number): string {
  return `/api/imports/${id}`;
}

/** POST /api/imports: the file's bytes as they are (the server detects the format and the encoding) → 201 with the first dry run. */
export async function uploadImportFile(file: Blob, upload: ImportUpload, lang: Lang, signal?: AbortSignal): Promise<ImportRun> {
  return readJson<ImportRun>(await apiFetch(importUploadUrl(upload), { method: 'POST', lang, body: file, contentType: 'application/octet-stream', signal }));
}

/** Another dry run of the uploaded file with a corrected mapping, coordinate system, sheet or boundary set. */
export async function dryRunImport(id: number, options: ImportOptions, lang: Lang, signal?: AbortSignal): Promise<ImportRun> {
  return readJson<ImportRun>(await apiFetch(`${importRunPath(id)}/dry-run`, { method: 'POST', lang, body: options, signal }));
}

/** 202: the run is writing in the background; all-or-nothing with invalid rows answers 422 and writes nothing. */
export async function commitImport(id: number, mode: ImportMode, lang: Lang): Promise<ImportRun> {
  return readJson<ImportRun>(await apiFetch(`${importRunPath(id)}/commit`, { method: 'POST', lang, body: { mode } }));
}

/** Never from the browser cache: its progress changes from one read to the next. */
export function fetchImportRun(id: number, lang: Lang, signal?: AbortSignal): Promise<ImportRun> {
  return getJson<ImportRun>(importRunPath(id), lang, signal, 'no-store');
}

export async function cancelImport(id: number, lang: Lang): Promise<ImportRun> {
  return readJson<ImportRun>(await apiFetch(`${importRunPath(id)}/cancel`, { method: 'POST', lang }));
}

/** Discards an uploaded file that will not be committed. */
export async function discardImport(id: number, lang: Lang): Promise<void> {
  return readEmpty(await apiFetch(importRunPath(id), { method: 'DELETE', lang }));
}

/** GET /api/imports: the recent runs the account may see (a planner: everyone's), newest first. */
export interface ImportRunList {
  imports: ImportRun[];
}

export async function fetchImportRuns(lang: Lang, signal?: AbortSignal): Promise<ImportRun[]> {
  return (await getJson<ImportRunList>('/api/imports', lang, signal, 'no-store')).imports;
}

/** The run's server-sent events: `progress` while it writes, `done` once it has committed, failed or been cancelled. */
export function importEventsUrl(id: number, lang: Lang): string {
  // An EventSource sends no Accept-Language of ours: the language goes in the query.
  return `${importRunPath(id)}/events?lang=${lang}`;
}
