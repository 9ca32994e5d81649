import { isAdministratorRole, isNetworkAdministratorRole } from '../../../shared/roles.ts';
import type { UserActor } from '../../platform/access/actor.ts';
import { definePolicy } from '../../platform/access/policy.ts';

/**
 * How the acting person stands to one case, computed by the repository from the same tables the
 * row-level security policies read: assigned to it, supervisor of the handling organisation, or
 * receiver of a live referral (with what it shares). Nobody else has a relation.
 */
export interface CaseAccessRecord {
  id: string;
  organisationId: string;
  assigned: boolean;
  supervisor: boolean;
  referral: { status: 'pending' | 'accepted'; sharedFields: string[] } | null;
  shredded: boolean;
}

/** Roles that handle cases, and only with 2FA: an account that leaks here endangers a person. */
export const handlesCases = (a: UserActor) =>
  (a.role === 'case_worker' || a.role === 'secretariat') && a.totpEnabled;

const team = (a: UserActor, c?: CaseAccessRecord) => handlesCases(a) && (!c || c.assigned || c.supervisor);
const live = (c?: CaseAccessRecord) => !c?.shredded;
const receives = (c: CaseAccessRecord | undefined, field: string, accepted = false) =>
  !!c?.referral && c.referral.sharedFields.includes(field) && (!accepted || c.referral.status === 'accepted');

/** Cases: the team (assigned + supervisors) works on them; a referral receiver sees what is shared. Administrators get nothing. */
export const casePolicy = definePolicy<CaseAccessRecord>('case', {
  list: handlesCases,
  create: handlesCases,
  read: (a, c) => handlesCases(a) && (!c || c.assigned || c.supervisor || !!c.referral),
  update: (a, c) => team(a, c) && live(c),
  assign: (a, c) => team(a, c) && live(c),
  close: (a, c) => team(a, c) && live(c),
  manageConsent: (a, c) => team(a, c) && live(c),
  refer: (a, c) => team(a, c) && live(c),
  /** Referring without the matching consent needs a supervisor and a written reason. */
  overrideConsent: (a, c) => handlesCases(a) && (!c || c.supervisor) && live(c),
  readTimeline: (a, c) => team(a, c) || (handlesCases(a) && receives(c, 'timeline')),
  addEvent: (a, c) => (team(a, c) || (handlesCases(a) && receives(c, 'timeline', true))) && live(c),
  manageTasks: (a, c) => team(a, c) && live(c),
  uploadFile: (a, c) => team(a, c) && live(c),
  readFiles: (a, c) => team(a, c) || (handlesCases(a) && receives(c, 'files')),
  export: (a, c) => team(a, c) && live(c),
});

export interface ReferralRecord {
  toOrganisationId: string;
  toUserId: string | null;
  status: string;
  /** The actor supervises the receiving organisation. */
  receiverSupervisor: boolean;
  /** The actor is on the sending team (assigned or supervisor of the case). */
  senderTeam: boolean;
}

/** Referrals: the named receiver (or a supervisor of the receiving organisation) answers; the sender revokes. */
export const caseReferralPolicy = definePolicy<ReferralRecord>('caseReferral', {
  listIncoming: handlesCases,
  respond: (a, r) =>
    handlesCases(a) && (!r || (r.status === 'pending' && (r.toUserId === a.userId || r.receiverSupervisor))),
  revoke: (a, r) =>
    handlesCases(a) && (!r || ((r.status === 'pending' || r.status === 'accepted') && r.senderTeam)),
});

export interface SupervisorGrantRecord {
  organisationId: string;
  userId: string;
}

const manages = (a: UserActor) => isAdministratorRole(a.role) || a.role === 'secretariat';

/** Case supervisors are named by administrators or the secretariat of the same organisation, never by themselves. */
export const caseSupervisorPolicy = definePolicy<SupervisorGrantRecord>('caseSupervisor', {
  list: manages,
  grant: (a, g) => manages(a) && (!g || (g.organisationId === a.organisationId && g.userId !== a.userId)),
  revoke: (a, g) => manages(a) && (!g || g.organisationId === a.organisationId),
});

/** Anonymised, suppressed statistics: every staff role, never the identities behind them. */
export const caseStatisticsPolicy = definePolicy('caseStatistics', {
  read: (a) => a.role !== 'viewer',
});

/** Where Get-help requests go: seen by those who name intake desks, changed network-wide by network administrators. */
export const intakeRoutingPolicy = definePolicy('intakeRouting', {
  read: manages,
  update: (a) => isNetworkAdministratorRole(a.role),
});
