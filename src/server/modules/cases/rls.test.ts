import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import * as repo from './repository.ts';
import { withCaseAccess, withCaseSystem } from './rls.ts';
import { buildWorld, createCaseTestApp, openCase } from './test-support.ts';

// The second wall: PostgreSQL itself refuses case rows to anyone the policies do not name, even
// when a query skips the service layer entirely. Runs on PGlite and, with DATABASE_URL, on PostgreSQL.

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
let caseId: string;
beforeAll(async () => {
  t = await createCaseTestApp();
  w = await buildWorld(t);
  caseId = (await openCase(t, w.worker.cookie)).id;
});
afterAll(() => t.close());

/** Drizzle wraps database errors; the PostgreSQL message is on `cause`. */
async function dbError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return `${e.message} ${e.cause?.message ?? ''}`;
  }
  return 'no error';
}

const countAs = (role: string, settings: Record<string, string> = {}) =>
  t.database.db.transaction(async (tx) => {
    for (const [k, v] of Object.entries(settings)) await tx.execute(sql`select set_config(${k}, ${v}, true)`);
    await tx.execute(sql.raw(`set local role ${role}`));
    const result = await tx.execute(sql`select count(*)::int as n from cases`);
    return (result.rows[0] as { n: number }).n;
  });

describe('row-level security on cases', () => {
  it('the owner connection sees the case (the app itself never reads cases this way)', async () => {
    const result = await t.database.db.execute(sql`select count(*)::int as n from cases`);
    expect((result.rows[0] as { n: number }).n).toBe(1);
  });

  it('a plain query as the case role without an acting user returns nothing', async () => {
    expect(await countAs('tulay_case_reader')).toBe(0);
  });

  it("a query naming another user returns nothing; the assigned user's returns the case", async () => {
    expect(
      await countAs('tulay_case_reader', {
        'tulay.user_id': w.outsider.id,
        'tulay.organisation_id': w.outsider.organisationId,
      }),
    ).toBe(0);
    expect(
      await countAs('tulay_case_reader', {
        'tulay.user_id': w.colleague.id,
        'tulay.organisation_id': w.colleague.organisationId,
      }),
    ).toBe(0);
    expect(
      await countAs('tulay_case_reader', {
        'tulay.user_id': w.worker.id,
        'tulay.organisation_id': w.worker.organisationId,
      }),
    ).toBe(1);
    expect(
      await countAs('tulay_case_reader', {
        'tulay.user_id': w.supervisor.id,
        'tulay.organisation_id': w.supervisor.organisationId,
      }),
    ).toBe(1);
  });

  it('refuses a case read that bypasses the service layer (repository called directly as a stranger)', async () => {
    const found = await withCaseAccess(
      t.database,
      { userId: w.outsider.id, organisationId: w.outsider.organisationId },
      (tx) => repo.findCase(tx, caseId),
    );
    expect(found).toBeUndefined();
    const key = await withCaseAccess(
      t.database,
      { userId: w.outsider.id, organisationId: w.outsider.organisationId },
      (tx) => repo.findCaseKey(tx, caseId),
    );
    expect(key).toBeUndefined();
  });

  it('refuses writes by a stranger: no update, no self-assignment', async () => {
    const actor = { userId: w.outsider.id, organisationId: w.outsider.organisationId };
    const updated = await withCaseAccess(t.database, actor, (tx) =>
      repo.updateCaseIfVersion(tx, caseId, 1, { title: 'x' }),
    );
    expect(updated).toBe(false);
    expect(
      await dbError(
        withCaseAccess(t.database, actor, (tx) =>
          repo.insertAssignment(tx, caseId, actor.userId, actor.userId),
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('an administrator of the handling organisation sees nothing either', async () => {
    expect(
      await countAs('tulay_case_reader', {
        'tulay.user_id': w.admin.id,
        'tulay.organisation_id': w.admin.organisationId,
      }),
    ).toBe(0);
  });

  it('the system role cannot read identifying columns at all', async () => {
    expect(
      await dbError(withCaseSystem(t.database, (tx) => tx.execute(sql`select client_enc from cases`))),
    ).toMatch(/permission denied/);
    expect(
      await dbError(withCaseSystem(t.database, (tx) => tx.execute(sql`select narrative_enc from cases`))),
    ).toMatch(/permission denied/);
    const ok = await withCaseSystem(t.database, (tx) =>
      tx.execute(sql`select count(*)::int as n from cases`),
    );
    expect((ok.rows[0] as { n: number }).n).toBe(1);
  });

  it('settings and role end with the transaction: the next query on the connection is the owner again', async () => {
    await withCaseAccess(
      t.database,
      { userId: w.worker.id, organisationId: w.worker.organisationId },
      async () => {},
    );
    const result = await t.database.db.execute(
      sql`select current_user as u, current_setting('tulay.user_id', true) as s`,
    );
    const row = result.rows[0] as { u: string; s: string | null };
    expect(row.u).not.toBe('tulay_case_reader');
    expect(row.s ?? '').toBe('');
  });
});
