import type { LifecycleStatus, Scenario, Technology, TechnologyGroup, UnitLevel, Verdict } from '../domain/contract-types.js';
import {
  anyOperator,
  isOneOf,
  mapToggleValues,
  scenarioValues,
  selectableLayerValues,
  statusValues,
  technologyGroupValues,
  technologyValues,
  unitLevelValues,
  verdictValues,
  type MapToggle,
  type SelectableLayer,
} from '../domain/enum-values.js';
import { languages, type Lang } from '../i18n/i18n-context.js';

/** What the user looks at: everything needed to reproduce the screen from a link. */
export interface MapCamera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface LayerFilterState {
  operators: string[];
  technologies: Technology[];
  statuses: LifecycleStatus[];
  /** Administrative unit code (district or commune) the data layers are limited to. */
  unit: string | null;
  /** Boundary set code; null means the server's default. */
  boundarySet: string | null;
}

export interface Selection {
  layer: SelectableLayer;
  code: string;
}

/** Whose coverage the coverage layer, the hamlet verdicts, the table and the what-if tool show. */
export interface CoverageChoice {
  /** An operator code, or '*' for any operator. */
  operator: string;
  group: TechnologyGroup;
}

/** The panels that open over the map's lower part. */
export const coveragePanelValues = ['hamlet-table', 'model', 'sharing'] as const;
export type CoveragePanel = (typeof coveragePanelValues)[number];

/** Pages that open over the whole map: account management (admins), the change log (planners, admins), the plan's indicators (everyone who reads the map); 'report' is the printable report, shown instead of the map. */
export const workspaceScreenValues = ['users', 'audit', 'indicators', 'report'] as const;
export type WorkspaceScreen = (typeof workspaceScreenValues)[number];

/** The proposal tools floating over the map: co-location search, the proposals list and review, the site planner. */
export const proposalToolValues = ['colocation', 'proposals', 'site-planner'] as const;
export type ProposalTool = (typeof proposalToolValues)[number];

/** The data tools floating over the map: import (Nhập dữ liệu) and export (Xuất dữ liệu). */
export const dataToolValues = ['import', 'export'] as const;
export type DataTool = (typeof dataToolValues)[number];

/** The parts of the import panel: a file to import, the history of imports. */
export const importTabValues = ['file', 'history'] as const;
export type ImportTab = (typeof importTabValues)[number];

/** The parts of the sharing panel (Dùng chung hạ tầng). */
export const sharingTabValues = ['units', 'operators', 'inference', 'consolidation'] as const;
export type SharingTab = (typeof sharingTabValues)[number];

/** Columns the sharing table and chart sort by. */
export const sharingSortValues = ['name', 'siteRatio', 'tenancyRatio', 'stationShare', 'sites'] as const;
export type SharingSortKey = (typeof sharingSortValues)[number];

/** What the sharing panel shows: its own boundary set and level (not the layer filters'), order, part, and the highlighted consolidation group. */
export interface SharingView {
  /** null: the server's default set. */
  boundarySet: string | null;
  /** null: the finest level the set has. */
  level: UnitLevel | null;
  tab: SharingTab;
  sort: SharingSortKey;
  descending: boolean;
  /** Id of the consolidation group highlighted on the map. */
  group: number | null;
}

export const defaultSharingView: SharingView = { boundarySet: null, level: null, tab: 'units', sort: 'siteRatio', descending: true, group: null };

/** What the printable report (screen 'report') is about; its scenario is the view's. */
export interface ReportView {
  /** null: the server's default set. */
  boundarySet: string | null;
  /** Unit code; null: the set's province. */
  unit: string | null;
  /** Reporting period code (2023, 2024-Q2, 2025-H1, 2025-07); null: each reported indicator's latest. */
  period: string | null;
}

export const defaultReportView: ReportView = { boundarySet: null, unit: null, period: null };

/** Verdicts the indicator dashboard's hamlet list is limited to (from a card's lõm sóng / trắng sóng counts). */
export const indicatorHamletVerdictValues = ['covered', 'lom_song', 'trang_song'] as const;

/**
 * What the indicator dashboard (Chỉ tiêu quy hoạch) shows: its own boundary set,
 * the unit drilled into, the reporting period, the indicator of the chart and
 * map, the table's order, and whether the unit's hamlet list is open.
 */
