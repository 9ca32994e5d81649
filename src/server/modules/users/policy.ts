import { definePolicy } from '../../platform/access/policy.ts';

export interface UserRecord {
  id: string;
  organisationId: string;
}

const isAdmin = (a: { role: string }) => a.role === 'administrator';

/** Accounts: administrators manage them (never their own role or access: no one locks themselves out). */
export const userPolicy = definePolicy<UserRecord>('user', {
  list: (a) => isAdmin(a) || a.role === 'secretariat',
  invite: isAdmin,
  update: (a, u) => isAdmin(a) && (!u || u.id !== a.userId),
  resetTwoFactor: (a, u) => isAdmin(a) && (!u || u.id !== a.userId),
});

/** Role settings (which roles require 2FA). */
export const roleSettingPolicy = definePolicy('roleSetting', {
  list: (a) => isAdmin(a),
  update: (a) => isAdmin(a),
});
