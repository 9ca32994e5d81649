import { definePolicy } from '../../platform/access/policy.ts';

export interface TrainingRecord {
  organisationId: string;
  /** For a follow-up: the person it is assigned to. */
  assigneeId?: string | null;
}

type A = { role: string; organisationId: string; userId: string };

/** Network administrators act on every organisation's trainings (decisions/0005). */
const network = (a: A) => a.role === 'network_administrator';
/** The roles that organise events organise trainings, for their organisation. */
const organiser = (a: A) =>
  a.role === 'administrator' || a.role === 'secretariat' || a.role === 'member_editor';
const own = (a: A, r?: TrainingRecord) => !r || r.organisationId === a.organisationId;
const manages = (a: A, r?: TrainingRecord) => network(a) || (organiser(a) && own(a, r));

/**
 * Training courses, their cohorts' completions and certificates, follow-ups, alumni. Alumni hold
 * personal data (sex, country, organisation), so everything but the course list and the reach
 * totals (counts only) is for those who organise the course's organisation's trainings. A
 * follow-up's assignee may record its outcome even without organising.
 */
export const trainingPolicy = definePolicy<TrainingRecord>('training', {
  list: () => true,
  read: (a, r) => network(a) || own(a, r),
  create: (a) => network(a) || organiser(a),
  update: manages,
  delete: manages,
  /** Completion, certificates, alumni and the follow-up task list. */
  graduates: manages,
  followUp: (a, r) => manages(a, r) || (!!r?.assigneeId && r.assigneeId === a.userId),
  reach: () => true,
});
