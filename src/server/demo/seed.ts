import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { searchTextOf } from '../modules/directory/repository.ts';
import { memberships, organisations } from '../modules/directory/schema.ts';
import { loadEventsDemo } from '../modules/events/demo.ts';
import { geoRegions } from '../modules/geography/schema.ts';
import { loadKnowledgeDemo } from '../modules/practices/demo.ts';
import { programmes } from '../modules/programmes/schema.ts';
import { demoMemberships, demoOrganisations, demoProgrammes, demoRegions } from './seed-data.ts';

const FLAG = 'demo_data_loaded';

/** Loads the demo data once, in one transaction; returns false when it was loaded before. */
export async function loadDemoData(database: Database): Promise<boolean> {
  return database.db.transaction(async (tx) => {
    const [done] = await tx.select().from(settings).where(eq(settings.key, FLAG));
    if (done) return false;
    const ids = new Map<string, string>();
    for (const o of demoOrganisations) {
      const [row] = await tx
        .insert(organisations)
        .values({
          name: o.name,
          acronym: o.acronym,
          typeCode: o.typeCode,
          countryCode: o.countryCode,
          countries: o.countries ?? [],
          searchText: searchTextOf(o),
          foundedYear: o.foundedYear,
          description: o.description,
          published: true,
        })
        .returning({ id: organisations.id });
      ids.set(o.key, row!.id);
    }
    for (const [member, parent, roleCode, start] of demoMemberships) {
      await tx
        .insert(memberships)
        .values({ organisationId: ids.get(member)!, parentId: ids.get(parent)!, roleCode, startDate: start });
    }
    for (const region of demoRegions) await tx.insert(geoRegions).values(region).onConflictDoNothing();
    for (const [org, name, summary] of demoProgrammes) {
      await tx.insert(programmes).values({ organisationId: ids.get(org)!, name, summary });
    }
    await loadKnowledgeDemo(tx);
    await loadEventsDemo(tx);
    await tx.insert(settings).values({ key: FLAG, value: { at: new Date().toISOString() } });
    return true;
  });
}
