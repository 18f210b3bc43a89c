import { useCallback, useEffect, useMemo, useState, type MutableRefObject } from 'react';
import type { MapGeoJSONFeature } from 'maplibre-gl';
import { fetchHamletDetail } from '../api/api-client.js';
import { percent } from '../coverage/coverage-formats.js';
import { CoverageDrawer } from '../coverage/coverage-drawer.js';
import { CoverageModelPanel } from '../coverage/coverage-model-panel.js';
import { CoverageSection } from '../coverage/coverage-section.js';
import { HamletCoverageTable } from '../coverage/hamlet-coverage-table.js';
import { useCoverageModel } from '../coverage/use-coverage-model.js';
import { useHamletCoverage } from '../coverage/use-hamlet-coverage.js';
import { useMeasurements } from '../coverage/use-measurements.js';
import { useWhatIf } from '../coverage/use-what-if.js';
import { WhatIfPanel } from '../coverage/what-if-panel.js';
import { rowsAfterWhatIf, whatIfRatio, whatIfVerdictOverrides } from '../coverage/what-if-verdicts.js';
import type { LayerName, Meta, SearchResult, Verdict } from '../domain/contract-types.js';
import { anyOperator, dataLayersOf, type MapToggle, type SelectableLayer } from '../domain/enum-values.js';
import { useI18n, type Lang } from '../i18n/i18n-context.js';
import { InspectorPanel } from '../inspector/inspector-panel.js';
import type { HistoryEntity } from '../inspector/record-history-button.js';
import { LayerPanel } from '../layers/layer-panel.js';
import { revisionOfLayer, useLayerData, type RegisterRevisions } from '../layers/use-layer-data.js';
import { useTileLayerCounts } from '../layers/use-tile-layer-counts.js';
import { selectionKey, useSelectedFeature, type SelectionArea } from '../layers/use-selected-feature.js';
import type { ClusteredLayer } from '../map/cluster-layers.js';
import { isTileLayer, tileLayerNames, tileUrl, type TileLayerName } from '../map/tile-sources.js';
import { coordinatesBbox, type Bbox } from '../map/geometry-measures.js';
import type { HatangMap, MapUiStrings } from '../map/hatang-map.js';
import { featureHoverText } from '../map/feature-hover-text.js';
import { gapCode } from '../map/layer-ids.js';
import { mapPalette } from '../map/map-palette.js';
import { MapView } from '../map/map-view.js';
import {
  sameCamera,
  type CoverageChoice,
  type CoveragePanel,
  type LayerFilterState,
  type Selection,
  type ViewState,
  type WorkspaceScreen,
} from '../url/view-state.js';
import { noAuditFilters, type AuditFilterValues } from '../audit/audit-filters.js';
import { AuditLogPanel } from '../audit/audit-log-panel.js';
import { useSession } from '../auth/use-session.js';
import type { AccountAction } from '../auth/account-menu.js';
import { ApiTokensDialog } from '../auth/api-tokens-dialog.js';
import { PasswordChangeDialog } from '../auth/password-change-dialog.js';
import { RecordNotice } from '../records/record-notice.js';
import type { RegisterChange } from '../records/register-change.js';
import { UserAdminPanel } from '../users/user-admin-panel.js';
import { IndicatorsDashboard } from '../indicators/indicators-dashboard.js';
import { useColocation } from '../colocation/use-colocation.js';
import { submittingOperator } from '../proposals/proposal-formats.js';
import { ProposalTools } from '../proposals/proposal-tools.js';
import { radioOperators } from '../map/operator-colours.js';
import type { Proposal } from '../domain/contract-types.js';
import type { ProposalTool } from '../url/view-state.js';
import { useSharingScreen } from '../sharing/use-sharing-screen.js';
import type { ImportLayer } from '../api/import-api.js';
import { ExportPanel } from '../exports/export-panel.js';
import { DataToolButtons } from '../imports/data-tool-buttons.js';
import { importMapEffects } from '../imports/import-layers.js';
import { ImportPanel } from '../imports/import-panel.js';
import { useMapUnitLists } from '../layers/use-map-unit-lists.js';
import type { DataTool, ImportTab } from '../url/view-state.js';
import { AppHeader } from './app-header.js';

/** A camera move asked for by the panels; run after the next layout, when the inspector may have resized the map. */
type CameraRequest = { kind: 'bbox'; bbox: Bbox; maxZoom: number } | { kind: 'point'; lon: number; lat: number; zoom: number };

