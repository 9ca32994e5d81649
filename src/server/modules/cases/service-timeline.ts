import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { auditNow, caseTx, dataKeyOf, loadAccess, problemIfShredded } from './case-context.ts';
import { openText, sealText } from './case-text.ts';
import { decryptField, encryptField } from './crypto.ts';
import * as repo from './repository.ts';
import * as children from './repository-children.ts';
import { readCase } from './service-cases.ts';
import { listConsents, listReferrals } from './service-sharing.ts';

// The timeline (events, actions, notes, replies to the client), tasks with deadlines, and export.

type EventRow = Awaited<ReturnType<typeof children.listEvents>>[number];

function presentEvents(rows: EventRow[], dataKey: Buffer | null) {
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    occurredOn: e.occurredOn,
    visibility: e.visibility,
    authorUserId: e.authorUserId,
    createdAt: e.createdAt.toISOString(),
    text: dataKey ? decryptField<string>(dataKey, e.caseId, 'event', e.textEnc) : null,
  }));
}

export async function listEvents(ctx: Ctx, caseId: string) {
  return caseTx(ctx, async (tx) => {
    const access = await loadAccess(ctx, tx, caseId, 'readTimeline');
    const rows = await children.listEvents(tx, caseId);
    const dataKey = access.shredded || rows.length === 0 ? null : await dataKeyOf(ctx, tx, caseId);
    if (dataKey) await auditNow(ctx, tx, 'case.decrypt', caseId, { fields: ['timeline'] });
    return presentEvents(rows, dataKey);
  });
}

/** Adds to the timeline; a 'reply' is visible to the person who asked for help (through their code). */
export async function addEvent(
  ctx: Ctx,
  caseId: string,
  input: { kind: string; occurredOn?: string; text: string },
) {
  ctx.note({
    action: 'case.event.add',
    resourceType: 'case',
    resourceId: caseId,
    details: { kind: input.kind },
  });
  return caseTx(ctx, async (tx, actor) => {
    const access = await loadAccess(ctx, tx, caseId, 'addEvent');
    problemIfShredded(access.shredded);
    const dataKey = (await dataKeyOf(ctx, tx, caseId))!;
    const row = await children.insertEvent(tx, {
      caseId,
      kind: input.kind,
      occurredOn: input.occurredOn ?? null,
      textEnc: encryptField(dataKey, caseId, 'event', input.text),
      visibility: input.kind === 'reply' ? 'client' : 'internal',
      authorUserId: actor.userId,
    });
    await repo.touchCase(tx, caseId);
    return presentEvents([row], dataKey)[0];
  });
}

type TaskRow = Awaited<ReturnType<typeof children.listTasks>>[number];
// Task titles may name the client ("Call Maria's sister"): sealed under the case's data key.
const presentTask = ({ titleEnc, ...t }: TaskRow, dataKey: Buffer | null) => ({
  ...t,
  title: openText(dataKey, t.caseId, 'task_title', titleEnc, t.title),
  dueAt: t.dueAt?.toISOString() ?? null,
  remindAt: t.remindAt?.toISOString() ?? null,
  doneAt: t.doneAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
  overdue: !t.doneAt && !!t.dueAt && t.dueAt.getTime() < Date.now(),
});

export async function listTasks(ctx: Ctx, caseId: string) {
  return caseTx(ctx, async (tx) => {
    await loadAccess(ctx, tx, caseId, 'manageTasks');
    const rows = await children.listTasks(tx, caseId);
    const dataKey = rows.length ? await dataKeyOf(ctx, tx, caseId) : null;
    return rows.map((t) => presentTask(t, dataKey));
  });
}

export async function addTask(
  ctx: Ctx,
  caseId: string,
  input: { title: string; dueAt?: string; remindAt?: string; assigneeUserId?: string },
) {
  ctx.note({ action: 'case.task.add', resourceType: 'case', resourceId: caseId });
  return caseTx(ctx, async (tx, actor) => {
    await loadAccess(ctx, tx, caseId, 'manageTasks');
    if (input.assigneeUserId) {
      const assignees = await repo.listAssignees(tx, caseId);
      if (!assignees.some((a) => a.userId === input.assigneeUserId)) {
        throw problems.validation([
          {
            field: 'body.assigneeUserId',
            code: 'not_on_case',
            message: 'Tasks go to people assigned to the case',
          },
        ]);
      }
    }
    const dataKey = await dataKeyOf(ctx, tx, caseId);
    const row = await children.insertTask(tx, {
      caseId,
      titleEnc: sealText(dataKey!, caseId, 'task_title', input.title),
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      remindAt: input.remindAt ? new Date(input.remindAt) : null,
      assigneeUserId: input.assigneeUserId ?? null,
      createdBy: actor.userId,
    });
    await repo.touchCase(tx, caseId);
    return presentTask(row, dataKey);
  });
}

export async function updateTask(
  ctx: Ctx,
  caseId: string,
  taskId: string,
  input: { title?: string; dueAt?: string | null; remindAt?: string | null; done?: boolean; version: number },
) {
  ctx.note({ action: 'case.task.update', resourceType: 'case', resourceId: caseId, details: { taskId } });
  return caseTx(ctx, async (tx) => {
    await loadAccess(ctx, tx, caseId, 'manageTasks');
    const dataKey = await dataKeyOf(ctx, tx, caseId);
    const row = await children.updateTaskIfVersion(tx, caseId, taskId, input.version, {
      ...(input.title !== undefined
        ? { title: null, titleEnc: sealText(dataKey!, caseId, 'task_title', input.title) }
        : {}),
      ...(input.dueAt !== undefined ? { dueAt: input.dueAt ? new Date(input.dueAt) : null } : {}),
      ...(input.remindAt !== undefined
        ? { remindAt: input.remindAt ? new Date(input.remindAt) : null, remindedAt: null }
        : {}),
      ...(input.done !== undefined ? { doneAt: input.done ? new Date() : null } : {}),
    });
    if (!row) {
      if (await children.taskExists(tx, caseId, taskId)) throw problems.versionConflict();
      throw problems.notFound('task');
    }
    return presentTask(row, dataKey);
  });
}

/** The whole case file for the team (identifying data included): audited as an export. */
export async function exportCase(ctx: Ctx, caseId: string) {
  ctx.note({ action: 'case.export', resourceType: 'case', resourceId: caseId });
  await caseTx(ctx, async (tx) => {
    await loadAccess(ctx, tx, caseId, 'export');
    await auditNow(ctx, tx, 'case.export', caseId);
  });
  const [kase, events, tasks, consents, referrals] = [
    await readCase(ctx, caseId),
    await listEvents(ctx, caseId),
    await listTasks(ctx, caseId),
    await listConsents(ctx, caseId),
    await listReferrals(ctx, caseId),
  ];
  return { exportedAt: new Date().toISOString(), case: kase, events, tasks, consents, referrals };
}
