import type { ImportOptions, ImportRun } from '../api/import-api.js';
import type { Meta } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { BoundarySetOptions } from '../layers/boundary-set-options.js';
import { CrsSelect } from './crs-select.js';
import { fileSizeText } from './import-formats.js';
import { importHasPositions, importTakesBoundarySet } from './import-layers.js';

interface Props {
  meta: Meta;
  run: ImportRun;
  /** The options of the next dry run (sheet, coordinate system, boundary set). */
  options: ImportOptions;
  disabled: boolean;
  onOptionsChange: (options: ImportOptions) => void;
}

/** What the server read: file, format, encoding and coordinate system with the reason; and the options to read it otherwise. */
export function ImportReadFacts({ meta, run, options, disabled, onOptionsChange }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const sheets = run.sheets ?? [];
  return (
    <section className="import-section" aria-label={t('import.detected')} data-testid="import-read-facts">
      <h3 className="import-section__title">{t('import.detected')}</h3>
      <dl className="import-facts">
        <div className="import-facts__row">
          <dt>{t('import.file')}</dt>
          <dd data-testid="import-file-facts">
            {t('import.fileFacts', { name: run.fileName, format: t(`import.format.${run.format}`), size: fileSizeText(i18n, run.fileSize) })}
          </dd>
        </div>
        {run.encoding ? (
          <div className="import-facts__row">
            <dt>{t('import.encoding')}</dt>
            <dd data-testid="import-encoding">
              <strong>{run.encoding.toUpperCase()}</strong> · {t('import.encodingNote')}
            </dd>
          </div>
        ) : null}
        {importHasPositions(run.layer) ? (
          <div className="import-facts__row">
            <dt>{t('import.crs')}</dt>
            <dd data-testid="import-crs-detected" data-srid={run.crs?.srid ?? ''}>
              {run.crs ? t('import.crsValue', { label: run.crs.label, srid: String(run.crs.srid), source: t(`import.crsSource.${run.crs.source}`) }) : t('import.crsNone')}
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="import-options">
        {sheets.length > 1 ? (
          <label className="field import-field">
            <span className="field__label">{t('import.sheet')}</span>
            <select
              value={options.sheet ?? sheets[0] ?? ''}
              onChange={(e) => onOptionsChange({ ...options, sheet: e.target.value })}
              disabled={disabled}
              data-testid="import-sheet"
            >
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
            <span className="import-field__hint">{t('import.sheetHint', { count: sheets.length })}</span>
          </label>
        ) : null}
        {importHasPositions(run.layer) ? (
          <CrsSelect value={options.crs ?? ''} onChange={(crs) => onOptionsChange({ ...options, crs: crs || null })} disabled={disabled} testId="import-review-crs" />
        ) : null}
        {importTakesBoundarySet(run.layer) ? (
          <label className="field import-field">
            <span className="field__label">{t('filter.boundarySet')}</span>
            <select
              value={options.boundarySet ?? ''}
              onChange={(e) => onOptionsChange({ ...options, boundarySet: e.target.value || null })}
              disabled={disabled}
              data-testid="import-review-boundary-set"
            >
              <BoundarySetOptions boundarySets={meta.boundarySets} />
            </select>
          </label>
        ) : null}
      </div>
    </section>
  );
}
