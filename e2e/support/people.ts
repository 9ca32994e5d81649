import { eq } from 'drizzle-orm';
import type { Tx } from '../../src/server/db/client.ts';
import { memberships, organisations } from '../../src/server/modules/directory/schema.ts';
import { insertPerson } from '../../src/server/modules/people/repository.ts';
import { hashPassword } from '../../src/server/platform/auth/passwords.ts';
import { insertUser } from '../../src/server/platform/auth/repository.ts';

/**
 * People for the people journeys, on top of the demo data (which names no people, so these are
 * invented): two area coordinators of Migrant Forum in Asia, one in Korea with contact details
 * and public consent, one in Japan, and Maria Santos without affiliations. Also a secretariat
 * account (dewi@) and a member editor (lan@) of an organisation none of them belongs to.
 */
export async function seedPeople(db: Tx, password: string): Promise<{ kimId: string }> {
  const [mfa] = await db.select().from(organisations).where(eq(organisations.name, 'Migrant Forum in Asia'));
  const kimId = await insertPerson(db, {
    name: 'Kim Min-jun',
    countryCode: 'KR',
    languages: ['ko', 'en'],
    email: 'minjun@example.org',
    phone: '+82 2 555 0101',
    publicConsent: true,
    consentRecordedAt: new Date(),
  });
  const seoyeon = await insertPerson(db, { name: 'Kim Seo-yeon', countryCode: 'JP', languages: ['ja'] });
  await insertPerson(db, { name: 'Maria Santos', countryCode: 'PH', languages: ['tl'] });
  for (const [personId, label] of [
    [kimId, 'Area coordinator, South Korea'],
    [seoyeon, 'Area coordinator, Japan'],
  ] as const) {
    await db
      .insert(memberships)
      .values({ personId, parentId: mfa!.id, roleCode: 'area_coordinator', label, startDate: '2019-03' });
  }
  const [office] = await db.insert(organisations).values({ name: 'Secretariat office' }).returning();
  const [union] = await db
    .insert(organisations)
    .values({ name: 'Migrant Workers Union Hong Kong' })
    .returning();
  for (const [organisationId, email, role] of [
    [office!.id, 'dewi@example.org', 'secretariat'],
    [union!.id, 'lan@example.org', 'member_editor'],
  ] as const) {
    await insertUser(db, {
      organisationId,
      email,
      name: email.split('@')[0]!,
      role,
      passwordHash: await hashPassword(password),
    });
  }
  return { kimId };
}
