import { useEffect, useState } from 'react';
import { describeError, getJson, isAbort } from '../api/api-client.js';
import type {
  AdminUnitProperties,
  FeatureCollection,
  HamletCoverageResponse,
  IndicatorsResponse,
  IndicatorUnitsResponse,
  Meta,
  Scenario,
  UnitLevel,
} from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';
import type { ReportView } from '../url/view-state.js';

/** Everything the report prints, fetched once per link. */
export interface ReportData {
  /** The unit's indicators (summary table, definitions, settings θ r ε). */
  indicators: IndicatorsResponse;
  /** One row per unit of the set's finest level (inside the unit when the unit is above it). */
  units: IndicatorUnitsResponse;
  /**
   * The units the charts compare: the level just below the unit (the 2023
   * districts of the province; the 2025 communes), or the unit table's rows
   * when that is the finest level.
   */
  chartUnits: IndicatorUnitsResponse;
  /** Polygons of the finest level's units (the choropleth draws those of the unit table). */
  shapes: FeatureCollection<AdminUnitProperties>;
  /** The trắng sóng and lõm sóng hamlets of the unit. */
  hamlets: HamletCoverageResponse;
  /** The set's province name ("Tỉnh Tiền Giang"), for the agency line and the place of the date; '' for all provinces of a national register. */
  provinceName: string;
  boundarySet: Meta['boundarySets'][number];
  finestLevel: UnitLevel;
}

export type ReportLoad = { status: 'loading' } | { status: 'ready'; data: ReportData } | { status: 'error'; error: string };

/** The boundary set the link names, else the server's default (the first when none is marked). */
export function reportBoundarySet(meta: Meta, code: string | null): Meta['boundarySets'][number] | null {
  return meta.boundarySets.find((s) => s.code === code) ?? meta.boundarySets.find((s) => s.isDefault) ?? meta.boundarySets[0] ?? null;
}

function query(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.toString();
}

/** The level below `level` in the set (the finest level for the finest level itself). */
export function chartLevelOf(levels: readonly string[], level: UnitLevel, finestLevel: UnitLevel): UnitLevel {
  const next = levels[levels.indexOf(level) + 1];
  return next === 'province' || next === 'district' || next === 'commune' ? next : finestLevel;
}

/** The URLs the report reads, in one place so the browser test can ask the server the same questions. */
export function reportUrls(view: ReportView, scenario: Scenario, boundarySet: string, finestLevel: UnitLevel, parent: string | null, chartLevel: UnitLevel = finestLevel) {
  const scenarioParam = scenario === 'current' ? null : scenario;
  return {
    indicators: `/api/indicators?${query({ boundarySet, unit: view.unit, scenario: scenarioParam, period: view.period })}`,
    units: `/api/indicators/units?${query({ boundarySet, level: finestLevel, scenario: scenarioParam, period: view.period, parent })}`,
    hamlets: `/api/hamlets/coverage?${query({ verdict: 'trang_song,lom_song', boundarySet, unit: view.unit, scenario: scenarioParam })}`,
    province: `/api/indicators/units?${query({ boundarySet, level: 'province', scenario: scenarioParam, period: view.period })}`,
    chartUnits: `/api/indicators/units?${query({ boundarySet, level: chartLevel, scenario: scenarioParam, period: view.period, parent })}`,
    shapes: `/api/layers/${finestLevel === 'district' ? 'districts' : 'communes'}?${query({ boundarySet, unit: view.unit })}`,
  };
}

/**
 * Fetches the report's answers: the unit's indicators first (they say the
 * unit's level, so whether the unit table is limited to it with parent=), the
 * hamlet list and the units' polygons beside them, then the unit table, and the province's name when
 * the unit is below it.
 */
export function useReportData(meta: Meta, view: ReportView, scenario: Scenario, lang: Lang, attempt: number): ReportLoad {
  const [load, setLoad] = useState<ReportLoad>({ status: 'loading' });
  const { boundarySet: setCode, unit, period } = view;

  useEffect(() => {
    const controller = new AbortController();
    const signal = controller.signal;
    setLoad({ status: 'loading' });
    const set = reportBoundarySet(meta, setCode);
    const run = async (): Promise<ReportData> => {
      if (!set) throw new Error('no boundary set');
      const finestLevel = (set.levels[set.levels.length - 1] ?? 'commune') as UnitLevel;
      const first = reportUrls({ boundarySet: set.code, unit, period }, scenario, set.code, finestLevel, null);
      const [indicators, hamlets, shapes] = await Promise.all([
        getJson<IndicatorsResponse>(first.indicators, lang, signal),
        getJson<HamletCoverageResponse>(first.hamlets, lang, signal),
        getJson<FeatureCollection<AdminUnitProperties>>(first.shapes, lang, signal),
      ]);
      // All provinces (a set with several): the root, above the province; its charts compare the provinces.
      const level = indicators.unit.level;
      const all = level === 'all';
      const below = !all && level !== 'province' && level !== finestLevel;
      const chartLevel = all ? 'province' : chartLevelOf(set.levels, level, finestLevel);
      const urls = reportUrls({ boundarySet: set.code, unit, period }, scenario, set.code, finestLevel, below ? indicators.unit.code : null, chartLevel);
      const [units, chartAnswer] = await Promise.all([
        getJson<IndicatorUnitsResponse>(urls.units, lang, signal),
        chartLevel === finestLevel ? Promise.resolve(null) : getJson<IndicatorUnitsResponse>(urls.chartUnits, lang, signal),
      ]);
      // A commune of the finest level has no units below it: its table is its own row.
      if (level === finestLevel) units.units = units.units.filter((row) => row.code === indicators.unit.code);
      const provinceName = indicators.unit.province ?? '';
      const chartUnits = chartAnswer ?? units;
      return { indicators, units, chartUnits, shapes, hamlets, provinceName, boundarySet: set, finestLevel };
    };
    run()
      .then((data) => setLoad({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setLoad({ status: 'error', error: describeError(error) });
      });
    return () => controller.abort();
  }, [meta, setCode, unit, period, scenario, lang, attempt]);

  return load;
}
