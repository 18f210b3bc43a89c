import type { ExpressionSpecification } from 'maplibre-gl';
import type { Operator } from '../domain/contract-types.js';
import { mapPalette } from './map-palette.js';

/** A `match` on a property holding an operator code, giving that operator's colour. */
export function operatorColourExpression(property: string, operators: readonly Operator[]): ExpressionSpecification | string {
  if (operators.length === 0) return mapPalette.neutralOwner;
  const pairs = operators.flatMap((o) => [o.code, o.colour]);
  return ['match', ['get', property], ...pairs, mapPalette.neutralOwner] as unknown as ExpressionSpecification;
}

/** Mobile operators in a stable order: the order of the BTS rings, inside out. */
export function radioOperators(operators: readonly Operator[]): Operator[] {
  return operators.filter((o) => o.kind === 'mno');
}
