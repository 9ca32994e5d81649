import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export interface ContactPoint {
  type: 'email' | 'phone' | 'address' | 'url' | 'other';
  value: string;
  label?: string;
}

/**
 * People of the directory: coordinators, focal points, parliamentarians, lawyers. Contact details
 * are for signed-in staff only; a person is listed publicly only with recorded consent.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    sortName: text('sort_name'),
    honorificPrefix: text('honorific_prefix'),
    summary: text('summary'),
    countryCode: text('country_code'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    email: text('email'),
    phone: text('phone'),
    contactDetails: jsonb('contact_details').$type<ContactPoint[]>().notNull().default([]),
    publicConsent: boolean('public_consent').notNull().default(false),
    consentRecordedAt: timestamp('consent_recorded_at', { withTimezone: true }),
    externalId: text('external_id'),
    mergedIntoId: uuid('merged_into_id'),
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('people_external_id_key').on(t.externalId),
    index('people_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('people_country_idx').on(t.countryCode),
  ],
);
