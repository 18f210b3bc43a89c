import { useMemo } from 'react';
import { percent } from '../coverage/coverage-formats.js';
import type { ConsolidationGroup, ConsolidationResponse, Meta, Scenario, SharingResponse, SiteConflict, SiteConflictsResponse, UnitLevel } from '../domain/contract-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { BoundarySetOptions } from '../layers/boundary-set-options.js';
import { sharingTabValues, type SharingView } from '../url/view-state.js';
import { ConsolidationTable } from './consolidation-table.js';
import { InferenceSummary } from './inference-summary.js';
import { OperatorSharingBlock } from './operator-sharing-block.js';
import { ScenarioSwitch } from './scenario-switch.js';
import { SharingBarChart } from './sharing-bar-chart.js';
import { fractionText } from './sharing-formats.js';
import { levelsOfSet, nextSort, sortSharingUnits } from './sharing-table-order.js';
import { SharingUnitTable } from './sharing-unit-table.js';
import { useElementWidth } from './use-element-width.js';
import type { CachedAnswerLoad } from '../api/use-cached-answer.js';

interface SharingPanelProps {
  meta: Meta;
  scenario: Scenario;
  view: SharingView;
  /** The level actually asked for (the view's, or the finest the set has). */
  level: UnitLevel | null;
  sharing: CachedAnswerLoad<SharingResponse>;
  conflicts: CachedAnswerLoad<SiteConflictsResponse>;
  consolidation: CachedAnswerLoad<ConsolidationResponse>;
  selectedUnit: string | null;
  onViewChange: (view: SharingView) => void;
  onScenarioChange: (scenario: Scenario) => void;
  onUnitClick: (code: string, level: UnitLevel) => void;
  onConflictClick: (conflict: SiteConflict) => void;
  onGroupClick: (group: ConsolidationGroup) => void;
}

/** Dùng chung hạ tầng: sharing ratios per unit against the plan's target, per operator, how sites were inferred, consolidation candidates. */
export function SharingPanel(props: SharingPanelProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const { meta, view, sharing } = props;
  const data = sharing.data;
  const defaultSet = meta.boundarySets.find((b) => b.isDefault) ?? meta.boundarySets[0];
  const setCode = view.boundarySet ?? defaultSet?.code ?? null;
  const levels = levelsOfSet(meta.boundarySets.find((b) => b.code === setCode)?.levels ?? []);
  const sorted = useMemo(
    () => (data ? sortSharingUnits(data.units, view.sort, view.descending, i18n.lang === 'vi' ? 'vi' : 'en') : []),
    [data, view.sort, view.descending, i18n.lang],
  );
  const [chartBox, chartWidth] = useElementWidth(360);
  const change = (patch: Partial<SharingView>) => props.onViewChange({ ...view, ...patch });
  const conflictCount = data?.inference.conflicts ?? props.conflicts.data?.conflicts.length ?? null;
  const groupCount = props.consolidation.data?.groups.length ?? null;
  const tabLabel = (tab: (typeof sharingTabValues)[number]) => {
    const label = t(`sharing.tab.${tab}`);
    if (tab === 'inference' && conflictCount !== null) return `${label} (${i18n.formatNumber(conflictCount)})`;
    if (tab === 'consolidation' && groupCount !== null) return `${label} (${i18n.formatNumber(groupCount)})`;
    return label;
  };
  const stale = sharing.status === 'loading' && data !== null;

  return (
    <div className="sharing-panel" data-testid="sharing-panel" aria-busy={sharing.status === 'loading'}>
      <div className="sharing-panel__toolbar">
        <label className="field field--inline">
          <span className="field__label">{t('filter.boundarySet')}</span>
          <select
            value={setCode ?? ''}
            onChange={(event) => change({ boundarySet: event.target.value === defaultSet?.code ? null : event.target.value, level: null })}
            data-testid="sharing-boundary-set"
          >
            <BoundarySetOptions boundarySets={meta.boundarySets} />
          </select>
        </label>
        <label className="field field--inline">
          <span className="field__label">{t('sharing.level')}</span>
          <select value={props.level ?? ''} onChange={(event) => change({ level: event.target.value as UnitLevel })} data-testid="sharing-level">
            {levels.map((level) => (
              <option key={level} value={level}>
                {t(`sharing.level.${level}`)}
              </option>
            ))}
          </select>
        </label>
        <ScenarioSwitch value={props.scenario} onChange={props.onScenarioChange} compact />
        {data ? (
          <p className="sharing-panel__headline" data-testid="sharing-headline">
            {t('sharing.headline', {
              unit: data.province.name,
              ratio: percent(i18n, data.province.siteRatio.value),
              fraction: fractionText(i18n, data.province.siteRatio),
              target: percent(i18n, data.target, 0),
            })}
          </p>
        ) : null}
        {stale ? <span className="sharing-panel__loading">{t('sharing.loading')}</span> : null}
      </div>
      <div className="sharing-panel__tabs" role="tablist">
        {sharingTabValues.map((tab) => (
          <button
            key={tab}
            type="button"
            role="tab"
            aria-selected={tab === view.tab}
            className="sharing-panel__tab"
            onClick={() => change({ tab })}
            data-testid={`sharing-tab-${tab}`}
          >
            {tabLabel(tab)}
          </button>
        ))}
      </div>
      {sharing.status === 'error' ? <p className="layer-row__error">{t('sharing.failed', { detail: sharing.error ?? '' })}</p> : null}
      <div className="sharing-panel__body" role="tabpanel">
        {!data ? (
          sharing.status === 'error' ? null : (
            <p className="sharing-panel__message">{t('sharing.loading')}</p>
          )
        ) : view.tab === 'units' ? (
          <div className="sharing-units">
            <div className="sharing-units__table">
              <ul className="sharing-panel__definitions">
                <li>{t('sharing.def.siteRatio')}</li>
                <li>{t('sharing.def.tenancyRatio')}</li>
                <li>{t('sharing.def.stationShare')}</li>
                <li>{t(`scenario.${data.scenario}.definition`)}</li>
              </ul>
              <SharingUnitTable
                province={data.province}
                units={sorted}
                sort={view.sort}
                descending={view.descending}
                onSort={(key) => change(nextSort(view, key))}
                selectedCode={props.selectedUnit}
                onUnitClick={(code) => props.onUnitClick(code, data.level)}
              />
            </div>
            <div className="sharing-units__chart" ref={chartBox}>
              <h3 className="sharing-panel__subheading">{t('sharing.chartHeading', { target: percent(i18n, data.target, 0) })}</h3>
              <p className="sharing-panel__definition">{t('sharing.chartNote')}</p>
              <SharingBarChart
                units={sorted}
                target={data.target}
                width={Math.max(260, chartWidth)}
                selectedCode={props.selectedUnit}
                onUnitClick={(code) => props.onUnitClick(code, data.level)}
              />
            </div>
          </div>
        ) : view.tab === 'operators' ? (
          <OperatorSharingBlock rows={data.operators} operators={meta.operators} />
        ) : view.tab === 'inference' ? (
          <InferenceSummary inference={data.inference} epsM={data.siteInferenceEpsM} conflicts={props.conflicts} onConflictClick={props.onConflictClick} />
        ) : (
          <ConsolidationTable load={props.consolidation} operators={meta.operators} selectedId={view.group} onGroupClick={props.onGroupClick} />
        )}
      </div>
    </div>
  );
}
