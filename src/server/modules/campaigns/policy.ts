import { isAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';
import type { CampaignStatus } from './schema.ts';

export interface CampaignRecord {
  organisationId: string;
  status: CampaignStatus;
}

export interface EndorsementRecord {
  /** The organisation that signs. */
  organisationId: string;
}

/** Administrators and secretariat staff keep every campaign. */
export const isStaff = (a: { role: string }) => isAdministratorRole(a.role) || a.role === 'secretariat';
const editorOf = (a: { role: string; organisationId: string }, organisationId?: string) =>
  a.role === 'member_editor' && (organisationId === undefined || organisationId === a.organisationId);

/**
 * Campaigns: published ones are public (the service answers them without this policy); drafts are
 * for staff and the running organisation's editors, who also create, edit, delete and track them
 * (move countries along the stages, corrections included).
 */
export const campaignPolicy = definePolicy<CampaignRecord>('campaign', {
  list: () => true,
  read: (a, c) => !c || c.status === 'published' || isStaff(a) || editorOf(a, c.organisationId),
  create: (a) => isStaff(a) || a.role === 'member_editor',
  update: (a, c) => isStaff(a) || editorOf(a, c?.organisationId),
  delete: (a, c) => isStaff(a) || editorOf(a, c?.organisationId),
  track: (a, c) => isStaff(a) || editorOf(a, c?.organisationId),
});

/** Sign-ons: staff record any organisation's; a member editor signs (and withdraws) for their own only. */
export const endorsementPolicy = definePolicy<EndorsementRecord>('campaign_endorsement', {
  list: () => true,
  create: (a, e) => isStaff(a) || editorOf(a, e?.organisationId),
  delete: (a, e) => isStaff(a) || editorOf(a, e?.organisationId),
});
