import { isAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';

/** Administrators (network or organisation) and the secretariat keep the register. */
export const keepsRegister = (a: { role: string }) => isAdministratorRole(a.role) || a.role === 'secretariat';

/**
 * The agreements register is the network's, not one organisation's: there is no own/other
 * organisation here. Everyone signed in reads it (drafts included, so member organisations can see
 * what is being prepared); the public reads published agreements through the service, without this
 * policy. Only those who keep the register write it, monitoring entries included: a finding
 * published under the network's name is a secretariat decision.
 */
export const agreementPolicy = definePolicy('agreement', {
  list: () => true,
  read: () => true,
  create: keepsRegister,
  update: keepsRegister,
  delete: keepsRegister,
  monitor: keepsRegister,
});
