import { and, desc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { auditEvents } from './schema.ts';

export interface AuditFilter {
  q?: string;
  actorUserId?: string;
  action?: string;
  outcome?: string;
  resourceType?: string;
  resourceId?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
}

/** Newest first, keyset-paginated by id. */
export async function searchAudit(tx: Tx, f: AuditFilter) {
  const pattern = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return tx
    .select()
    .from(auditEvents)
    .where(
      and(
        pattern
          ? sql`(${auditEvents.action} ilike ${pattern} or ${auditEvents.actorEmail} ilike ${pattern}
               or ${auditEvents.resourceId} ilike ${pattern} or ${auditEvents.ip} ilike ${pattern})`
          : undefined,
        f.actorUserId ? eq(auditEvents.actorUserId, f.actorUserId) : undefined,
        f.action
          ? sql`${auditEvents.action} like ${`${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`
          : undefined,
        f.outcome ? eq(auditEvents.outcome, f.outcome) : undefined,
        f.resourceType ? eq(auditEvents.resourceType, f.resourceType) : undefined,
        f.resourceId ? eq(auditEvents.resourceId, f.resourceId) : undefined,
        f.from ? gte(auditEvents.at, f.from) : undefined,
        f.to ? lte(auditEvents.at, f.to) : undefined,
        f.beforeId ? lt(auditEvents.id, f.beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(f.limit);
}
