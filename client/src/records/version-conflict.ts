import { ApiError } from '../api/api-client.js';

/** A refused write whose base version was stale, with the record as it is now (server: record-version.ts). */
export interface VersionConflict {
  current: Record<string, unknown>;
  currentVersion: number;
}

/** 409 (stale body version) or 412 (stale If-Match) carrying `current` and `currentVersion`; null for any other error. */
export function versionConflictOf(error: unknown): VersionConflict | null {
  if (!(error instanceof ApiError) || (error.status !== 409 && error.status !== 412) || !error.problem) return null;
  const { current, currentVersion } = error.problem;
  if (typeof current !== 'object' || current === null || typeof currentVersion !== 'number') return null;
  return { current: current as Record<string, unknown>, currentVersion };
}

/** Field-level messages of a refused write, by the field they name ("sectors.0.azimuthDeg" → "sectors"). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const e of error.problem?.errors ?? []) {
    const key = e.parameter.split(/[.[]/)[0] ?? e.parameter;
    errors[key] = errors[key] ? `${errors[key]}; ${e.message}` : e.message;
  }
  return errors;
}
