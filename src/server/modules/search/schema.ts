import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per searchable record (a published practice, a publication), kept by the modules that own
 * the records through the search service. Denormalised on purpose: one ranked query with facet
 * counts over both kinds, without joins. `document` is weighted title (A), summary (B), body (C);
 * `search_text` is the lower-cased whole, for substring search in scripts without spaces (CJK, Thai).
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    kind: text('kind').notNull(),
    recordId: uuid('record_id').notNull(),
    isPublic: boolean('is_public').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    searchText: text('search_text').notNull().default(''),
    document: tsvector('document').notNull(),
    typeCode: text('type_code').notNull(),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    groupings: text('groupings').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    principles: text('principles').array().notNull().default(sql`'{}'::text[]`),
    orgTypes: text('org_types').array().notNull().default(sql`'{}'::text[]`),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    year: integer('year'),
    boost: real('boost').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.recordId] }),
    index('search_entries_document_idx').using('gin', t.document),
    index('search_entries_text_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('search_entries_regions_idx').using('gin', t.regions),
    index('search_entries_countries_idx').using('gin', t.countries),
    index('search_entries_groupings_idx').using('gin', t.groupings),
    index('search_entries_themes_idx').using('gin', t.themes),
    index('search_entries_principles_idx').using('gin', t.principles),
    index('search_entries_org_types_idx').using('gin', t.orgTypes),
    index('search_entries_languages_idx').using('gin', t.languages),
    index('search_entries_type_idx').on(t.typeCode),
    index('search_entries_year_idx').on(t.year),
  ],
);
