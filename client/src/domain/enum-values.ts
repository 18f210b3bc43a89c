import type { ANY_OPERATOR } from '../../../server/src/contracts/layer-contracts.js';
import type {
  AuditAction,
  AuditEntity,
  FiberKind,
  FiberLaying,
  LayerName,
  LifecycleStatus,
  MeasurementContradiction,
  Role,
  Scenario,
  StructureType,
  Technology,
  TechnologyGroup,
  UnitLevel,
  Verdict,
  WhatIfBts,
  IndicatorScope,
} from './contract-types.js';

// Runtime lists of the contract enumerations. They are repeated here (rather than
// imported as values) to keep zod out of the bundle; `assertComplete` makes the
// compiler fail when the contract gains a value this list lacks.
type Complete<All extends string, Listed extends readonly string[]> = [Exclude<All, Listed[number]>] extends [never] ? true : false;
function assertComplete<T extends true>(_: T): void {}

export const technologyValues = ['2G', '3G', '4G', '5G'] as const satisfies readonly Technology[];
assertComplete<Complete<Technology, typeof technologyValues>>(true);

export const statusValues = ['on_air', 'approved', 'planned', 'decommissioned'] as const satisfies readonly LifecycleStatus[];
assertComplete<Complete<LifecycleStatus, typeof statusValues>>(true);

/** Current (on air) first: the default and the order of the scenario switch. */
export const scenarioValues = ['current', 'planned'] as const satisfies readonly Scenario[];
assertComplete<Complete<Scenario, typeof scenarioValues>>(true);

/** Largest first: the order of the level picker. */
export const unitLevelValues = ['province', 'district', 'commune'] as const satisfies readonly UnitLevel[];
assertComplete<Complete<UnitLevel, typeof unitLevelValues>>(true);

/** The indicators' root when a boundary set has several provinces: all of them as one (the contract's allProvincesLevel). */
export const allProvincesLevel = 'all' as const satisfies IndicatorScope['level'];

export const structureTypeValues = ['self_supporting', 'guyed', 'monopole', 'rooftop', 'camouflaged'] as const satisfies readonly StructureType[];
assertComplete<Complete<StructureType, typeof structureTypeValues>>(true);

/** Most powerful first: the order of the role picker. */
export const roleValues = ['admin', 'planner', 'operator', 'inspector'] as const satisfies readonly Role[];
assertComplete<Complete<Role, typeof roleValues>>(true);

export const auditEntityValues = ['site', 'bts', 'fiber', 'admin_unit', 'hamlet', 'population_cluster', 'user', 'session', 'api_token', 'field_measurements', 'inspection', 'proposal', 'indicator_target', 'reported_value', 'reporting_period', 'indicator_snapshot'] as const satisfies readonly AuditEntity[];
assertComplete<Complete<AuditEntity, typeof auditEntityValues>>(true);

export const auditActionValues = [
  'create',
  'update',
  'delete',
  'restore',
  'import',
  'login',
  'login_failed',
  'logout',
  'token_create',
  'token_revoke',
  'password_change',
  'submit',
  'approve',
  'reject',
  'withdraw',
] as const satisfies readonly AuditAction[];
assertComplete<Complete<AuditAction, typeof auditActionValues>>(true);

export const fiberKindValues = ['backbone', 'distribution', 'access'] as const satisfies readonly FiberKind[];
assertComplete<Complete<FiberKind, typeof fiberKindValues>>(true);

export const fiberLayingValues = ['aerial', 'underground'] as const satisfies readonly FiberLaying[];
assertComplete<Complete<FiberLaying, typeof fiberLayingValues>>(true);

export const layerNameValues = ['districts', 'communes', 'hamlets', 'fiber', 'bts', 'shared-sites', 'sites', 'coverage', 'gaps', 'consolidation'] as const satisfies readonly LayerName[];
assertComplete<Complete<LayerName, typeof layerNameValues>>(true);

/**
 * What the layer toggles switch: the API layers, the hamlet choropleth by
 * coverage verdict (drawn from the hamlets layer and GET /api/hamlets/coverage),
 * and the field measurements (GET /api/layers/measurements, loaded on their own:
 * they follow the coverage choice, see use-measurements.ts).
 */
export const mapToggleValues = [...layerNameValues, 'hamlet-verdicts', 'measurements'] as const;
export type MapToggle = (typeof mapToggleValues)[number];

/**
 * What a click can select: a feature of an API layer, or a field measurement
 * (code = its id). A consolidation group is not selected on the map: the
 * sharing panel's table highlights it (view state `group`).
 */
export const selectableLayerValues = ['districts', 'communes', 'hamlets', 'fiber', 'bts', 'shared-sites', 'sites', 'coverage', 'gaps', 'measurements'] as const satisfies readonly (
  | Exclude<LayerName, 'consolidation'>
  | 'measurements'
)[];
assertComplete<Complete<Exclude<LayerName, 'consolidation'> | 'measurements', typeof selectableLayerValues>>(true);
export type SelectableLayer = (typeof selectableLayerValues)[number];

/** The API layers (of useLayerData) that a set of toggles needs loaded. */
export function dataLayersOf(toggles: readonly MapToggle[]): LayerName[] {
  const layers = toggles.flatMap((toggle): LayerName[] => (toggle === 'measurements' ? [] : [toggle === 'hamlet-verdicts' ? 'hamlets' : toggle]));
  return [...new Set(layers)];
}

export const technologyGroupValues = ['broadband', '2G', '3G', '4G', '5G'] as const satisfies readonly TechnologyGroup[];
assertComplete<Complete<TechnologyGroup, typeof technologyGroupValues>>(true);

/** Best first: the order of legends, filters and table sorting. */
export const verdictValues = ['covered', 'lom_song', 'trang_song'] as const satisfies readonly Verdict[];
assertComplete<Complete<Verdict, typeof verdictValues>>(true);

export const measurementContradictionValues = ['predicted-covered-measured-below', 'predicted-uncovered-measured-above'] as const satisfies readonly MeasurementContradiction[];
assertComplete<Complete<MeasurementContradiction, typeof measurementContradictionValues>>(true);

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
