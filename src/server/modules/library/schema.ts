import { sql } from 'drizzle-orm';
import {
  bigint,
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
import { organisations } from '../directory/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

/**
 * A publication of the library: research, policy brief, yearbook, country or thematic report,
 * statement, training material (`type_code` from the publication_type vocabulary). Titles and
 * abstracts in several languages; authors are directory organisations and people.
 */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    typeCode: text('type_code').notNull(),
    title: text('title').notNull(),
    titles: jsonb('titles').$type<Labels>().notNull().default({}),
    abstract: text('abstract').notNull().default(''),
    abstracts: jsonb('abstracts').$type<Labels>().notNull().default({}),
    authorOrganisationIds: uuid('author_organisation_ids').array().notNull().default(sql`'{}'::uuid[]`),
    authorPersonIds: uuid('author_person_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** YYYY, YYYY-MM or YYYY-MM-DD. */
    publishedOn: text('published_on'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    programmeId: uuid('programme_id'),
    isPublic: boolean('is_public').notNull().default(false),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('publications_created_idx').on(t.createdAt)],
);

/**
 * One version of one file of a publication. Versions of the same file share `file_group_id`;
 * the bytes live in content-addressed storage under `sha256`.
 */
export const publicationFiles = pgTable(
  'publication_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    fileGroupId: uuid('file_group_id').notNull(),
    versionNo: integer('version_no').notNull().default(1),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    language: text('language'),
    /** ok, empty (a scan without text), encrypted, failed. */
    extraction: text('extraction').notNull(),
    pageCount: integer('page_count'),
    extractedText: text('extracted_text').notNull().default(''),
    /** The first page's text, shown as an image-free preview. */
    firstPageText: text('first_page_text').notNull().default(''),
    /** Heading structure or notes from the extractor. */
    meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('publication_files_publication_idx').on(t.publicationId),
    uniqueIndex('publication_files_group_version_key').on(t.fileGroupId, t.versionNo),
    index('publication_files_sha_idx').on(t.sha256),
    check('publication_files_sha_format', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
