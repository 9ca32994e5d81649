import { definePolicy } from '../../platform/access/policy.ts';

export interface EventRecord {
  organisationId: string;
  visibility: 'public' | 'private';
}

type A = { role: string; organisationId: string };

/** Network administrators act on every organisation's events (decisions/0005). */
const network = (a: A) => a.role === 'network_administrator';
/** Roles that organise events: administrators, secretariat and member editors, for their organisation. */
const organiser = (a: A) =>
  a.role === 'administrator' || a.role === 'secretariat' || a.role === 'member_editor';
const own = (a: A, e?: EventRecord) => !e || e.organisationId === a.organisationId;
const manages = (a: A, e?: EventRecord) => network(a) || (organiser(a) && own(a, e));

/**
 * Events: anyone signed in sees public events and those of their own organisation; network
 * administrators see all. Organisers (administrators, secretariat, member editors) create events
 * for their organisation and manage them — details, agenda, participants, attendance, exports.
 * Participants' details (emails, needs) are read only by those who manage the event.
 */
export const eventPolicy = definePolicy<EventRecord>('event', {
  list: () => true,
  read: (a, e) => network(a) || !e || e.visibility === 'public' || own(a, e),
  create: (a) => network(a) || organiser(a),
  update: manages,
  delete: manages,
  participants: manages,
});
