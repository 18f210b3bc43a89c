import type { Operator, Permission, Role, SessionInfo, User } from '../domain/contract-types.js';
import type { Translate } from '../i18n/i18n-context.js';

// What the client shows to whom. The server decides (roles.ts, authenticate.ts);
// these mirror its rules only to hide controls that would be refused.

export function hasPermission(session: SessionInfo | null, permission: Permission): boolean {
  return session?.permissions.includes(permission) ?? false;
}

/**
 * Whether the signed-in account may change a record belonging to
 * `recordOperator` (a BTS's or route's operator, a site's owner): any record
 * with infrastructure.write, except that an operator's account changes only its
 * own operator's.
 */
export function mayWriteRecord(session: SessionInfo | null, recordOperator: string): boolean {
  const user = session?.user;
  if (!user || !hasPermission(session, 'infrastructure.write')) return false;
  return user.role !== 'operator' || user.operator === recordOperator;
}

/** Whether the account may hand a site to another owner (an operator's account may not give its sites away). */
export function mayChangeSiteOwner(session: SessionInfo | null): boolean {
  return hasPermission(session, 'infrastructure.write') && session?.user?.role !== 'operator';
}

/** "Quản trị", "Cán bộ Sở (quy hoạch)", "Nhà mạng Viettel", "Cán bộ kiểm tra". */
export function roleLabel(t: Translate, role: Role, operator: string | null, operators: readonly Operator[]): string {
  if (role === 'operator') {
    const name = operators.find((o) => o.code === operator)?.shortName ?? operator ?? '';
    return t('role.operatorOf', { operator: name });
  }
  return t(`role.${role}`);
}

export function userRoleLabel(t: Translate, user: User, operators: readonly Operator[]): string {
  return roleLabel(t, user.role, user.operator, operators);
}
