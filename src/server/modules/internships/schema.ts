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
import { people } from '../people/schema.ts';
import { programmes } from '../programmes/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

/**
 * An internship or volunteering opportunity an organisation offers, described on the public
 * /internships page. Applications are addressed to its organisation.
 */
export const internshipOpportunities = pgTable(
  'internship_opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    programmeId: uuid('programme_id').references(() => programmes.id),
    title: text('title').notNull(),
    titles: jsonb('titles').$type<Labels>().notNull().default({}),
    description: text('description').notNull().default(''),
    descriptions: jsonb('descriptions').$type<Labels>().notNull().default({}),
    /** Open for applications and shown on the public page. */
    open: boolean('open').notNull().default(false),
    demonstration: boolean('demonstration').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('internship_opportunities_org_idx').on(t.organisationId)],
);

export const APPLICATION_STATUSES = ['received', 'shortlisted', 'placed', 'declined'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * An application sent through the public form. Personal data (name, email, phone, motivation):
 * only the staff of the organisation it is addressed to read it (policy.ts), and it is deleted
 * once decided (see docs/decisions/internship-applications.md for the retention note).
 * `consented_at` is when the applicant agreed to the storage of their data; no row exists without it.
 */
export const internshipApplications = pgTable(
  'internship_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => internshipOpportunities.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    school: text('school'),
    availableFrom: date('available_from', { mode: 'string' }),
    availableUntil: date('available_until', { mode: 'string' }),
    motivation: text('motivation').notNull(),
    locale: text('locale').notNull().default('en'),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    status: text('status').$type<ApplicationStatus>().notNull().default('received'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('internship_applications_org_idx').on(t.organisationId, t.status),
    check(
      'internship_applications_status_check',
      sql`${t.status} in ('received', 'shortlisted', 'placed', 'declined')`,
    ),
    check(
      'internship_applications_period_check',
      sql`${t.availableFrom} is null or ${t.availableUntil} is null or ${t.availableFrom} <= ${t.availableUntil}`,
    ),
  ],
);

/**
 * A placement: the intern (a directory person), the partner school (a directory organisation),
 * the supervisor (a directory person), the programme and the period. It outlives the application
 * (which is deleted after the decision), so `application_id` becomes null then.
 */
export const internshipPlacements = pgTable(
  'internship_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id').references(() => internshipApplications.id, {
      onDelete: 'set null',
    }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    internPersonId: uuid('intern_person_id')
      .notNull()
      .references(() => people.id),
    schoolOrganisationId: uuid('school_organisation_id').references(() => organisations.id),
    supervisorPersonId: uuid('supervisor_person_id').references(() => people.id),
    programmeId: uuid('programme_id').references(() => programmes.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('internship_placements_application_key').on(t.applicationId),
    index('internship_placements_org_idx').on(t.organisationId),
    check('internship_placements_period_check', sql`${t.startsOn} <= ${t.endsOn}`),
  ],
);
