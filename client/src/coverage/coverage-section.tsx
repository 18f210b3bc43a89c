import type { MeasurementImportResult, Meta } from '../domain/contract-types.js';
import type { MapToggle } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { coverageToggleOrder, LayerToggleList } from '../layers/layer-toggle-list.js';
import type { LayerLoads } from '../layers/use-layer-data.js';
import type { TileCountLoads } from '../layers/use-tile-layer-counts.js';
import type { CoverageChoice, CoveragePanel, LayerFilterState } from '../url/view-state.js';
import { CoverageChoicePicker } from './coverage-choice-picker.js';
import { groupLabel, operatorChoiceLabel } from './coverage-labels.js';
import { CoverageRatio } from './coverage-ratio.js';
import { MeasurementImport } from './measurement-import.js';
import type { MeasurementLoad } from './use-measurements.js';
import { VerdictLegend } from './verdict-legend.js';

interface CoverageSectionProps {
  meta: Meta;
  coverage: CoverageChoice;
  coverageColour: string;
  visible: readonly MapToggle[];
  loads: LayerLoads;
  /** Counts of the tiled layers; the hamlets' carries the verdict counts of the coverage choice (the ratio). */
  tileCounts: TileCountLoads;
  measurementLoad: MeasurementLoad;
  filters: LayerFilterState;
  theta: number | null;
  minGapAreaM2: number | null;
  panel: CoveragePanel | null;
  whatIf: boolean;
  onCoverageChange: (choice: CoverageChoice) => void;
  onToggle: (layer: MapToggle, visible: boolean) => void;
  onOpenPanel: (panel: CoveragePanel | null) => void;
  onWhatIfChange: (open: boolean) => void;
  onMeasurementsImported: (result: MeasurementImportResult) => void;
}

/** The coverage part of the left panel: whose coverage, the ratio, the coverage layers, the tools, the legend. */
export function CoverageSection(props: CoverageSectionProps) {
  const { t } = useI18n();
  const { meta, coverage, panel } = props;
  const hamletCount = props.tileCounts.hamlets;
  const summary = hamletCount?.data?.verdicts ?? null;
  return (
    <div className="coverage-section" data-testid="coverage-section">
      <CoverageChoicePicker operators={meta.operators} value={coverage} onChange={props.onCoverageChange} />
      {summary ? (
        <>
          <CoverageRatio summary={summary} />
          <p className="coverage-section__scope">
            {t('ratio.scope', {
              operator: operatorChoiceLabel(t, summary.operator, meta.operators),
              group: groupLabel(t, summary.technologyGroup, true),
            })}
            {props.filters.unit ? ` · ${t('ratio.inUnit')}` : ` · ${t('ratio.wholeProvince')}`}
          </p>
        </>
      ) : hamletCount?.status === 'error' ? (
        <p className="layer-row__error">{t('ratio.failed', { detail: hamletCount.error ?? '' })}</p>
      ) : (
        <p className="coverage-section__scope">{t('ratio.loading')}</p>
      )}
      <LayerToggleList
        meta={meta}
        toggles={coverageToggleOrder}
        visible={props.visible}
        loads={props.loads}
        tileCounts={props.tileCounts}
        measurementLoad={props.measurementLoad}
        filters={props.filters}
        coverageColour={props.coverageColour}
        onToggle={props.onToggle}
      />
      <div className="coverage-tools">
        <button
          type="button"
          className="button button--small"
          aria-pressed={panel === 'hamlet-table'}
          onClick={() => props.onOpenPanel(panel === 'hamlet-table' ? null : 'hamlet-table')}
          data-testid="open-hamlet-table"
        >
          <span aria-hidden="true">▤</span> {t('tools.hamletTable')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={panel === 'model'}
          onClick={() => props.onOpenPanel(panel === 'model' ? null : 'model')}
          data-testid="open-model"
        >
          <span aria-hidden="true">ƒ</span> {t('tools.model')}
        </button>
        <button
          type="button"
          className="button button--small"
          aria-pressed={props.whatIf}
          onClick={() => props.onWhatIfChange(!props.whatIf)}
          data-testid="open-what-if"
        >
          <span aria-hidden="true">⊕</span> {t('tools.whatIf')}
        </button>
      </div>
      <MeasurementImport onImported={props.onMeasurementsImported} />
      <VerdictLegend theta={props.theta} minGapAreaM2={props.minGapAreaM2} coverageColour={props.coverageColour} />
    </div>
  );
}