export interface IndicatorsView {
  /** null: the server's default set. */
  boundarySet: string | null;
  /** The unit drilled into; null: the province. */
  unit: string | null;
  /** Reporting period code; null: the latest period with values. */
  period: string | null;
  /** The indicator of the bar chart and the choropleth; null: the first. */
  indicator: string | null;
  /** null: the level below the unit. */
  level: UnitLevel | null;
  /** 'name' or an indicator code. */
  sort: string;
  descending: boolean;
  /** The unit's hamlet list is open (always, for a unit with no level below). */
  hamlets: boolean;
  /** Verdicts the hamlet list shows; empty: all. */
  verdicts: Verdict[];
}

export const defaultIndicatorsView: IndicatorsView = {
  boundarySet: null,
  unit: null,
  period: null,
  indicator: null,
  level: null,
  sort: 'name',
  descending: false,
  hamlets: false,
  verdicts: [],
};

export interface ViewState {
  lang: Lang;
  /** Which network the layers, hamlet coverage, sharing and indicators describe: on air (current) or on air + approved (planned). */
  scenario: Scenario;
  camera: MapCamera | null;
  layers: MapToggle[];
  filters: LayerFilterState;
  coverage: CoverageChoice;
  /** The open lower panel (hamlet coverage table or model), if any. */
  panel: CoveragePanel | null;
  /** Verdicts the hamlet table lists; empty means all. */
  tableVerdicts: Verdict[];
  /** The what-if tool is open (its hypothetical BTS are not part of the link: nothing is saved). */
  whatIf: boolean;
  selection: Selection | null;
  /** The page open over the map, if any. */
  screen: WorkspaceScreen | null;
  sharing: SharingView;
  indicators: IndicatorsView;
  /** The open proposal tool, if any (its search answers are not part of the link). */
  tool: ProposalTool | null;
  /** The proposal open in the proposals tool (its code). */
  proposal: string | null;
  /** The open data tool, if any (an import's file and report are not part of the link). */
  dataTool: DataTool | null;
  importTab: ImportTab;
  report: ReportView;
}

export const defaultVisibleLayers: readonly MapToggle[] = ['districts', 'communes', 'fiber', 'shared-sites', 'sites'];

export const defaultCoverage: CoverageChoice = { operator: anyOperator, group: 'broadband' };

export const emptyFilters: LayerFilterState = { operators: [], technologies: [], statuses: [], unit: null, boundarySet: null };

export function defaultViewState(lang: Lang = 'vi'): ViewState {
  return {
    lang,
    scenario: 'current',
    camera: null,
    layers: [...defaultVisibleLayers],
    filters: { ...emptyFilters },
    coverage: { ...defaultCoverage },
    panel: null,
    tableVerdicts: [],
    whatIf: false,
    selection: null,
    screen: null,
    sharing: { ...defaultSharingView },
    indicators: { ...defaultIndicatorsView, verdicts: [] },
    tool: null,
    proposal: null,
    dataTool: null,
    importTab: 'file',
    report: { ...defaultReportView },
  };
}

// Codes (operators, units, features) are short identifiers; anything else in the
// URL is dropped rather than sent on to the API. A slash joins a hamlet code and
// a part number in the code of an uncovered part (gaps).
const codePattern = /^[\p{L}\p{N}_.:/-]{1,64}$/u;

function list(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((v) => v.trim()).filter((v) => v.length > 0))];
}

function parseCamera(value: string | null): MapCamera | null {
  if (!value) return null;
  const parts = value.split('/').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts as [number, number, number];
  if (zoom < 0 || zoom > 22 || lat < -85 || lat > 85 || lon < -180 || lon > 180) return null;
  return { lon, lat, zoom };
}

function parseSelection(value: string | null): Selection | null {
  if (!value) return null;
  const at = value.indexOf(':');
  if (at <= 0) return null;
  const layer = value.slice(0, at);
  const code = value.slice(at + 1);
  if (!isOneOf(selectableLayerValues, layer) || !codePattern.test(code)) return null;
  return { layer, code };
}

function parseSharing(params: URLSearchParams): SharingView {
  const boundarySet = params.get('shbs');
  const level = params.get('shlevel') ?? '';
  const tab = params.get('shtab') ?? '';
  const sort = params.get('shsort') ?? '';
  const group = params.get('group');
  return {
    boundarySet: boundarySet && codePattern.test(boundarySet) ? boundarySet : null,
    level: isOneOf(unitLevelValues, level) ? level : null,
    tab: isOneOf(sharingTabValues, tab) ? tab : defaultSharingView.tab,
    sort: isOneOf(sharingSortValues, sort) ? sort : defaultSharingView.sort,
    // Descending is the default (best units first); "asc" in the link turns it round.
    descending: params.get('shdir') !== 'asc',
    group: group !== null && /^\d{1,9}$/.test(group) ? Number(group) : null,
  };
}

