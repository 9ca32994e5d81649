import { isAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';

/** Administrators (network or organisation) and the secretariat keep the caucus records. */
const keeps = (a: { role: string }) => isAdministratorRole(a.role) || a.role === 'secretariat';

/**
 * The caucus belongs to the network (its secretariat keeps it), not to one member organisation, so
 * there is no own/other organisation rule — the same choice as the agreements register. Everyone
 * signed in reads members, posts and resolutions and takes the Popolo export; the public reads only
 * published resolutions, through the public page (the service, not this policy, decides that).
 * Only those who keep the records write them: a resolution recorded under the caucus's name, with
 * its signatories, is a secretariat decision.
 */
export const caucusPolicy = definePolicy('caucus', {
  list: () => true,
  read: () => true,
  export: () => true,
  create: keeps,
  update: keeps,
  delete: keeps,
});
