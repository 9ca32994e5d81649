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
import { events } from '../events/schema.ts';
import { people } from '../people/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

/** Roles in the caucus; exported to Popolo as these codes. */
export const CAUCUS_ROLES = ['chair', 'co_chair', 'vice_chair', 'member', 'secretariat'] as const;
export type CaucusRole = (typeof CAUCUS_ROLES)[number];

export const RESOLUTION_KINDS = ['resolution', 'declaration'] as const;
export type ResolutionKind = (typeof RESOLUTION_KINDS)[number];

// Dates of posts and memberships are partial (YYYY, YYYY-MM or YYYY-MM-DD) like the directory's
// memberships and Popolo's: a parliament's records often give only the year of an election.
const PARTIAL_DATE = `'^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'`;

/**
 * A member of parliament's seat (Popolo Membership with a Post): a directory person in a parliament
 * (a directory organisation), elected for a party (Popolo `on_behalf_of`, an organisation) in a
 * constituency (free text) and/or a country (ISO 3166 alpha-2, exported as a Popolo Area).
 */
export const caucusPosts = pgTable(
  'caucus_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    parliamentId: uuid('parliament_id')
      .notNull()
      .references(() => organisations.id),
    partyId: uuid('party_id').references(() => organisations.id),
    label: text('label'),
    constituency: text('constituency'),
    countryCode: text('country_code'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('caucus_posts_person_idx').on(t.personId),
    check('caucus_posts_start_format', sql`${t.startDate} ~ ${sql.raw(PARTIAL_DATE)}`),
    check('caucus_posts_end_format', sql`${t.endDate} ~ ${sql.raw(PARTIAL_DATE)}`),
  ],
);

/** A person's dated membership of a caucus (a directory organisation), with a role code. */
export const caucusMemberships = pgTable(
  'caucus_memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caucusId: uuid('caucus_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    roleCode: text('role_code').$type<CaucusRole>().notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('caucus_memberships_caucus_idx').on(t.caucusId),
    index('caucus_memberships_person_idx').on(t.personId),
    check('caucus_memberships_start_format', sql`${t.startDate} ~ ${sql.raw(PARTIAL_DATE)}`),
    check('caucus_memberships_end_format', sql`${t.endDate} ~ ${sql.raw(PARTIAL_DATE)}`),
  ],
);

/**
 * A resolution or declaration of a caucus: its text in the content languages, the day it was
 * adopted and the adopting body — the caucus itself, or one of its meetings (an event of kind
 * caucus_meeting; linked, not copied). Published ones are on the public page.
 */
export const caucusResolutions = pgTable(
  'caucus_resolutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caucusId: uuid('caucus_id')
      .notNull()
      .references(() => organisations.id),
    meetingId: uuid('meeting_id').references(() => events.id, { onDelete: 'set null' }),
    kind: text('kind').$type<ResolutionKind>().notNull(),
    identifier: text('identifier'),
    title: text('title').notNull(),
    titles: jsonb('titles').$type<Labels>().notNull().default({}),
    text: text('text').notNull().default(''),
    texts: jsonb('texts').$type<Labels>().notNull().default({}),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    published: boolean('published').notNull().default(false),
    /** Demo records that say more than the seed documents do. */
    demonstration: boolean('demonstration').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('caucus_resolutions_caucus_idx').on(t.caucusId, t.adoptedOn),
    index('caucus_resolutions_meeting_idx').on(t.meetingId),
  ],
);

/** Who signed a resolution, in order, each optionally with the seat (post) they signed in. */
export const caucusSignatories = pgTable(
  'caucus_signatories',
  {
    resolutionId: uuid('resolution_id')
      .notNull()
      .references(() => caucusResolutions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => caucusPosts.id, { onDelete: 'set null' }),
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('caucus_signatories_key').on(t.resolutionId, t.personId),
    index('caucus_signatories_person_idx').on(t.personId),
  ],
);
