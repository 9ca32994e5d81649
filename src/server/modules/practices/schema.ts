import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../directory/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

/** A source the record draws on: a title and, when there is one, an address. */
export interface PracticeSource {
  title: string;
  url?: string;
}

export const PRACTICE_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'published',
  'rejected',
] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/**
 * A good practice in the shape of the ILO good-practices database. `organisation_id` is the member
 * organisation that proposed it (its editors may edit it while it is a draft); the responsible
 * organisations are in `practice_organisations`. Codes: `themes` from the thematic_area vocabulary,
 * `mlflm` from the mlflm vocabulary (principles and guidelines), `regions` ILO region codes.
 */
export const practices = pgTable(
  'practices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    /** Translations of the title, by locale. */
    titles: jsonb('titles').$type<Labels>().notNull().default({}),
    /** Sanitised HTML. */
    description: text('description').notNull().default(''),
    /** Translations of the description (sanitised HTML), by locale. */
    descriptions: jsonb('descriptions').$type<Labels>().notNull().default({}),
    status: text('status').$type<PracticeStatus>().notNull().default('draft'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid('created_by'),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    mlflm: text('mlflm').array().notNull().default(sql`'{}'::text[]`),
    /** Publications of the library that document the practice. */
    documentIds: uuid('document_ids').array().notNull().default(sql`'{}'::uuid[]`),
    periodStart: text('period_start'),
    periodEnd: text('period_end'),
    sources: jsonb('sources').$type<PracticeSource[]>().notNull().default([]),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('practices_status_idx').on(t.status),
    index('practices_organisation_idx').on(t.organisationId),
    check(
      'practices_status_check',
      sql`${t.status} in ('draft', 'submitted', 'changes_requested', 'published', 'rejected')`,
    ),
  ],
);

/** A responsible organisation of a practice, with its type in the ILO database's terms. */
export const practiceOrganisations = pgTable(
  'practice_organisations',
  {
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** A code of the practice_organisation_type vocabulary (government, civil_society …). */
    typeCode: text('type_code').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.organisationId] }),
    index('practice_organisations_org_idx').on(t.organisationId),
  ],
);

/** Every transition and review comment of a practice, append-only. */
export const practiceEvents = pgTable(
  'practice_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    practiceId: uuid('practice_id')
      .notNull()
      .references(() => practices.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('practice_events_practice_idx').on(t.practiceId, t.createdAt)],
);
