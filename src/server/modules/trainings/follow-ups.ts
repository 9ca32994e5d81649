import { isUser } from '../../platform/access/actor.ts';
import { abilitiesFor, authorize, can } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { termsOf } from '../vocabularies/service.ts';
import './policy.ts';
import * as repo from './repository.ts';
import { scopeOf } from './service.ts';

export interface FollowUpQuery {
  scope: 'mine' | 'all';
  state: 'open' | 'overdue' | 'closed';
  limit: number;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The follow-up task list: "mine" (assigned to me) or "all" of my organisation's courses (all
 * organisations for network administrators). Those who do not organise trainings only ever see
 * their own tasks.
 */
export async function listFollowUps(ctx: Ctx, q: FollowUpQuery) {
  authorize(ctx.actor, 'list', 'training');
  const actor = ctx.actor;
  const everyone = q.scope === 'all' && can(actor, 'graduates', 'training');
  const now = today();
  const rows = await repo.listFollowUps(ctx.database.db, {
    organisationId: scopeOf(ctx),
    assigneeId: everyone ? undefined : actor.userId,
    state: q.state,
    today: now,
    limit: q.limit,
  });
  const outcomes = await termsOf(ctx.database.db, 'training_outcome', ctx.locale, true);
  return {
    data: rows.map((r) => ({
      id: r.followUp.id,
      participantId: r.followUp.participantId,
      participantName: r.participantName,
      eventId: r.followUp.eventId,
      eventTitle: r.eventTitle,
      courseId: r.courseId,
      courseTitle: r.courseTitle,
      monthsAfter: r.followUp.monthsAfter,
      dueOn: r.followUp.dueOn,
      overdue: !r.followUp.closedAt && r.followUp.dueOn < now,
      assigneeId: r.followUp.assigneeId,
      assigneeName: r.assigneeName,
      outcomeCodes: r.followUp.outcomeCodes,
      outcomeLabels: r.followUp.outcomeCodes.map((c) => outcomes.find((o) => o.code === c)?.label ?? c),
      note: r.followUp.note,
      closedAt: r.followUp.closedAt?.toISOString() ?? null,
      version: r.followUp.version,
      abilities: abilitiesFor(actor, 'training', {
        organisationId: r.organisationId,
        assigneeId: r.followUp.assigneeId,
      }),
    })),
  };
}

async function loadFollowUp(ctx: Ctx, id: string) {
  const found = await repo.findFollowUp(ctx.database.db, id);
  if (!found) throw problems.notFound('follow-up');
  const record = { organisationId: found.organisationId, assigneeId: found.followUp.assigneeId };
  authorize(ctx.actor, 'followUp', 'training', record, { hideAs404: true });
  return { ...found, record };
}

export interface FollowUpChange {
  assigneeId?: string | null;
  dueOn?: string;
  /** Recording an outcome closes the task; an empty list with reopen: true opens it again. */
  outcomeCodes?: string[];
  note?: string;
  reopen?: boolean;
  version: number;
}

/** Reassigns or reschedules a follow-up, or records its outcome (which closes it). */
export async function updateFollowUp(ctx: Ctx, id: string, change: FollowUpChange) {
  ctx.note({ action: 'training.follow_up', resourceType: 'training', resourceId: id });
  const { followUp, record } = await loadFollowUp(ctx, id);
  const tx = ctx.database.db;
  if (
    (change.assigneeId !== undefined || change.dueOn !== undefined || change.reopen) &&
    !can(ctx.actor, 'graduates', 'training', record)
  )
    throw problems.forbidden();
  if (change.assigneeId) {
    const user = await repo.userIn(tx, change.assigneeId);
    if (!user || user.organisationId !== record.organisationId)
      throw problems.validation([
        { field: 'body.assigneeId', code: 'unknown_user', message: 'No such colleague' },
      ]);
  }
  if (change.outcomeCodes?.length) {
    const known = new Set((await termsOf(tx, 'training_outcome', 'en')).map((t) => t.code));
    const unknown = change.outcomeCodes.findIndex((c) => !known.has(c));
    if (unknown >= 0)
      throw problems.validation([
        { field: `body.outcomeCodes.${unknown}`, code: 'unknown_outcome', message: 'Not a training outcome' },
      ]);
  }
  const closing = change.outcomeCodes !== undefined && change.outcomeCodes.length > 0;
  const actorId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const row = await repo.updateFollowUpIfVersion(tx, id, change.version, {
    ...(change.assigneeId !== undefined ? { assigneeId: change.assigneeId } : {}),
    ...(change.dueOn !== undefined ? { dueOn: change.dueOn } : {}),
    ...(change.note !== undefined ? { note: change.note } : {}),
    ...(closing
      ? {
          outcomeCodes: [...new Set(change.outcomeCodes)],
          closedAt: followUp.closedAt ?? new Date(),
          closedBy: actorId,
        }
      : {}),
    ...(change.reopen ? { outcomeCodes: [], closedAt: null, closedBy: null } : {}),
  });
  if (!row) throw problems.versionConflict();
  return { data: { id: row.id, closed: !!row.closedAt, version: row.version } };
}

export async function deleteFollowUp(ctx: Ctx, id: string, version: number) {
  ctx.note({ action: 'training.follow_up.delete', resourceType: 'training', resourceId: id });
  const { followUp, record } = await loadFollowUp(ctx, id);
  authorize(ctx.actor, 'graduates', 'training', record);
  if (followUp.version !== version) throw problems.versionConflict();
  await repo.deleteFollowUp(ctx.database.db, id);
}

/** The outcome terms in the reader's language (administrators add more in Vocabularies). */
export async function outcomeTerms(ctx: Ctx) {
  authorize(ctx.actor, 'list', 'training');
  if (!isUser(ctx.actor)) throw problems.unauthenticated();
  const terms = await termsOf(ctx.database.db, 'training_outcome', ctx.locale);
  return { data: terms.map((t) => ({ code: t.code, label: t.label })) };
}
