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
import type { Labels } from '../vocabularies/schema.ts';

export const AGREEMENT_TYPES = [
  'bilateral_labour_agreement',
  'memorandum_of_understanding',
  'economic_partnership_agreement',
  'regional_instrument',
] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];

export const AGREEMENT_STATUSES = ['negotiating', 'signed', 'in_force', 'expired', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** A source a finding rests on: a title and, when there is one, an address. */
export interface MonitoringSource {
  title: string;
  url?: string;
}

/** A provision of an agreement: a code of the agreement_provision vocabulary and where it is written. */
export interface AgreementProvision {
  code: string;
  note?: string;
}

/**
 * An agreement the network monitors: a bilateral labour agreement, a memorandum of understanding, an
 * economic partnership agreement or a regional instrument (ASEAN or elsewhere). Parties are country
 * codes (ISO 3166 alpha-2) and grouping codes of the geography module; corridors are written
 * 'PH-SA' (origin-destination) as in the directory; its text is in library publications.
 * Dates are in order (signed ≤ in force ≤ expiry): the check below holds it even if a service forgot.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    titles: jsonb('titles').$type<Labels>().notNull().default({}),
    summary: text('summary').notNull().default(''),
    typeCode: text('type_code').$type<AgreementType>().notNull(),
    status: text('status').$type<AgreementStatus>().notNull(),
    partyCountries: text('party_countries').array().notNull().default(sql`'{}'::text[]`),
    partyGroupings: text('party_groupings').array().notNull().default(sql`'{}'::text[]`),
    signedOn: date('signed_on', { mode: 'string' }),
    inForceOn: date('in_force_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    provisions: jsonb('provisions').$type<AgreementProvision[]>().notNull().default([]),
    corridors: text('corridors').array().notNull().default(sql`'{}'::text[]`),
    documentIds: uuid('document_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Shown on the public pages only when true. */
    published: boolean('published').notNull().default(false),
    /** Demo records not drawn from the seed documents say so on every page. */
    demonstration: boolean('demonstration').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('agreements_slug_key').on(t.slug),
    index('agreements_corridors_idx').using('gin', t.corridors),
    index('agreements_party_countries_idx').using('gin', t.partyCountries),
    check(
      'agreements_type_check',
      sql`${t.typeCode} in ('bilateral_labour_agreement', 'memorandum_of_understanding', 'economic_partnership_agreement', 'regional_instrument')`,
    ),
    check(
      'agreements_status_check',
      sql`${t.status} in ('negotiating', 'signed', 'in_force', 'expired', 'terminated')`,
    ),
    check(
      'agreements_dates_in_order',
      sql`(${t.signedOn} is null or ${t.inForceOn} is null or ${t.signedOn} <= ${t.inForceOn})
        and (${t.inForceOn} is null or ${t.expiresOn} is null or ${t.inForceOn} <= ${t.expiresOn})
        and (${t.signedOn} is null or ${t.expiresOn} is null or ${t.signedOn} <= ${t.expiresOn})`,
    ),
    check('agreements_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]{0,119}$'`),
  ],
);

/** A dated finding of the network's monitoring of an agreement, with its sources and publications. */
export const agreementMonitoring = pgTable(
  'agreement_monitoring',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    observedOn: date('observed_on', { mode: 'string' }).notNull(),
    finding: text('finding').notNull(),
    sources: jsonb('sources').$type<MonitoringSource[]>().notNull().default([]),
    publicationIds: uuid('publication_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('agreement_monitoring_agreement_idx').on(t.agreementId, t.observedOn)],
);
