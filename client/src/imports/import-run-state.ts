import type { ImportRun } from '../api/import-api.js';

// The steps of one import in the panel: choose a file, upload (the server's
// first dry run), review (mapping, report, preview; more dry runs), commit
// (progress, cancel), finished (committed, cancelled or failed).

/** A refused request: the server's detail and, for a file it could not read, its row or field messages. */
export interface ImportFailure {
  /** The request refused. */
  during: 'upload' | 'dry-run' | 'commit' | 'cancel' | 'progress';
  message: string;
  details: readonly string[];
}

export type ImportRunState =
  | { step: 'choose'; error: ImportFailure | null }
  | { step: 'uploading'; fileName: string }
  | { step: 'review'; run: ImportRun; checking: boolean; error: ImportFailure | null }
  | { step: 'committing'; run: ImportRun; cancelling: boolean; error: ImportFailure | null }
  | { step: 'finished'; run: ImportRun };

export type ImportRunAction =
  | { type: 'upload-started'; fileName: string }
  | { type: 'dry-run-started' }
  | { type: 'commit-started' }
  | { type: 'cancel-started' }
  /** An answer or event carrying the run: its status says the step. */
  | { type: 'run-received'; run: ImportRun }
  | { type: 'request-failed'; failure: ImportFailure }
  | { type: 'reset' };

export const initialImportRunState: ImportRunState = { step: 'choose', error: null };

export function currentRun(state: ImportRunState): ImportRun | null {
  return state.step === 'review' || state.step === 'committing' || state.step === 'finished' ? state.run : null;
}

function stateOfRun(run: ImportRun): ImportRunState {
  if (run.status === 'uploaded') return { step: 'review', run, checking: false, error: null };
  if (run.status === 'running') return { step: 'committing', run, cancelling: false, error: null };
  return { step: 'finished', run };
}

export function importRunReducer(state: ImportRunState, action: ImportRunAction): ImportRunState {
  switch (action.type) {
    case 'reset':
      return initialImportRunState;
    case 'upload-started':
      return { step: 'uploading', fileName: action.fileName };
    case 'dry-run-started':
      return state.step === 'review' ? { ...state, checking: true, error: null } : state;
    case 'commit-started':
      // The run is still "uploaded" until the server's 202 says it runs.
      return state.step === 'review' ? { step: 'committing', run: state.run, cancelling: false, error: null } : state;
    case 'cancel-started':
      return state.step === 'committing' ? { ...state, cancelling: true, error: null } : state;
    case 'run-received': {
      const run = currentRun(state);
      // An answer about another run (one discarded by a new upload) changes nothing.
      if (state.step === 'choose' || (run && run.id !== action.run.id)) return state;
      // A finished run stays finished: a late progress event cannot bring it back.
      if (state.step === 'finished') return state;
      // While a commit is being asked for, the run read back is still "uploaded": keep waiting.
      if (state.step === 'committing' && action.run.status === 'uploaded') return { ...state, run: action.run };
      const next = stateOfRun(action.run);
      return next.step === 'committing' && state.step === 'committing' ? { ...next, cancelling: state.cancelling } : next;
    }
    case 'request-failed':
      if (state.step === 'uploading') return { step: 'choose', error: action.failure };
      if (state.step === 'review') return { ...state, checking: false, error: action.failure };
      if (state.step === 'committing') {
        // A refused commit (422: invalid rows in all-or-nothing) leaves the run to review again; nothing was written.
        if (state.run.status === 'uploaded') return { step: 'review', run: state.run, checking: false, error: action.failure };
        return { ...state, cancelling: false, error: action.failure };
      }
      return state;
  }
}
