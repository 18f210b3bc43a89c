import { expression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { whatIfVerdictOverrides } from '../../client/src/coverage/what-if-verdicts.js';
import type { WhatIfResponse } from '../../client/src/domain/contract-types.js';
import { verdictPaint } from '../../client/src/map/coverage-layers.js';
import { verdictColours } from '../../client/src/map/map-palette.js';
import { tileCountUrl, tileParams } from '../../client/src/map/tile-sources.js';
import { emptyFilters } from '../../client/src/url/view-state.js';

/** The fill colour the map gives a hamlet feature with these properties, as #rrggbb (or 'none' when transparent). */
function colourOf(paint: unknown, properties: Record<string, unknown>): string {
  const compiled = expression.createExpression(paint, { type: 'color', 'property-type': 'data-driven', expression: { interpolated: false, parameters: ['zoom', 'feature'] } } as never);
  if (compiled.result !== 'success') throw new Error(JSON.stringify(compiled.value));
  // The style spec gives the colour as written in the style: the palette's #rrggbb, or transparent.
  const colour = String(compiled.value.evaluate({ zoom: 10 }, { type: 'Polygon', properties } as never));
  return colour.replace(/\s/g, '') === 'rgba(0,0,0,0)' ? 'none' : colour;
}

describe('hamlet verdict colours from the tiles', () => {
  it('colours a hamlet by the verdict its tile carries, and nothing without one', () => {
    const paint = verdictPaint([]);
    expect(colourOf(paint, { code: 'H1', verdict: 'covered' })).toBe(verdictColours.covered);
    expect(colourOf(paint, { code: 'H2', verdict: 'lom_song' })).toBe(verdictColours.lom_song);
    expect(colourOf(paint, { code: 'H3', verdict: 'trang_song' })).toBe(verdictColours.trang_song);
    expect(colourOf(paint, { code: 'H4' })).toBe('none');
    // No list of hamlet codes in the expression: its size does not grow with the register.
    expect(JSON.stringify(paint)).not.toContain('H1');
  });

  it('recolours only the hamlets a what-if answer for the same choice changes', () => {
    const answer = {
      operator: 'viettel', technologyGroup: '4G',
      changedHamlets: [{ code: 'H3', before: 'trang_song', after: 'covered' }, { code: 'H2', before: 'lom_song', after: 'covered' }],
    } as unknown as WhatIfResponse;
    const overrides = whatIfVerdictOverrides({ operator: 'viettel', group: '4G' }, answer);
    expect(overrides).toEqual([{ code: 'H3', verdict: 'covered' }, { code: 'H2', verdict: 'covered' }]);
    expect(whatIfVerdictOverrides({ operator: '*', group: '4G' }, answer)).toEqual([]);
    expect(whatIfVerdictOverrides({ operator: 'viettel', group: 'broadband' }, answer)).toEqual([]);
    const paint = verdictPaint(overrides);
    expect(colourOf(paint, { code: 'H3', verdict: 'trang_song' })).toBe(verdictColours.covered);
    expect(colourOf(paint, { code: 'H1', verdict: 'lom_song' })).toBe(verdictColours.lom_song);
  });
});

describe('tile and count queries', () => {
  it('gives the tiles of the register layers the unit of the panel, and the hamlet tiles the coverage choice', () => {
    const filters = { ...emptyFilters, unit: 'C1', boundarySet: 'T', operators: ['vnpt', 'viettel'] };
    const choice = { operator: 'mobifone', group: '4G' } as const;
    expect(tileParams('sites', filters, choice, 'current').toString()).toBe('boundarySet=T&operator=viettel%2Cvnpt&unit=C1');
    expect(tileParams('hamlets', filters, choice, 'planned').toString()).toBe('boundarySet=T&operator=mobifone&scenario=planned&technology=4G&unit=C1');
    // Coverage follows the choice and takes no unit (as its layer).
    expect(tileParams('coverage', filters, choice, 'current').toString()).toBe('operator=mobifone&technology=4G');
    expect(tileCountUrl('bts', filters, choice, 'current')).toBe('/api/layers/bts/count?boundarySet=T&operator=viettel%2Cvnpt&unit=C1');
    expect(tileCountUrl('gaps', emptyFilters, choice, 'current')).toBe('/api/layers/gaps/count');
  });
});
