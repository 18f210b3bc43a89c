/**
 * The roles and what each may do: the one place that says who may do what.
 * Routes ask for a permission (`requirePermission`); record writes also check
 * the record's operator (`assertMayWriteRecord`): an operator's engineer
 * changes only the equipment of the operator the account is bound to.
 */
import type { Role } from '../contracts/auth-contracts.js';

export { roles, type Role } from '../contracts/auth-contracts.js';

export const permissions = [
  /** Create, edit, delete and restore sites, BTS and fiber (operators: their own only). */
  'infrastructure.write',
  /** Import field measurements (drive tests). */
  'measurements.import',
  /** Record hamlet inspections. */
  'inspections.record',
  /** Submit proposals (operators: for their own operator only). */
  'proposals.submit',
  /** Approve or reject proposals. */
  'proposals.decide',
  /** Run the site planner (heavier than a co-location search; operators: for their own operator only). */
  'sites.plan',
  /** Edit the plan's targets and reported indicator values. */
  'targets.edit',
  /** Read the audit log. */
  'audit.read',
  /** Create, edit and deactivate accounts. */
  'users.manage',
] as const;
export type Permission = (typeof permissions)[number];

export const grants: Record<Role, readonly Permission[]> = {
  admin: ['users.manage', 'audit.read'],
  planner: ['infrastructure.write', 'measurements.import', 'proposals.decide', 'sites.plan', 'targets.edit', 'audit.read'],
  operator: ['infrastructure.write', 'proposals.submit', 'sites.plan'],
  inspector: ['measurements.import', 'inspections.record'],
};

export function roleMay(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
