import { isAdministratorRole, isNetworkAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';

export interface OrganisationScoped {
  organisationId: string;
}

/** Administrators and secretariat staff of the organisation; network administrators of any. */
const managesFor = (a: { role: string; organisationId: string }, r?: OrganisationScoped) =>
  isNetworkAdministratorRole(a.role) ||
  ((isAdministratorRole(a.role) || a.role === 'secretariat') &&
    (!r || r.organisationId === a.organisationId));

/**
 * Applications hold personal data a person sent to one organisation (name, email, phone, school,
 * motivation), for one purpose: being considered for an internship there. So only the people who
 * decide on interns at that organisation read them: its administrators and secretariat, and the
 * network administrators, who act across organisations (decisions/0005). Member editors, case
 * workers and viewers do not: they have no part in the decision, and the form promises the data
 * goes no further. The public only submits (through the service, without a session).
 */
export const internshipApplicationPolicy = definePolicy<OrganisationScoped>('internshipApplication', {
  list: (a) => managesFor(a),
  read: managesFor,
  review: managesFor,
  place: managesFor,
  delete: managesFor,
});

/** Opportunities are public text once open; the same people keep them for their organisation. */
export const internshipOpportunityPolicy = definePolicy<OrganisationScoped>('internshipOpportunity', {
  list: (a) => managesFor(a),
  create: managesFor,
  update: managesFor,
  delete: managesFor,
});
