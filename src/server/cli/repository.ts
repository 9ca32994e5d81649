import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { organisations } from '../modules/directory/schema.ts';
import { users } from '../platform/auth/schema.ts';

/** Every account with its organisation, for `tulay users list` (an installation has hundreds, not millions). */
export async function listAllUsers(tx: Tx) {
  return tx
    .select({
      email: users.email,
      name: users.name,
      role: users.role,
      organisation: organisations.name,
      totpEnabled: users.totpEnabled,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(sql`lower(${users.email})`));
}

/** Organisations (not merged away) whose name or acronym is `text`, ignoring case; name matches first. */
export async function organisationsNamed(tx: Tx, text: string) {
  return tx
    .select({ id: organisations.id, name: organisations.name, acronym: organisations.acronym })
    .from(organisations)
    .where(
      and(
        sql`(lower(${organisations.name}) = lower(${text}) or lower(${organisations.acronym}) = lower(${text}))`,
        isNull(organisations.mergedIntoId), // a merged organisation lives on only as a redirect
      ),
    )
    .orderBy(sql`lower(${organisations.name}) = lower(${text}) desc`, asc(organisations.name))
    .limit(10);
}
