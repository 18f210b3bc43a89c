import { z } from 'zod';

// Accounts, sessions, API tokens and the audit log, as they cross the wire.

export const roles = ['admin', 'planner', 'operator', 'inspector'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/);
/** At least 10 characters, at most 200 (scrypt hashes anything, but a bound keeps requests small). */
export const passwordSchema = z.string().min(10).max(200);

export const userSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  operator: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** GET /api/auth/session: who is signed in (null when nobody), and what the client may show. */
export const sessionInfoSchema = z.object({
  user: userSchema.nullable(),
  /** Echo in the X-CSRF-Token header of every write made with the session cookie. */
  csrfToken: z.string().nullable(),
  permissions: z.array(z.string()),
  anonymousRead: z.boolean(),
  expiresAt: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const loginRequestSchema = z.strictObject({ username: z.string().min(1).max(40), password: z.string().min(1).max(200) });
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const passwordChangeRequestSchema = z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });

export const userCreateRequestSchema = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(100),
  role: roleSchema,
  operator: z.string().min(1).max(32).nullable().optional(),
  password: passwordSchema,
});
export type UserCreateRequest = z.infer<typeof userCreateRequestSchema>;

export const userUpdateRequestSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(100).optional(),
  role: roleSchema.optional(),
  operator: z.string().min(1).max(32).nullable().optional(),
  active: z.boolean().optional(),
  /** Sets a new password (an admin's reset); the user's sessions and tokens end. */
  password: passwordSchema.optional(),
  version: z.number().int().min(1).optional(),
});
export type UserUpdateRequest = z.infer<typeof userUpdateRequestSchema>;

export const apiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The first characters of the token, to recognise it in a list; the token itself is shown once. */
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const apiTokenCreateRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Days until the token stops working; omitted: it works until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
/** The answer to creating a token: the only time the secret is sent. */
export const apiTokenCreatedSchema = apiTokenSchema.extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;

export const auditActions = [
  'create', 'update', 'delete', 'restore', 'import', 'login', 'login_failed', 'logout', 'token_create', 'token_revoke', 'password_change',
  'submit', 'approve', 'reject', 'withdraw',
] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditEntities = ['site', 'bts', 'fiber', 'user', 'session', 'api_token', 'field_measurements', 'inspection', 'proposal', 'admin_unit', 'hamlet', 'population_cluster',
  'indicator_target', 'reported_value', 'reporting_period', 'indicator_snapshot'] as const;
export type AuditEntity = (typeof auditEntities)[number];

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorRole: z.string().nullable(),
  action: z.enum(auditActions),
  entity: z.enum(auditEntities),
  code: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  summary: z.string().nullable(),
  clientIp: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
