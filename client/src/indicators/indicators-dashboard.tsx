import { useCallback, useMemo, useState } from 'react';
import { anyOperator } from '../domain/enum-values.js';
import { describeError } from '../api/api-client.js';
import { useSession } from '../auth/use-session.js';
import type { Indicator, IndicatorScope, IndicatorUnitRef, Scenario, UnitLevel, Verdict } from '../domain/contract-types.js';
import { allProvincesLevel, unitLevelValues } from '../domain/enum-values.js';
import { useI18n } from '../i18n/i18n-context.js';
import { WorkspacePage } from '../app/workspace-page.js';
import { ScenarioSwitch } from '../sharing/scenario-switch.js';
import { useElementWidth } from '../sharing/use-element-width.js';
import { serializeViewState, type IndicatorsView, type ViewState } from '../url/view-state.js';
import { indicatorExportUrl, postSnapshot, type IndicatorUnitsQuery } from './indicator-api.js';
import { IndicatorBarChart, type IndicatorBar } from './indicator-bar-chart.js';
import { IndicatorCard } from './indicator-card.js';
import { IndicatorChoropleth } from './indicator-choropleth.js';
import { indicatorFractionText } from './indicator-formats.js';
import { IndicatorHamletList } from './indicator-hamlet-list.js';
import { IndicatorReportedForm, IndicatorTargetForm } from './indicator-planner-forms.js';
import { IndicatorUnitTable, nextIndicatorSort, sortIndicatorRows } from './indicator-unit-table.js';
import { useBoundarySets, useIndicatorRegistry, useIndicators, useIndicatorUnits, useUnitHamlets, useUnitShapes } from './use-indicator-data.js';
import { useAdminUnitList, type AdminUnitListItem } from '../layers/use-admin-unit-list.js';
import { useDistrictOfCommune } from '../layers/use-map-unit-lists.js';
import '../styles/indicators.css';

interface IndicatorsDashboardProps {
  state: ViewState;
  update: (fn: (prev: ViewState) => ViewState) => void;
  onClose: () => void;
  /** A hamlet of the list: back to the map with the hamlet selected. */
  onHamletClick: (code: string) => void;
}

/** 'all': the root of a set with several provinces, all of them as one (the server sums their counts). */
type ScopeLevel = UnitLevel | typeof allProvincesLevel;
const levelDepth: Record<ScopeLevel, number> = { all: -1, province: 0, district: 1, commune: 2 };

type Crumb = { code: string | null; name: string; level: ScopeLevel };

/**
 * Chỉ tiêu quy hoạch: the plan's indicators for a unit against their targets
 * (cards), every unit of the level below (table, bar chart, choropleth), and the
 * drill-down province → unit → its hamlets, for either boundary set. Planners
 * save snapshots, edit targets and enter reported figures here.
 */
