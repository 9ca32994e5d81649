import { isAdministratorRole } from '../../../shared/roles.ts';
import { definePolicy } from '../../platform/access/policy.ts';
import type { PracticeStatus } from './schema.ts';

export interface PracticeRecord {
  organisationId: string;
  status: PracticeStatus;
}

/** Administrators and secretariat staff review good practices. */
export const isStaff = (a: { role: string }) => isAdministratorRole(a.role) || a.role === 'secretariat';
const ownEditor = (a: { role: string; organisationId: string }, p?: PracticeRecord) =>
  a.role === 'member_editor' && (!p || p.organisationId === a.organisationId);
const editable = (p?: PracticeRecord) => !p || p.status === 'draft' || p.status === 'changes_requested';

/**
 * Good practices: member editors propose them for their own organisation (draft → submitted) and
 * edit them while they are drafts or sent back; staff edit and review any. Published records are
 * public (the service answers them without this policy); everyone signed in reads published ones.
 */
export const practicePolicy = definePolicy<PracticeRecord>('practice', {
  list: () => true,
  read: (a, p) => isStaff(a) || !p || p.status === 'published' || ownEditor(a, p),
  create: (a) => isStaff(a) || a.role === 'member_editor',
  update: (a, p) => isStaff(a) || (ownEditor(a, p) && editable(p)),
  submit: (a, p) => (isStaff(a) || ownEditor(a, p)) && editable(p),
  review: (a, p) => isStaff(a) && (!p || p.status === 'submitted'),
  unpublish: (a, p) => isStaff(a) && (!p || p.status === 'published'),
  comment: (a, p) => isStaff(a) || ownEditor(a, p),
  delete: (a, p) => (isStaff(a) || ownEditor(a, p)) && (!p || p.status === 'draft'),
});
