import type { DryRunReport, ImportMode, ImportRun } from '../api/import-api.js';
import { useI18n } from '../i18n/i18n-context.js';
import { importHasPositions } from './import-layers.js';

const modes: readonly ImportMode[] = ['all-or-nothing', 'valid-rows-only'];

interface CommitChoiceProps {
  report: DryRunReport;
  mode: ImportMode;
  onModeChange: (mode: ImportMode) => void;
  /** Why the commit waits (a mapping changed since the last dry run), or null. */
  blockedBy: string | null;
  busy: boolean;
  onCommit: () => void;
}

/** All or nothing (the default) or valid rows only, each with what it does; then the write. */
export function ImportCommitChoice({ report, mode, onModeChange, blockedBy, busy, onCommit }: CommitChoiceProps) {
  const { t } = useI18n();
  return (
    <section className="import-section import-commit" aria-label={t('import.mode')} data-testid="import-commit">
      <fieldset className="import-modes">
        <legend className="import-section__title">{t('import.mode')}</legend>
        {modes.map((m) => (
          <label key={m} className={m === mode ? 'import-mode import-mode--chosen' : 'import-mode'}>
            <input type="radio" name="import-mode" value={m} checked={m === mode} onChange={() => onModeChange(m)} disabled={busy} data-testid={`import-mode-${m}`} />
            <span className="import-mode__text">
              <span className="import-mode__name">{t(`import.mode.${m}`)}</span>
              <span className="import-mode__definition">{t(`import.modeDef.${m}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {mode === 'all-or-nothing' && report.invalid > 0 ? (
        <p className="import-warning" data-testid="import-commit-warning">
          {t('import.commitWarning', { count: report.invalid })}
        </p>
      ) : null}
      {blockedBy ? <p className="import-warning">{blockedBy}</p> : null}
      <div className="import-actions">
        <button type="button" className="button button--primary" onClick={onCommit} disabled={busy || blockedBy !== null} data-testid="import-commit-button">
          {t('import.commit')}
        </button>
      </div>
    </section>
  );
}

interface ProgressProps {
  run: ImportRun;
  cancelling: boolean;
  onCancel: () => void;
}

/** The commit running: phase, a bar of rows done, and Hủy (nothing is written then). */
export function ImportProgressView({ run, cancelling, onCancel }: ProgressProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const progress = run.status === 'running' ? run.progress : null;
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  return (
    <section className="import-section import-progress" aria-live="polite" data-testid="import-progress" data-phase={progress?.phase ?? ''}>
      <p className="import-progress__phase">{progress ? t(`import.phase.${progress.phase}`) : t('import.phase.starting')}</p>
      <div
        className="import-progress__bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={progress?.total ?? 0}
        aria-valuenow={progress?.done ?? 0}
        aria-label={progress ? t(`import.phase.${progress.phase}`) : t('import.phase.starting')}
      >
        <span className={fraction === null ? 'import-progress__fill import-progress__fill--unknown' : 'import-progress__fill'} style={fraction === null ? undefined : { width: `${fraction * 100}%` }} />
      </div>
      {progress && progress.total > 0 ? (
        <p className="import-section__note">{t('import.progressCount', { done: progress.done, total: progress.total })}</p>
      ) : null}
      <p className="import-section__note">{t('import.cancelNote')}</p>
      <div className="import-actions">
        <button type="button" className="button button--danger-outline" onClick={onCancel} disabled={cancelling || run.status !== 'running'} data-testid="import-cancel">
          {cancelling ? t('import.cancelling') : t('import.cancel')}
        </button>
      </div>
    </section>
  );
}

interface FinishedProps {
  run: ImportRun;
  reloaded: boolean;
  onReloadLayers: () => void;
  onAnother: () => void;
}

const resultKeys = ['inserted', 'updated', 'unchanged', 'skipped'] as const;

/** Committed (with what was written), cancelled or failed (nothing written). */
export function ImportFinished({ run, reloaded, onReloadLayers, onAnother }: FinishedProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="import-section import-finished" data-testid="import-finished" data-status={run.status}>
      {run.status === 'committed' ? (
        <>
          <h3 className="import-section__title import-finished__title">✓ {t('import.committed')}</h3>
          <dl className="import-counts import-counts--result">
            {resultKeys.map((key) => (
              <div key={key} className={`import-counts__item import-counts__item--${key}`} data-testid={`import-result-${key}`} data-value={run.counts?.[key] ?? 0}>
                <dt>{t(`import.result.${key}`)}</dt>
                <dd className="import-counts__value">{i18n.formatNumber(run.counts?.[key] ?? 0)}</dd>
              </div>
            ))}
          </dl>
          <p className="import-section__note">{t('import.auditNote')}</p>
          {reloaded ? (
            <p className="import-section__note" data-testid="import-layers-reloaded">
              {t('import.layersReloaded')}
            </p>
          ) : null}
        </>
      ) : (
        <p className={run.status === 'cancelled' ? 'import-finished__message' : 'import-finished__message import-finished__message--failed'} role="status" data-testid="import-finished-message">
          {t(run.status === 'cancelled' ? 'import.cancelled' : 'import.failed')}
        </p>
      )}
      <div className="import-actions">
        {run.status === 'committed' && importHasPositions(run.layer) ? (
          <button type="button" className="button button--primary" onClick={onReloadLayers} data-testid="import-reload-layers">
            {t('import.reloadLayers')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onAnother} data-testid="import-another">
          {t('import.another')}
        </button>
      </div>
    </section>
  );
}
