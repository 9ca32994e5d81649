import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/harness.ts';
import * as repo from './repository.ts';
import { withCaseAccess, withCaseSystem } from './rls.ts';
import { buildWorld, createCaseTestApp, makeSupervisor, openCase, person } from './test-support.ts';

// The second wall: PostgreSQL itself refuses case rows to anyone the policies do not name, even
// when a query skips the service layer entirely. Runs on PGlite and, with DATABASE_URL, on PostgreSQL
// where an ordinary (non-superuser) role owns the database and runs the migrations, as
// docs/OPERATIONS.md sets it up: the policies then apply to the application's own role too.

let t: TestApp;
let w: Awaited<ReturnType<typeof buildWorld>>;
let caseId: string;
beforeAll(async () => {
  t = await createCaseTestApp({}, { applicationOwner: true });
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

const CASE_TABLES = ['cases', 'case_keys', 'case_assignments', 'case_referrals', 'case_tasks', 'case_events'];

async function isSuperuser(): Promise<boolean> {
  const result = await t.database.db.execute(sql`select rolsuper from pg_roles where rolname = current_user`);
  return (result.rows[0] as { rolsuper: boolean }).rolsuper;
}

/** Row counts of the case tables as the current role (nothing set, no case role). */
async function ownerCounts(tx: Pick<typeof t.database.db, 'execute'>) {
  const counts: Record<string, number> = {};
  for (const table of CASE_TABLES) {
    const result = await tx.execute(sql.raw(`select count(*)::int as n from ${table}`));
    counts[table] = (result.rows[0] as { n: number }).n;
  }
  return counts;
}

const none = Object.fromEntries(CASE_TABLES.map((name) => [name, 0]));

describe('row-level security on cases', () => {
  it("the application's own database role sees no case row, key, referral or task outside a case transaction", async () => {
    await t.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/tasks`,
      cookie: w.worker.cookie,
      payload: { title: 'Call the embassy' },
    });
    if (process.env.DATABASE_URL) {
      // The real thing: the owner is an ordinary role and still reaches nothing.
      expect(await isSuperuser()).toBe(false);
      expect(await ownerCounts(t.database.db)).toEqual(none);
      const updated = await t.database.db.execute(sql`update cases set status = 'closed' returning id`);
      expect(updated.rows).toEqual([]);
    } else {
      // PGlite's session is a superuser, which row-level security never applies to: stand in for an
      // ordinary owner with a role that holds the case roles exactly as the migrations give them to it.
      expect(await isSuperuser()).toBe(true);
      const counts = await t.database.db.transaction(async (tx) => {
        await tx.execute(sql`drop role if exists tulay_test_owner_like`);
        await tx.execute(sql`create role tulay_test_owner_like nologin`);
        await tx.execute(sql`grant tulay_case_switch to tulay_test_owner_like`);
        for (const table of CASE_TABLES)
          await tx.execute(sql.raw(`grant select on ${table} to tulay_test_owner_like`));
        await tx.execute(sql`set local role tulay_test_owner_like`);
        const seen = await ownerCounts(tx);
        await tx.execute(sql`reset role`);
        for (const table of CASE_TABLES)
          await tx.execute(sql.raw(`revoke select on ${table} from tulay_test_owner_like`));
        await tx.execute(sql`drop role tulay_test_owner_like`);
        return seen;
      });
      expect(counts).toEqual(none);
    }
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

/** Runs one statement as the case role for `who`; returns its rows or the database's refusal. */
function asCaseRole(who: { id: string; organisationId: string }, statement: ReturnType<typeof sql>) {
  return withCaseAccess(t.database, { userId: who.id, organisationId: who.organisationId }, async (tx) => {
    const result = await tx.execute(statement);
    return result.rows;
  });
}

const casesSeenBy = (who: { id: string; organisationId: string }) =>
  countAs('tulay_case_reader', { 'tulay.user_id': who.id, 'tulay.organisation_id': who.organisationId });

describe('row-level security on referrals', () => {
  const today = () => new Date().toISOString().slice(0, 10);

  it('nobody outside the sending team can write a referral to themselves, accepted or pending', async () => {
    // A stranger names themselves the receiver of an already accepted referral.
    const forged = sql`insert into case_referrals (case_id, from_organisation_id, to_organisation_id, to_user_id, shared_fields, status)
      values (${caseId}, ${w.destination.id}, ${w.third.id}, ${w.outsider.id}, '{client,narrative,facts,timeline,files}', 'accepted')`;
    expect(await dbError(asCaseRole(w.outsider, forged))).toMatch(/row-level security/);
    // A supervisor of another organisation claims to send it from their own organisation.
    const head = await person(t, 'case_worker', w.third.id);
    await makeSupervisor(t, head);
    const fromOwn = sql`insert into case_referrals (case_id, from_organisation_id, to_organisation_id, to_user_id, shared_fields, status)
      values (${caseId}, ${w.third.id}, ${w.third.id}, ${head.id}, '{client}', 'pending')`;
    expect(await dbError(asCaseRole(head, fromOwn))).toMatch(/row-level security/);
    // Even the sending team cannot create one that is already accepted.
    const preAccepted = sql`insert into case_referrals (case_id, from_organisation_id, to_organisation_id, to_user_id, shared_fields, status)
      values (${caseId}, ${w.destination.id}, ${w.origin.id}, ${w.lawyer.id}, '{facts}', 'accepted')`;
    expect(await dbError(asCaseRole(w.worker, preAccepted))).toMatch(/row-level security/);
    expect(await casesSeenBy(w.outsider)).toBe(0);
    expect(await casesSeenBy(head)).toBe(0);
  });

  it('a receiver answers only a pending referral, only with accept or reject, and never revives a revoked one', async () => {
    const consent = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/consents`,
      cookie: w.worker.cookie,
      payload: { purpose: 'sharing', scopeCountry: 'PH', obtainedOn: today(), method: 'written' },
    });
    expect(consent.statusCode).toBe(201);
    const sent = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/referrals`,
      cookie: w.worker.cookie,
      payload: { toOrganisationId: w.origin.id, toUserId: w.lawyer.id, sharedFields: ['facts'] },
    });
    expect(sent.statusCode).toBe(201);
    const referral = sent.json().data as { id: string; version: number };
    // While pending: the receiver may not widen what is shared, nor revoke.
    expect(
      await dbError(
        asCaseRole(
          w.lawyer,
          sql`update case_referrals set shared_fields = '{client,narrative,facts}' where id = ${referral.id}`,
        ),
      ),
    ).toMatch(/permission denied/);
    expect(
      await dbError(
        asCaseRole(w.lawyer, sql`update case_referrals set status = 'revoked' where id = ${referral.id}`),
      ),
    ).toMatch(/row-level security/);
    const revoke = await t.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/referrals/${referral.id}/revoke`,
      cookie: w.worker.cookie,
      payload: { version: referral.version },
    });
    expect(revoke.statusCode).toBe(200);
    expect(await casesSeenBy(w.lawyer)).toBe(0);
    // The receiver turns the revoked referral back to accepted: no row is theirs to change.
    const revived = await asCaseRole(
      w.lawyer,
      sql`update case_referrals set status = 'accepted' where id = ${referral.id} returning id`,
    );
    expect(revived).toEqual([]);
    expect(await casesSeenBy(w.lawyer)).toBe(0);
    // The sending team may revoke but not accept in the receiver's place.
    expect(
      await dbError(
        asCaseRole(w.worker, sql`update case_referrals set status = 'accepted' where id = ${referral.id}`),
      ),
    ).toMatch(/row-level security/);
  });
});
