import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { type ContactPoint, people } from '../people/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

/**
 * Member and partner organisations, and networks (organisations whose type is in the `network`
 * branch of the organisation-type vocabulary). `country_code` is the headquarters; `countries`
 * where it is active; `corridors` the migration corridors it works on, as 'PH-HK' (origin-destination).
 */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The name in other languages, by locale code. */
    names: jsonb('names').$type<Labels>().notNull().default({}),
    acronym: text('acronym'),
    typeCode: text('type_code'),
    countryCode: text('country_code'),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    corridors: text('corridors').array().notNull().default(sql`'{}'::text[]`),
    foundedYear: integer('founded_year'),
    website: text('website'),
    description: text('description'),
    contactPoints: jsonb('contact_points').$type<ContactPoint[]>().notNull().default([]),
    published: boolean('published').notNull().default(false),
    externalId: text('external_id'),
    /** Set when this record was merged into another: it stays for history and old links. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => organisations.id),
    /** Lower-cased names, other names and acronym, kept by the repository for trigram search. */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('organisations_name_idx').on(sql`lower(${t.name})`),
    uniqueIndex('organisations_external_id_key').on(t.externalId),
    index('organisations_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('organisations_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    // Duplicates: the scan order of organisations, and look-alike names within one country, nearest
    // first (the GiST one needs btree_gist).
    index('organisations_duplicate_scan_idx').on(
      sql`coalesce(${t.countryCode}, '')`,
      sql`lower(${t.name})`,
      t.id,
    ),
    index('organisations_country_name_trgm_idx').using(
      'gist',
      sql`coalesce(${t.countryCode}, '')`,
      sql`lower(${t.name}) gist_trgm_ops`,
    ),
    index('organisations_description_fts_idx').using(
      'gin',
      sql`to_tsvector('simple', coalesce(${t.description}, ''))`,
    ),
    index('organisations_countries_idx').using('gin', t.countries),
    index('organisations_corridors_idx').using('gin', t.corridors),
    index('organisations_type_idx').on(t.typeCode),
    index('organisations_country_idx').on(t.countryCode),
  ],
);

/**
 * A Popolo Membership: an organisation or a person belongs to an organisation (often a network),
 * with a role, an optional post label ("Area coordinator, South Korea"), an area and dates
 * (YYYY, YYYY-MM or YYYY-MM-DD).
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    personId: uuid('person_id').references(() => people.id),
    parentId: uuid('parent_id')
      .notNull()
      .references(() => organisations.id),
    roleCode: text('role_code').notNull(),
    label: text('label'),
    countryCode: text('country_code'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('memberships_parent_idx').on(t.parentId),
    index('memberships_org_idx').on(t.organisationId),
    index('memberships_person_idx').on(t.personId),
    check('memberships_one_member', sql`num_nonnulls(${t.organisationId}, ${t.personId}) = 1`),
  ],
);

/** An import: parsed and matched rows kept between the dry-run preview and the commit. */
export const directoryImports = pgTable('directory_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  entity: text('entity').notNull(),
  status: text('status').notNull(),
  fileName: text('file_name'),
  options: jsonb('options').notNull(),
  rows: jsonb('rows').notNull(),
  summary: jsonb('summary').notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  committedAt: timestamp('committed_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
});
