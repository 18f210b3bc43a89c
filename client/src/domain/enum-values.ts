import type { ANY_OPERATOR } from '../../../server/src/contracts/layer-contracts.js';
import type { FiberKind, FiberLaying, LayerName, LifecycleStatus, Technology, TechnologyGroup, Verdict, WhatIfBts } from './contract-types.js';

// Runtime lists of the contract enumerations. They are repeated here (rather than
// imported as values) to keep zod out of the bundle; `assertComplete` makes the
// compiler fail when the contract gains a value this list lacks.
type Complete<All extends string, Listed extends readonly string[]> = [Exclude<All, Listed[number]>] extends [never] ? true : false;
function assertComplete<T extends true>(_: T): void {}

export const technologyValues = ['2G', '3G', '4G', '5G'] as const satisfies readonly Technology[];
assertComplete<Complete<Technology, typeof technologyValues>>(true);

export const statusValues = ['on_air', 'approved', 'planned', 'decommissioned'] as const satisfies readonly LifecycleStatus[];
assertComplete<Complete<LifecycleStatus, typeof statusValues>>(true);

export const fiberKindValues = ['backbone', 'distribution', 'access'] as const satisfies readonly FiberKind[];
assertComplete<Complete<FiberKind, typeof fiberKindValues>>(true);

export const fiberLayingValues = ['aerial', 'underground'] as const satisfies readonly FiberLaying[];
assertComplete<Complete<FiberLaying, typeof fiberLayingValues>>(true);

export const layerNameValues = ['districts', 'communes', 'hamlets', 'fiber', 'bts', 'shared-sites', 'sites', 'coverage', 'gaps'] as const satisfies readonly LayerName[];
assertComplete<Complete<LayerName, typeof layerNameValues>>(true);

/**
 * What the layer toggles switch: the API layers, and the hamlet choropleth by
 * coverage verdict (drawn from the hamlets layer and GET /api/hamlets/coverage).
 */
export const mapToggleValues = [...layerNameValues, 'hamlet-verdicts'] as const;
export type MapToggle = (typeof mapToggleValues)[number];

/** The API layers that a set of toggles needs loaded. */
export function dataLayersOf(toggles: readonly MapToggle[]): LayerName[] {
  return [...new Set(toggles.map((toggle): LayerName => (toggle === 'hamlet-verdicts' ? 'hamlets' : toggle)))];
}

export const technologyGroupValues = ['broadband', '2G', '3G', '4G', '5G'] as const satisfies readonly TechnologyGroup[];
assertComplete<Complete<TechnologyGroup, typeof technologyGroupValues>>(true);

/** Best first: the order of legends, filters and table sorting. */
export const verdictValues = ['covered', 'lom_song', 'trang_song'] as const satisfies readonly Verdict[];
assertComplete<Complete<Verdict, typeof verdictValues>>(true);

export type Environment = NonNullable<WhatIfBts['environment']>;
export const environmentValues = ['urban', 'dense_urban', 'suburban', 'rural'] as const satisfies readonly Environment[];
assertComplete<Complete<Environment, typeof environmentValues>>(true);

/** The operator code meaning "any operator" in coverage results (ANY_OPERATOR in the contract). */
export const anyOperator: typeof ANY_OPERATOR = '*';

/** Bands (MHz) per technology that the server accepts; the one list lives in the contracts. */
export { knownBandsMHz } from '../../../server/src/contracts/known-bands.js';

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
