import { useCallback, useEffect, useReducer, useRef } from 'react';
import { ApiError, describeError } from '../api/api-client.js';
import {
  cancelImport,
  commitImport,
  discardImport,
  dryRunImport,
  fetchImportRun,
  importEventsUrl,
  uploadImportFile,
  type ImportMode,
  type ImportOptions,
  type ImportRun,
  type ImportUpload,
} from '../api/import-api.js';
import type { Lang } from '../i18n/i18n-context.js';
import { currentRun, importRunReducer, initialImportRunState, type ImportFailure, type ImportRunState } from './import-run-state.js';

/** How often the run is read while it writes, when the event stream is not available. */
const pollIntervalMs = 1000;

export function failureOf(error: unknown, during: ImportFailure['during']): ImportFailure {
  if (error instanceof ApiError && error.problem) {
    const detail = error.problem.detail || error.problem.title;
    return { during, message: detail, details: (error.problem.errors ?? []).map((e) => e.message).filter((m) => m !== detail) };
  }
  return { during, message: describeError(error), details: [] };
}

export interface ImportRunControl {
  state: ImportRunState;
  upload(file: File, upload: ImportUpload): void;
  dryRun(options: ImportOptions): void;
  commit(mode: ImportMode): void;
  cancel(): void;
  /** Back to choosing a file; an uploaded file not committed is discarded on the server. */
  reset(): void;
}

/**
 * One import at a time: the requests of each step, and the progress of a
 * commit from the run's server-sent events (polling when they fail). An
 * uploaded file left without a commit is discarded when the panel closes.
 */
export function useImportRun(lang: Lang): ImportRunControl {
  const [state, dispatch] = useReducer(importRunReducer, initialImportRunState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const langRef = useRef(lang);
  langRef.current = lang;

  const discardUncommitted = useCallback(() => {
    const run = currentRun(stateRef.current);
    if (run && run.status === 'uploaded') discardImport(run.id, langRef.current).catch(() => undefined);
  }, []);

  const upload = useCallback(
    (file: File, request: ImportUpload) => {
      discardUncommitted();
      dispatch({ type: 'upload-started', fileName: file.name });
      uploadImportFile(file, request, langRef.current)
        .then((run) => dispatch({ type: 'run-received', run }))
        .catch((error: unknown) => dispatch({ type: 'request-failed', failure: failureOf(error, 'upload') }));
    },
    [discardUncommitted],
  );

  const dryRun = useCallback((options: ImportOptions) => {
    const run = currentRun(stateRef.current);
    if (!run) return;
    dispatch({ type: 'dry-run-started' });
    dryRunImport(run.id, options, langRef.current)
      .then((next) => dispatch({ type: 'run-received', run: next }))
      .catch((error: unknown) => dispatch({ type: 'request-failed', failure: failureOf(error, 'dry-run') }));
  }, []);

  const commit = useCallback((mode: ImportMode) => {
    const run = currentRun(stateRef.current);
    if (!run) return;
    dispatch({ type: 'commit-started' });
    commitImport(run.id, mode, langRef.current)
      .then((next) => dispatch({ type: 'run-received', run: next }))
      .catch((error: unknown) => dispatch({ type: 'request-failed', failure: failureOf(error, 'commit') }));
  }, []);

  const cancel = useCallback(() => {
    const run = currentRun(stateRef.current);
    if (!run) return;
    dispatch({ type: 'cancel-started' });
    cancelImport(run.id, langRef.current)
      .then((next) => dispatch({ type: 'run-received', run: next }))
      .catch((error: unknown) => dispatch({ type: 'request-failed', failure: failureOf(error, 'cancel') }));
  }, []);

  const reset = useCallback(() => {
    discardUncommitted();
    dispatch({ type: 'reset' });
  }, [discardUncommitted]);

  // While the run writes: its events, or, if the stream fails, a read every second.
  const runningId = state.step === 'committing' && state.run.status === 'running' ? state.run.id : null;
  useEffect(() => {
    if (runningId === null) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const receive = (run: ImportRun) => {
      if (!stopped) dispatch({ type: 'run-received', run });
    };
    const poll = () => {
      fetchImportRun(runningId, langRef.current)
        .then((run) => {
          receive(run);
          if (!stopped && run.status === 'running') timer = setTimeout(poll, pollIntervalMs);
        })
        .catch((error: unknown) => {
          if (!stopped) dispatch({ type: 'request-failed', failure: failureOf(error, 'progress') });
        });
    };
    let events: EventSource | null = null;
    if (typeof EventSource === 'undefined') poll();
    else {
      events = new EventSource(importEventsUrl(runningId, langRef.current));
      const onEvent = (event: MessageEvent<string>) => {
        try {
          receive(JSON.parse(event.data) as ImportRun);
        } catch {
          // A malformed event: the next one, or the poll after a failure, says where the run is.
        }
      };
      events.addEventListener('progress', onEvent);
      events.addEventListener('done', (event) => {
        onEvent(event);
        events?.close();
      });
      events.onerror = () => {
        events?.close();
        events = null;
        // The stream broke (a proxy, the server's limit): read the run instead.
        if (!stopped) poll();
      };
    }
    return () => {
      stopped = true;
      events?.close();
      if (timer) clearTimeout(timer);
    };
  }, [runningId]);

  // Closing the panel discards a file that was uploaded but not committed.
  useEffect(() => () => discardUncommitted(), [discardUncommitted]);

  return { state, upload, dryRun, commit, cancel, reset };
}
