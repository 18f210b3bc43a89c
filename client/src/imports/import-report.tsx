import type { DryRunReport, ImportLayer } from '../api/import-api.js';
import { useI18n } from '../i18n/i18n-context.js';
import { importHasPositions } from './import-layers.js';
import { importChangeColours } from './import-preview-layers.js';
import { ImportProblemTable } from './import-problem-table.js';

interface Props {
  report: DryRunReport;
  layer: ImportLayer;
  /** Set while another dry run is on its way: the figures are those of the last one. */
  stale: boolean;
  onFitPreview: (() => void) | null;
}

type CountKey = 'inserts' | 'updates' | 'unchanged' | 'invalid';
const countKeys: readonly CountKey[] = ['inserts', 'updates', 'unchanged', 'invalid'];
const countColours: Record<CountKey, string> = {
  inserts: importChangeColours.insert,
  updates: importChangeColours.update,
  unchanged: importChangeColours.unchanged,
  invalid: '#b42318',
};

/** The dry run: what a commit would do, row by row problems and warnings, and the map preview's key. */
export function ImportReport({ report, layer, stale, onFitPreview }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className={stale ? 'import-section import-report import-report--stale' : 'import-section import-report'} aria-label={t('import.report')} data-testid="import-report" aria-busy={stale}>
      <h3 className="import-section__title">{t('import.report')}</h3>
      <p className="import-section__note" data-testid="import-report-rows">
        {t('import.rows', { rows: report.rows, valid: report.valid, invalid: report.invalid })}
      </p>
      <dl className="import-counts">
        {countKeys.map((key) => (
          <div key={key} className={`import-counts__item import-counts__item--${key}`} data-testid={`import-count-${key}`} data-value={report[key]}>
            <dt>
              <span className="import-swatch" style={{ background: countColours[key] }} aria-hidden="true" />
              {t(`import.count.${key}`)}
            </dt>
            <dd className="import-counts__value">{i18n.formatNumber(report[key])}</dd>
            <dd className="import-counts__definition">{t(`import.countDef.${key}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="import-preview-note">
        <span data-testid="import-preview-note">
          {!importHasPositions(layer)
            ? t('import.previewNotOnMap')
            : report.preview.features.length === 0
            ? t('import.previewEmpty')
            : report.previewTruncated
              ? t('import.previewTruncated', { count: report.preview.features.length })
              : t('import.previewShown')}
        </span>
        {onFitPreview && report.bbox ? (
          <button type="button" className="button button--small" onClick={onFitPreview} data-testid="import-fit-preview">
            {t('import.fitPreview')}
          </button>
        ) : null}
      </div>
      {report.errorCount > 0 ? (
        <>
          <h4 className="import-section__subtitle">{t('import.problems', { count: report.errorCount })}</h4>
          <ImportProblemTable problems={report.errors} count={report.errorCount} testId="import-problems" />
        </>
      ) : null}
      {report.warningCount > 0 ? (
        <details className="import-warnings" data-testid="import-warnings">
          <summary>{t('import.warnings', { count: report.warningCount })}</summary>
          <p className="import-section__note">{t('import.warningsNote')}</p>
          <ImportProblemTable problems={report.warnings} count={report.warningCount} testId="import-warning-list" />
        </details>
      ) : null}
    </section>
  );
}
