import { useRef, useState } from 'react';
import { ApiError, describeError, postMeasurementsCsv } from '../api/api-client.js';
import type { MeasurementImportResult } from '../domain/contract-types.js';
import { useSession } from '../auth/use-session.js';
import { useI18n } from '../i18n/i18n-context.js';

type ImportState =
  | { status: 'idle' }
  | { status: 'importing'; file: string }
  | { status: 'done'; file: string; result: MeasurementImportResult }
  | { status: 'failed'; file: string; detail: string; rows: { parameter: string; message: string }[] };

/** The batch name of an import: the file name without its extension. */
function batchName(fileName: string): string {
  return fileName.replace(/\.csv$/i, '').trim() || fileName;
}

/**
 * Import of a field measurement CSV, for accounts allowed to (inspectors,
 * planners); others see how to get there.
 */
export function MeasurementImport({ onImported }: { onImported: (result: MeasurementImportResult) => void }) {
  const { t } = useI18n();
  const session = useSession();
  if (session.can('measurements.import')) return <MeasurementImportControl onImported={onImported} />;
  const signedIn = Boolean(session.info?.user);
  return (
    <p className="coverage-section__scope measurement-import__hint" data-testid="measurement-import-hint">
      {signedIn ? (
        t('measurement.noImportRight')
      ) : (
        <>
          <span aria-hidden="true">⇪</span> {t('measurement.signInToImport')}{' '}
          <button type="button" className="link-button" onClick={() => session.openSignIn()} data-testid="measurement-import-sign-in">
            {t('auth.signIn')}
          </button>
        </>
      )}
    </p>
  );
}

/**
 * The file goes as the body of POST /api/measurements. All rows are stored or
 * none; the bad rows are listed.
 */
function MeasurementImportControl({ onImported }: { onImported: (result: MeasurementImportResult) => void }) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  const importFile = (file: File) => {
    setState({ status: 'importing', file: file.name });
    postMeasurementsCsv(file, batchName(file.name), lang)
      .then((result) => {
        setState({ status: 'done', file: file.name, result });
        onImported(result);
      })
      .catch((error: unknown) => {
        const problem = error instanceof ApiError ? error.problem : null;
        const rows = problem?.errors ?? [];
        setState({
          status: 'failed',
          file: file.name,
          detail: problem ? problem.detail || problem.title : describeError(error),
          rows,
        });
      });
  };

  return (
    <div className="measurement-import" data-testid="measurement-import">
      <button
        type="button"
        className="button button--small"
        title={t('measurement.importHint')}
        disabled={state.status === 'importing'}
        onClick={() => input.current?.click()}
        data-testid="measurement-import-button"
      >
        <span aria-hidden="true">⇪</span> {t('measurement.import')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-testid="measurement-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same (corrected) file again imports it again.
          event.target.value = '';
          if (file) importFile(file);
        }}
      />
      {state.status === 'importing' ? (
        <p className="coverage-section__scope" role="status">
          {t('measurement.importing', { file: state.file })}
        </p>
      ) : null}
      {state.status === 'done' ? (
        <p className="coverage-section__scope" role="status" data-testid="measurement-import-result">
          {t('measurement.imported', { inserted: state.result.inserted, batch: state.result.batch, contradictions: state.result.contradictions })}{' '}
          <button type="button" className="link-button" onClick={() => setState({ status: 'idle' })}>
            {t('measurement.dismiss')}
          </button>
        </p>
      ) : null}
      {state.status === 'failed' ? (
        <div className="layer-row__error" role="alert" data-testid="measurement-import-errors">
          <p>{t('measurement.importFailed', { file: state.file, detail: state.detail })}</p>
          {state.rows.length > 0 ? (
            <ul>
              {state.rows.map((row, i) => (
                <li key={`${row.parameter}-${String(i)}`}>
                  <strong>{row.parameter}</strong>: {row.message}
                </li>
              ))}
            </ul>
          ) : null}
          <button type="button" className="link-button" onClick={() => setState({ status: 'idle' })}>
            {t('measurement.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
