import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
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
import { events } from '../events/schema.ts';
import { publications } from '../library/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

export const RECOMMENDATION_STATUSES = [
  'proposed',
  'accepted',
  'in_progress',
  'implemented',
  'rejected',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * The counterparts of a dialogue (an event of kind dialogue): governments, ministries, embassies and
 * missions, regional bodies of the directory, in order. Kept beside the event, not in events'
 * organiser/partner roles, because a counterpart is the other side of the table.
 */
export const dialogueCounterparts = pgTable(
  'dialogue_counterparts',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.organisationId] }),
    index('dialogue_counterparts_org_idx').on(t.organisationId),
  ],
);

/**
 * A recommendation a dialogue adopted (the UPR Info shape): its text in content languages, the
 * organisation it is addressed to, thematic areas (thematic_area codes), the countries it concerns,
 * and where it stands — `status` is the status of its latest update (proposed until one is
 * recorded). Visibility and ownership follow the dialogue.
 */
export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    texts: jsonb('texts').$type<Labels>().notNull().default({}),
    addresseeId: uuid('addressee_id')
      .notNull()
      .references(() => organisations.id),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    status: text('status').$type<RecommendationStatus>().notNull().default('proposed'),
    statusSince: date('status_since'),
    /** Demo data whose wording or standing the seed documents do not state. */
    demonstration: boolean('demonstration').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('recommendations_event_idx').on(t.eventId, t.createdAt),
    index('recommendations_addressee_idx').on(t.addresseeId),
    check(
      'recommendations_status_check',
      sql`${t.status} in ('proposed', 'accepted', 'in_progress', 'implemented', 'rejected')`,
    ),
  ],
);

/**
 * A dated change of a recommendation's status with a note and its evidence (a public library
 * document and/or a link). Append-only but for undoing the latest.
 */
export const recommendationUpdates = pgTable(
  'recommendation_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recommendationId: uuid('recommendation_id')
      .notNull()
      .references(() => recommendations.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<RecommendationStatus>().notNull(),
    status: text('status').$type<RecommendationStatus>().notNull(),
    happenedOn: date('happened_on').notNull(),
    note: text('note').notNull(),
    documentId: uuid('document_id').references(() => publications.id, { onDelete: 'set null' }),
    evidenceUrl: text('evidence_url'),
    demonstration: boolean('demonstration').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recommendation_updates_rec_idx').on(t.recommendationId, t.happenedOn),
    check(
      'recommendation_updates_status_check',
      sql`${t.status} in ('proposed', 'accepted', 'in_progress', 'implemented', 'rejected')`,
    ),
  ],
);