export function IndicatorsDashboard({ state, update, onClose, onHamletClick }: IndicatorsDashboardProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const session = useSession();
  const planner = session.can('targets.edit');
  const view = state.indicators;
  const scenario = state.scenario;
  const [revision, setRevision] = useState(0);
  const setView = useCallback((patch: Partial<IndicatorsView>) => update((prev) => ({ ...prev, indicators: { ...prev.indicators, ...patch } })), [update]);
  const setScenario = useCallback((next: Scenario) => update((prev) => ({ ...prev, scenario: next })), [update]);

  const sets = useBoundarySets(lang);
  const registry = useIndicatorRegistry(lang, revision);
  const defaultSet = sets.data?.find((s) => s.isDefault) ?? sets.data?.[0] ?? null;
  const set = sets.data?.find((s) => s.code === view.boundarySet) ?? defaultSet;
  const setLevels = useMemo(() => unitLevelValues.filter((level) => set?.levels.includes(level)), [set]);
  const finest = setLevels[setLevels.length - 1] ?? 'commune';
  // A national register's set has many provinces: its root is all of them, not one.
  const provinceCount = set?.units.province ?? 1;
  const rootLevel: ScopeLevel = provinceCount > 1 ? allProvincesLevel : 'province';
  const rootName = provinceCount > 1 ? t('indicators.allProvinces', { n: provinceCount }) : null;

  const cards = useIndicators({ boundarySet: view.boundarySet, unit: view.unit, scenario, period: view.period }, lang, revision);

  // The units' names and parents (for the breadcrumbs and the unit's level): every district (a few
  // hundred nationally) and, for a commune, its own row, which names its district; never the list of
  // every commune (10,836 nationally, 1.9 MB). The choropleth loads the polygons of the one level it
  // shows, under the unit (below).
  const districtList = useAdminUnitList('district', view.boundarySet, lang, revision);
  const unitOfCards = cards.data?.unit.code === view.unit ? cards.data.unit : null;
  const communeParent = useDistrictOfCommune(unitOfCards?.level === 'commune' ? view.unit : null, view.boundarySet, lang, revision);
  const shapeByCode = useMemo(() => {
    const byCode = new Map<string, Pick<AdminUnitListItem, 'name' | 'level' | 'parentCode' | 'parentName'>>();
    for (const u of districtList.data?.units ?? []) byCode.set(u.code, u);
    if (unitOfCards?.level === 'commune' && communeParent !== null) {
      // Its parent is a district, or in a two-level set the province (named by the cards).
      const parentName = byCode.get(communeParent)?.name ?? unitOfCards.province;
      byCode.set(unitOfCards.code, { name: unitOfCards.name, level: 'commune', parentCode: communeParent, parentName });
    }
    return byCode;
  }, [districtList.data, unitOfCards, communeParent]);
  const unitLevel: ScopeLevel = view.unit === null ? rootLevel : (shapeByCode.get(view.unit)?.level ?? (cards.data?.unit.code === view.unit ? cards.data.unit.level : finest));
  // Levels the table can show: those of the set below the unit.
  const tableLevels = setLevels.filter((level) => levelDepth[level] > levelDepth[unitLevel]);
  const atFinest = tableLevels.length === 0;
  const tableLevel = view.level && tableLevels.includes(view.level) ? view.level : null;
  const unitsQuery: IndicatorUnitsQuery = { boundarySet: view.boundarySet, level: tableLevel, scenario, period: view.period, parent: view.unit };
  const units = useIndicatorUnits(!atFinest && sets.data !== null, unitsQuery, lang, revision);
  const showHamlets = atFinest || view.hamlets;
  const hamlets = useUnitHamlets(showHamlets, { operator: anyOperator, technology: 'broadband', unit: view.unit, boundarySet: view.boundarySet, scenario }, lang, revision);

  const unitsData = atFinest ? null : units.data;
  const definitions = unitsData?.indicators ?? cards.data?.indicators ?? [];
  const selectedCode = view.indicator && definitions.some((d) => d.code === view.indicator) ? view.indicator : (definitions[0]?.code ?? null);
  const selectedDefinition = definitions.find((d) => d.code === selectedCode) ?? null;
  const rows = useMemo(
    () => (unitsData ? sortIndicatorRows(unitsData.units, view.sort === 'name' || unitsData.indicators.some((d) => d.code === view.sort) ? view.sort : 'name', view.descending, lang) : []),
    [unitsData, view.sort, view.descending, lang],
  );
  const shownLevel = unitsData?.level ?? tableLevel ?? tableLevels[tableLevels.length - 1] ?? null;

  // The unit as the cards' answer names it (its name, level and set for the forms).
  const unitRef: IndicatorScope | null = cards.data?.unit ?? null;
  // Figures are reported per unit: all provinces together have none of their own.
  const reportedUnit: IndicatorUnitRef | null = unitRef && unitRef.level !== allProvincesLevel ? { ...unitRef, level: unitRef.level } : null;
  const crumbs: Crumb[] = useMemo(() => {
    const chain: Crumb[] = [];
    let code = view.unit;
    let provinceName = view.unit === null ? (cards.data?.unit.name ?? '') : '';
    // Up from the unit through its parents (districts and communes carry their parent's code and name).
    for (let guard = 0; code && guard < 4; guard++) {
      const shape = shapeByCode.get(code);
      if (!shape) {
        chain.unshift({ code, name: cards.data?.unit.code === code ? cards.data.unit.name : code, level: cards.data?.unit.level ?? 'commune' });
        break;
      }
      chain.unshift({ code, name: shape.name, level: shape.level });
      if (shape.parentCode && shapeByCode.has(shape.parentCode)) code = shape.parentCode;
      else {
        // The top of the chain has the province as parent: under all provinces it is a step of its own.
        if (rootName && shape.parentCode) chain.unshift({ code: shape.parentCode, name: shape.parentName ?? shape.parentCode, level: 'province' });
        provinceName = shape.parentName ?? provinceName;
        code = null;
      }
    }
    return [{ code: null, name: rootName ?? (provinceName || t('indicators.province')), level: rootLevel }, ...chain];
  }, [view.unit, shapeByCode, cards.data, t, rootName, rootLevel]);
  const unitName = crumbs[crumbs.length - 1]?.name ?? '';

  const drill = useCallback(
    (code: string) => setView({ unit: code, level: null, hamlets: false, verdicts: [] }),
    [setView],
  );
  const goTo = (code: string | null) => setView({ unit: code, level: null, hamlets: false, verdicts: [] });
  const openHamlets = (verdict: Verdict | null) => setView({ hamlets: true, verdicts: verdict ? [verdict] : [] });

  // Bar chart and choropleth: the selected indicator over the table's rows.
  const bars: IndicatorBar[] = useMemo(
    () =>
      selectedDefinition
        ? rows.map((row) => {
            const cell = row.values[selectedDefinition.code];
            return {
              code: row.code,
              name: row.name,
              value: cell?.value ?? null,
              target: cell?.target ?? null,
              fraction: cell ? indicatorFractionText(i18n, selectedDefinition.counts, cell.numerator, cell.denominator) : null,
            };
          })
        : [],
    [rows, selectedDefinition, i18n],
  );
  const mapValues = useMemo(() => new Map(bars.map((bar) => [bar.code, bar.value])), [bars]);
  const cardOfSelected = cards.data?.indicators.find((d) => d.code === selectedCode) ?? null;
  // The dashed line: the target for every unit (units with their own are coloured against theirs).
  const chartTarget = (() => {
    const targets = bars.map((b) => b.target).filter((v): v is number => v !== null);
    if (targets.length === 0) return cardOfSelected?.target ?? null;
    const counts = new Map<number, number>();
    for (const v of targets) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  })();
  const [chartBox, chartWidth] = useElementWidth(520);
  const shapeLayer = shownLevel === 'district' ? 'districts' : 'communes';
  const shapes = useUnitShapes(shownLevel === 'district' || shownLevel === 'commune', shapeLayer, view.boundarySet, view.unit, lang);
  const shapesForMap = shapes.data;

  // Planner tools.
  const [snapshotLabel, setSnapshotLabel] = useState('');
  const [snapshotState, setSnapshotState] = useState<{ busy: boolean; message: string | null; error: string | null }>({ busy: false, message: null, error: null });
  const saveSnapshot = () => {
    const label = snapshotLabel.trim();
    // The label names the trend's point: required, as the server requires it.
    if (!label) {
      setSnapshotState({ busy: false, message: null, error: t('indicators.snapshot.labelRequired') });
      return;
    }
    setSnapshotState({ busy: true, message: null, error: null });
    postSnapshot({ label, scenario }, lang)
      .then((snapshot) => {
        setSnapshotState({ busy: false, message: t('indicators.snapshot.saved', { label: snapshot.label ?? i18n.formatDateTime(snapshot.takenAt), count: snapshot.values }), error: null });
        setSnapshotLabel('');
        setRevision((n) => n + 1);
      })
      .catch((error: unknown) => setSnapshotState({ busy: false, message: null, error: describeError(error) }));
  };
  const [form, setForm] = useState<{ kind: 'target' | 'reported'; indicator: Indicator } | null>(null);
  const onFormSaved = () => {
    setForm(null);
    setRevision((n) => n + 1);
  };

  const reportHref = `#${serializeViewState({ ...state, screen: 'report', report: { boundarySet: view.boundarySet, unit: view.unit, period: view.period } })}`;
  const periods = registry.data?.periods ?? [];
  const error = cards.status === 'error' ? cards.error : units.status === 'error' ? units.error : sets.status === 'error' ? sets.error : null;

  return (
    <WorkspacePage
      title={t('indicators.title')}
      intro={t('indicators.intro')}
      onClose={onClose}
      testId="indicators-dashboard"
      actions={
        <>
          {!atFinest ? (
            <>
              <a className="button button--small" href={indicatorExportUrl('csv', unitsQuery, lang)} download data-testid="indicators-export-csv" title={t('indicators.export.hint')}>
                {t('indicators.export.csv')}
              </a>
              <a className="button button--small" href={indicatorExportUrl('xlsx', unitsQuery, lang)} download data-testid="indicators-export-xlsx" title={t('indicators.export.hint')}>
                {t('indicators.export.xlsx')}
              </a>
            </>
          ) : null}
          <a className="button button--small button--primary" href={reportHref} data-testid="indicators-open-report" title={t('indicators.report.hint')}>
            {t('indicators.report.open')}
          </a>
        </>
      }
    >
      <div className="indicators" aria-busy={cards.status === 'loading' || units.status === 'loading'}>
        <div className="indicators__top">
        <div className="indicators__controls">
          <label className="field field--inline">
            <span className="field__label">{t('indicators.boundarySet')}</span>
            <select
              value={set?.code ?? ''}
              onChange={(event) => setView({ boundarySet: event.target.value === defaultSet?.code ? null : event.target.value, unit: null, level: null, hamlets: false, verdicts: [] })}
              data-testid="indicators-boundary-set"
            >
              {(sets.data ?? []).map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--inline">
            <span className="field__label">{t('indicators.period')}</span>
            <select value={view.period ?? ''} onChange={(event) => setView({ period: event.target.value || null })} data-testid="indicators-period" title={t('indicators.periodHint')}>
              <option value="">{t('indicators.periodLatest')}</option>
              {periods.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.label[lang]}
                </option>
              ))}
            </select>
          </label>
          {!atFinest && tableLevels.length > 0 ? (
            <label className="field field--inline">
              <span className="field__label">{t('indicators.level')}</span>
              <select value={shownLevel ?? ''} onChange={(event) => setView({ level: event.target.value as UnitLevel })} data-testid="indicators-level">
                {tableLevels.map((level) => (
                  <option key={level} value={level}>
                    {t(`sharing.level.${level}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <ScenarioSwitch value={scenario} onChange={setScenario} compact />
          {(cards.status === 'loading' && cards.data) || (units.status === 'loading' && units.data) ? <span className="indicators__loading">{t('indicators.loading')}</span> : null}
        </div>

        <nav className="indicators__crumbs" aria-label={t('indicators.crumbs')} data-testid="indicators-crumbs">
          <ol>
            {crumbs.map((crumb, i) => {
              const last = i === crumbs.length - 1 && !view.hamlets;
              return (
                <li key={crumb.code ?? 'province'}>
                  {last ? (
                    <span aria-current="page" data-testid={`indicators-crumb-${crumb.code ?? 'province'}`}>
                      {crumb.name}
                    </span>
                  ) : (
                    <button type="button" className="link-button" onClick={() => goTo(crumb.code)} data-testid={`indicators-crumb-${crumb.code ?? 'province'}`}>
                      {crumb.name}
                    </button>
                  )}
                </li>
              );
            })}
            {view.hamlets && !atFinest ? (
              <li>
                <span aria-current="page">{t('indicators.crumbHamlets')}</span>
              </li>
            ) : null}
          </ol>
          {!showHamlets ? (
            <button type="button" className="button button--small" onClick={() => openHamlets(null)} data-testid="indicators-open-hamlets">
              {t('indicators.openHamlets', { unit: unitName })}
            </button>
          ) : null}
        </nav>
        {unitLevel === allProvincesLevel ? (
          <p className="legend__note" data-testid="indicators-all-provinces-def">
            {t('indicators.allProvincesDef')}
          </p>
        ) : null}
        </div>

        {error ? (
          <p className="form-message form-message--error" role="alert">
            {t('indicators.failed', { detail: error })}
          </p>
        ) : null}

        {planner ? (
          <div className="indicators__planner" data-testid="indicators-planner">
            <label className="field field--inline">
              <span className="field__label">{t('indicators.snapshot.label')}</span>
              <input className="text-input" value={snapshotLabel} maxLength={200} onChange={(e) => setSnapshotLabel(e.target.value)} placeholder={t('indicators.snapshot.placeholder')} data-testid="indicators-snapshot-label" />
            </label>
            <button type="button" className="button button--small button--primary" onClick={saveSnapshot} disabled={snapshotState.busy} title={t('indicators.snapshot.hint')} data-testid="indicators-snapshot-save">
              {snapshotState.busy ? t('indicators.snapshot.saving') : t('indicators.snapshot.save')}
            </button>
            {snapshotState.message ? (
              <span className="form-message" role="status" data-testid="indicators-snapshot-message">
                {snapshotState.message}
              </span>
            ) : null}
            {snapshotState.error ? (
              <span className="form-message form-message--error" role="alert">
                {snapshotState.error}
              </span>
            ) : null}
          </div>
        ) : null}

        <section className="indicators__cards" aria-label={t('indicators.cards', { unit: unitName })} data-testid="indicator-cards" data-unit={cards.data?.unit.code ?? ''}>
          {!cards.data && cards.status !== 'error' ? <p className="workspace__message">{t('indicators.loading')}</p> : null}
          {(cards.data?.indicators ?? []).map((indicator) => (
            <IndicatorCard
              key={indicator.code}
              indicator={indicator}
              selected={indicator.code === selectedCode}
              onSelect={() => setView({ indicator: indicator.code })}
              onBreakdown={(verdict) => openHamlets(verdict)}
              onEditTarget={planner && unitRef ? () => setForm({ kind: 'target', indicator }) : undefined}
              onEnterReported={planner && reportedUnit ? () => setForm({ kind: 'reported', indicator }) : undefined}
            />
          ))}
        </section>
        {cards.data ? (
          <p className="indicators__settings">
            {t('indicators.settings', {
              theta: i18n.formatNumber(cards.data.settings.coverageTheta * 100),
              reach: i18n.formatNumber(cards.data.settings.fiberReachM),
              eps: i18n.formatNumber(cards.data.settings.siteInferenceEpsM),
            })}
          </p>
        ) : null}

        {showHamlets ? (
          <IndicatorHamletList unitName={unitName} load={hamlets} verdicts={view.verdicts} onVerdictsChange={(verdicts) => setView({ verdicts })} onHamletClick={onHamletClick} />
        ) : null}

        {!atFinest && unitsData && selectedDefinition ? (
          <>
            <section className="indicators__analysis" aria-label={t('indicators.analysis')}>
              <header className="indicators__analysis-head">
                <h3 className="indicator-section__title">{t('indicators.analysisTitle', { level: t(`sharing.level.${unitsData.level}`), indicator: selectedDefinition.name[lang] })}</h3>
                <label className="field field--inline">
                  <span className="field__label">{t('indicators.indicator')}</span>
                  <select value={selectedCode ?? ''} onChange={(event) => setView({ indicator: event.target.value })} data-testid="indicators-indicator">
                    {definitions.map((d) => (
                      <option key={d.code} value={d.code}>
                        {d.name[lang]}
                      </option>
                    ))}
                  </select>
                </label>
              </header>
              <p className="indicators__definition">{selectedDefinition.definition[lang]}</p>
              <div className="indicators__analysis-body">
                <div className="indicators__chart" ref={chartBox}>
                  <IndicatorBarChart bars={bars} indicator={selectedDefinition} target={chartTarget} width={chartWidth} selectedCode={view.unit} onUnitClick={drill} testId="indicator-chart" />
                </div>
                <div className="indicators__map">
                  <IndicatorChoropleth
                    units={shapesForMap}
                    values={mapValues}
                    indicator={selectedDefinition}
                    legendTitle={`${selectedDefinition.name[lang]} (${selectedDefinition.unitLabel[lang]})`}
                    onUnitClick={drill}
                    testId="indicator-choropleth"
                    height={380}
                  />
                </div>
              </div>
            </section>
            <section className="indicators__table" aria-label={t('indicators.tableTitle')}>
              <h3 className="indicator-section__title">
                {t('indicators.tableHeading', { level: t(`sharing.level.${unitsData.level}`), count: unitsData.units.length, parent: unitsData.parent?.name ?? unitName })}
              </h3>
              <p className="indicators__note">{t('indicators.tableNote')}</p>
              <IndicatorUnitTable
                indicators={unitsData.indicators}
                rows={rows}
                sort={view.sort}
                descending={view.descending}
                onSort={(column) => setView(nextIndicatorSort({ sort: view.sort, descending: view.descending }, column))}
                selectedIndicator={selectedCode}
                onRowClick={drill}
                hiddenParentCodes={[unitsData.parent?.code, view.unit === null ? cards.data?.unit.code : undefined].filter((c): c is string => Boolean(c))}
              />
            </section>
          </>
        ) : null}
      </div>
      {form && unitRef && form.kind === 'target' ? <IndicatorTargetForm indicator={form.indicator} unit={unitRef} registry={registry.data} onClose={() => setForm(null)} onSaved={onFormSaved} /> : null}
      {form && reportedUnit && form.kind === 'reported' ? (
        <IndicatorReportedForm
          indicator={form.indicator}
          unit={reportedUnit}
          registry={registry.data}
          period={view.period ?? form.indicator.reported?.period ?? String(new Date().getFullYear())}
          onClose={() => setForm(null)}
          onSaved={onFormSaved}
        />
      ) : null}
    </WorkspacePage>
  );
}
