import type { Tx } from '../../db/client.ts';
import type { UserActor } from '../../platform/access/actor.ts';
import { authorize } from '../../platform/access/policy.ts';
import { recordAudit } from '../../platform/audit/recorder.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import { keyringOf, unwrapWith } from './keys.ts';
import type { CaseAccessRecord } from './policy.ts';
import './policy.ts';
import * as repo from './repository.ts';
import { withCaseAccess } from './rls.ts';

// Problem titles are wrapped in `msg` so the string extractor puts them in the catalogs.
const msg = (s: string) => s;

// Shared steps of every case use case: run under RLS as the actor, load how the actor stands to
// the case, authorize, and write sensitive reads to the audit log inside the same transaction.

export function caseTx<T>(ctx: Ctx, fn: (tx: Tx, actor: UserActor) => Promise<T>): Promise<T> {
  const actor = ctx.actor as UserActor;
  return withCaseAccess(ctx.database, actor, (tx) => fn(tx, actor));
}

/**
 * Loads the actor's relation to a case and checks `action`. A case the actor may not read answers
 * 404 whether or not it exists; one they may read but not change answers 403.
 */
export async function loadAccess(
  ctx: Ctx,
  tx: Tx,
  caseId: string,
  action: string,
): Promise<CaseAccessRecord> {
  const actor = ctx.actor as UserActor;
  const access = await repo.accessOf(tx, caseId, actor.userId);
  if (!access) {
    authorize(ctx.actor, 'list', 'case');
    throw problems.notFound('case');
  }
  authorize(ctx.actor, 'read', 'case', access, { hideAs404: true });
  authorize(ctx.actor, action, 'case', access);
  return access;
}

/** Writes an audit row now, inside the transaction: a read that is not recorded does not happen. */
export async function auditNow(
  ctx: Ctx,
  tx: Tx,
  action: string,
  caseId: string,
  details?: Record<string, unknown>,
) {
  const actor = ctx.actor as UserActor;
  await recordAudit(tx, {
    actorUserId: actor.userId,
    actorEmail: actor.email,
    actorOrganisationId: actor.organisationId,
    action,
    resourceType: 'case',
    resourceId: caseId,
    outcome: 'success',
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    details: details ?? null,
  });
}

/** The case's data key, or null once the case has been shredded. Every unwrap is audited by the caller. */
export async function dataKeyOf(ctx: Ctx, tx: Tx, caseId: string): Promise<Buffer | null> {
  const row = await repo.findCaseKey(tx, caseId);
  return row ? unwrapWith(keyringOf(ctx.config), caseId, row) : null;
}

export function problemIfShredded(shredded: boolean) {
  if (shredded)
    throw problems.conflict(
      'case_shredded',
      msg('The identifying data of this case was destroyed at the end of its retention period.'),
    );
}
