import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';

export const EDITION_KINDS = ['yearbook', 'brief'] as const;
export type EditionKind = (typeof EDITION_KINDS)[number];
export const EDITION_STATUSES = ['draft', 'in_review', 'approved', 'published'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];
export const CONTRIBUTOR_ROLES = [
  'editor',
  'country_coordinator',
  'author',
  'reviewer',
  'publisher',
] as const;
export const CHAPTER_KINDS = ['country', 'thematic'] as const;
export type ChapterKind = (typeof CHAPTER_KINDS)[number];

/** A directory person or organisation credited in an edition, with their role. */
export interface Contributor {
  personId?: string;
  organisationId?: string;
  role: (typeof CONTRIBUTOR_ROLES)[number];
}

/** One move of the review workflow: who, when, from where to where, and why. */
export interface ReviewStep {
  from: EditionStatus;
  to: EditionStatus;
  userId: string;
  name: string;
  at: string;
  comment: string;
}

/**
 * A chart or table chosen from the statistics: the filters pick observations (an indicator, the
 * reference area, optionally a counterpart, a period range and a sex), `display` how they are drawn.
 */
export interface FigureSpec {
  indicator: string;
  area: string;
  counterpart?: string;
  periodFrom?: string;
  periodTo?: string;
  sex?: 'T' | 'F' | 'M' | 'all';
  display: 'line' | 'bar' | 'table';
  caption?: string;
}

/**
 * An edition of the yearbook or a policy brief (the same builder, a shorter template). The
 * organisation keeps it; the workflow moves draft → in review → approved → published, and only a
 * draft or an edition in review may change. `publication_id` is its library entry once published.
 */
export const yearbookEditions = pgTable(
  'yearbook_editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').$type<EditionKind>().notNull().default('yearbook'),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle').notNull().default(''),
    language: text('language').notNull().default('en'),
    contributors: jsonb('contributors').$type<Contributor[]>().notNull().default([]),
    status: text('status').$type<EditionStatus>().notNull().default('draft'),
    history: jsonb('history').$type<ReviewStep[]>().notNull().default([]),
    publicationId: uuid('publication_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Demo editions whose text the seed documents do not state. */
    demonstration: boolean('demonstration').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('yearbook_editions_slug_key').on(t.slug),
    index('yearbook_editions_org_idx').on(t.organisationId),
    check('yearbook_editions_kind', sql`${t.kind} in ('yearbook', 'brief')`),
    check('yearbook_editions_status', sql`${t.status} in ('draft', 'in_review', 'approved', 'published')`),
    check('yearbook_editions_year', sql`${t.year} between 1900 and 2200`),
  ],
);

/**
 * A chapter, in order. A country report names its country and, optionally, its coordinator (a
 * Tulay account), who may write that chapter and no other; its statistical section is generated
 * from the observations. A thematic report carries the figures chosen for it.
 */
export const yearbookChapters = pgTable(
  'yearbook_chapters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => yearbookEditions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    kind: text('kind').$type<ChapterKind>().notNull(),
    title: text('title').notNull(),
    countryCode: text('country_code'),
    coordinatorUserId: uuid('coordinator_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Plain text; blank lines separate paragraphs, a line starting "## " is a heading. */
    body: text('body').notNull().default(''),
    figures: jsonb('figures').$type<FigureSpec[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('yearbook_chapters_edition_idx').on(t.editionId, t.position),
    check('yearbook_chapters_kind', sql`${t.kind} in ('country', 'thematic')`),
    check('yearbook_chapters_country', sql`${t.kind} <> 'country' or ${t.countryCode} ~ '^[A-Z]{2}$'`),
  ],
);

/**
 * One PDF generation of an edition (a background job): its progress, then the stored file
 * (content-addressed by `sha256`) or the error. The newest render of the edition's current
 * version is what `/api/v1/yearbooks/<id>.pdf` serves.
 */
export const yearbookRenders = pgTable(
  'yearbook_renders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => yearbookEditions.id, { onDelete: 'cascade' }),
    editionVersion: integer('edition_version').notNull(),
    /** A hash of what was typeset, so a chapter edit makes the old PDF stale. */
    contentHash: text('content_hash').notNull(),
    status: text('status').notNull().default('queued'),
    progress: doublePrecision('progress').notNull().default(0),
    sha256: text('sha256'),
    byteSize: integer('byte_size'),
    error: text('error'),
    requestedBy: uuid('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('yearbook_renders_edition_idx').on(t.editionId, t.createdAt),
    check('yearbook_renders_status', sql`${t.status} in ('queued', 'running', 'done', 'failed')`),
  ],
);
