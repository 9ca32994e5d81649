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
import { organisations } from '../directory/schema.ts';
import { people } from '../people/schema.ts';
import type { Labels } from '../vocabularies/schema.ts';

export const PROGRAMME_STATUSES = ['draft', 'published', 'archived'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/**
 * A programme run by one or more organisations (women migrants, domestic workers, legal redress …).
 * `name`/`summary` are the text in the default language, `names`/`summaries` the other content
 * languages. `themes` and `target_groups` are codes of the programme_theme and
 * programme_target_group vocabularies; `countries` ISO alpha-2 codes; period as YYYY, YYYY-MM or
 * YYYY-MM-DD. `demonstration` marks demo records that say more than the seed documents do.
 * Other modules (campaigns, events, library) reference `programmes.id`.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // A default so rows written by plain SQL (backups, other modules' tests) still get a unique slug.
    slug: text('slug').notNull().default(sql`'programme-' || substr(md5(gen_random_uuid()::text), 1, 10)`),
    name: text('name').notNull(),
    names: jsonb('names').$type<Labels>().notNull().default({}),
    summary: text('summary'),
    summaries: jsonb('summaries').$type<Labels>().notNull().default({}),
    status: text('status').$type<ProgrammeStatus>().notNull().default('draft'),
    periodStart: text('period_start'),
    periodEnd: text('period_end'),
    themes: text('themes').array().notNull().default(sql`'{}'::text[]`),
    targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
    countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
    demonstration: boolean('demonstration').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('programmes_slug_key').on(t.slug),
    index('programmes_status_idx').on(t.status),
    index('programmes_countries_idx').using('gin', t.countries),
    check('programmes_status_check', sql`${t.status} in ('draft', 'published', 'archived')`),
    check('programmes_slug_check', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const PROGRAMME_ORGANISATION_ROLES = ['runs', 'partner', 'secretariat'] as const;
export type ProgrammeOrganisationRole = (typeof PROGRAMME_ORGANISATION_ROLES)[number];

/**
 * Organisations of a programme by role: `runs` (one or more run it), `partner`, and `secretariat`
 * (the programme holds the secretariat of this network, e.g. AMM♀RE).
 */
export const programmeOrganisations = pgTable(
  'programme_organisations',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').$type<ProgrammeOrganisationRole>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.role, t.organisationId] }),
    index('programme_organisations_org_idx').on(t.organisationId, t.role),
    check('programme_organisations_role_check', sql`${t.role} in ('runs', 'partner', 'secretariat')`),
  ],
);

export const PROGRAMME_PERSON_ROLES = ['staff', 'area_coordinator'] as const;
export type ProgrammePersonRole = (typeof PROGRAMME_PERSON_ROLES)[number];

/** A directory person working on a programme, with dated role; area coordinators name their country. */
export const programmePeople = pgTable(
  'programme_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<ProgrammePersonRole>().notNull(),
    countryCode: text('country_code'),
    label: text('label'),
    startDate: text('start_date'),
    endDate: text('end_date'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('programme_people_programme_idx').on(t.programmeId),
    index('programme_people_person_idx').on(t.personId),
    check('programme_people_role_check', sql`${t.role} in ('staff', 'area_coordinator')`),
    check(
      'programme_people_coordinator_country',
      sql`${t.role} <> 'area_coordinator' or ${t.countryCode} is not null`,
    ),
  ],
);

/**
 * Where a reach indicator's figures come from: typed by hand, or computed from Tulay's own data
 * (the protected case statistics; the people who attended the programme's events). To add a
 * source: add it here and to the check below (a migration), and give it a computation in
 * reach.ts's COMPUTED_SOURCES.
 */
export const INDICATOR_SOURCES = ['manual', 'cases_handled', 'event_participants', 'trained'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** A reach indicator of a programme ("people trained", "cases handled" …). */
export const programmeIndicators = pgTable(
  'programme_indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    labels: jsonb('labels').$type<Labels>().notNull().default({}),
    source: text('source').$type<IndicatorSource>().notNull().default('manual'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    index('programme_indicators_programme_idx').on(t.programmeId),
    check(
      'programme_indicators_source_check',
      sql`${t.source} in ('manual', 'cases_handled', 'event_participants', 'trained')`,
    ),
  ],
);

/** A hand-entered figure of an indicator for one year. */
export const programmeIndicatorValues = pgTable(
  'programme_indicator_values',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => programmeIndicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.indicatorId, t.year] }),
    check('programme_indicator_values_value_check', sql`${t.value} >= 0`),
  ],
);
