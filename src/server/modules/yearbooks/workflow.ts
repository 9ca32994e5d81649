import type { Ctx } from '../../platform/http/context.ts';
import { Problem, problems } from '../../platform/http/problem.ts';
import { startRender } from './render.ts';
import * as repo from './repository.ts';
import type { EditionStatus } from './schema.ts';
import { editableEdition, presentEdition } from './service.ts';

const msg = (s: string) => s;

/** The review workflow: each move, where it may start, where it ends, and which ability it needs. */
export const MOVES = {
  submit: { from: 'draft', to: 'in_review', ability: 'submit' },
  return: { from: 'in_review', to: 'draft', ability: 'approve' },
  approve: { from: 'in_review', to: 'approved', ability: 'approve' },
  reopen: { from: 'approved', to: 'draft', ability: 'approve' },
  publish: { from: 'approved', to: 'published', ability: 'publish' },
  unpublish: { from: 'published', to: 'draft', ability: 'publish' },
} as const satisfies Record<string, { from: EditionStatus; to: EditionStatus; ability: string }>;
export type Move = keyof typeof MOVES;

export const illegalMove = (move: string, status: string) =>
  new Problem(
    409,
    'illegal_transition',
    msg('This step is not possible from the edition’s current state.'),
    `“${move}” cannot start from “${status}”.`,
  );

/**
 * Moves the edition along the workflow, recording who, when and why. Publishing makes its PDF in
 * the background and adds it to the library as a public publication.
 */
export async function moveEdition(
  ctx: Ctx,
  id: string,
  input: { move: Move; comment?: string; version: number },
) {
  const step = MOVES[input.move];
  ctx.note({ action: `yearbook.${input.move}`, resourceType: 'yearbook', resourceId: id });
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await editableEdition(ctx, tx, id, step.ability);
    if (current.version !== input.version) throw problems.versionConflict();
    if (current.status !== step.from) throw illegalMove(input.move, current.status);
    const actor = ctx.actor as { userId: string; name: string };
    const updated = await repo.updateEditionIfVersion(tx, id, input.version, {
      status: step.to,
      history: [
        ...current.history,
        {
          from: step.from,
          to: step.to,
          userId: actor.userId,
          name: actor.name,
          at: new Date().toISOString(),
          comment: input.comment ?? '',
        },
      ],
      ...(step.to === 'published' ? { publishedAt: new Date() } : {}),
    });
    if (!updated) throw problems.versionConflict();
    return updated;
  });
  if (step.to === 'published') await startRender(ctx, id, { publish: true });
  return presentEdition(ctx, row);
}
