import { describe, expect, it } from 'vitest';
import type { IndicatorUnitRow } from '../../client/src/domain/contract-types.js';
import { makeI18n } from '../../client/src/i18n/i18n-context.js';
import { indicatorExportUrl, indicatorsUrl, indicatorUnitsUrl } from '../../client/src/indicators/indicator-api.js';
import {
  choroplethClasses,
  choroplethClassOf,
  choroplethColourOf,
  choroplethColours,
  choroplethNoDataColour,
  indicatorFractionText,
  indicatorGapText,
  indicatorValueText,
  parseWrittenNumber,
  statusKind,
  storedFromWritten,
  writtenFromStored,
} from '../../client/src/indicators/indicator-formats.js';
import { nextIndicatorSort, sortIndicatorRows } from '../../client/src/indicators/indicator-unit-table.js';
import { niceAxis } from '../../client/src/sharing/sharing-chart-scale.js';
import { defaultViewState, parseViewState, serializeViewState, type ViewState } from '../../client/src/url/view-state.js';

const vi = makeI18n('vi');
const en = makeI18n('en');
const share = { measure: 'share' as const, unitLabel: { vi: '%', en: '%' } };
const subscriptions = { measure: 'per_100_people' as const, unitLabel: { vi: 'thuê bao/100 dân', en: 'per 100 people' } };
const speed = { measure: 'mbps' as const, unitLabel: { vi: 'Mbit/s', en: 'Mbit/s' } };

describe('indicator values as the plan writes them', () => {
  it('writes shares in percent to a tenth, subscriptions to hundredths with their unit, speeds with Mbit/s', () => {
    expect(indicatorValueText(vi, share, 0.746)).toBe('74,6%');
    expect(indicatorValueText(vi, share, 1)).toBe('100%');
    expect(indicatorValueText(en, share, 0.746)).toBe('74.6%');
    expect(indicatorValueText(vi, subscriptions, 76.85)).toBe('76,85 thuê bao/100 dân');
    expect(indicatorValueText(en, subscriptions, 76.85)).toBe('76.85 per 100 people');
    expect(indicatorValueText(vi, speed, 30)).toBe('30 Mbit/s');
    expect(indicatorValueText(vi, share, null)).toBe('—');
  });

  it('writes a share’s gap in percentage points with a true minus sign, and a zero gap without sign', () => {
    // 0.875 − 1 = −0.125 → −12,5 điểm %.
    expect(indicatorGapText(vi, share, 0.875 - 1)).toBe('\u221212,5 điểm %');
    expect(indicatorGapText(vi, share, 0.002)).toBe('+0,2 điểm %');
    expect(indicatorGapText(vi, share, 0.00001)).toBe('0 điểm %');
    expect(indicatorGapText(vi, speed, -10)).toBe('\u221210 Mbit/s');
    expect(indicatorGapText(vi, share, null)).toBe('—');
  });

  it('writes numerator over denominator with what they count', () => {
    expect(indicatorFractionText(vi, 'hamlets', 3, 5)).toBe('3/5 ấp');
    expect(indicatorFractionText(vi, 'people', 1776900, 1790700)).toBe('1.776.900/1.790.700 người');
    expect(indicatorFractionText(en, 'hamlets', 3, 5)).toBe('3/5 hamlets');
    expect(indicatorFractionText(vi, 'hamlets', null, null)).toBeNull();
  });

  it('tells a missing target from a missing value', () => {
    expect(statusKind('met', 1, 1)).toBe('met');
    expect(statusKind('below', 1, 0.5)).toBe('below');
    expect(statusKind(null, null, 0.5)).toBe('no-target');
    expect(statusKind(null, 0.8, null)).toBe('no-value');
  });

  it('reads numbers typed the Vietnamese or the English way, and shares in percent', () => {
    expect(parseWrittenNumber('74,6')).toBe(74.6);
    expect(parseWrittenNumber('74.6')).toBe(74.6);
    expect(parseWrittenNumber(' 74,6 % ')).toBe(74.6);
    expect(parseWrittenNumber('1.234,5')).toBe(1234.5);
    expect(parseWrittenNumber('1,234.5')).toBe(1234.5);
    expect(parseWrittenNumber('1.234.567')).toBe(1234567);
    expect(parseWrittenNumber('abc')).toBeNull();
    expect(parseWrittenNumber('')).toBeNull();
    expect(parseWrittenNumber('7 4')).toBe(74);
    expect(storedFromWritten('share', 74.6)).toBeCloseTo(0.746, 12);
    expect(writtenFromStored('share', 0.746)).toBe(74.6);
    expect(storedFromWritten('mbps', 30)).toBe(30);
    // 75.1 / 100 is 0.7509999999999999 in binary floating point: stored as the 0.751 the planner typed.
    expect(storedFromWritten('share', 75.1)).toBe(0.751);
    expect(storedFromWritten('share', 0.3)).toBe(0.003);
  });
});

