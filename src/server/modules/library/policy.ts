import { isAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';

export interface PublicationRecord {
  isPublic: boolean;
}

const isStaff = (a: { role: string }) => isAdministratorRole(a.role) || a.role === 'secretariat';

/**
 * The publications library: staff keep it (records and files); everyone signed in reads all of it,
 * private entries included. Public entries and their files are open to anyone (the service answers
 * them without this policy).
 */
export const publicationPolicy = definePolicy<PublicationRecord>('publication', {
  list: () => true,
  read: () => true,
  create: isStaff,
  update: isStaff,
  delete: isStaff,
  upload: isStaff,
});
