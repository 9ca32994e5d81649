import { isNetworkAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';

// Vocabularies are shared by every organisation of the platform: only network administrators change them.
const isAdmin = (a: { role: string }) => isNetworkAdministratorRole(a.role);

/** Controlled vocabularies: everyone signed in reads them; network administrators edit, import and retire terms. */
export const vocabularyPolicy = definePolicy('vocabulary', {
  list: () => true,
  read: () => true,
  create: isAdmin,
  update: isAdmin,
  import: isAdmin,
  export: () => true,
});
