import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { HamletCoverageRow, Operator } from '../domain/contract-types.js';
import { anyOperator, verdictValues } from '../domain/enum-values.js';
import { gapHatchImageId } from './gap-hatch-pattern.js';
import { mapLayerIds } from './layer-ids.js';
import { coverageOpacity, mapPalette, verdictColours } from './map-palette.js';

function coverageColour(operators: readonly Operator[]): ExpressionSpecification {
  const pairs = operators.flatMap((o) => [o.code, o.colour]);
  return ['match', ['get', 'operator'], anyOperator, mapPalette.coverageAny, ...pairs, mapPalette.neutralOwner] as unknown as ExpressionSpecification;
}

/** Coverage union of the chosen operator (or any) and technology group: a light wash beneath the hamlets. */
export function coverageFillLayer(operators: readonly Operator[]): LayerSpecification {
  return {
    id: mapLayerIds.coverageFill,
    type: 'fill',
    source: 'coverage',
    paint: { 'fill-color': coverageColour(operators), 'fill-opacity': coverageOpacity.coverage, 'fill-antialias': false },
  };
}

export function coverageOutlineLayer(operators: readonly Operator[]): LayerSpecification {
  return {
    id: mapLayerIds.coverageOutline,
    type: 'line',
    source: 'coverage',
    layout: { 'line-join': 'round' },
    paint: { 'line-color': coverageColour(operators), 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 13, 1.6], 'line-opacity': 0.75 },
  };
}

const noHamlet: FilterSpecification = ['==', ['get', 'code'], ''];

/** Hamlets coloured by verdict; the colours and filter are set from the coverage rows (verdictPaint). */
export function hamletVerdictLayers(): LayerSpecification[] {
  return [
    {
      id: mapLayerIds.hamletVerdictsFill,
      type: 'fill',
      source: 'hamlets',
      filter: noHamlet,
      paint: { 'fill-color': verdictColours.covered, 'fill-opacity': coverageOpacity.verdicts, 'fill-antialias': false },
    },
    {
      id: mapLayerIds.hamletVerdictsOutline,
      type: 'line',
      source: 'hamlets',
      filter: noHamlet,
      paint: {
        'line-color': mapPalette.verdictLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.3, 13, 1.2],
        'line-opacity': 0.85,
      },
    },
  ];
}

/**
 * Fill colour and filter of the verdict layers for a set of coverage rows: a
 * `match` of hamlet codes per verdict. Hamlets without a row (outside the unit,
 * not yet loaded) are not drawn.
 */
export function verdictPaint(rows: readonly HamletCoverageRow[]): { colour: ExpressionSpecification | string; filter: FilterSpecification } {
  if (rows.length === 0) return { colour: verdictColours.covered, filter: noHamlet };
  const branches: unknown[] = [];
  for (const verdict of verdictValues) {
    const codes = rows.filter((r) => r.verdict === verdict).map((r) => r.code);
    if (codes.length > 0) branches.push(codes, verdictColours[verdict]);
  }
  const colour = ['match', ['get', 'code'], ...branches, 'rgba(0,0,0,0)'] as unknown as ExpressionSpecification;
  const filter: FilterSpecification = ['in', ['get', 'code'], ['literal', rows.map((r) => r.code)]];
  return { colour, filter };
}

/** Uncovered parts (vùng lõm): a hatch over the hamlet colours and a strong outline. */
export function gapLayers(): LayerSpecification[] {
  return [
    {
      id: mapLayerIds.gapsFill,
      type: 'fill',
      source: 'gaps',
      paint: { 'fill-pattern': gapHatchImageId, 'fill-opacity': 0.9 },
    },
    {
      id: mapLayerIds.gapsOutline,
      type: 'line',
      source: 'gaps',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': mapPalette.gapLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.5] },
    },
  ];
}
