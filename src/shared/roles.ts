/** The roles a Tulay account can hold. The public is not a role: it is the absence of a session. */
export const ROLES = ['administrator', 'secretariat', 'member_editor', 'case_worker', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must use two-factor authentication unless an administrator changes it. */
export const DEFAULT_TWO_FACTOR_ROLES: readonly Role[] = ['administrator', 'case_worker'];

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
