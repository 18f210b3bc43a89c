import type { ColumnMapping, ImportRun } from '../api/import-api.js';
import { useI18n } from '../i18n/i18n-context.js';
import { hasPositionSource, unmappedRequired, unusedColumns } from './import-mapping.js';

interface Props {
  run: ImportRun;
  mapping: ColumnMapping;
  disabled: boolean;
  onAssign: (field: string, column: string | null) => void;
}

/** One row per field of the layer: its name in the reader's language, whether it is required, and the file's column that feeds it. */
export function ImportMappingTable({ run, mapping, disabled, onAssign }: Props) {
  const { t, lang } = useI18n();
  const missing = unmappedRequired(run.fields, mapping);
  const unused = unusedColumns(run.columns, mapping);
  const label = (field: ImportRun['fields'][number]) => (lang === 'vi' ? field.vi : field.en);
  return (
    <section className="import-section" aria-label={t('import.mapping')} data-testid="import-mapping">
      <h3 className="import-section__title">{t('import.mapping')}</h3>
      <p className="import-section__note">{t('import.mappingNote')}</p>
      <table className="data-table data-table--plain import-mapping-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="import-th">{t('import.field')}</span>
            </th>
            <th scope="col">
              <span className="import-th">{t('import.column')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {run.fields.map((field) => {
            const column = mapping[field.key] ?? null;
            const lacking = field.required === true && column === null;
            return (
              <tr key={field.key} className={lacking ? 'import-mapping-table__row--missing' : undefined} data-testid={`import-mapping-row-${field.key}`}>
                <td className="import-mapping-table__field">
                  {label(field)}
                  {field.required === true ? (
                    <span className="import-required" title={t('import.required')} aria-label={t('import.required')}>
                      {' '}*
                    </span>
                  ) : field.required === 'position' ? (
                    <span className="import-required import-required--position" title={t('import.requiredPosition')} aria-label={t('import.requiredPosition')}>
                      {' '}◎
                    </span>
                  ) : null}
                </td>
                <td>
                  <select
                    value={column ?? ''}
                    onChange={(e) => onAssign(field.key, e.target.value === '' ? null : e.target.value)}
                    disabled={disabled}
                    aria-label={label(field)}
                    data-testid={`import-mapping-${field.key}`}
                  >
                    <option value="">— {t('import.notUsed')} —</option>
                    {run.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="import-section__note">{t(run.fields.some((f) => f.required === 'position') ? 'import.requiredLegend' : 'import.requiredLegendNoPosition')}</p>
      {missing.length > 0 ? (
        <p className="import-warning" data-testid="import-mapping-missing">
          {t('import.missingRequired', { fields: missing.map(label).join(', ') })}
        </p>
      ) : null}
      {!hasPositionSource(run, mapping) ? <p className="import-warning">{t('import.missingPosition')}</p> : null}
      {unused.length > 0 ? (
        <p className="import-section__note" data-testid="import-unused-columns">
          {t('import.unusedColumns', { columns: unused.join(', ') })}
        </p>
      ) : null}
    </section>
  );
}
