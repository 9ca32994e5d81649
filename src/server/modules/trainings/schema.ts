import { sql } from 'drizzle-orm';
import {
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
import { users } from '../../platform/auth/schema.ts';
import { organisations } from '../directory/schema.ts';
import { eventParticipants, events } from '../events/schema.ts';
import { programmes } from '../programmes/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

/** Months after a cohort ends at which its graduates are followed up, unless the course says otherwise. */
export const DEFAULT_FOLLOW_UP_MONTHS = [3, 6, 12];

/**
 * A training course (e.g. the human-rights training programme for advocates). Its cohorts are
 * events of kind training_course (docs/decisions/trainings-cohorts.md): sessions, invitations,
 * registration and attendance are the events module's; the course adds completion, certificates
 * and follow-up. `organisation_id` keeps the record.
 */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    titles: jsonb('titles').$type<Labels>().notNull().default({}),
    description: text('description').notNull().default(''),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    /** Who signs the certificates (printed on them). */
    issuer: text('issuer').notNull().default(''),
    followUpMonths: integer('follow_up_months').array().notNull().default(sql`'{3,6,12}'::int[]`),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('training_courses_organisation_idx').on(t.organisationId),
    index('training_courses_programme_idx').on(t.programmeId),
  ],
);

/** A cohort: one event of the course (an event belongs to at most one course). */
export const trainingCohorts = pgTable(
  'training_cohorts',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    courseId: uuid('course_id')
      .notNull()
      .references(() => trainingCourses.id, { onDelete: 'cascade' }),
    label: text('label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_cohorts_course_idx').on(t.courseId)],
);

export const COMPLETION_STATES = ['completed', 'not_completed'] as const;
export type CompletionState = (typeof COMPLETION_STATES)[number];
export const SEXES = ['female', 'male', 'other', 'not_stated'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * The outcome of one participant of a cohort. The alumni figures (sex, country, organisation)
 * are recorded here, as they were at the training: the directory keeps no sex, and a person's
 * country or organisation may change later without rewriting who was trained where.
 * The certificate's private link stores only the hash of its token.
 */
export const trainingCompletions = pgTable(
  'training_completions',
  {
    participantId: uuid('participant_id')
      .primaryKey()
      .references(() => eventParticipants.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    state: text('state').$type<CompletionState>().notNull(),
    /** YYYY-MM-DD */
    completedOn: text('completed_on').notNull(),
    sex: text('sex').$type<Sex>().notNull().default('not_stated'),
    countryCode: text('country_code'),
    organisationName: text('organisation_name'),
    /** The language the certificate is written in (the participant's). */
    language: text('language').notNull().default('en'),
    certificateNumber: text('certificate_number'),
    certificateTokenHash: text('certificate_token_hash'),
    certificateIssuedOn: text('certificate_issued_on'),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('training_completions_event_idx').on(t.eventId),
    uniqueIndex('training_completions_certificate_key').on(t.certificateNumber),
    uniqueIndex('training_completions_token_key').on(t.certificateTokenHash),
    check('training_completions_state_check', sql`${t.state} in ('completed', 'not_completed')`),
    check('training_completions_sex_check', sql`${t.sex} in ('female', 'male', 'other', 'not_stated')`),
    check(
      'training_completions_certificate_check',
      sql`${t.certificateNumber} is null or ${t.state} = 'completed'`,
    ),
  ],
);

/**
 * A scheduled follow-up of a graduate: a task due some months after the cohort ended, with an
 * assignee. Recording the outcome (a term of training_outcome plus a note) closes it.
 */
export const trainingFollowUps = pgTable(
  'training_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => trainingCompletions.participantId, { onDelete: 'cascade' }),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    monthsAfter: integer('months_after').notNull(),
    /** YYYY-MM-DD */
    dueOn: text('due_on').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    outcomeCodes: text('outcome_codes').array().notNull().default(sql`'{}'::text[]`),
    note: text('note').notNull().default(''),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('training_follow_ups_key').on(t.participantId, t.monthsAfter),
    index('training_follow_ups_due_idx').on(t.dueOn),
    index('training_follow_ups_assignee_idx').on(t.assigneeId),
    check('training_follow_ups_months_check', sql`${t.monthsAfter} between 1 and 120`),
  ],
);
