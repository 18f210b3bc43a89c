import { useEffect, useState } from 'react';
import { describeError } from '../api/api-client.js';
import { fetchImportRuns, type ImportRun } from '../api/import-api.js';
import { useI18n } from '../i18n/i18n-context.js';

type HistoryLoad = { status: 'loading'; runs: ImportRun[] | null } | { status: 'ready'; runs: ImportRun[] } | { status: 'error'; runs: ImportRun[] | null; error: string };

/** The recent imports with their provenance: when, which file into which layer, who, how it ended and what it wrote. */
export function ImportHistory({ revision }: { revision: number }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [reloads, setReloads] = useState(0);
  const [load, setLoad] = useState<HistoryLoad>({ status: 'loading', runs: null });
  useEffect(() => {
    const controller = new AbortController();
    setLoad((prev) => ({ status: 'loading', runs: prev.runs }));
    fetchImportRuns(lang, controller.signal)
      .then((runs) => setLoad({ status: 'ready', runs }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoad((prev) => ({ status: 'error', runs: prev.runs, error: describeError(error) }));
      });
    return () => controller.abort();
  }, [lang, reloads, revision]);

  const runs = load.runs ?? [];
  return (
    <div className="import-history" data-testid="import-history" aria-busy={load.status === 'loading'}>
      <div className="import-history__toolbar">
        <span className="import-section__note">{t('import.history.countsHint')}</span>
        <button type="button" className="button button--small" onClick={() => setReloads((n) => n + 1)} data-testid="import-history-reload">
          {t('import.history.reload')}
        </button>
      </div>
      {load.status === 'error' ? (
        <p className="inspector__message--error" role="alert">
          {t('import.history.failed', { detail: load.error })}
        </p>
      ) : null}
      {load.status === 'loading' && load.runs === null ? <p className="tool-panel__status">{t('import.history.loading')}</p> : null}
      {load.runs !== null && runs.length === 0 ? <p className="tool-panel__status">{t('import.history.empty')}</p> : null}
      {runs.length > 0 ? (
        <div className="import-history__scroll">
          <table className="data-table data-table--plain import-history-table">
            <thead>
              <tr>
                {(['when', 'file', 'layer', 'who', 'status', 'counts'] as const).map((key) => (
                  <th key={key} scope="col">
                    <span className="import-th">{t(`import.history.${key}`)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-testid="import-history-row" data-id={run.id} data-status={run.status}>
                  <td className="data-table__nowrap">{i18n.formatDateTime(run.finishedAt ?? run.createdAt)}</td>
                  <td className="import-history-table__file" title={run.fileName}>
                    {run.fileName}
                  </td>
                  <td>{t(`import.layer.${run.layer}`)}</td>
                  <td>{run.actor}</td>
                  <td>
                    <span className={`import-status import-status--${run.status}`}>{t(`import.status.${run.status}`)}</span>
                  </td>
                  <td className="import-history-table__counts" data-testid="import-history-counts">
                    {run.counts
                      ? t('import.history.countsValue', { inserted: run.counts.inserted, updated: run.counts.updated, unchanged: run.counts.unchanged, skipped: run.counts.skipped })
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
