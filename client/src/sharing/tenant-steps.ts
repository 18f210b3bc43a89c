/**
 * Shared sites are drawn by tenant count, i.e. distinct operators with an
 * active BTS on the structure: 1, 2, 3 and 4 or more, each step larger and
 * darker. The same values drive the map style and its legend.
 */
export const tenantSteps = [
  { min: 1, label: '1', colour: '#fef08a', stroke: '#a16207', radiusPx: 5 },
  { min: 2, label: '2', colour: '#fdba74', stroke: '#c2410c', radiusPx: 7 },
  { min: 3, label: '3', colour: '#f97316', stroke: '#9a3412', radiusPx: 9 },
  { min: 4, label: '≥ 4', colour: '#c2410c', stroke: '#431407', radiusPx: 11 },
] as const;

export type TenantStep = (typeof tenantSteps)[number];

/** The step of a tenant count (counts below 1 take the first step: a site without tenants is not on the shared-sites layer). */
export function tenantStepOf(operatorCount: number): TenantStep {
  let step: TenantStep = tenantSteps[0];
  for (const candidate of tenantSteps) if (operatorCount >= candidate.min) step = candidate;
  return step;
}
