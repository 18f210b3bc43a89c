import { describe, expect, it } from 'vitest';
import type { BtsProperties, Feature, SharingUnit } from '../../client/src/domain/contract-types.js';
import { layerQuery } from '../../client/src/layers/layer-queries.js';
import { inferredMembers, metresBetween } from '../../client/src/sharing/inferred-site-members.js';
import { consolidationUrl, sharingUrl } from '../../client/src/sharing/sharing-api.js';
import { axisMaxFor, barChartLayout, ticksFor, xOf } from '../../client/src/sharing/sharing-chart-scale.js';
import { effectiveLevel, levelsOfSet, nextSort, sortSharingUnits } from '../../client/src/sharing/sharing-table-order.js';
import { tenantStepOf } from '../../client/src/sharing/tenant-steps.js';
import { defaultViewState, emptyFilters, parseViewState, serializeViewState, type ViewState } from '../../client/src/url/view-state.js';

function ratio(numerator: number, denominator: number) {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

// Three communes: Ấp Bắc 3 of 10 sites shared, Bình Đức 1 of 2, Cái Bè no site at all (ratio undefined).
function unit(code: string, name: string, shared: number, sites: number, pairs: number, btsShared: number, bts: number): SharingUnit {
  return {
    code,
    name,
    level: 'commune',
    parentCode: 'D1',
    siteRatio: ratio(shared, sites),
    tenancyRatio: ratio(pairs, sites),
    stationShare: ratio(btsShared, bts),
  };
}
const units = [unit('C3', 'Cái Bè', 0, 0, 0, 0, 0), unit('C1', 'Ấp Bắc', 3, 10, 13, 7, 15), unit('C2', 'Bình Đức', 1, 2, 3, 2, 3)];

describe('the sharing table order', () => {
  it('puts the highest site sharing ratio first and a unit without sites last', () => {
    // Bình Đức 1/2 = 0.5 > Ấp Bắc 3/10 = 0.3; Cái Bè has no site.
    expect(sortSharingUnits(units, 'siteRatio', true).map((u) => u.code)).toEqual(['C2', 'C1', 'C3']);
  });

  it('keeps a unit without sites last when the order is turned round', () => {
    expect(sortSharingUnits(units, 'siteRatio', false).map((u) => u.code)).toEqual(['C1', 'C2', 'C3']);
  });

  it('sorts names in Vietnamese order (Ấp before Bình before Cái) and by site count', () => {
    expect(sortSharingUnits(units, 'name', false).map((u) => u.code)).toEqual(['C1', 'C2', 'C3']);
    // Sites: 10, 2, 0.
    expect(sortSharingUnits(units, 'sites', true).map((u) => u.code)).toEqual(['C1', 'C2', 'C3']);
    // Tenancy 13/10 = 1.3 < 3/2 = 1.5.
    expect(sortSharingUnits(units, 'tenancyRatio', true).map((u) => u.code)).toEqual(['C2', 'C1', 'C3']);
  });

  it('turns a column round on a second click and starts a number column largest first', () => {
    expect(nextSort({ sort: 'siteRatio', descending: true }, 'siteRatio')).toEqual({ sort: 'siteRatio', descending: false });
    expect(nextSort({ sort: 'siteRatio', descending: true }, 'name')).toEqual({ sort: 'name', descending: false });
    expect(nextSort({ sort: 'name', descending: false }, 'stationShare')).toEqual({ sort: 'stationShare', descending: true });
  });

  it('offers the levels a boundary set has, and asks for the finest when the link names one it lacks', () => {
    // The 2025 set has two levels (province, commune): no districts.
    const levels = levelsOfSet(['commune', 'province']);
    expect(levels).toEqual(['province', 'commune']);
    expect(effectiveLevel('district', levels)).toBe('commune');
    expect(effectiveLevel('province', levels)).toBe('province');
    expect(effectiveLevel(null, [])).toBeNull();
  });
});

describe('the bar chart scale', () => {
  it('ends the axis at the smallest tenth holding every value and the target', () => {
    // Largest value 0.5, target 0.3 → 50 %; 0.31 → 40 %; nothing above 0 → 10 %.
    expect(axisMaxFor([0.3, 0.5, null], 0.3)).toBe(0.5);
    expect(axisMaxFor([0.31], 0.3)).toBe(0.4);
    expect(axisMaxFor([0, null], 0)).toBe(0.1);
    expect(axisMaxFor([1], 0.3)).toBe(1);
  });

  it('puts ticks every tenth up to 50 % and every fifth beyond', () => {
    expect(ticksFor(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(ticksFor(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('places the target line in proportion on the plot', () => {
    // Width 400, labels 100, values 60 → plot 240 px from x = 100; axis 0–50 %, so 30 % is at 100 + 240 × 0.6 = 244.
    const layout = barChartLayout({ values: [0.5, 0.2], target: 0.3, width: 400, labelWidth: 100, valueWidth: 60, rowHeight: 20, top: 30 });
    expect(layout.plotWidth).toBe(240);
    expect(xOf(layout, 0.3)).toBeCloseTo(244, 9);
    expect(xOf(layout, 0.5)).toBe(340);
    // Two rows of 20 px under 30 px of ticks, 8 px below.
    expect(layout.height).toBe(78);
  });
});

describe('the shared-site style steps', () => {
  it('groups tenant counts into 1, 2, 3 and 4 or more', () => {
    expect([1, 2, 3, 4, 7].map((n) => tenantStepOf(n).label)).toEqual(['1', '2', '3', '≥ 4', '≥ 4']);
  });
});

describe('the sharing requests', () => {
  it('leave the current scenario out and name the planned one', () => {
    expect(sharingUrl({ level: 'commune', boundarySet: null, scenario: 'current' }, 'vi')).toBe('/api/sharing?level=commune&lang=vi');
    expect(sharingUrl({ level: 'district', boundarySet: '2023', scenario: 'planned' }, 'en')).toBe('/api/sharing?level=district&boundarySet=2023&scenario=planned&lang=en');
    expect(consolidationUrl('planned', 'vi')).toBe('/api/sharing/consolidation?scenario=planned&lang=vi');
  });

  it('pass the planned scenario to the layers that take one, and to no other', () => {
    const coverage = { operator: '*', group: 'broadband' as const };
    expect(layerQuery('shared-sites', emptyFilters, coverage, 'planned')).toEqual({ scenario: 'planned' });
    expect(layerQuery('consolidation', emptyFilters, coverage, 'planned')).toEqual({ scenario: 'planned' });
    expect(layerQuery('coverage', emptyFilters, coverage, 'planned')).toEqual({ operator: '*', technology: 'broadband', scenario: 'planned' });
    expect(layerQuery('sites', emptyFilters, coverage, 'planned')).toEqual({});
    expect(layerQuery('gaps', emptyFilters, coverage, 'current')).toEqual({});
  });
});

describe('the scenario and the sharing panel in the link', () => {
  it('gives back the scenario, the panel, its set, level, part, order and highlighted group', () => {
    const view: ViewState = {
      ...defaultViewState('vi'),
      scenario: 'planned',
      panel: 'sharing',
      sharing: { boundarySet: '2025', level: 'commune', tab: 'consolidation', sort: 'name', descending: false, group: 7 },
    };
    const hash = serializeViewState(view);
    expect(hash).toContain('scenario=planned');
    expect(hash).toContain('shbs=2025&shlevel=commune&shtab=consolidation&shsort=name&shdir=asc&group=7');
    expect(parseViewState(hash)).toEqual(view);
  });

  it('leaves the defaults out and drops values outside the contract', () => {
    const hash = serializeViewState(defaultViewState('vi'));
    expect(hash).not.toMatch(/scenario|shbs|shlevel|shtab|shsort|shdir|group/);
    const view = parseViewState('#scenario=future&shlevel=hamlet&shtab=x&shsort=y&group=-3');
    expect(view.scenario).toBe('current');
    expect(view.sharing).toEqual({ boundarySet: null, level: null, tab: 'units', sort: 'siteRatio', descending: true, group: null });
  });
});

describe('the members of an inferred site', () => {
  function bts(code: string, operator: string, lon: number, lat: number, siteCode: string | null = null): Feature<BtsProperties> {
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { code, siteCode, operator, technology: '4G', bandMHz: 1800, antennaHeightM: 30, eirpDbm: 60, status: 'on_air', sectors: [] },
    };
  }

  it('measures metres on the sphere: 0.0001° of latitude is 11.1 m', () => {
    // 6,371,008.8 m × 0.0001 × π / 180 = 11.1195 m.
    expect(metresBetween([106.3, 10.4], [106.3, 10.4001])).toBeCloseTo(11.1195, 3);
  });

  it('are the BTS the server lists as its members, nearest first, each with its distance', () => {
    // Site at (106.3, 10.4) whose members are B (5.6 m south) and A (5.6 m north); C, D and E stand around it
    // but are not members (C coded, D of another operator, E 111 m away).
    const features = [
      bts('E', 'vnpt', 106.3, 10.401),
      bts('A', 'viettel', 106.3, 10.40005),
      bts('C', 'viettel', 106.3, 10.40001, 'S1'),
      bts('D', 'mobifone', 106.3, 10.40002),
      bts('B', 'vnpt', 106.3, 10.39995),
    ];
    const members = inferredMembers([106.3, 10.4], ['B', 'A'], features);
    expect(members.map((m) => m.bts.code)).toEqual(['A', 'B']);
    expect(members[0]?.distanceM).toBeCloseTo(5.56, 2);
  });
});
