import { isNetworkAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';

/**
 * Migration statistics are the network's: the secretariat and network administrators keep the data
 * sets, import figures and publish them. Every signed-in person reads them, drafts included; the
 * public reads published data sets through the public pages and API (no policy: `access: public`).
 * An organisation's administrator has no say here: the figures are not one organisation's.
 */
const keeps = (a: { role: string }) => isNetworkAdministratorRole(a.role) || a.role === 'secretariat';

export const statisticsPolicy = definePolicy('statistics', {
  read: () => true,
  manage: keeps,
  import: keeps,
});
