import { definePolicy } from '../../platform/access/policy.ts';
import type { ProgrammeStatus } from './schema.ts';

export interface ProgrammeRecord {
  status: ProgrammeStatus;
  /** The organisations that run the programme. */
  runningOrganisationIds: string[];
}

/** Network administrators and secretariat staff keep every programme of the network. */
const networkWide = (a: { role: string }) => a.role === 'network_administrator' || a.role === 'secretariat';
/**
 * An organisation's administrator or member editor keeps the programmes their organisation runs
 * (with no record: may they keep some programme at all).
 */
const ownOrganisationEditor = (a: { role: string; organisationId: string }, p?: ProgrammeRecord) =>
  (a.role === 'administrator' || a.role === 'member_editor') &&
  (!p || p.runningOrganisationIds.includes(a.organisationId));
const edits = (a: { role: string; organisationId: string }, p?: ProgrammeRecord) =>
  networkWide(a) || ownOrganisationEditor(a, p);

/**
 * Programmes. Who may edit:
 * - network administrators and secretariat staff: every programme;
 * - administrators and member editors: the programmes their own organisation runs (a new one must
 *   name their organisation among those running it, and an edit may not take it away);
 * - case workers and viewers: read only.
 * Every signed-in role reads drafts and archived programmes; the public reads published ones only
 * (the service answers those without this policy). A published programme is archived, not deleted,
 * so its public address keeps answering until staff archive it first.
 */
export const programmePolicy = definePolicy<ProgrammeRecord>('programme', {
  list: () => true,
  read: () => true,
  create: edits,
  update: edits,
  publish: (a, p) => edits(a, p) && p?.status !== 'published',
  archive: (a, p) => edits(a, p) && p?.status !== 'archived',
  delete: (a, p) => edits(a, p) && p?.status !== 'published',
});
