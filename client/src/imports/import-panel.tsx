import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { ImportLayer, ImportMode, ImportOptions, ImportRun } from '../api/import-api.js';
import { useSession } from '../auth/use-session.js';
import type { Meta } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { HatangMap } from '../map/hatang-map.js';
import type { ImportTab } from '../url/view-state.js';
import { ImportCommitChoice, ImportFinished, ImportProgressView } from './import-commit-step.js';
import { ImportFailureMessage } from './import-failure-message.js';
import { ImportFileForm } from './import-file-form.js';
import { ImportHistory } from './import-history.js';
import { importLayersFor } from './import-layers.js';
import { mappingFromRun, mappingReducer, mappingsDiffer } from './import-mapping.js';
import { ImportMappingTable } from './import-mapping-table.js';
import { ImportPreview } from './import-preview.js';
import { fitImportPreview, type PreviewCollection } from './import-preview-layers.js';
import { ImportReadFacts } from './import-read-facts.js';
import { ImportReport } from './import-report.js';
import { useImportRun } from './use-import-run.js';
import '../styles/import-export.css';

interface Props {
  meta: Meta;
  map: HatangMap | null;
  tab: ImportTab;
  onTabChange: (tab: ImportTab) => void;
  onClose: () => void;
  /** A commit wrote to `layer`: its map layers (and what is computed from them) load again. */
  onImported: (layer: ImportLayer) => void;
}

const tabs: readonly ImportTab[] = ['file', 'history'];

function readOptionsOf(run: ImportRun): ImportOptions {
  return { crs: run.options.crs ?? null, sheet: run.options.sheet ?? null, boundarySet: run.options.boundarySet ?? null };
}

function sameReadOptions(a: ImportOptions, b: ImportOptions): boolean {
  return (a.crs ?? null) === (b.crs ?? null) && (a.sheet ?? null) === (b.sheet ?? null) && (a.boundarySet ?? null) === (b.boundarySet ?? null);
}

