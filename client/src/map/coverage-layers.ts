import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Operator, Verdict } from '../domain/contract-types.js';
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

/** Hamlets with a verdict for the coverage choice (the hamlet tiles carry it); the others (not yet computed) are not drawn. */
const hasVerdict: FilterSpecification = ['has', 'verdict'];

/** Hamlets coloured by the verdict in their tile properties (verdictPaint); the filter keeps hamlets that have one. */
export function hamletVerdictLayers(): LayerSpecification[] {
  return [
    {
      id: mapLayerIds.hamletVerdictsFill,
      type: 'fill',
      source: 'hamlets',
      filter: hasVerdict,
      paint: { 'fill-color': verdictPaint([]), 'fill-opacity': coverageOpacity.verdicts, 'fill-antialias': false },
    },
    {
      id: mapLayerIds.hamletVerdictsOutline,
      type: 'line',
      source: 'hamlets',
      filter: hasVerdict,
      paint: {
        'line-color': mapPalette.verdictLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.3, 13, 1.2],
        'line-opacity': 0.85,
      },
    },
  ];
}

/** A hamlet whose verdict the map shows otherwise than its tile says: the what-if tool's answer, after its hypothetical BTS. */
export interface VerdictOverride {
  code: string;
  verdict: Verdict;
}

/**
 * Fill colour of the verdict layers: by the `verdict` property of the hamlet
 * tiles (the verdict of the coverage choice, server-side), except for the few
 * hamlets of `overrides` (a `match` on their codes). No list of every hamlet's
 * verdict: at national scale that was 80,000 codes in one expression.
 */
export function verdictPaint(overrides: readonly VerdictOverride[]): ExpressionSpecification {
  const byProperty = ['match', ['get', 'verdict'], ...verdictValues.flatMap((v) => [v, verdictColours[v]]), 'rgba(0,0,0,0)'];
  const branches: unknown[] = [];
  for (const verdict of verdictValues) {
    const codes = [...new Set(overrides.filter((o) => o.verdict === verdict).map((o) => o.code))];
    if (codes.length > 0) branches.push(codes, verdictColours[verdict]);
  }
  if (branches.length === 0) return byProperty as unknown as ExpressionSpecification;
  return ['match', ['get', 'code'], ...branches, byProperty] as unknown as ExpressionSpecification;
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
