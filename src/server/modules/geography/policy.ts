import { isAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';
import type { Grouping } from './groupings.ts';

const staff = (a: { role: string }) => isAdministratorRole(a.role) || a.role === 'secretariat';

/** Country groupings: public facts are read-only; a network's own regions are kept by staff. */
export const geoRegionPolicy = definePolicy<Pick<Grouping, 'builtIn'>>('geoRegion', {
  list: () => true,
  create: staff,
  update: (a, g) => staff(a) && !g?.builtIn,
  delete: (a, g) => staff(a) && !g?.builtIn,
});
