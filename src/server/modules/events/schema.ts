import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';
import { people } from '../people/schema.ts';
import { programmes } from '../programmes/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

export const VISIBILITIES = ['public', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/**
 * A convening: conference, workshop, training course, dialogue, caucus meeting … (`kind_code` from
 * the event_kind vocabulary, so later slices — trainings, dialogues, the caucus — hang their own
 * records on an event of their kind). Times are instants (timestamptz); `time_zone` is the IANA
 * zone the event happens in, used to show and export its local time. `organisation_id` keeps the
 * record (its editors may change it).
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    kindCode: text('kind_code').notNull(),
    title: text('title').notNull(),
    titles: jsonb('titles').$type<Labels>().notNull().default({}),
    /** Sanitised HTML. */
    description: text('description').notNull().default(''),
    descriptions: jsonb('descriptions').$type<Labels>().notNull().default({}),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    online: boolean('online').notNull().default(false),
    city: text('city'),
    countryCode: text('country_code'),
    venue: text('venue'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    timeZone: text('time_zone').notNull(),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    capacity: integer('capacity'),
    visibility: text('visibility').$type<Visibility>().notNull().default('private'),
    /** Publications of the library (documents of the event). */
    documentIds: uuid('document_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Demo data whose dates or places the seed documents do not state. */
    demonstration: boolean('demonstration').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('events_slug_key').on(t.slug),
    index('events_starts_idx').on(t.startsAt),
    index('events_organisation_idx').on(t.organisationId),
    index('events_programme_idx').on(t.programmeId),
    check('events_visibility_check', sql`${t.visibility} in ('public', 'private')`),
    check('events_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 0`),
  ],
);

export const EVENT_ORGANISATION_ROLES = ['organiser', 'partner'] as const;

/** Organisers and partners of an event (directory organisations), in order. */
export const eventOrganisations = pgTable(
  'event_organisations',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.organisationId, t.role] }),
    index('event_organisations_org_idx').on(t.organisationId),
    check('event_organisations_role_check', sql`${t.role} in ('organiser', 'partner')`),
  ],
);

/** A session of the agenda, with its speakers (directory people, in order). */
export const eventSessions = pgTable(
  'event_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    room: text('room'),
    speakerIds: uuid('speaker_ids').array().notNull().default(sql`'{}'::uuid[]`),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('event_sessions_event_idx').on(t.eventId, t.position),
    check('event_sessions_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const PARTICIPANT_STATUSES = [
  'invited',
  'accepted',
  'declined',
  'registered',
  'waitlisted',
  'cancelled',
] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
/** The statuses that take a seat. */
export const SEATED: ParticipantStatus[] = ['accepted', 'registered'];

/**
 * linked: the participant is a directory person; review: a public registration resembles one or
 * more directory people and waits for staff to link it or keep it apart; unmatched: nobody alike.
 */
export const MATCH_STATES = ['linked', 'review', 'unmatched'] as const;
export type MatchState = (typeof MATCH_STATES)[number];

/**
 * Someone invited to or registered for an event. Staff invite directory people (person_id set);
 * the public registers with a name and an email, matched to the directory only after review.
 * Only the hash of the RSVP link's token is stored.
 */
export const eventParticipants = pgTable(
  'event_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id),
    name: text('name').notNull(),
    email: text('email'),
    organisationName: text('organisation_name'),
    status: text('status').$type<ParticipantStatus>().notNull(),
    source: text('source').$type<'staff' | 'public'>().notNull(),
    matchState: text('match_state').$type<MatchState>().notNull(),
    candidateIds: uuid('candidate_ids').array().notNull().default(sql`'{}'::uuid[]`),
    accessibilityNeeds: text('accessibility_needs'),
    languageNeeds: text('language_needs'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    rsvpTokenHash: text('rsvp_token_hash'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('event_participants_event_idx').on(t.eventId, t.createdAt),
    uniqueIndex('event_participants_email_key')
      .on(t.eventId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
    uniqueIndex('event_participants_person_key')
      .on(t.eventId, t.personId)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('event_participants_token_key').on(t.rsvpTokenHash),
    check(
      'event_participants_status_check',
      sql`${t.status} in ('invited', 'accepted', 'declined', 'registered', 'waitlisted', 'cancelled')`,
    ),
    check('event_participants_match_check', sql`${t.matchState} in ('linked', 'review', 'unmatched')`),
  ],
);

/** Attendance: one row per participant and day, or per participant and session. */
export const eventAttendance = pgTable(
  'event_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => eventParticipants.id, { onDelete: 'cascade' }),
    /** A local date of the event (YYYY-MM-DD in its time zone), or null when a session is named. */
    day: text('day'),
    sessionId: uuid('session_id').references(() => eventSessions.id, { onDelete: 'cascade' }),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_attendance_day_key').on(t.participantId, t.day).where(sql`${t.day} is not null`),
    uniqueIndex('event_attendance_session_key')
      .on(t.participantId, t.sessionId)
      .where(sql`${t.sessionId} is not null`),
    check('event_attendance_one_of', sql`num_nonnulls(${t.day}, ${t.sessionId}) = 1`),
  ],
);

/** A person's private calendar feed: the URL carries a token whose hash is kept; revoked feeds stop. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_key').on(t.tokenHash),
    index('calendar_feeds_user_idx').on(t.userId),
  ],
);
