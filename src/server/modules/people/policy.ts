import { isAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';

export interface PersonRecord {
  id: string;
  /** Organisations the person is affiliated with (memberships held in them). */
  organisationIds: string[];
}

const staff = (a: { role: string }) => isAdministratorRole(a.role) || a.role === 'secretariat';

/**
 * People: everyone signed in sees names and posts; contact details are for staff only; member
 * editors keep the people affiliated with their own organisation.
 */
export const personPolicy = definePolicy<PersonRecord>('person', {
  list: () => true,
  read: () => true,
  export: () => true,
  readContact: staff,
  create: (a) => staff(a) || a.role === 'member_editor',
  // A spreadsheet can create and rewrite many people at once: staff only, like organisation imports.
  import: staff,
  update: (a, p) =>
    staff(a) || (a.role === 'member_editor' && (!p || p.organisationIds.includes(a.organisationId))),
});
