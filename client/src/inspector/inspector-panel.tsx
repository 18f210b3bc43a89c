import type { MeasurementLoad } from '../coverage/use-measurements.js';
import type { Meta, Scenario } from '../domain/contract-types.js';
import type { SelectableLayer } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { LayerLoads } from '../layers/use-layer-data.js';
import { coordinatesBbox, type Bbox } from '../map/geometry-measures.js';
import { gapCode } from '../map/layer-ids.js';
import type { CoverageChoice, Selection } from '../url/view-state.js';
import { AdminUnitInspector } from './admin-unit-inspector.js';
import { BtsInspector } from './bts-inspector.js';
import { FiberInspector } from './fiber-inspector.js';
import { GapInspector } from './gap-inspector.js';
import { HamletInspector } from './hamlet-inspector.js';
import { InspectorHeader } from './inspector-header.js';
import { MeasurementInspector } from './measurement-inspector.js';
import type { HistoryEntity } from './record-history-button.js';
import { SiteInspector } from './site-inspector.js';
import { InferredSiteInspector } from '../sharing/inferred-site-inspector.js';
import type { RegisterChange } from '../records/register-change.js';

interface InspectorPanelProps {
  selection: Selection;
  meta: Meta;
  loads: LayerLoads;
  measurementLoad: MeasurementLoad;
  /** Changes after a measurement import: the hamlet details are then loaded again. */
  measurementsVersion: number;
  onClose: () => void;
  onSelect: (selection: Selection) => void;
  onFitBbox: (bbox: Bbox) => void;
  onFlyTo: (lon: number, lat: number) => void;
  coverage: CoverageChoice;
  theta: number | null;
  minGapAreaM2: number | null;
  onChooseCoverage: (choice: CoverageChoice) => void;
  onOpenGap: (code: string) => void;
  /** Selects a hamlet and brings it into view with its verdict colours on. */
  onOpenHamlet: (code: string) => void;
  /** Bumped by every write to the register from this tab: details are then loaded again. */
  registerRevision: number;
  /** Bumped by writes to sites and BTS (coverage is recomputed): hamlet details are then loaded again. */
  radioRevision: number;
  onRegisterChanged: (change: RegisterChange) => void;
  /** Opens the change log on one record; absent for accounts that may not read it. */
  onShowHistory?: ((entity: HistoryEntity, code: string) => void) | undefined;
  /** ε of site inference (m), for the inspector of an inferred site; null until the sharing answer is in. */
  siteInferenceEpsM?: number | null;
  /** The scenario the hamlet verdicts are shown in. */
  scenario?: Scenario;
}

type CodedLayer = Exclude<SelectableLayer, 'coverage' | 'gaps' | 'measurements'>;

function findFeature<L extends CodedLayer>(loads: LayerLoads, layer: L, code: string) {
  const load = loads[layer];
  return { load, feature: load?.data?.features.find((f) => f.properties.code === code) ?? null };
}

function findGap(loads: LayerLoads, code: string) {
  const load = loads.gaps;
  return { load, feature: load?.data?.features.find((f) => gapCode(f.properties.hamletCode, f.properties.partNo) === code) ?? null };
}

