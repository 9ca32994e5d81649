import { definePolicy } from '../../platform/access/policy.ts';

/** What a recommendation's access turns on: its dialogue's organisation and visibility. */
export interface RecommendationRecord {
  organisationId: string;
  visibility: 'public' | 'private';
}

type A = { role: string; organisationId: string };

/** Network administrators act on every organisation's dialogues (decisions/0005). */
const network = (a: A) => a.role === 'network_administrator';
/** The roles that organise events also follow up their dialogues' recommendations. */
const organiser = (a: A) =>
  a.role === 'administrator' || a.role === 'secretariat' || a.role === 'member_editor';
const own = (a: A, r?: RecommendationRecord) => !r || r.organisationId === a.organisationId;
const manages = (a: A, r?: RecommendationRecord) => network(a) || (organiser(a) && own(a, r));

/**
 * Recommendations follow their dialogue: anyone signed in reads those of public dialogues and of
 * their own organisation's; network administrators read all. Organisers of the dialogue's
 * organisation write them, record their status updates (track) and delete them.
 */
export const recommendationPolicy = definePolicy<RecommendationRecord>('recommendation', {
  list: () => true,
  read: (a, r) => network(a) || !r || r.visibility === 'public' || own(a, r),
  create: manages,
  update: manages,
  delete: manages,
  track: manages,
});