// Indicator codes are lower-case words joined by hyphens.
const indicatorCodePattern = /^[a-z0-9-]{1,64}$/;

function parseIndicators(params: URLSearchParams): IndicatorsView {
  const boundarySet = params.get('ibs');
  const unit = params.get('iunit');
  const period = params.get('iperiod');
  const indicator = params.get('ind');
  const level = params.get('ilevel') ?? '';
  const sort = params.get('isort');
  return {
    boundarySet: boundarySet && codePattern.test(boundarySet) ? boundarySet : null,
    unit: unit && codePattern.test(unit) ? unit : null,
    // A reporting period code, as the report's (year, half, quarter, month).
    period: period && reportPeriodPattern.test(period) ? period : null,
    indicator: indicator && indicatorCodePattern.test(indicator) ? indicator : null,
    level: isOneOf(unitLevelValues, level) ? level : null,
    sort: sort && (sort === 'name' || indicatorCodePattern.test(sort)) ? sort : defaultIndicatorsView.sort,
    descending: params.get('idir') === 'desc',
    hamlets: params.get('ihamlets') === '1',
    verdicts: list(params.get('iverdict')).filter((v): v is Verdict => isOneOf(indicatorHamletVerdictValues, v)),
  };
}

const reportPeriodPattern = /^(19|20)\d{2}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$/;

function parseReport(params: URLSearchParams): ReportView {
  const boundarySet = params.get('rbs');
  const unit = params.get('runit');
  const period = params.get('rperiod');
  return {
    boundarySet: boundarySet && codePattern.test(boundarySet) ? boundarySet : null,
    unit: unit && codePattern.test(unit) ? unit : null,
    period: period && reportPeriodPattern.test(period) ? period : null,
  };
}

/** Reads the view from a location hash such as `#lang=vi&map=10.5/10.35/106.23&layers=sites,fiber`. */
export function parseViewState(hash: string, fallbackLang: Lang = 'vi'): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const langParam = params.get('lang') ?? '';
  const layersParam = params.get('layers');
  const unit = params.get('unit');
  const boundarySet = params.get('bs');
  const coverageOperator = params.get('covop');
  const coverageGroup = params.get('covtech') ?? '';
  const panel = params.get('panel') ?? '';
  const screen = params.get('screen') ?? '';
  const tool = params.get('tool') ?? '';
  const proposal = params.get('proposal');
  const scenario = params.get('scenario') ?? '';
  const dataTool = params.get('data') ?? '';
  const importTab = params.get('imptab') ?? '';
  return {
    lang: isOneOf(languages, langParam) ? langParam : fallbackLang,
    scenario: isOneOf(scenarioValues, scenario) ? scenario : 'current',
    camera: parseCamera(params.get('map')),
    layers: layersParam === null ? [...defaultVisibleLayers] : list(layersParam).filter((l): l is MapToggle => isOneOf(mapToggleValues, l)),
    filters: {
      operators: list(params.get('operator')).filter((c) => codePattern.test(c)),
      technologies: list(params.get('technology')).filter((t): t is Technology => isOneOf(technologyValues, t)),
      statuses: list(params.get('status')).filter((s): s is LifecycleStatus => isOneOf(statusValues, s)),
      unit: unit && codePattern.test(unit) ? unit : null,
      boundarySet: boundarySet && codePattern.test(boundarySet) ? boundarySet : null,
    },
    coverage: {
      operator: coverageOperator === anyOperator || (coverageOperator && codePattern.test(coverageOperator)) ? coverageOperator : defaultCoverage.operator,
      group: isOneOf(technologyGroupValues, coverageGroup) ? coverageGroup : defaultCoverage.group,
    },
    panel: isOneOf(coveragePanelValues, panel) ? panel : null,
    tableVerdicts: list(params.get('verdict')).filter((v): v is Verdict => isOneOf(verdictValues, v)),
    whatIf: params.get('whatif') === '1',
    selection: parseSelection(params.get('sel')),
    screen: isOneOf(workspaceScreenValues, screen) ? screen : null,
    sharing: parseSharing(params),
    indicators: parseIndicators(params),
    tool: isOneOf(proposalToolValues, tool) ? tool : null,
    proposal: proposal && codePattern.test(proposal) ? proposal : null,
    dataTool: isOneOf(dataToolValues, dataTool) ? dataTool : null,
    importTab: isOneOf(importTabValues, importTab) ? importTab : 'file',
    report: parseReport(params),
  };
}

