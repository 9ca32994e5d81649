/**
 * The roles a Tulay account can hold. The public is not a role: it is the absence of a session.
 * A network administrator administers the whole platform and every organisation's accounts; an
 * administrator administers the accounts of their own organisation only (docs/decisions/0005).
 */
export const ROLES = [
  'network_administrator',
  'administrator',
  'secretariat',
  'member_editor',
  'case_worker',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must use two-factor authentication unless a network administrator changes it. */
export const DEFAULT_TWO_FACTOR_ROLES: readonly Role[] = [
  'network_administrator',
  'administrator',
  'case_worker',
];

/** Roles that always need two-factor authentication: nobody may switch it off for them. */
export const ALWAYS_TWO_FACTOR_ROLES: readonly Role[] = ['network_administrator', 'administrator'];

/** Administers accounts: an organisation's administrator or a network administrator. */
export const isAdministratorRole = (role: string): boolean =>
  role === 'administrator' || role === 'network_administrator';

/** Administers the platform and acts across organisations. */
export const isNetworkAdministratorRole = (role: string): boolean => role === 'network_administrator';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
