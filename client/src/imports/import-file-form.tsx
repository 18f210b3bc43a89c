import { useState, type DragEvent } from 'react';
import type { ImportLayer, ImportUpload } from '../api/import-api.js';
import type { Meta } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { BoundarySetOptions } from '../layers/boundary-set-options.js';
import { CrsSelect } from './crs-select.js';
import { fileSizeText } from './import-formats.js';
import { importFileAccept, importHasPositions, importTakesBoundarySet, isImportFileName } from './import-layers.js';
import type { ImportFailure } from './import-run-state.js';
import { ImportFailureMessage } from './import-failure-message.js';

interface Props {
  meta: Meta;
  layers: readonly ImportLayer[];
  /** An operator's account: the name of its operator (it imports that operator's BTS and fiber only). */
  ownOperatorName: string | null;
  /** The file being uploaded, while it is. */
  uploading: string | null;
  error: ImportFailure | null;
  onUpload: (file: File, upload: ImportUpload) => void;
}

/** The first step: which layer, which file (dropped or picked), and how to read it if the server should not guess. */
export function ImportFileForm({ meta, layers, ownOperatorName, uploading, error, onUpload }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const defaultSet = meta.boundarySets.find((b) => b.isDefault) ?? meta.boundarySets[0];
  const [layer, setLayer] = useState<ImportLayer>(layers[0] ?? 'sites');
  const [file, setFile] = useState<File | null>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const [crs, setCrs] = useState('');
  const [boundarySet, setBoundarySet] = useState(defaultSet?.code ?? '');
  const [dragging, setDragging] = useState(false);
  const busy = uploading !== null;

  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    if (!isImportFileName(chosen.name)) {
      setFile(null);
      setRejected(chosen.name);
      return;
    }
    setRejected(null);
    setFile(chosen);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) choose(event.dataTransfer.files[0]);
  };

  return (
    <form
      className="import-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (file) {
          onUpload(file, {
            layer, fileName: file.name, crs: importHasPositions(layer) ? crs || null : null,
            boundarySet: importTakesBoundarySet(layer) ? boundarySet || null : null,
          });
        }
      }}
    >
      <label className="field import-field">
        <span className="field__label">{t('import.layer')}</span>
        <select value={layer} onChange={(e) => setLayer(e.target.value as ImportLayer)} disabled={busy} data-testid="import-layer">
          {layers.map((l) => (
            <option key={l} value={l}>
              {t(`import.layer.${l}`)}
            </option>
          ))}
        </select>
        {ownOperatorName ? <span className="import-field__hint">{t('import.operatorScope', { operator: ownOperatorName })}</span> : null}
        {layer === 'indicator-values' ? <span className="import-field__hint" data-testid="import-layer-hint">{t('import.indicatorValuesHint')}</span> : null}
      </label>
      <div
        className={dragging ? 'import-drop import-drop--over' : 'import-drop'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-drop"
      >
        <span className="import-drop__icon" aria-hidden="true">
          ⇪
        </span>
        <span>
          {t('import.drop')}{' '}
          <label className="import-drop__pick">
            {t('import.pick')}
            <input
              type="file"
              className="import-drop__input"
              accept={importFileAccept}
              disabled={busy}
              onChange={(e) => {
                choose(e.target.files?.[0]);
                e.target.value = '';
              }}
              data-testid="import-file-input"
            />
          </label>
        </span>
        <span className="import-drop__types">{t('import.fileTypes')}</span>
        {file ? (
          <span className="import-drop__file" data-testid="import-file-chosen">
            {t('import.fileChosen', { name: file.name, size: fileSizeText(i18n, file.size) })}
          </span>
        ) : null}
        {rejected ? (
          <span className="import-drop__rejected" role="alert">
            {t('import.badFileType', { name: rejected })}
          </span>
        ) : null}
      </div>
      {importHasPositions(layer) ? <CrsSelect value={crs} onChange={setCrs} disabled={busy} testId="import-crs" /> : null}
      {importTakesBoundarySet(layer) ? (
        <label className="field import-field">
          <span className="field__label">{t('filter.boundarySet')}</span>
          <select value={boundarySet} onChange={(e) => setBoundarySet(e.target.value)} disabled={busy} data-testid="import-boundary-set">
            <BoundarySetOptions boundarySets={meta.boundarySets} />
          </select>
          <span className="import-field__hint">{t(layer === 'indicator-values' ? 'import.indicatorValuesBoundarySetHint' : 'import.boundarySetHint')}</span>
        </label>
      ) : null}
      {error ? <ImportFailureMessage failure={error} testId="import-upload-error" /> : null}
      <div className="import-actions">
        <button type="submit" className="button button--primary" disabled={!file || busy} data-testid="import-upload">
          {busy ? t('import.uploading', { name: uploading ?? '' }) : t('import.upload')}
        </button>
      </div>
    </form>
  );
}
