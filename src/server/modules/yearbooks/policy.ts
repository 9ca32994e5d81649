import { definePolicy } from '../../platform/access/policy.ts';

export interface EditionRecord {
  organisationId: string;
  status: string;
  /** Accounts that coordinate one of its chapters: they read the edition to write their chapter. */
  coordinatorUserIds?: string[];
}

export interface ChapterRecord {
  organisationId: string;
  coordinatorUserId: string | null;
}

type A = { role: string; organisationId: string; userId: string };

const network = (a: A) => a.role === 'network_administrator';
/** Who builds editions: an organisation's administrators and secretariat. */
const editor = (a: A) => a.role === 'administrator' || a.role === 'secretariat';
const own = (a: A, e?: { organisationId: string }) => !e || e.organisationId === a.organisationId;
const manages = (a: A, e?: { organisationId: string }) => network(a) || (editor(a) && own(a, e));
/** Approving and publishing is the administrator's word, not the editors' who wrote it. */
const signsOff = (a: A, e?: { organisationId: string }) =>
  network(a) || (a.role === 'administrator' && own(a, e));

/**
 * Yearbook editions and policy briefs. Published editions are public (pages, PDF); before that an
 * edition is read by its organisation, network administrators and its chapters' coordinators.
 * Editors (administrators, secretariat) of the organisation build it and send it for review; an
 * administrator approves, returns or publishes it.
 */
export const editionPolicy = definePolicy<EditionRecord>('yearbook', {
  list: () => true,
  read: (a, e) =>
    network(a) || !e || e.status === 'published' || own(a, e) || !!e.coordinatorUserIds?.includes(a.userId),
  create: (a) => network(a) || editor(a),
  update: manages,
  delete: manages,
  submit: manages,
  approve: signsOff,
  publish: signsOff,
  render: manages,
});

/**
 * A chapter is written by those who manage its edition, and by its coordinator — that chapter
 * only. With no record the answer is yes for anyone signed in: the service decides per chapter.
 */
export const chapterPolicy = definePolicy<ChapterRecord>('yearbookChapter', {
  write: (a, c) => !c || manages(a, c) || (c.coordinatorUserId !== null && c.coordinatorUserId === a.userId),
});
