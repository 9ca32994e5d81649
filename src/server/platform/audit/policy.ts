import { isNetworkAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../access/policy.ts';

/** The audit log spans every organisation: network administrators search and export it; no one edits it. */
export const auditPolicy = definePolicy('audit', {
  search: (a) => isNetworkAdministratorRole(a.role),
  export: (a) => isNetworkAdministratorRole(a.role),
});
