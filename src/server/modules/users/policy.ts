import { isAdministratorRole, isNetworkAdministratorRole } from '../../../shared/roles.ts';
import type { UserActor } from '../../platform/access/actor.ts';
import { definePolicy } from '../../platform/access/policy.ts';

/** An account, or an account about to exist (an invitation, a new role): its organisation and role. */
export interface UserRecord {
  id?: string;
  organisationId: string;
  role?: string;
}

const isNetworkAdmin = (a: UserActor) => isNetworkAdministratorRole(a.role);

/**
 * Whether the actor administers this account: a network administrator any, an organisation's
 * administrator those of their own organisation, never a network administrator's account (and
 * never makes one).
 */
export const administers = (a: UserActor, u: UserRecord) =>
  isNetworkAdmin(a) ||
  (a.role === 'administrator' && u.organisationId === a.organisationId && u.role !== 'network_administrator');

const otherThanSelf = (a: UserActor, u?: UserRecord) =>
  isAdministratorRole(a.role) && (!u || (administers(a, u) && u.id !== a.userId));

/**
 * Accounts: administrators manage those of their own organisation, network administrators every
 * one (never their own role or access: no one locks themselves out). The secretariat reads the list.
 * Who is listed is narrowed to the actor's organisation by `listScope`.
 */
export const userPolicy = definePolicy<UserRecord>('user', {
  list: (a) => isAdministratorRole(a.role) || a.role === 'secretariat',
  /** The record is the invitation: the organisation and role it gives. */
  invite: (a, u) => isAdministratorRole(a.role) && (!u || administers(a, u)),
  /** Pending invitations; narrowed to the actor's organisation by `listScope`. */
  listInvitations: (a) => isAdministratorRole(a.role),
  update: otherThanSelf,
  resetTwoFactor: otherThanSelf,
  /** Choosing an account's organisation at all (the invitation form's organisation picker). */
  actAcrossOrganisations: (a) => isNetworkAdmin(a),
});

/** The organisation whose accounts the actor may list, or null for every organisation. */
export function listScope(a: UserActor): string | null {
  return isNetworkAdmin(a) ? null : a.organisationId;
}

/** Role settings (which roles require 2FA) apply to the whole platform: network administrators change them. */
export const roleSettingPolicy = definePolicy('roleSetting', {
  list: (a) => isAdministratorRole(a.role),
  update: (a) => isNetworkAdmin(a),
});
