import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.ts';

/**
 * Every query on case tables runs inside one of these transactions. They switch to a role that
 * row-level security applies to (the connection itself is the owner, or a superuser on PGlite),
 * and name the acting user in transaction-local settings the policies read. Both settings and
 * role end with the transaction, so a pooled connection never carries them to another request.
 */
export interface CaseActor {
  userId: string;
  organisationId: string;
}

/** Runs `fn` as the acting user under the case policies (migration cases_rls). */
export function withCaseAccess<T>(
  database: Database,
  actor: CaseActor,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('tulay.user_id', ${actor.userId}, true), set_config('tulay.organisation_id', ${actor.organisationId}, true), set_config('tulay.intake_case_id', '', true)`,
    );
    await enterCaseRole(tx);
    return fn(tx);
  });
}

/**
 * The policies' subplans inflate the planner's cost estimates past jit_above_cost, and JIT
 * compilation then takes seconds for what executes in milliseconds (index lookups): keep it off.
 */
async function enterCaseRole(tx: Tx) {
  await tx.execute(sql`set local jit = off`);
  await tx.execute(sql`set local role tulay_case_reader`);
}

/** Runs `fn` for the person who asked for help, after the service checked their reference and secret. */
export function withIntakeCase<T>(
  database: Database,
  caseId: string,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('tulay.user_id', '', true), set_config('tulay.organisation_id', '', true), set_config('tulay.intake_case_id', ${caseId}, true)`,
    );
    await enterCaseRole(tx);
    return fn(tx);
  });
}

/** Statistics, retention and key rotation: a role that can only read non-identifying columns. */
export function withCaseSystem<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local role tulay_case_system`);
    return fn(tx);
  });
}