/** The right-hand panel: details of the selected feature, by its kind. */
export function InspectorPanel(props: InspectorPanelProps) {
  const { selection, meta, loads, onClose, onSelect, onFitBbox, onFlyTo } = props;
  const { t } = useI18n();
  const { code } = selection;
  const zoomToGeometry = (geometry: { coordinates: unknown }) => () => {
    const bbox = coordinatesBbox(geometry.coordinates);
    if (bbox) onFitBbox(bbox);
  };

  const missing = (layer: SelectableLayer, loading: boolean) => (
    <>
      <InspectorHeader kind={t(`inspector.kind.${layer}`)} title={code} onClose={onClose} />
      <p className="inspector__message">{loading ? t('inspector.loading') : t('inspector.notLoaded', { code })}</p>
    </>
  );

  // A site record, selected on the sites layer or as a shared site.
  const siteInspector = () => (
    <SiteInspector
      key={`${code}#${props.registerRevision}`}
      code={code}
      operators={meta.operators}
      onClose={onClose}
      onZoomTo={onFlyTo}
      onRegisterChanged={props.onRegisterChanged}
      onShowHistory={props.onShowHistory}
    />
  );

  const content = (() => {
    switch (selection.layer) {
      case 'shared-sites': {
        // A shared site is a physical site: a site record (its key is its code) or one inferred from BTS without a site code.
        const { load, feature } = findFeature(loads, 'shared-sites', code);
        if (feature?.properties.inferred) {
          return (
            <InferredSiteInspector
              key={`${code}#${props.registerRevision}`}
              site={feature}
              epsM={props.siteInferenceEpsM ?? null}
              operators={meta.operators}
              onClose={onClose}
              onZoomTo={onFlyTo}
              onOpenBts={(btsCode) => onSelect({ layer: 'bts', code: btsCode })}
            />
          );
        }
        if (!feature && load?.status === 'loading') return missing('shared-sites', true);
        return siteInspector();
      }
      case 'sites':
        return siteInspector();
      case 'bts': {
        const { load, feature } = findFeature(loads, 'bts', code);
        if (!feature) return missing('bts', load?.status === 'loading');
        return (
          <BtsInspector
            bts={feature.properties}
            operators={meta.operators}
            onClose={onClose}
            onOpenSite={(siteCode) => onSelect({ layer: 'sites', code: siteCode })}
            onRegisterChanged={props.onRegisterChanged}
            onShowHistory={props.onShowHistory}
          />
        );
      }
      case 'fiber': {
        const { load, feature } = findFeature(loads, 'fiber', code);
        if (!feature) return missing('fiber', load?.status === 'loading');
        return (
          <FiberInspector
            fiber={feature.properties}
            operators={meta.operators}
            onClose={onClose}
            onZoomTo={zoomToGeometry(feature.geometry)}
            onRegisterChanged={props.onRegisterChanged}
            onShowHistory={props.onShowHistory}
          />
        );
      }
      case 'hamlets':
        // The details come from the API, so a hamlet opens even when its layer is off.
        return (
          <HamletInspector
            key={`${code}#${props.measurementsVersion}#${props.radioRevision}`}
            code={code}
            operators={meta.operators}
            coverage={props.coverage}
            theta={props.theta}
            minGapAreaM2={props.minGapAreaM2}
            onClose={onClose}
            onZoomTo={() => props.onOpenHamlet(code)}
            onChooseCoverage={props.onChooseCoverage}
            onOpenGap={props.onOpenGap}
            onShowHistory={props.onShowHistory}
            scenario={props.scenario ?? 'current'}
          />
        );
      case 'gaps': {
        const { load, feature } = findGap(loads, code);
        if (!feature) return missing('gaps', load?.status === 'loading');
        return (
          <GapInspector
            gap={feature.properties}
            onClose={onClose}
            onZoomTo={zoomToGeometry(feature.geometry)}
            onOpenHamlet={props.onOpenHamlet}
          />
        );
      }
      case 'measurements': {
        const load = props.measurementLoad;
        const feature = load.data?.features.find((f) => String(f.properties.id) === code) ?? null;
        if (!feature) {
          if (load.status === 'loading' || load.status === 'idle') return missing('measurements', true);
          return (
            <>
              <InspectorHeader kind={t('inspector.kind.measurements')} title={code} onClose={onClose} />
              <p className="inspector__message">{t('measurement.notLoaded', { code })}</p>
            </>
          );
        }
        const [lon, lat] = feature.geometry.coordinates as [number, number];
        return (
          <MeasurementInspector
            measurement={feature.properties}
            operators={meta.operators}
            onClose={onClose}
            onZoomTo={() => onFlyTo(lon, lat)}
            onOpenHamlet={props.onOpenHamlet}
          />
        );
      }
      case 'coverage':
        return missing('coverage', false);
      case 'communes':
      case 'districts': {
        const { load, feature } = findFeature(loads, selection.layer, code);
        if (!feature) return missing(selection.layer, load?.status === 'loading');
        return <AdminUnitInspector unit={feature.properties} onClose={onClose} onZoomTo={zoomToGeometry(feature.geometry)} />;
      }
    }
  })();

  return (
    <aside className="inspector" data-testid="inspector" aria-label={t('inspector.label')}>
      {content}
    </aside>
  );
}
