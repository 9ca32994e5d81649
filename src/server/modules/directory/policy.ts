import { isAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';

export interface OrganisationRecord {
  id: string;
  published: boolean;
}

export interface MembershipRecord {
  organisationId: string | null;
  parentId: string;
}

/** Administrators and secretariat staff keep the whole directory. */
export const isStaff = (a: { role: string }) => isAdministratorRole(a.role) || a.role === 'secretariat';
const editorOf = (a: { role: string; organisationId: string }, id: string | null | undefined) =>
  a.role === 'member_editor' && (id === undefined || id === a.organisationId);

/** Organisations: every signed-in person reads the directory; staff edit all, member editors their own. */
export const organisationPolicy = definePolicy<OrganisationRecord>('organisation', {
  list: () => true,
  read: () => true,
  export: () => true,
  create: isStaff,
  update: (a, o) => isStaff(a) || editorOf(a, o?.id),
  merge: isStaff,
  import: isStaff,
});

/**
 * Memberships: staff link anyone to any network; a member editor keeps the memberships held inside
 * their own organisation (its people and sub-groups), never its place in someone else's network.
 */
export const membershipPolicy = definePolicy<MembershipRecord>('membership', {
  list: () => true,
  create: (a, m) => isStaff(a) || editorOf(a, m?.parentId),
  update: (a, m) => isStaff(a) || editorOf(a, m?.parentId),
  delete: (a, m) => isStaff(a) || editorOf(a, m?.parentId),
});
