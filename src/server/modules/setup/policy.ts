import { isAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';

/** The setup checklist names how the installation is configured: administrators only. */
export const setupChecklistPolicy = definePolicy('setupChecklist', {
  read: (a) => isAdministratorRole(a.role),
});
