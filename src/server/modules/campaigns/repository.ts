import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { organisations } from '../directory/schema.ts';
import { publications } from '../library/schema.ts';
import { programmes } from '../programmes/schema.ts';
import {
  type CampaignStatus,
  campaignCountries,
  campaignEndorsements,
  campaignStageChanges,
  campaigns,
} from './schema.ts';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignInsert = typeof campaigns.$inferInsert;
export type CountryRow = typeof campaignCountries.$inferSelect;
export type ChangeRow = typeof campaignStageChanges.$inferSelect;

export interface CampaignListFilter {
  /** Only these statuses, or any status of this organisation's campaigns (what a member editor sees). */
  visibleTo?: { statuses: CampaignStatus[]; organisationId?: string };
  status?: CampaignStatus;
  typeCode?: string;
  programmeId?: string;
  limit: number;
}

export async function listCampaigns(tx: Tx, f: CampaignListFilter) {
  const visible = f.visibleTo
    ? or(
        inArray(campaigns.status, f.visibleTo.statuses),
        f.visibleTo.organisationId ? eq(campaigns.organisationId, f.visibleTo.organisationId) : undefined,
      )
    : undefined;
  return tx
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      name: campaigns.name,
      names: campaigns.names,
      typeCode: campaigns.typeCode,
      status: campaigns.status,
      organisationId: campaigns.organisationId,
      organisationName: organisations.name,
      periodStart: campaigns.periodStart,
      periodEnd: campaigns.periodEnd,
      countryCount: sql<number>`(select count(*)::int from campaign_countries c where c.campaign_id = campaigns.id)`,
      endorsementCount: sql<number>`(select count(*)::int from campaign_endorsements e where e.campaign_id = campaigns.id)`,
      updatedAt: campaigns.updatedAt,
      version: campaigns.version,
    })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(
      and(
        visible,
        f.status ? eq(campaigns.status, f.status) : undefined,
        f.typeCode ? eq(campaigns.typeCode, f.typeCode as CampaignRow['typeCode']) : undefined,
        f.programmeId ? eq(campaigns.programmeId, f.programmeId) : undefined,
      ),
    )
    .orderBy(desc(campaigns.periodStart), asc(campaigns.name), asc(campaigns.id))
    .limit(f.limit);
}

export async function findCampaign(tx: Tx, id: string) {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id));
  return row;
}

export async function findCampaignBySlug(tx: Tx, slug: string) {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.slug, slug));
  return row;
}

export async function slugTaken(tx: Tx, slug: string, exceptId?: string) {
  const row = await findCampaignBySlug(tx, slug);
  return Boolean(row && row.id !== exceptId);
}

export async function insertCampaign(tx: Tx, values: CampaignInsert) {
  const [row] = await tx.insert(campaigns).values(values).returning();
  return row!;
}

export async function updateCampaignIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: Partial<CampaignInsert>,
) {
  const [row] = await tx
    .update(campaigns)
    .set({ ...values, updatedAt: new Date(), version: sql`${campaigns.version} + 1` })
    .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning();
  return row;
}