// Commas, colons and slashes stay readable in the hash; everything else is escaped.
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}

/** The hash (without '#') for a view; parseViewState(serializeViewState(v)) gives v back. */
export function serializeViewState(state: ViewState): string {
  const pairs: [string, string][] = [['lang', state.lang]];
  if (state.scenario !== 'current') pairs.push(['scenario', state.scenario]);
  if (state.camera) {
    const { zoom, lat, lon } = state.camera;
    pairs.push(['map', `${zoom.toFixed(2)}/${lat.toFixed(5)}/${lon.toFixed(5)}`]);
  }
  pairs.push(['layers', state.layers.join(',')]);
  const { operators, technologies, statuses, unit, boundarySet } = state.filters;
  if (operators.length > 0) pairs.push(['operator', operators.join(',')]);
  if (technologies.length > 0) pairs.push(['technology', technologies.join(',')]);
  if (statuses.length > 0) pairs.push(['status', statuses.join(',')]);
  if (unit) pairs.push(['unit', unit]);
  if (boundarySet) pairs.push(['bs', boundarySet]);
  if (state.coverage.operator !== defaultCoverage.operator) pairs.push(['covop', state.coverage.operator]);
  if (state.coverage.group !== defaultCoverage.group) pairs.push(['covtech', state.coverage.group]);
  if (state.panel) pairs.push(['panel', state.panel]);
  if (state.tableVerdicts.length > 0) pairs.push(['verdict', state.tableVerdicts.join(',')]);
  if (state.whatIf) pairs.push(['whatif', '1']);
  if (state.selection) pairs.push(['sel', `${state.selection.layer}:${state.selection.code}`]);
  if (state.screen) pairs.push(['screen', state.screen]);
  const sharing = state.sharing;
  if (sharing.boundarySet) pairs.push(['shbs', sharing.boundarySet]);
  if (sharing.level) pairs.push(['shlevel', sharing.level]);
  if (sharing.tab !== defaultSharingView.tab) pairs.push(['shtab', sharing.tab]);
  if (sharing.sort !== defaultSharingView.sort) pairs.push(['shsort', sharing.sort]);
  if (!sharing.descending) pairs.push(['shdir', 'asc']);
  if (sharing.group !== null) pairs.push(['group', String(sharing.group)]);
  const ind = state.indicators;
  if (ind.boundarySet) pairs.push(['ibs', ind.boundarySet]);
  if (ind.unit) pairs.push(['iunit', ind.unit]);
  if (ind.period) pairs.push(['iperiod', ind.period]);
  if (ind.indicator) pairs.push(['ind', ind.indicator]);
  if (ind.level) pairs.push(['ilevel', ind.level]);
  if (ind.sort !== defaultIndicatorsView.sort) pairs.push(['isort', ind.sort]);
  if (ind.descending) pairs.push(['idir', 'desc']);
  if (ind.hamlets) pairs.push(['ihamlets', '1']);
  if (ind.verdicts.length > 0) pairs.push(['iverdict', ind.verdicts.join(',')]);
  if (state.tool) pairs.push(['tool', state.tool]);
  if (state.proposal) pairs.push(['proposal', state.proposal]);
  if (state.dataTool) pairs.push(['data', state.dataTool]);
  if (state.importTab !== 'file') pairs.push(['imptab', state.importTab]);
  if (state.report.boundarySet) pairs.push(['rbs', state.report.boundarySet]);
  if (state.report.unit) pairs.push(['runit', state.report.unit]);
  if (state.report.period) pairs.push(['rperiod', state.report.period]);
  return pairs.map(([key, value]) => `${key}=${encodeValue(value)}`).join('&');
}

export function sameCamera(a: MapCamera | null, b: MapCamera | null): boolean {
  if (!a || !b) return a === b;
  return Math.abs(a.zoom - b.zoom) < 0.01 && Math.abs(a.lat - b.lat) < 1e-5 && Math.abs(a.lon - b.lon) < 1e-5;
}
