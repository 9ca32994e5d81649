import type { FastifyInstance } from 'fastify';
import type { Tx } from '../../db/client.ts';
import { isUser } from '../access/actor.ts';
import { auditEvents } from './schema.ts';

export interface AuditNote {
  action: string;
  resourceType?: string;
  resourceId?: string;
  /** Who tried, when nobody is signed in yet (sign-in, password reset). */
  actorEmail?: string;
  details?: Record<string, unknown>;
}

export type AuditEvent = typeof auditEvents.$inferInsert;

/** Appends one event. Use inside the transaction of a sensitive read, so no read goes unrecorded. */
export async function recordAudit(tx: Tx, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values(event);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function outcomeOf(status: number): string {
  if (status < 400) return 'success';
  if (status === 401 || status === 403 || status === 423 || status === 429) return 'denied';
  return 'failed';
}

/**
 * Every write request leaves one audit entry per note (or one generic entry), whatever its outcome;
 * reads leave one only when a handler notes that it read something sensitive.
 */
export function registerAuditHook(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    request.auditNotes = [];
  });
  app.addHook('onResponse', async (request, reply) => {
    const notes = request.auditNotes ?? [];
    if (SAFE_METHODS.has(request.method) && notes.length === 0) return;
    if (!request.url.startsWith('/api/')) return;
    const actor = request.actor;
    const route = request.routeOptions.url ?? request.url.split('?')[0];
    const base = {
      actorUserId: actor && isUser(actor) ? actor.userId : null,
      actorEmail: actor && isUser(actor) ? actor.email : null,
      actorOrganisationId: actor && isUser(actor) ? actor.organisationId : null,
      outcome: outcomeOf(reply.statusCode),
      status: reply.statusCode,
      ip: request.ip,
      userAgent: String(request.headers['user-agent'] ?? '').slice(0, 400),
      requestId: request.id,
    };
    const rows: AuditEvent[] = (notes.length ? notes : [{ action: `${request.method} ${route}` }]).map(
      (n) => ({
        ...base,
        action: n.action,
        resourceType: n.resourceType ?? null,
        resourceId: n.resourceId ?? (request.params as { id?: string } | undefined)?.id ?? null,
        actorEmail: base.actorEmail ?? n.actorEmail?.slice(0, 320) ?? null,
        details: n.details ?? null,
      }),
    );
    try {
      await app.database.db.insert(auditEvents).values(rows);
    } catch (error) {
      request.log.error({ err: error }, 'audit write failed');
    }
  });
}
