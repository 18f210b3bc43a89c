import { describe, expect, it } from 'vitest';
import type { AdminUnitProperties, FeatureCollection } from '../../server/src/contracts/layer-contracts.js';
import { makeI18n } from '../../client/src/i18n/i18n-context.js';
import { placeDateText, placeName } from '../../client/src/reports/report-labels.js';
import { chartDrawWidth, commonTarget, pageWidthPx, reportMapHeight } from '../../client/src/reports/report-layout.js';
import { reportHref } from '../../client/src/reports/report-link.js';
import { chartLevelOf } from '../../client/src/reports/use-report-data.js';
import { defaultViewState, parseViewState, serializeViewState } from '../../client/src/url/view-state.js';

// The printable report's link and the sizes of its figures on an A4 page.

function square(code: string, lon0: number, lat0: number, lon1: number, lat1: number): FeatureCollection<AdminUnitProperties>['features'][number] {
  return {
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: [[[[lon0, lat0], [lon1, lat0], [lon1, lat1], [lon0, lat1], [lon0, lat0]]]] },
    properties: { code, name: code, level: 'commune', unitType: 'xa', boundarySet: '2025', parentCode: null, parentName: null, areaKm2: 1 },
  } as FeatureCollection<AdminUnitProperties>['features'][number];
}

describe('the report in the link', () => {
  it('gives back the boundary set, unit and period of screen=report, and drops a period that is not one', () => {
    const view = { ...defaultViewState('vi'), screen: 'report' as const, scenario: 'planned' as const, report: { boundarySet: '2025', unit: '82', period: '2024-Q2' } };
    const hash = serializeViewState(view);
    expect(hash).toContain('screen=report');
    expect(hash).toContain('rbs=2025&runit=82&rperiod=2024-Q2');
    expect(parseViewState(hash)).toEqual(view);
    expect(parseViewState('#screen=report&rperiod=2024-Q5&runit=<b>').report).toEqual({ boundarySet: null, unit: null, period: null });
  });

  it('reportHref opens the report without the map tools of the view it starts from', () => {
    const from = { ...defaultViewState('en'), tool: 'colocation' as const, panel: 'hamlet-table' as const };
    const href = reportHref(from, { boundarySet: '2023', unit: null, period: '2023' });
    expect(href.startsWith('#lang=en&')).toBe(true);
    const back = parseViewState(href);
    expect(back.screen).toBe('report');
    expect(back.report).toEqual({ boundarySet: '2023', unit: null, period: '2023' });
    expect(back.tool).toBeNull();
    expect(back.panel).toBeNull();
  });
});

describe('the report figures on A4', () => {
  it('draws a chart at the page width (180 mm = 680 px) until its rows outgrow a page, then wider so it prints smaller', () => {
    expect(pageWidthPx).toBe(680);
    // 11 districts: 36 + 11 × 22 + 8 = 286 px high, under the 880 px a chart may take: drawn at 680 px.
    expect(chartDrawWidth(11)).toBe(680);
    // 55 communes: 36 + 55 × 22 + 8 = 1,254 px high; drawn 1,254 × 680 / 880 = 969 px wide, so at 680 px it is 880 px high.
    expect(chartDrawWidth(55)).toBe(969);
  });

  it('draws the dashed target line at the target most units share', () => {
    expect(commonTarget([0.3, 0.3, 0.5, null])).toBe(0.3);
    expect(commonTarget([null, null])).toBeNull();
  });

  it('makes the map as high as the units extent at the page width, between 280 and 640 px', () => {
    const wide = { type: 'FeatureCollection', features: [square('a', 106, 10, 106.5, 10.5), square('b', 106.5, 10, 107, 10.5), square('far', 90, 40, 91, 41)] } as unknown as FeatureCollection<AdminUnitProperties>;
    // Only a and b are in the table: 1° of longitude by 0.5° of latitude around 10.25° N. In Web Mercator
    // the height is ln(tan(45° + 10.5°/2)) − ln(tan(45° + 10°/2)) = 0.008868 against 0.017453 of width:
    // (680 − 32) × 0.50811 + 32 = 361.3 → 361 px.
    expect(reportMapHeight(wide, new Set(['a', 'b']))).toBe(361);
    // A unit as tall as it is wide would need 680 px: held at 640.
    const tall = { type: 'FeatureCollection', features: [square('t', 106, 10, 106.5, 10.5)] } as unknown as FeatureCollection<AdminUnitProperties>;
    expect(reportMapHeight(tall, new Set(['t']))).toBe(640);
    expect(reportMapHeight(tall, new Set())).toBe(360);
  });

  it('charts the level below the unit: the 2023 districts of the province, the 2025 communes, a commune itself', () => {
    expect(chartLevelOf(['province', 'district', 'commune'], 'province', 'commune')).toBe('district');
    expect(chartLevelOf(['province', 'district', 'commune'], 'district', 'commune')).toBe('commune');
    expect(chartLevelOf(['province', 'commune'], 'province', 'commune')).toBe('commune');
    expect(chartLevelOf(['province', 'commune'], 'commune', 'commune')).toBe('commune');
  });

  it('writes the place and date as Vietnamese documents do', () => {
    expect(placeName('Tỉnh Tiền Giang')).toBe('Tiền Giang');
    expect(placeName('Thành phố Cần Thơ')).toBe('Cần Thơ');
    expect(placeDateText(makeI18n('vi'), 'Tỉnh Đồng Tháp', new Date(2026, 6, 1))).toBe('Đồng Tháp, ngày 01 tháng 07 năm 2026');
    expect(placeDateText(makeI18n('en'), 'Tỉnh Đồng Tháp', new Date(2026, 6, 1))).toBe('Đồng Tháp, 01/07/2026');
  });
});