/** The layer a search result selects; the province has none (choosing it only fits the view). */
const searchLayer: Record<SearchResult['kind'], Exclude<LayerName, 'consolidation'> | null> = {
  site: 'sites',
  hamlet: 'hamlets',
  commune: 'communes',
  district: 'districts',
  province: null,
};


interface MapScreenProps {
  meta: Meta;
  state: ViewState;
  update: (fn: (prev: ViewState) => ViewState) => void;
  /** Set once the map exists: the app moves its camera when the link changes by hand. */
  mapRef: MutableRefObject<HatangMap | null>;
}

/** The map with its panels, for a visitor allowed to read it; the header's account menu opens the account dialogs and pages. */
export function MapScreen({ meta, state, update, mapRef }: MapScreenProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  // The first camera comes from the URL; later ones only from the map itself.
  const [initialCamera] = useState(state.camera);

  // Operators named in a link that this server does not know are dropped, not sent.
  useEffect(() => {
    const known = new Set(meta.operators.map((o) => o.code));
    if (state.filters.operators.some((code) => !known.has(code))) {
      update((prev) => ({ ...prev, filters: { ...prev.filters, operators: prev.filters.operators.filter((c) => known.has(c)) } }));
    }
    if (state.coverage.operator !== anyOperator && !known.has(state.coverage.operator)) {
      update((prev) => ({ ...prev, coverage: { ...prev.coverage, operator: anyOperator } }));
    }
  }, [meta, state.filters.operators, state.coverage.operator, update]);

  // Bumped by every write to the register from this tab: the layers it touches, the coverage and the details are loaded again.
  const [revisions, setRevisions] = useState<RegisterRevisions>({ fiber: 0, radio: 0, areas: 0 });
  const registerRevision = revisions.fiber + revisions.radio;
  const [notice, setNotice] = useState<RegisterChange | null>(null);
  const [accountDialog, setAccountDialog] = useState<'password' | 'tokens' | null>(null);

  // Whole-layer GeoJSON only for the small layers: the large ones are vector tiles.
  // The districts and communes too are tiles; the unit pickers read lists of them without polygons.
  const wanted = useMemo(() => [...new Set<LayerName>(dataLayersOf(state.layers))].filter((layer) => !isTileLayer(layer)), [state.layers]);
  // Every district, and the communes of the chosen district only (nationally all communes are 1.9 MB).
  const unitLists = useMapUnitLists(state.filters.unit, state.filters.boundarySet, state.lang, revisions.areas ?? 0);
  const layerLoads = useLayerData(wanted, state.filters, state.coverage, state.lang, revisions, state.scenario);
  // A hamlet tile also carries the hamlet's verdict: computed from the radio side.
  const tileRevisionOf = useCallback(
    (layer: TileLayerName) => (revisions[revisionOfLayer[layer] ?? 'radio'] ?? 0) + (layer === 'hamlets' ? revisions.radio : 0),
    [revisions],
  );
  const tileUrls = useMemo(() => {
    const urls = {} as Record<TileLayerName, string>;
    for (const layer of tileLayerNames) urls[layer] = tileUrl(layer, state.filters, state.coverage, state.scenario, tileRevisionOf(layer));
    return urls;
  }, [state.filters, state.coverage, state.scenario, tileRevisionOf]);
  // The panel's counts of the tiled layers shown, and always the hamlets' (their verdicts make the coverage ratio).
  const countedTileLayers = useMemo(() => [...new Set<TileLayerName>(['hamlets', ...dataLayersOf(state.layers).filter(isTileLayer)])], [state.layers]);
  const tileCounts = useTileLayerCounts(countedTileLayers, state.filters, state.coverage, state.scenario, tileRevisionOf, state.lang);
  // The feature a click selected is looked up around the click (else in the whole layer) for the inspector.
  const [selectionArea, setSelectionArea] = useState<SelectionArea | null>(null);
  const selectedLoads = useSelectedFeature(state.selection, selectionArea, state.filters, state.coverage, state.lang, revisions, state.scenario);
  const loads = useMemo(() => ({ ...layerLoads, ...selectedLoads }), [layerLoads, selectedLoads]);
  // Every hamlet's row is loaded only for the lists that show them: the hamlet table and the what-if tool's ratio.
  // The map colours by the verdict in the hamlet tiles and the panel's ratio comes from the hamlets' count
  // (nationally the rows are 80,000 hamlets, ~11 s).
  const verdictRowsWanted = state.panel === 'hamlet-table' || state.whatIf;
  const verdictLoad = useHamletCoverage(verdictRowsWanted, state.coverage, state.filters.unit, state.filters.boundarySet, state.lang, revisions.radio, state.scenario);
  const [modelLoad, retryModel] = useCoverageModel(state.lang, revisions.radio);
  const model = modelLoad.status === 'ready' ? modelLoad.model : null;
  const whatIf = useWhatIf(state.coverage, state.lang, state.scenario);
  // The co-location search: an operator's account searches for its own operator, anyone else starts on the first mobile operator.
  const colocation = useColocation(
    submittingOperator(session.info) ?? radioOperators(meta.operators).find((o) => o.code === 'viettel')?.code ?? radioOperators(meta.operators)[0]?.code ?? '',
    state.lang,
    state.scenario,
  );
  const colocationPlacing = state.tool === 'colocation' && colocation.placing;
  // The proposal tools draw on the map once it exists.
  const [overlayMap, setOverlayMap] = useState<HatangMap | null>(null);
  // Bumped by an import: the measurements layer and the open hamlet's details are loaded again.
  const [measurementsVersion, setMeasurementsVersion] = useState(0);
  const onMeasurementsImported = useCallback(() => {
    setMeasurementsVersion((n) => n + 1);
    update((prev) => (prev.layers.includes('measurements') ? prev : { ...prev, layers: [...prev.layers, 'measurements'] }));
  }, [update]);
  const measurementsShown = state.layers.includes('measurements');
  // A BTS write changes the predicted coverage each measurement is checked against.
  const measurementLoad = useMeasurements(measurementsShown || state.selection?.layer === 'measurements', state.coverage, state.lang, measurementsVersion + revisions.radio);
  const verdictRows = verdictLoad.data?.rows ?? null;
  // While the what-if tool shows an answer for the same choice, the map shows the hamlets' verdicts after it.
  const whatIfShown = state.whatIf ? whatIf.shown : null;
  const mapVerdictRows = useMemo(() => rowsAfterWhatIf(verdictLoad.data, whatIfShown), [verdictLoad.data, whatIfShown]);
  const verdictOverrides = useMemo(() => whatIfVerdictOverrides(state.coverage, whatIfShown), [state.coverage, whatIfShown]);
  const ratioWithWhatIf = useMemo(() => whatIfRatio(verdictRows, mapVerdictRows, state.filters.unit !== null), [verdictRows, mapVerdictRows, state.filters.unit]);

  const select = useCallback((selection: Selection | null) => update((prev) => ({ ...prev, selection })), [update]);
  const selectOnMap = useCallback(
    (selection: Selection | null, near: Bbox | null) => {
      setSelectionArea(selection && near ? { key: selectionKey(selection), bbox: near } : null);
      select(selection);
    },
    [select],
  );
  const clusterText = useCallback(
    (layer: ClusteredLayer, count: number) => t(layer === 'hamlets' ? 'cluster.hamlets' : layer === 'bts' ? 'cluster.bts' : 'cluster.sites', { count }),
    [t, i18n],
  );
  const setFilters = useCallback((filters: LayerFilterState) => update((prev) => ({ ...prev, filters })), [update]);
  const toggleLayer = useCallback(
    (layer: MapToggle, visible: boolean) =>
      update((prev) => ({
        ...prev,
        layers: visible ? [...new Set([...prev.layers, layer])] : prev.layers.filter((l) => l !== layer),
      })),
    [update],
  );
  const setLang = useCallback((lang: Lang) => update((prev) => ({ ...prev, lang })), [update]);
  const setCoverage = useCallback((coverage: CoverageChoice) => update((prev) => ({ ...prev, coverage })), [update]);
  const setPanel = useCallback((panel: CoveragePanel | null) => update((prev) => ({ ...prev, panel })), [update]);
  const setTableVerdicts = useCallback((tableVerdicts: Verdict[]) => update((prev) => ({ ...prev, tableVerdicts })), [update]);
  const { clear: clearWhatIf } = whatIf;
  const setWhatIfOpen = useCallback(
    (open: boolean) => {
      // Closing the tool forgets its hypothetical BTS: nothing of it is saved.
      if (!open) clearWhatIf();
      update((prev) => ({
        ...prev,
        whatIf: open,
        // One tool over the map at a time: the what-if tool takes the place of a proposal tool.
        tool: open ? null : prev.tool,
        proposal: open ? null : prev.proposal,
        dataTool: open ? null : prev.dataTool,
        // Its results are hamlet verdicts: show them.
        layers: !open || prev.layers.includes('hamlets') || prev.layers.includes('hamlet-verdicts') ? prev.layers : [...prev.layers, 'hamlet-verdicts'],
      }));
    },
    [update, clearWhatIf],
  );
  const onCameraChange = useCallback(
    (camera: ViewState['camera']) => update((prev) => (sameCamera(prev.camera, camera) ? prev : { ...prev, camera })),
    [update],
  );
  const [cameraRequest, setCameraRequest] = useState<CameraRequest | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!cameraRequest || !map) return;
    if (cameraRequest.kind === 'bbox') map.fitBbox(cameraRequest.bbox, cameraRequest.maxZoom);
    else map.flyTo(cameraRequest.lon, cameraRequest.lat, cameraRequest.zoom);
    setCameraRequest(null);
  }, [cameraRequest]);
  const fitBbox = useCallback((bbox: Bbox, maxZoom = 15) => setCameraRequest({ kind: 'bbox', bbox, maxZoom }), []);
  const flyTo = useCallback((lon: number, lat: number, zoom = 15) => setCameraRequest({ kind: 'point', lon, lat, zoom }), []);
  // Site sharing: scenario switch, sharing section and panel, shared-site legend, consolidation highlight.
  const sharingScreen = useSharingScreen({ meta, state, update, loads, lang: state.lang, radioRevision: revisions.radio, map: overlayMap, fitBbox, flyTo });

  /** Selects a hamlet and brings it into view, with its verdict colours on (from the table, the what-if list, a gap). */
  const openHamlet = useCallback(
    (code: string) => {
      update((prev) => ({
        ...prev,
        layers: prev.layers.includes('hamlets') || prev.layers.includes('hamlet-verdicts') ? prev.layers : [...prev.layers, 'hamlet-verdicts'],
        selection: { layer: 'hamlets', code },
      }));
      const feature = loads.hamlets?.data?.features.find((f) => f.properties.code === code);
      const bbox = feature ? coordinatesBbox(feature.geometry.coordinates) : null;
      if (bbox) {
        fitBbox(bbox, 15);
        return;
      }
      fetchHamletDetail(code, state.lang)
        .then((detail) => flyTo(detail.hamlet.refPoint[0], detail.hamlet.refPoint[1], 14))
        .catch(() => undefined);
    },
    [update, loads, fitBbox, flyTo, state.lang],
  );

  const openGap = useCallback(
    (code: string) => {
      update((prev) => ({ ...prev, layers: prev.layers.includes('gaps') ? prev.layers : [...prev.layers, 'gaps'], selection: { layer: 'gaps', code } }));
      const feature = loads.gaps?.data?.features.find((f) => gapCode(f.properties.hamletCode, f.properties.partNo) === code);
      const bbox = feature ? coordinatesBbox(feature.geometry.coordinates) : null;
      if (bbox) fitBbox(bbox, 16);
    },
    [update, loads, fitBbox],
  );

  const unitBbox = useCallback(
    (code: string): Bbox | null => {
      for (const list of [unitLists.communes, unitLists.districts]) {
        const unit = list?.find((u) => u.code === code);
        if (unit) return unit.bbox;
      }
      return null;
    },
    [unitLists],
  );

  const onUnitChosen = useCallback(
    (unit: string | null) => {
      const bbox = unit ? unitBbox(unit) : (meta.extent ?? null);
      if (bbox) fitBbox(bbox, 14);
    },
    [unitBbox, meta, fitBbox],
  );

  const onSearchChoose = useCallback(
    (result: SearchResult) => {
      const layer = searchLayer[result.kind];
      update((prev) =>
        layer === null
          ? { ...prev, selection: null }
          : {
              ...prev,
              layers: prev.layers.includes(layer) ? prev.layers : [...prev.layers, layer],
              selection: { layer, code: result.code },
            },
      );
      if (result.bbox) fitBbox(result.bbox, 16);
      else flyTo(result.lon, result.lat, 15);
    },
    [update, fitBbox, flyTo],
  );

  const verdictsShown = state.layers.includes('hamlet-verdicts');
  const hoverText = useCallback(
    (feature: MapGeoJSONFeature, layer: SelectableLayer) => {
      const text = featureHoverText(feature, layer, i18n, meta.operators ?? []);
      // The hamlet tiles carry the verdict and covered share of the coverage choice.
      const verdict = feature.properties.verdict as Verdict | undefined;
      const share = feature.properties.coveredShare as number | undefined;
      if (layer !== 'hamlets' || !verdictsShown || !verdict || !text) return text;
      return share === undefined ? `${text} · ${t(`verdict.${verdict}`)}` : `${text} · ${t(`verdict.${verdict}`)} · ${percent(i18n, share)}`;
    },
    [i18n, t, meta, verdictsShown],
  );

  const mapStrings: MapUiStrings = useMemo(
    () => ({ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), resetBearing: t('map.resetBearing') }),
    [t],
  );

  const onRegisterChanged = useCallback(
    (change: RegisterChange) => {
      // A fiber route changes only its layer; a site or BTS changes the radio layers and the coverage computed from them.
      setRevisions((prev) => (change.entity === 'fiber' ? { ...prev, fiber: prev.fiber + 1 } : { ...prev, radio: prev.radio + 1 }));
      setNotice(change.action === 'reload' ? null : change);
      if (change.action === 'delete' && change.entity !== 'bts') update((prev) => ({ ...prev, selection: null }));
      // A restored site or route is shown again where it was.
      if (change.action === 'restore' && change.entity !== 'bts') {
        const layer = change.entity === 'site' ? 'sites' : 'fiber';
        update((prev) => ({ ...prev, layers: prev.layers.includes(layer) ? prev.layers : [...prev.layers, layer], selection: { layer, code: change.code } }));
      }
    },
    [update],
  );
  const setScreen = useCallback((screen: WorkspaceScreen | null) => update((prev) => ({ ...prev, screen })), [update]);
  const { startPlacing: startColocationPlacing } = colocation;
  const setTool = useCallback(
    (tool: ProposalTool | null, proposal: string | null = null) => {
      // One tool over the map at a time: the what-if tool closes (it forgets its hypothetical BTS).
      if (tool) clearWhatIf();
      // The co-location search starts waiting for a click on the map.
      if (tool === 'colocation') startColocationPlacing();
      update((prev) => ({ ...prev, tool, proposal: tool === 'proposals' ? proposal : null, whatIf: tool ? false : prev.whatIf, dataTool: tool ? null : prev.dataTool }));
    },
    [update, clearWhatIf, startColocationPlacing],
  );
  // The data tools (import, export) take the place of the other tools over the map.
  const setDataTool = useCallback(
    (dataTool: DataTool | null) => {
      if (dataTool) clearWhatIf();
      update((prev) => ({ ...prev, dataTool, tool: dataTool ? null : prev.tool, proposal: dataTool ? null : prev.proposal, whatIf: dataTool ? false : prev.whatIf }));
    },
    [update, clearWhatIf],
  );
  const setImportTab = useCallback((importTab: ImportTab) => update((prev) => ({ ...prev, importTab })), [update]);
  // A committed import: the layers it wrote load again (and what is computed from them), and its layer is shown.
  const onImported = useCallback(
    (layer: ImportLayer) => {
      const effect = importMapEffects[layer];
      setRevisions((prev) => {
        const next = { ...prev };
        for (const key of effect.revisions) next[key] = (prev[key] ?? 0) + 1;
        return next;
      });
      if (effect.measurements) setMeasurementsVersion((n) => n + 1);
      const toggle = effect.toggle;
      if (toggle) update((prev) => (prev.layers.includes(toggle) ? prev : { ...prev, layers: [...prev.layers, toggle] }));
    },
    [update],
  );
  // "Xem kịch bản quy hoạch": the layers and coverage with approved proposals.
  const showPlanned = useCallback(() => update((prev) => ({ ...prev, scenario: 'planned' })), [update]);
  const onProposalDecided = useCallback(
    (proposal: Proposal) => {
      // An approval adds planned sites and BTS: the radio layers and the coverage are loaded again.
      if (proposal.status === 'approved') setRevisions((prev) => ({ ...prev, radio: prev.radio + 1 }));
    },
    [],
  );
  // The change log opened from a record's "Lịch sử" starts filtered on that record.
  const [auditStart, setAuditStart] = useState<AuditFilterValues | null>(null);
  const onAccountAction = useCallback(
    (action: AccountAction) => {
      if (action === 'users' || action === 'audit') {
        setAuditStart(null);
        setScreen(action);
      } else setAccountDialog(action);
    },
    [setScreen],
  );
  const closeScreen = useCallback(() => {
    setAuditStart(null);
    setScreen(null);
  }, [setScreen]);
  const showHistory = useCallback(
    (entity: HistoryEntity, code: string) => {
      setAuditStart({ ...noAuditFilters, entities: [entity], code });
      setScreen('audit');
    },
    [setScreen],
  );

  // The site planner may be limited to a district or a commune (districts first, each by name).
  const proposalUnits = useMemo(
    () =>
      [unitLists.districts, unitLists.communes].flatMap((list) =>
        (list ?? []).map((u) => ({ code: u.code, name: u.name })).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
      ),
    [unitLists],
  );

  const coverageColour =
    state.coverage.operator === anyOperator ? mapPalette.coverageAny : (meta.operators.find((o) => o.code === state.coverage.operator)?.colour ?? mapPalette.neutralOwner);

  return (
    <>
      <div className={['app', state.selection ? 'app--inspecting' : '', state.panel ? 'app--drawer' : ''].filter(Boolean).join(' ')}>
        <AppHeader
          demoData={meta.demoData}
          operators={meta.operators}
          onSearchChoose={onSearchChoose}
          onLanguageChange={setLang}
          onAccountAction={onAccountAction}
          onOpenIndicators={() => setScreen(state.screen === 'indicators' ? null : 'indicators')}
          indicatorsOpen={state.screen === 'indicators'}
        />
        <LayerPanel
          meta={meta}
          visible={state.layers}
          loads={loads}
          units={unitLists}
          tileCounts={tileCounts}
          coverageColour={coverageColour}
          filters={state.filters}
          scenario={sharingScreen.scenarioSwitch}
          sharing={sharingScreen.section}
          sharingLegend={sharingScreen.legend}
          coverage={
            <CoverageSection
              meta={meta}
              coverage={state.coverage}
              coverageColour={coverageColour}
              visible={state.layers}
              loads={loads}
              tileCounts={tileCounts}
              measurementLoad={measurementLoad}
              filters={state.filters}
              theta={model?.theta ?? null}
              minGapAreaM2={model?.minGapAreaM2 ?? null}
              panel={state.panel}
              whatIf={state.whatIf}
              onCoverageChange={setCoverage}
              onToggle={toggleLayer}
              onOpenPanel={setPanel}
              onWhatIfChange={setWhatIfOpen}
              onMeasurementsImported={onMeasurementsImported}
            />
          }
          onToggle={toggleLayer}
          onFiltersChange={setFilters}
          onUnitChosen={onUnitChosen}
        />
        <main className="map-area">
          <div className={whatIf.placing || colocationPlacing ? 'map-stage map-stage--placing' : 'map-stage'}>
            <MapView
              meta={meta}
              initialCamera={initialCamera}
              visibleLayers={state.layers}
              loads={layerLoads}
              tileUrls={tileUrls}
              verdictOverrides={verdictOverrides}
              whatIf={whatIf.overlay}
              measurements={measurementsShown ? measurementLoad.data : null}
              placing={(state.whatIf && whatIf.placing) || colocationPlacing}
              selection={state.selection}
              unitFocus={state.filters.unit}
              strings={mapStrings}
              onReady={(map) => {
                mapRef.current = map;
                setOverlayMap(map);
              }}
              onSelect={selectOnMap}
              onPlace={colocationPlacing ? colocation.place : whatIf.place}
              onCameraChange={onCameraChange}
              hoverText={hoverText}
              clusterText={clusterText}
              formatCount={i18n.formatNumber}
            />
            <button type="button" className="map-reset button button--small" onClick={() => meta.extent && fitBbox(meta.extent)}>
              {t('map.resetView')}
            </button>
            {state.whatIf ? (
              <WhatIfPanel
                meta={meta}
                coverage={state.coverage}
                whatIf={whatIf}
                ratio={ratioWithWhatIf}
                onClose={() => setWhatIfOpen(false)}
                onHamletClick={openHamlet}
              />
            ) : null}
            <ProposalTools
              meta={meta}
              tool={state.tool}
              proposal={state.proposal}
              map={overlayMap}
              colocation={colocation}
              unit={state.filters.unit}
              units={proposalUnits}
              onToolChange={setTool}
              onFlyTo={flyTo}
              onDecided={onProposalDecided}
              onShowPlanned={showPlanned}
              scenario={state.scenario}
            />
            <DataToolButtons tool={state.dataTool} onToolChange={setDataTool} />
            {state.dataTool === 'import' ? (
              <ImportPanel meta={meta} map={overlayMap} tab={state.importTab} onTabChange={setImportTab} onClose={() => setDataTool(null)} onImported={onImported} />
            ) : null}
            {state.dataTool === 'export' ? (
              <ExportPanel
                meta={meta}
                map={overlayMap}
                camera={state.camera}
                filters={state.filters}
                coverage={state.coverage}
                scenario={state.scenario}
                unitName={state.filters.unit ? (proposalUnits.find((u) => u.code === state.filters.unit)?.name ?? null) : null}
                onClose={() => setDataTool(null)}
              />
            ) : null}
            {notice ? <RecordNotice key={`${notice.entity}:${notice.code}:${notice.action}:${registerRevision}`} change={notice} onDismiss={() => setNotice(null)} onChanged={onRegisterChanged} /> : null}
            <p className="map-attribution">{t('map.attribution')}</p>
          </div>
        </main>
        {state.panel ? (
          <CoverageDrawer panel={state.panel} onPanelChange={setPanel}>
            {state.panel === 'hamlet-table' ? (
              <HamletCoverageTable
                meta={meta}
                load={verdictLoad}
                coverage={state.coverage}
                districts={unitLists.districts}
                communes={unitLists.communes}
                unit={state.filters.unit}
                verdicts={state.tableVerdicts}
                selectedCode={state.selection?.layer === 'hamlets' ? state.selection.code : null}
                theta={model?.theta ?? null}
                onUnitChange={(unit) => {
                  setFilters({ ...state.filters, unit });
                  onUnitChosen(unit);
                }}
                onVerdictsChange={setTableVerdicts}
                onRowClick={openHamlet}
              />
            ) : state.panel === 'sharing' ? (
              sharingScreen.panel
            ) : (
              <CoverageModelPanel load={modelLoad} onRetry={retryModel} />
            )}
          </CoverageDrawer>
        ) : null}
        {state.selection ? (
          <InspectorPanel
            selection={state.selection}
            meta={meta}
            loads={loads}
            measurementLoad={measurementLoad}
            measurementsVersion={measurementsVersion}
            onClose={() => select(null)}
            onSelect={select}
            onFitBbox={fitBbox}
            onFlyTo={flyTo}
            coverage={state.coverage}
            theta={model?.theta ?? null}
            minGapAreaM2={model?.minGapAreaM2 ?? null}
            onChooseCoverage={setCoverage}
            onOpenGap={openGap}
            onOpenHamlet={openHamlet}
            registerRevision={registerRevision}
            radioRevision={revisions.radio}
            onShowHistory={session.can('audit.read') ? showHistory : undefined}
            onRegisterChanged={onRegisterChanged}
            siteInferenceEpsM={sharingScreen.sharing.data?.siteInferenceEpsM ?? null}
            scenario={state.scenario}
          />
        ) : null}
        {state.screen === 'indicators' ? (
          <IndicatorsDashboard
            state={state}
            update={update}
            onClose={closeScreen}
            onHamletClick={(code) => {
              closeScreen();
              openHamlet(code);
            }}
          />
        ) : null}
        {state.screen === 'users' ? <UserAdminPanel operators={meta.operators} onClose={closeScreen} /> : null}
        {state.screen === 'audit' ? <AuditLogPanel key={auditStart ? `${auditStart.entities.join()}:${auditStart.code}` : 'all'} operators={meta.operators} initialFilters={auditStart} onClose={closeScreen} /> : null}
      </div>
      {accountDialog === 'password' ? <PasswordChangeDialog onClose={() => setAccountDialog(null)} /> : null}
      {accountDialog === 'tokens' ? <ApiTokensDialog onClose={() => setAccountDialog(null)} /> : null}
    </>
  );
}