/** Deletes the campaign when it still has this version; its trackers, changes and sign-ons go with it. */
export async function deleteCampaignIfVersion(tx: Tx, id: string, version: number) {
  const rows = await tx
    .delete(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning({ id: campaigns.id });
  return rows.length > 0;
}

export async function countriesOf(tx: Tx, campaignId: string) {
  return tx
    .select()
    .from(campaignCountries)
    .where(eq(campaignCountries.campaignId, campaignId))
    .orderBy(asc(campaignCountries.countryCode));
}

export async function findCountry(tx: Tx, campaignId: string, countryCode: string) {
  const [row] = await tx
    .select()
    .from(campaignCountries)
    .where(and(eq(campaignCountries.campaignId, campaignId), eq(campaignCountries.countryCode, countryCode)));
  return row;
}

export async function insertCountries(
  tx: Tx,
  campaignId: string,
  codes: string[],
  stage: string,
  demonstration = false,
) {
  if (codes.length === 0) return;
  await tx
    .insert(campaignCountries)
    .values(codes.map((countryCode) => ({ campaignId, countryCode, stage, demonstration })))
    .onConflictDoNothing();
}

export async function deleteCountries(tx: Tx, campaignId: string, codes: string[]) {
  if (codes.length === 0) return;
  await tx
    .delete(campaignCountries)
    .where(and(eq(campaignCountries.campaignId, campaignId), inArray(campaignCountries.countryCode, codes)));
}

/** Moves a tracker when nobody moved it since `version` was read; undefined when someone did. */
export async function updateCountryIfVersion(
  tx: Tx,
  id: string,
  version: number,
  values: { stage: string; stageSince: string | null; demonstration: boolean },
) {
  const [row] = await tx
    .update(campaignCountries)
    .set({ ...values, updatedAt: new Date(), version: sql`${campaignCountries.version} + 1` })
    .where(and(eq(campaignCountries.id, id), eq(campaignCountries.version, version)))
    .returning();
  return row;
}

/** Every stage change of a campaign with its country, oldest first (by date, then by entry). */
export async function changesOf(tx: Tx, campaignId: string) {
  return tx
    .select({
      id: campaignStageChanges.id,
      countryCode: campaignCountries.countryCode,
      fromStage: campaignStageChanges.fromStage,
      stage: campaignStageChanges.stage,
      changedOn: campaignStageChanges.changedOn,
      sourceUrl: campaignStageChanges.sourceUrl,
      note: campaignStageChanges.note,
      demonstration: campaignStageChanges.demonstration,
      correction: campaignStageChanges.correction,
      createdAt: campaignStageChanges.createdAt,
    })
    .from(campaignStageChanges)
    .innerJoin(campaignCountries, eq(campaignCountries.id, campaignStageChanges.campaignCountryId))
    .where(eq(campaignCountries.campaignId, campaignId))
    .orderBy(asc(campaignStageChanges.changedOn), asc(campaignStageChanges.createdAt));
}

/** A tracker's changes, the latest entry first (entries, not dates: a correction supersedes). */
export async function entriesOf(tx: Tx, campaignCountryId: string) {
  return tx
    .select()
    .from(campaignStageChanges)
    .where(eq(campaignStageChanges.campaignCountryId, campaignCountryId))
    .orderBy(desc(campaignStageChanges.createdAt), desc(campaignStageChanges.id));
}

export async function insertChange(tx: Tx, values: typeof campaignStageChanges.$inferInsert) {
  const [row] = await tx.insert(campaignStageChanges).values(values).returning();
  return row!;
}

export async function deleteChange(tx: Tx, id: string) {
  await tx.delete(campaignStageChanges).where(eq(campaignStageChanges.id, id));
}

/** The stage codes a campaign's trackers and changes use (a stage in use cannot be removed). */
export async function stagesInUse(tx: Tx, campaignId: string): Promise<Set<string>> {
  const countries = await countriesOf(tx, campaignId);
  const changes = await changesOf(tx, campaignId);
  return new Set([
    ...countries.map((c) => c.stage),
    ...changes.flatMap((c) => [c.stage, c.fromStage ?? c.stage]),
  ]);
}

export async function endorsementsOf(tx: Tx, campaignId: string) {
  return tx
    .select({
      id: campaignEndorsements.id,
      organisationId: campaignEndorsements.organisationId,
      organisationName: organisations.name,
      acronym: organisations.acronym,
      countryCode: organisations.countryCode,
      published: organisations.published,
      endorsedOn: campaignEndorsements.endorsedOn,
    })
    .from(campaignEndorsements)
    .innerJoin(organisations, eq(organisations.id, campaignEndorsements.organisationId))
    .where(eq(campaignEndorsements.campaignId, campaignId))
    .orderBy(asc(campaignEndorsements.endorsedOn), asc(organisations.name));
}

export async function findEndorsement(tx: Tx, campaignId: string, id: string) {
  const [row] = await tx
    .select()
    .from(campaignEndorsements)
    .where(and(eq(campaignEndorsements.campaignId, campaignId), eq(campaignEndorsements.id, id)));
  return row;
}

/** Inserts the sign-on; undefined when this organisation had already signed (the unique index decides). */
export async function insertEndorsement(tx: Tx, values: typeof campaignEndorsements.$inferInsert) {
  const [row] = await tx.insert(campaignEndorsements).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteEndorsement(tx: Tx, id: string) {
  await tx.delete(campaignEndorsements).where(eq(campaignEndorsements.id, id));
}

export async function findOrganisation(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}

export async function findProgramme(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(eq(programmes.id, id));
  return row;
}

export async function findStatement(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: publications.id, title: publications.title, isPublic: publications.isPublic })
    .from(publications)
    .where(eq(publications.id, id));
  return row;
}

/** Published campaigns' slugs, for the sitemap. */
export async function publishedSlugs(tx: Tx) {
  return tx
    .select({ slug: campaigns.slug })
    .from(campaigns)
    .where(eq(campaigns.status, 'published'))
    .orderBy(asc(campaigns.slug));
}

/** The campaigns of a programme, by name; drafts only when asked for. */
export function campaignsOfProgramme(db: Tx, programmeId: string, withDrafts: boolean) {
  return db
    .select({
      id: campaigns.id,
      slug: campaigns.slug,
      name: campaigns.name,
      names: campaigns.names,
      status: campaigns.status,
    })
    .from(campaigns)
    .where(
      and(eq(campaigns.programmeId, programmeId), withDrafts ? undefined : eq(campaigns.status, 'published')),
    )
    .orderBy(asc(campaigns.name));
}
