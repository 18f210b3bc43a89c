import { useMemo, useState } from 'react';
import type { Meta, Scenario } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { HatangMap } from '../map/hatang-map.js';
import type { Bbox } from '../map/geometry-measures.js';
import type { CoverageChoice, LayerFilterState, MapCamera } from '../url/view-state.js';
import { exportFilterSummary, exportLayerLabel } from './export-filter-summary.js';
import { exportFileName, exportFormatValues, exportLayerValues, exportScopeValues, exportUrl, type ExportFormat, type ExportLayer, type ExportScope } from './export-url.js';
import '../styles/import-export.css';

interface Props {
  meta: Meta;
  map: HatangMap | null;
  /** The camera in the link: a move re-renders the panel, so the view's bbox is the map's current one. */
  camera: MapCamera | null;
  filters: LayerFilterState;
  coverage: CoverageChoice;
  scenario: Scenario;
  /** Name of the unit the filters are limited to, for the summary. */
  unitName: string | null;
  onClose: () => void;
}

function viewBbox(map: HatangMap | null): Bbox | null {
  if (!map) return null;
  const bounds = map.map.getBounds();
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
}

/** "Xuất dữ liệu": one layer as GeoJSON, CSV, Excel or KML, for the whole province or the current view with the layer's filters. */
export function ExportPanel({ meta, map, camera, filters, coverage, scenario, unitName, onClose }: Props) {
  const { t, lang } = useI18n();
  const [layer, setLayer] = useState<ExportLayer>('sites');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [scope, setScope] = useState<ExportScope>('province');
  // The camera in the link changes after each move of the map: the view's bbox is read again then.
  const bbox = useMemo(() => viewBbox(map), [map, camera]);
  const href = exportUrl({ layer, format, scope, filters, coverage, scenario, bbox, lang });
  const summary = exportFilterSummary(t, layer, filters, coverage, meta.operators, unitName);
  const viewUnknown = scope === 'view' && bbox === null;
  return (
    <section className="tool-panel tool-panel--export" aria-label={t('export.title')} data-testid="export-panel">
      <header className="tool-panel__header tool-panel__header--export">
        <div>
          <h2 className="tool-panel__title">{t('export.title')}</h2>
          <p className="tool-panel__subtitle">{t('export.subtitle')}</p>
        </div>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('inspector.close')} title={t('inspector.close')} data-testid="export-close">
          ×
        </button>
      </header>
      <div className="tool-panel__body">
        <label className="field import-field">
          <span className="field__label">{t('export.layer')}</span>
          <select value={layer} onChange={(e) => setLayer(e.target.value as ExportLayer)} data-testid="export-layer">
            {exportLayerValues.map((l) => (
              <option key={l} value={l}>
                {exportLayerLabel(t, l)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="import-modes export-choice export-choice--grid" data-testid="export-format">
          <legend className="import-section__title">{t('export.format')}</legend>
          {exportFormatValues.map((f) => (
            <label key={f} className={f === format ? 'import-mode import-mode--chosen' : 'import-mode'}>
              <input type="radio" name="export-format" value={f} checked={f === format} onChange={() => setFormat(f)} data-testid={`export-format-${f}`} />
              <span className="import-mode__text">
                <span className="import-mode__name">{t(`export.format.${f}`)}</span>
                <span className="import-mode__definition">{t(`export.formatHint.${f}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="import-modes export-choice" data-testid="export-scope">
          <legend className="import-section__title">{t('export.scope')}</legend>
          {exportScopeValues.map((s) => (
            <label key={s} className={s === scope ? 'import-mode import-mode--chosen' : 'import-mode'}>
              <input type="radio" name="export-scope" value={s} checked={s === scope} onChange={() => setScope(s)} data-testid={`export-scope-${s}`} />
              <span className="import-mode__text">
                <span className="import-mode__name">{t(`export.scope.${s}`)}</span>
                <span className="import-mode__definition">
                  {s === 'province' ? t('export.scopeDef.province') : t('export.scopeDef.view', { filters: summary || t('export.noFilters') })}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {viewUnknown ? <p className="import-warning">{t('export.viewPending')}</p> : null}
        <div className="import-actions">
          <a
            className={viewUnknown ? 'button button--primary export-download export-download--disabled' : 'button button--primary export-download'}
            href={viewUnknown ? undefined : href}
            download={exportFileName(layer, format, scope)}
            aria-disabled={viewUnknown}
            data-testid="export-download"
          >
            ⇩ {t('export.download')}
          </a>
        </div>
        <label className="field import-field">
          <span className="field__label">{t('export.link')}</span>
          <input className="export-link" type="text" readOnly value={new URL(href, window.location.href).toString()} onFocus={(e) => e.target.select()} data-testid="export-link" />
        </label>
      </div>
    </section>
  );
}