/** "Nhập dữ liệu": upload a file, correct how it is read, see the dry run on the map, write it all or the valid rows, follow the progress; and the history. */
export function ImportPanel({ meta, map, tab, onTabChange, onClose, onImported }: Props) {
  const { t, lang } = useI18n();
  const session = useSession();
  const signedIn = session.info?.user != null;
  const layers = useMemo(() => importLayersFor(session.info), [session.info]);
  const ownOperator = session.info?.user?.role === 'operator' ? session.info.user.operator : null;
  const ownOperatorName = ownOperator ? (meta.operators.find((o) => o.code === ownOperator)?.shortName ?? ownOperator) : null;
  const control = useImportRun(lang);
  const { state } = control;
  const run = state.step === 'choose' || state.step === 'uploading' ? null : state.run;

  // The mapping and read options of the next dry run start as the server's, for each new report.
  const [mapping, dispatchMapping] = useReducer(mappingReducer, {});
  const [readOptions, setReadOptions] = useState<ImportOptions>({});
  const report = run?.report ?? null;
  useEffect(() => {
    if (!run) return;
    dispatchMapping({ type: 'reset', mapping: mappingFromRun(run) });
    setReadOptions(readOptionsOf(run));
    // Only a new run or a new report resets the draft, not a progress event of the same one.
  }, [run?.id, report]);
  const [mode, setMode] = useState<ImportMode>('all-or-nothing');

  const serverMapping = useMemo(() => (run ? mappingFromRun(run) : {}), [run]);
  const edited = run !== null && (mappingsDiffer(mapping, serverMapping) || !sameReadOptions(readOptions, readOptionsOf(run)));
  const sheetChanged = run !== null && (readOptions.sheet ?? null) !== (run.options.sheet ?? null);
  const recheck = () => {
    // Another sheet has other columns: the server suggests their mapping afresh.
    control.dryRun(sheetChanged ? { ...readOptions } : { ...readOptions, mapping });
  };

  // The preview goes on the map while a report is reviewed, and is fitted once per report, clear of this panel.
  const panelRef = useRef<HTMLElement>(null);
  const previewShown = state.step === 'review' || (state.step === 'committing' && state.run.status === 'uploaded');
  const preview = previewShown && report ? (report.preview as PreviewCollection) : null;
  const fitPreview = useCallback(() => {
    const bbox = report?.bbox;
    if (!map || !bbox) return;
    const panel = panelRef.current?.getBoundingClientRect();
    const container = map.map.getContainer().getBoundingClientRect();
    fitImportPreview(map.map, bbox, panel ? panel.right - container.left + 24 : 40);
  }, [map, report]);
  useEffect(() => {
    if (previewShown && report?.bbox) fitPreview();
    // Once per report.
  }, [report]);

  // A committed run's layers load again from the finished view's button, or when the panel closes.
  const [reloadedRun, setReloadedRun] = useState<number | null>(null);
  const finishedCommitted = state.step === 'finished' && state.run.status === 'committed' ? state.run : null;
  const reloadLayers = () => {
    if (!finishedCommitted) return;
    onImported(finishedCommitted.layer);
    setReloadedRun(finishedCommitted.id);
  };
  const close = () => {
    if (finishedCommitted && reloadedRun !== finishedCommitted.id) onImported(finishedCommitted.layer);
    onClose();
  };
  const busy = state.step === 'review' && state.checking;

  return (
    <section ref={panelRef} className="tool-panel tool-panel--import" aria-label={t('import.title')} data-testid="import-panel">
      <ImportPreview map={map} collection={preview} />
      <header className="tool-panel__header tool-panel__header--import">
        <div>
          <h2 className="tool-panel__title">{t('import.title')}</h2>
          <p className="tool-panel__subtitle">{t('import.subtitle')}</p>
        </div>
        <button type="button" className="icon-button" onClick={close} aria-label={t('inspector.close')} title={t('inspector.close')} data-testid="import-close">
          ×
        </button>
      </header>
      <div className="import-tabs" role="tablist">
        {tabs.map((value) => (
          <button key={value} type="button" role="tab" aria-selected={value === tab} className="import-tabs__tab" onClick={() => onTabChange(value)} data-testid={`import-tab-${value}`}>
            {t(`import.tab.${value}`)}
          </button>
        ))}
      </div>
      <div className="tool-panel__body" role="tabpanel">
        {!signedIn ? (
          <p className="tool-panel__hint" data-testid="import-sign-in">
            {t('import.signIn')}{' '}
            <button type="button" className="row-link" onClick={() => session.openSignIn('required')}>
              {t('auth.signIn')}
            </button>
          </p>
        ) : layers.length === 0 ? (
          <p className="tool-panel__hint">{t('import.noRight')}</p>
        ) : tab === 'history' ? (
          <ImportHistory revision={state.step === 'finished' ? state.run.id : 0} />
        ) : state.step === 'choose' || state.step === 'uploading' ? (
          <ImportFileForm
            meta={meta}
            layers={layers}
            ownOperatorName={ownOperatorName}
            uploading={state.step === 'uploading' ? state.fileName : null}
            error={state.step === 'choose' ? state.error : null}
            onUpload={control.upload}
          />
        ) : state.step === 'finished' ? (
          <ImportFinished run={state.run} reloaded={reloadedRun === state.run.id} onReloadLayers={reloadLayers} onAnother={control.reset} />
        ) : state.step === 'committing' && state.run.status === 'running' ? (
          <>
            <p className="tool-panel__where">
              {t(`import.layer.${state.run.layer}`)} · {state.run.fileName}
            </p>
            <ImportProgressView run={state.run} cancelling={state.cancelling} onCancel={control.cancel} />
            {state.error ? <ImportFailureMessage failure={state.error} testId="import-progress-error" /> : null}
          </>
        ) : run ? (
          <>
            <div className="import-run-head">
              <span className="tool-panel__where">
                {t(`import.layer.${run.layer}`)} · {run.fileName}
              </span>
              <button type="button" className="button button--small" onClick={control.reset} disabled={state.step === 'committing'} data-testid="import-start-over">
                {t('import.another')}
              </button>
            </div>
            <ImportReadFacts meta={meta} run={run} options={readOptions} disabled={busy || state.step === 'committing'} onOptionsChange={setReadOptions} />
            <ImportMappingTable run={run} mapping={mapping} disabled={busy || state.step === 'committing'} onAssign={(field, column) => dispatchMapping({ type: 'assign', field, column })} />
            <div className="import-actions import-actions--recheck">
              <button type="button" className={edited ? 'button button--primary' : 'button'} onClick={recheck} disabled={busy || state.step === 'committing'} data-testid="import-recheck">
                {busy ? t('import.checking') : t('import.recheck')}
              </button>
            </div>
            {state.step === 'review' && state.error && state.error.during !== 'commit' ? <ImportFailureMessage failure={state.error} testId="import-dry-run-error" /> : null}
            {report ? <ImportReport report={report} layer={run.layer} stale={busy} onFitPreview={map ? fitPreview : null} /> : null}
            {report ? (
              <ImportCommitChoice
                report={report}
                mode={mode}
                onModeChange={setMode}
                blockedBy={edited ? t('import.recheckNeeded') : null}
                busy={busy || state.step === 'committing'}
                onCommit={() => control.commit(mode)}
              />
            ) : null}
            {state.step === 'review' && state.error?.during === 'commit' ? <ImportFailureMessage failure={state.error} testId="import-commit-error" /> : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
