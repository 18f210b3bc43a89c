import type { FiberKind, FiberLaying, LayerName, LifecycleStatus, Technology } from './contract-types.js';

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

export const layerNameValues = ['districts', 'communes', 'hamlets', 'fiber', 'bts', 'shared-sites', 'sites'] as const satisfies readonly LayerName[];
assertComplete<Complete<LayerName, typeof layerNameValues>>(true);

export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
