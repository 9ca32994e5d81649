import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { presentPractice, syncPracticeIndex } from './present.ts';
import * as repo from './repository.ts';
import type { PracticeStatus } from './schema.ts';

/** The review workflow: which action moves a practice from which status to which, under which policy rule. */
export const TRANSITIONS = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted', rule: 'submit', needsComment: false },
  request_changes: { from: ['submitted'], to: 'changes_requested', rule: 'review', needsComment: true },
  publish: { from: ['submitted'], to: 'published', rule: 'review', needsComment: false },
  reject: { from: ['submitted'], to: 'rejected', rule: 'review', needsComment: true },
  unpublish: { from: ['published'], to: 'submitted', rule: 'unpublish', needsComment: true },
} as const satisfies Record<
  string,
  { from: PracticeStatus[]; to: PracticeStatus; rule: string; needsComment: boolean }
>;
export type TransitionAction = keyof typeof TRANSITIONS;

/** Moves a practice through the workflow; every transition is recorded with who, when and why. */
export async function transition(
  ctx: Ctx,
  id: string,
  input: { action: TransitionAction; comment?: string; version: number },
) {
  const step = TRANSITIONS[input.action];
  ctx.note({ action: `practice.${input.action}`, resourceType: 'practice', resourceId: id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await repo.findPractice(tx, id);
    if (!current) throw problems.notFound('practice');
    authorize(ctx.actor, 'read', 'practice', current, { hideAs404: true });
    if (!(step.from as readonly string[]).includes(current.status)) {
      throw problems.conflict(
        'invalid_transition',
        'This step is not possible from the record’s current status.',
        `${current.status} → ${step.to}`,
      );
    }
    authorize(ctx.actor, step.rule, 'practice', current);
    if (step.needsComment && !input.comment?.trim()) {
      throw problems.validation([
        { field: 'body.comment', code: 'required', message: 'Say what should change or why' },
      ]);
    }
    const updated = await repo.updatePracticeIfVersion(tx, id, input.version, {
      status: step.to,
      ...(step.to === 'published' ? { publishedAt: current.publishedAt ?? new Date() } : {}),
    });
    if (!updated) throw problems.versionConflict();
    await repo.insertEvent(tx, {
      practiceId: id,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      action: input.action,
      fromStatus: current.status,
      toStatus: step.to,
      comment: input.comment?.trim() || null,
    });
    await syncPracticeIndex(tx, updated);
    return updated;
  });
  return presentPractice(ctx, row, { history: true });
}

/** A review comment without a change of status. */
export async function comment(ctx: Ctx, id: string, text: string) {
  ctx.note({ action: 'practice.comment', resourceType: 'practice', resourceId: id });
  const row = await repo.findPractice(ctx.database.db, id);
  if (!row) throw problems.notFound('practice');
  authorize(ctx.actor, 'read', 'practice', row, { hideAs404: true });
  authorize(ctx.actor, 'comment', 'practice', row);
  await repo.insertEvent(ctx.database.db, {
    practiceId: id,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    action: 'comment',
    comment: text,
  });
  return presentPractice(ctx, row, { history: true });
}
