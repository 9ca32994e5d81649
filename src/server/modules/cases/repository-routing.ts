import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { settings } from '../../db/schema.ts';
import { users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';
import { caseSupervisors } from './schema.ts';

const KEY = 'intake.default_organisation';

/**
 * Where a Get-help request goes when no intake desk covers its destination: the network
 * secretariat's organisation. `provisional` marks the stand-in a fresh install made before anyone
 * set it up; the first administrator's setup adopts it.
 */
export interface DefaultIntake {
  organisationId: string;
  provisional: boolean;
  version: number;
}

/** One installation at a time decides the default intake (two first requests must not make two). */
export async function lockDefaultIntake(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(7317015)`);
}

export async function readDefaultIntake(tx: Tx): Promise<DefaultIntake | undefined> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY));
  return row?.value as DefaultIntake | undefined;
}

export async function writeDefaultIntake(tx: Tx, value: DefaultIntake) {
  await tx
    .insert(settings)
    .values({ key: KEY, value })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } });
}

/** A live (not merged) organisation's name, or undefined. */
export async function organisationName(tx: Tx, id: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.mergedIntoId)));
  return row?.name;
}

/** The organisation of the earliest network administrator: the secretariat that set Tulay up. */
export async function firstNetworkAdministratorOrganisation(tx: Tx): Promise<string | undefined> {
  const [row] = await tx
    .select({ organisationId: users.organisationId })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.role, 'network_administrator'), isNull(organisations.mergedIntoId)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return row?.organisationId ?? undefined;
}

export async function insertOrganisation(tx: Tx, name: string): Promise<string> {
  const [row] = await tx.insert(organisations).values({ name }).returning({ id: organisations.id });
  return row!.id;
}

export async function renameOrganisation(tx: Tx, id: string, name: string) {
  await tx
    .update(organisations)
    .set({ name, updatedAt: new Date(), version: sql`${organisations.version} + 1` })
    .where(eq(organisations.id, id));
}

/** The earliest intake desk in the destination country, if any. */
export async function deskInCountry(tx: Tx, country: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ organisationId: caseSupervisors.organisationId })
    .from(caseSupervisors)
    .innerJoin(organisations, eq(organisations.id, caseSupervisors.organisationId))
    .where(and(eq(caseSupervisors.receivesIntake, true), eq(organisations.countryCode, country)))
    .orderBy(asc(caseSupervisors.createdAt))
    .limit(1);
  return row?.organisationId;
}

/** Every organisation with an intake desk, with how many people receive its requests. */
export async function intakeDesks(tx: Tx) {
  return tx
    .select({
      organisationId: caseSupervisors.organisationId,
      name: organisations.name,
      countryCode: organisations.countryCode,
      receivers: sql<number>`count(*)::int`,
    })
    .from(caseSupervisors)
    .innerJoin(organisations, eq(organisations.id, caseSupervisors.organisationId))
    .where(eq(caseSupervisors.receivesIntake, true))
    .groupBy(caseSupervisors.organisationId, organisations.name, organisations.countryCode)
    .orderBy(asc(organisations.name));
}
