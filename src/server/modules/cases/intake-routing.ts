import type { Db, Tx } from '../../db/client.ts';
import { authorize } from '../../platform/access/policy.ts';
import type { Ctx } from '../../platform/http/context.ts';
import { problems } from '../../platform/http/problem.ts';
import './policy.ts';
import * as repo from './repository-routing.ts';

/** The stand-in organisation a fresh install receives requests in until its first administrator sets up. */
export const PROVISIONAL_INTAKE_NAME = 'Network secretariat';

const live = async (tx: Tx, value: repo.DefaultIntake | undefined) =>
  value && (await repo.organisationName(tx, value.organisationId)) ? value : undefined;

/**
 * Makes sure requests always have somewhere to go (issue 15: a request is never refused because
 * routing is not configured). Kept when set and still a live organisation; otherwise the first
 * network administrator's organisation (the secretariat that set Tulay up); before setup, a
 * provisional "Network secretariat" organisation that setup later adopts. Runs at start and again
 * whenever a request needs it, so a database that never ran the start-up step is covered too.
 */
export async function ensureDefaultIntake(db: Db): Promise<repo.DefaultIntake> {
  const current = await live(db, await repo.readDefaultIntake(db));
  if (current) return current;
  return db.transaction(async (tx) => {
    await repo.lockDefaultIntake(tx);
    const stored = await repo.readDefaultIntake(tx);
    if (await live(tx, stored)) return stored!;
    const secretariat = await repo.firstNetworkAdministratorOrganisation(tx);
    const value: repo.DefaultIntake = {
      organisationId: secretariat ?? (await repo.insertOrganisation(tx, PROVISIONAL_INTAKE_NAME)),
      provisional: !secretariat,
      version: (stored?.version ?? 0) + 1,
    };
    await repo.writeDefaultIntake(tx, value);
    return value;
  });
}

/**
 * The organisation a Get-help request goes to: the earliest intake desk in its destination country,
 * else the default intake (also for "another country" and for no destination at all).
 */
export async function routeIntake(db: Db, destinationCountry: string | null): Promise<string> {
  const desk = destinationCountry ? await repo.deskInCountry(db, destinationCountry) : undefined;
  return desk ?? (await ensureDefaultIntake(db)).organisationId;
}

/**
 * First-administrator setup: the organisation named becomes the default intake. When a fresh
 * install made a provisional stand-in (requests may already be waiting in it) and no organisation
 * has the name given, the stand-in is renamed rather than a second one made.
 */
export async function organisationForSetup(tx: Tx, name: string, existingId: string | undefined) {
  await repo.lockDefaultIntake(tx);
  const stored = await repo.readDefaultIntake(tx);
  const current = await live(tx, stored);
  let organisationId = existingId;
  if (!organisationId && current?.provisional) {
    await repo.renameOrganisation(tx, current.organisationId, name);
    organisationId = current.organisationId;
  }
  organisationId ??= await repo.insertOrganisation(tx, name);
  if (!current || current.provisional)
    await repo.writeDefaultIntake(tx, {
      organisationId,
      provisional: false,
      version: (stored?.version ?? 0) + 1,
    });
  return organisationId;
}

/** What the Case supervisors screen shows: where requests go by default, and every intake desk. */
export async function getIntakeRouting(ctx: Ctx) {
  authorize(ctx.actor, 'read', 'intakeRouting');
  const db = ctx.database.db;
  const current = await ensureDefaultIntake(db);
  return {
    defaultOrganisation: {
      id: current.organisationId,
      name: (await repo.organisationName(db, current.organisationId)) ?? '',
    },
    provisional: current.provisional,
    version: current.version,
    desks: await repo.intakeDesks(db),
  };
}

/** A network administrator names the organisation that receives requests no desk covers. */
export async function setDefaultIntake(ctx: Ctx, input: { organisationId: string; version: number }) {
  authorize(ctx.actor, 'update', 'intakeRouting');
  ctx.note({
    action: 'intake.routing.update',
    resourceType: 'organisation',
    resourceId: input.organisationId,
  });
  await ensureDefaultIntake(ctx.database.db);
  await ctx.database.db.transaction(async (tx) => {
    await repo.lockDefaultIntake(tx);
    const stored = await repo.readDefaultIntake(tx);
    if (!stored || stored.version !== input.version) throw problems.versionConflict();
    if (!(await repo.organisationName(tx, input.organisationId))) throw problems.notFound('organisation');
    await repo.writeDefaultIntake(tx, {
      organisationId: input.organisationId,
      provisional: false,
      version: stored.version + 1,
    });
  });
  return getIntakeRouting(ctx);
}
