import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../directory/schema.ts';
import { publications } from '../library/schema.ts';
import { programmes } from '../programmes/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

export const CAMPAIGN_TYPES = ['ratification', 'law_reform', 'ending_practice', 'recognition'] as const;
export type CampaignType = (typeof CAMPAIGN_TYPES)[number];
export const CAMPAIGN_STATUSES = ['draft', 'published'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** One stage a campaign defines, in order: a code, an English label and its translations. */
export interface CampaignStage {
  code: string;
  label: string;
  labels?: Labels;
}

/**
 * An advocacy campaign tracked country by country (the C189 ratification campaign, …). Owned by the
 * organisation that runs it (its member editors keep it); `stages` is the ordered list every
 * country's tracker moves along; the statement organisations sign is a library publication.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    names: jsonb('names').$type<Labels>().notNull().default({}),
    goal: text('goal').notNull().default(''),
    goals: jsonb('goals').$type<Labels>().notNull().default({}),
    typeCode: text('type_code').$type<CampaignType>().notNull(),
    status: text('status').$type<CampaignStatus>().notNull().default('draft'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    statementId: uuid('statement_id').references(() => publications.id, { onDelete: 'set null' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end'),
    stages: jsonb('stages').$type<CampaignStage[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('campaigns_slug_idx').on(t.slug),
    index('campaigns_organisation_idx').on(t.organisationId),
    index('campaigns_programme_idx').on(t.programmeId),
    check('campaigns_status_check', sql`${t.status} in ('draft', 'published')`),
    check(
      'campaigns_type_check',
      sql`${t.typeCode} in ('ratification', 'law_reform', 'ending_practice', 'recognition')`,
    ),
    check('campaigns_period_check', sql`${t.periodEnd} is null or ${t.periodEnd} >= ${t.periodStart}`),
  ],
);

/**
 * A country a campaign runs in, and where it stands: `stage` is the stage of its latest change (the
 * first stage until one is recorded). `version` serialises stage changes: two trackers moving the
 * same country at once cannot both win. `demonstration` marks a tracker whose standing is not a fact.
 */
export const campaignCountries = pgTable(
  'campaign_countries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    countryCode: text('country_code').notNull(),
    stage: text('stage').notNull(),
    stageSince: date('stage_since'),
    demonstration: boolean('demonstration').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('campaign_countries_country_idx').on(t.campaignId, t.countryCode)],
);

/** A dated move of one country to a stage, with its source and a note; append-only but for undoing the latest. */
export const campaignStageChanges = pgTable(
  'campaign_stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignCountryId: uuid('campaign_country_id')
      .notNull()
      .references(() => campaignCountries.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    stage: text('stage').notNull(),
    changedOn: date('changed_on').notNull(),
    sourceUrl: text('source_url'),
    note: text('note').notNull().default(''),
    demonstration: boolean('demonstration').notNull().default(false),
    /** A move back or out of date order, recorded on purpose to correct an earlier entry. */
    correction: boolean('correction').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaign_stage_changes_country_idx').on(t.campaignCountryId, t.changedOn)],
);

/** An organisation of the directory that signed the campaign's statement; once per organisation. */
export const campaignEndorsements = pgTable(
  'campaign_endorsements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    endorsedOn: date('endorsed_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('campaign_endorsements_org_idx').on(t.campaignId, t.organisationId)],
);