describe('choropleth classes', () => {
  it('splits the range of the values into five equal intervals, the last holding the largest', () => {
    // 0.2 … 0.7: step 0.1 → bounds 0.2, 0.3, 0.4, 0.5, 0.6, 0.7.
    const classes = choroplethClasses([0.2, 0.7, 0.45, null], 'share');
    expect(classes.bounds.map((b) => Math.round(b * 1000) / 1000)).toEqual([0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
    expect(choroplethClassOf(classes, 0.2)).toBe(0);
    expect(choroplethClassOf(classes, 0.45)).toBe(2);
    expect(choroplethClassOf(classes, 0.7)).toBe(4);
    expect(choroplethClassOf(classes, null)).toBeNull();
    expect(choroplethColourOf(classes, null)).toBe(choroplethNoDataColour);
    expect(new Set(choroplethColours(classes)).size).toBe(5);
  });

  it('makes one class when every unit has the same value, and none without values', () => {
    const same = choroplethClasses([0.5, 0.5], 'share');
    expect(same.bounds).toEqual([0.5, 0.5]);
    expect(choroplethClassOf(same, 0.5)).toBe(0);
    expect(choroplethClasses([null, null], 'share').bounds).toEqual([]);
  });

  it('uses fewer classes than five when the range is finer than the values are written (0,1 % for shares)', () => {
    // 0.500 … 0.503: 0,3 % apart → 3 classes of 0,1 %.
    expect(choroplethClasses([0.5, 0.503], 'share').bounds.length - 1).toBe(3);
  });
});

describe('the bar chart axis for values that are not shares', () => {
  it('ends at the first round step that holds every value and the target', () => {
    expect(niceAxis([76.85, 40], 100)).toEqual({ axisMax: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceAxis([30, 12.4], 40)).toEqual({ axisMax: 40, ticks: [0, 10, 20, 30, 40] });
    expect(niceAxis([108.81], 90)).toEqual({ axisMax: 150, ticks: [0, 50, 100, 150] });
    expect(niceAxis([null], null)).toEqual({ axisMax: 1, ticks: [0, 1] });
  });
});

function row(code: string, name: string, value: number | null): IndicatorUnitRow {
  return {
    code,
    name,
    level: 'commune',
    parentCode: null,
    parentName: null,
    hamlets: 1,
    population: 100,
    values: { x: { value, numerator: null, denominator: null, target: null, status: null, period: null, derivedFrom: null } },
  };
}

describe('the per-unit table order', () => {
  const rows = [row('c', 'Ấp Bắc', 0.3), row('a', 'Bình Đức', null), row('b', 'Cái Bè', 0.9), row('d', 'An Hữu', 0.3)];
  it('sorts by an indicator, units without a value last either way, ties by name', () => {
    expect(sortIndicatorRows(rows, 'x', true).map((r) => r.code)).toEqual(['b', 'd', 'c', 'a']);
    expect(sortIndicatorRows(rows, 'x', false).map((r) => r.code)).toEqual(['d', 'c', 'b', 'a']);
  });
  it('sorts by name in Vietnamese collation', () => {
    expect(sortIndicatorRows(rows, 'name', false).map((r) => r.name)).toEqual(['An Hữu', 'Ấp Bắc', 'Bình Đức', 'Cái Bè']);
  });
  it('turns the order round on the same column, starts values largest first', () => {
    expect(nextIndicatorSort({ sort: 'name', descending: false }, 'name')).toEqual({ sort: 'name', descending: true });
    expect(nextIndicatorSort({ sort: 'name', descending: false }, 'x')).toEqual({ sort: 'x', descending: true });
  });
});

describe('the dashboard in the link and its API URLs', () => {
  it('keeps the boundary set, unit, period, indicator, level, order and hamlet filter in the hash', () => {
    const view: ViewState = {
      ...defaultViewState('vi'),
      screen: 'indicators',
      indicators: {
        boundarySet: '2025',
        unit: 'X-01',
        period: '2025-H1',
        indicator: 'population-4g',
        level: 'commune',
        sort: 'population-4g',
        descending: true,
        hamlets: true,
        verdicts: ['trang_song'],
      },
    };
    const hash = serializeViewState(view);
    expect(hash).toContain('screen=indicators');
    expect(hash).toContain('ibs=2025&iunit=X-01&iperiod=2025-H1&ind=population-4g&ilevel=commune&isort=population-4g&idir=desc&ihamlets=1&iverdict=trang_song');
    expect(parseViewState(hash)).toEqual(view);
    // The defaults write nothing.
    expect(serializeViewState(defaultViewState('vi'))).not.toMatch(/ibs=|iunit=|iperiod=|ind=|isort=|idir=|ihamlets=|iverdict=/);
    // Anything else in the link is dropped, not sent on.
    expect(parseViewState('iunit=<b>&iperiod=2025-XX&ind=DROP TABLE&iverdict=covered,nope').indicators).toMatchObject({ unit: null, period: null, indicator: null, verdicts: ['covered'] });
  });

  it('leaves out what the server defaults (current scenario, default set, no period)', () => {
    expect(indicatorsUrl({ boundarySet: null, unit: null, scenario: 'current', period: null }, 'vi')).toBe('/api/indicators?lang=vi');
    expect(indicatorsUrl({ boundarySet: '2025', unit: 'U1', scenario: 'planned', period: '2024' }, null)).toBe('/api/indicators?unit=U1&boundarySet=2025&scenario=planned&period=2024');
    const query = { boundarySet: '2023', level: 'commune' as const, scenario: 'current' as const, period: null, parent: 'D1' };
    expect(indicatorUnitsUrl(query, null)).toBe('/api/indicators/units?boundarySet=2023&level=commune&parent=D1');
    expect(indicatorExportUrl('xlsx', query, 'vi')).toBe('/api/exports/indicators.xlsx?boundarySet=2023&level=commune&parent=D1&lang=vi');
  });
});
