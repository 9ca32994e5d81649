import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { settings } from '../db/schema.ts';
import { loadAgreementsDemo } from '../modules/agreements/demo.ts';
import { loadCampaignsDemo } from '../modules/campaigns/demo.ts';
import { loadCaucusDemo } from '../modules/caucus/demo.ts';
import { searchTextOf } from '../modules/directory/repository.ts';
import { memberships, organisations } from '../modules/directory/schema.ts';
import { loadEventsDemo } from '../modules/events/demo.ts';
import { geoRegions } from '../modules/geography/schema.ts';
import { loadInternshipsDemo } from '../modules/internships/demo.ts';
import { loadKnowledgeDemo } from '../modules/practices/demo.ts';
import { loadProgrammesDemo } from '../modules/programmes/demo.ts';
import { loadRecommendationsDemo } from '../modules/recommendations/demo.ts';
import { loadStatisticsDemo } from '../modules/statistics/demo.ts';
import { loadTrainingsDemo } from '../modules/trainings/demo.ts';
import { loadYearbooksDemo } from '../modules/yearbooks/demo.ts';
import { demoMemberships, demoOrganisations, demoRegions } from './seed-data.ts';

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
    await loadProgrammesDemo(tx, ids);
    await loadKnowledgeDemo(tx);
    await loadStatisticsDemo(tx);
    await loadCampaignsDemo(tx);
    await loadAgreementsDemo(tx);
    await loadInternshipsDemo(tx);
    await loadEventsDemo(tx);
    await loadCaucusDemo(tx);
    await loadRecommendationsDemo(tx);
    await loadTrainingsDemo(tx);
    await loadYearbooksDemo(tx, ids);
    await tx.insert(settings).values({ key: FLAG, value: { at: new Date().toISOString() } });
    return true;
  });
}
