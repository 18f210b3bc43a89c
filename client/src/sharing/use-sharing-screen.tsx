import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import type { ConsolidationGroup, Meta, Scenario, SharingSummary, SiteConflict, UnitLevel } from '../domain/contract-types.js';
import type { MapToggle, SelectableLayer } from '../domain/enum-values.js';
import type { Lang } from '../i18n/i18n-context.js';
import type { LayerLoads } from '../layers/use-layer-data.js';
import { coordinatesBbox, type Bbox } from '../map/geometry-measures.js';
import type { HatangMap } from '../map/hatang-map.js';
import type { CoveragePanel, SharingView, ViewState } from '../url/view-state.js';
import { ScenarioSwitch } from './scenario-switch.js';
import { SharedSiteLegend } from './shared-site-legend.js';
import { SharingPanel } from './sharing-panel.js';
import { SharingSection } from './sharing-section.js';
import { effectiveLevel, levelsOfSet } from './sharing-table-order.js';
import { useConsolidation, useSharing, useSharingSummary, useSiteConflicts } from './use-sharing-data.js';
import type { CachedAnswerLoad } from '../api/use-cached-answer.js';
import { fetchLayer } from '../api/api-client.js';

interface SharingScreenInput {
  meta: Meta;
  state: ViewState;
  update: (fn: (prev: ViewState) => ViewState) => void;
  loads: LayerLoads;
  lang: Lang;
  radioRevision: number;
  map: HatangMap | null;
  fitBbox: (bbox: Bbox, maxZoom?: number) => void;
  flyTo: (lon: number, lat: number, zoom?: number) => void;
}

export interface SharingScreen {
  /** The whole set's figures, ε and the target (GET /api/sharing/summary). */
  sharing: CachedAnswerLoad<SharingSummary>;
  scenarioSwitch: ReactNode;
  section: ReactNode;
  legend: ReactNode;
  /** The drawer's content when the sharing panel is open. */
  panel: ReactNode;
}

function withLayer(layers: MapToggle[], layer: MapToggle): MapToggle[] {
  return layers.includes(layer) ? layers : [...layers, layer];
}

/**
 * Everything of site sharing the map screen shows, in one place so the screen
 * only places it: the scenario switch, the left panel's section and legend, the
 * sharing panel in the drawer, and the consolidation group highlighted on the map.
 */
export function useSharingScreen({ meta, state, update, loads, lang, radioRevision, map, fitBbox, flyTo }: SharingScreenInput): SharingScreen {
  const view = state.sharing;
  const panelOpen = state.panel === 'sharing';
  const defaultSet = meta.boundarySets.find((b) => b.isDefault) ?? meta.boundarySets[0];
  const setCode = view.boundarySet ?? defaultSet?.code ?? null;
  const level = effectiveLevel(view.level, levelsOfSet(meta.boundarySets.find((b) => b.code === setCode)?.levels ?? []));
  const query = useMemo(() => ({ level, boundarySet: view.boundarySet, scenario: state.scenario }), [level, view.boundarySet, state.scenario]);
  // The section in the left panel shows the whole set's ratio, so its summary is always loaded (one small JSON);
  // every unit of the level (10,836 communes in a national register) only while the panel is open.
  const summary = useSharingSummary(true, query, lang, radioRevision);
  const sharing = useSharing(panelOpen, query, lang, radioRevision);
  const conflicts = useSiteConflicts(panelOpen && view.tab === 'inference', lang, radioRevision);
  const consolidationShown = state.layers.includes('consolidation');
  const consolidation = useConsolidation((panelOpen && view.tab === 'consolidation') || consolidationShown, state.scenario, lang, radioRevision);

  useEffect(() => {
    map?.setConsolidationGroup(view.group);
  }, [map, view.group]);

  const setView = useCallback((next: SharingView) => update((prev) => ({ ...prev, sharing: next })), [update]);
  const setScenario = useCallback((scenario: Scenario) => update((prev) => ({ ...prev, scenario })), [update]);
  const openPanel = useCallback(
    (open: boolean) => update((prev) => ({ ...prev, panel: open ? ('sharing' satisfies CoveragePanel) : prev.panel === 'sharing' ? null : prev.panel })),
    [update],
  );

  const onUnitClick = useCallback(
    (code: string, unitLevel: UnitLevel) => {
      const layer: SelectableLayer | null = unitLevel === 'commune' ? 'communes' : unitLevel === 'district' ? 'districts' : null;
      if (!layer) return;
      update((prev) => ({ ...prev, selection: { layer, code } }));
      // The map draws the units from tiles: the unit's own polygon is asked for, to fit the view to it.
      fetchLayer(layer, { unit: code, ...(setCode ? { boundarySet: setCode } : {}) }, lang)
        .then((units) => {
          const feature = units.features.find((f) => f.properties.code === code);
          const bbox = feature ? coordinatesBbox(feature.geometry.coordinates) : null;
          if (bbox) fitBbox(bbox, 14);
        })
        .catch(() => undefined);
    },
    [update, fitBbox, setCode, lang],
  );
  const onConflictClick = useCallback(
    (conflict: SiteConflict) => {
      update((prev) => ({ ...prev, layers: withLayer(withLayer(prev.layers, 'sites'), 'bts') }));
      flyTo(conflict.lon, conflict.lat, 17);
    },
    [update, flyTo],
  );
  const onGroupClick = useCallback(
    (group: ConsolidationGroup) => {
      update((prev) => ({ ...prev, layers: withLayer(prev.layers, 'consolidation'), sharing: { ...prev.sharing, group: group.id } }));
      const feature = loads.consolidation?.data?.features.find((f) => f.properties.groupNo === group.id);
      const bbox = feature ? coordinatesBbox(feature.geometry.coordinates) : null;
      if (bbox) fitBbox(bbox, 17);
      else flyTo(group.lon, group.lat, 17);
    },
    [update, loads, fitBbox, flyTo],
  );

  const selectedUnit = state.selection && (state.selection.layer === 'communes' || state.selection.layer === 'districts') ? state.selection.code : null;
  return {
    sharing: summary,
    scenarioSwitch: <ScenarioSwitch value={state.scenario} onChange={setScenario} />,
    section: <SharingSection load={summary} open={panelOpen} onOpen={openPanel} />,
    legend: <SharedSiteLegend epsM={summary.data?.siteInferenceEpsM ?? null} distanceM={consolidation.data?.distanceM ?? null} />,
    panel: panelOpen ? (
      <SharingPanel
        meta={meta}
        scenario={state.scenario}
        view={view}
        level={level}
        sharing={sharing}
        conflicts={conflicts}
        consolidation={consolidation}
        selectedUnit={selectedUnit}
        onViewChange={setView}
        onScenarioChange={setScenario}
        onUnitClick={onUnitClick}
        onConflictClick={onConflictClick}
        onGroupClick={onGroupClick}
      />
    ) : null,
  };
}
